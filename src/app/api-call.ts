import type * as z from 'zod/mini';
import type { Language } from '../domain/enums';
import type { Access } from './authorize';
import { openContext, readSettings, type CallContext, type SidebarPorts } from './sidebar-context';
import { ApiError } from './sidebar-error';
import { sidebarMessage } from './sidebar-messages';
import type { ApiResult } from './sidebar-types';
import { underWriteLock } from './write-boundary';

// The rules every google.script.run call of a feature outside createSidebarApi follows (the
// attendance list, check-in, join, cancel), in one place: 設定 for the language, the caller
// checked against コーディネータ, arguments validated before the lock, writes under the lock,
// and every failure answered as a message in the caller's language, never an exception.

/** Runs `body` as `access` for the caller; `prepare` validates the arguments (throwing ApiError). */
export function guardedCall<I, T>(
  ports: SidebarPorts, access: Access, prepare: () => I, body: (ctx: CallContext, input: I) => T,
  log: (detail: unknown) => void = (d) => console.error(d),
): ApiResult<T> {
  let lang: Language = 'ja';
  try {
    const settings = readSettings(ports.store);
    lang = settings.language;
    const ctx = openContext(ports, settings, access);
    const input = prepare();
    if (access === 'read') return { ok: true, data: body(ctx, input) };
    const written = underWriteLock(ports, () => body(ctx, input));
    if (!written.ok) throw new ApiError('busy');
    return { ok: true, data: written.value };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, code: error.code, message: sidebarMessage(error.code, lang, error.params) };
    log(error);
    return { ok: false, code: 'internal', message: sidebarMessage('internal', lang) };
  }
}

/** zod's verdict as an ApiError('bad_input') naming the fields, so the person sees what to fix. */
export function parseArgs<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError('bad_input', { detail: result.error.issues.map((i) => `${i.path.join('.') || 'input'} (${i.message})`).join(', ') });
  }
  return result.data;
}
