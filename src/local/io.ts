/** Where a command writes: stdout and stderr lines, so tests can capture them. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}
