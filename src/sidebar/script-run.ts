import type { ApiResult } from '../app/shared/api-types';
import type { SidebarServerApi } from '../app/server-calls';

// A typed promise per server call over google.script.run (the real one in Apps Script, or the
// dev server's fake). The calls, their arguments and their answers are those of the table of
// server calls (src/app/server-calls.ts: types only, nothing of it enters the sidebar's bundle).
// The server answers ApiResult; a failure of the transport itself (network, timeout, a server
// bug that escaped) becomes a ServerError with a message for the person.
export type ServerApi = SidebarServerApi;

type Data<R> = R extends { ok: true; data: infer T } ? T : never;

interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

/** The person-facing text of a failed call (already in the user's language when the server wrote it). */
export class ServerError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'ServerError';
  }
}

function scriptRun(): ScriptRun | null {
  const g = (globalThis as { google?: { script?: { run?: ScriptRun } } }).google;
  return g?.script?.run ?? null;
}

export function callServer<K extends keyof ServerApi>(
  name: K, unreachable: string, ...args: Parameters<ServerApi[K]>
): Promise<Data<ReturnType<ServerApi[K]>>> {
  return new Promise((resolve, reject) => {
    const run = scriptRun();
    if (!run) { reject(new ServerError(unreachable, 'unreachable')); return; }
    const chained = run
      .withSuccessHandler((value) => {
        const result = value as ApiResult<Data<ReturnType<ServerApi[K]>>> | null;
        if (result && result.ok) resolve(result.data);
        else reject(new ServerError(result?.message ?? unreachable, result?.code ?? 'internal'));
      })
      .withFailureHandler((error) => {
        // The raw error may be a stack trace in English: log it for support, show the plain message.
        console.error(error);
        reject(new ServerError(unreachable, 'unreachable'));
      });
    const fn = chained[name];
    if (typeof fn !== 'function') { reject(new ServerError(unreachable, 'unreachable')); return; }
    (fn as (...a: unknown[]) => void).apply(chained, args);
  });
}
