import { main } from '../../src/local/cli';
import type { Io } from '../../src/local/io';

// Running `ikigai` inside the test process: the same main(argv, io) the binary calls, with an Io
// that keeps every line instead of writing to the terminal, so a test reads exactly what a
// person would have seen on stdout and stderr, and the exit code.

export interface CapturedIo {
  readonly io: Io;
  /** stdout, one entry per line written. */
  readonly out: string[];
  /** stderr, one entry per line written. */
  readonly err: string[];
}

/** An Io for a command run in `cwd` (relative paths resolve there), keeping what it writes. */
export function captureIo(cwd: string): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s), cwd }, out, err };
}

export interface CliRun { code: number; out: string; err: string }

/** `ikigai ...argv` run in `cwd`: the exit code, and stdout and stderr each as one text. */
export async function runIkigai(cwd: string, argv: readonly string[]): Promise<CliRun> {
  const captured = captureIo(cwd);
  const code = await main([...argv], captured.io);
  return { code, out: captured.out.join('\n'), err: captured.err.join('\n') };
}
