import type { Io } from './io';

// conventions.md: a person sees a short message in their language; the detail (JavaScript's own
// wording, a stack) goes to stderr only when DEBUG=ikigai is set (DEBUG may list several names,
// `DEBUG=ikigai,other`).

/** True when DEBUG names ikigai. */
export function debugging(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.DEBUG ?? '').split(',').map((s) => s.trim()).includes('ikigai');
}

/** Writes the detail of `error` (its stack when it has one) to stderr under DEBUG=ikigai only. */
export function debugDetail(io: Io, error: unknown): void {
  if (!debugging()) return;
  io.err(error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error));
}
