import type * as z from 'zod/mini';
import type { Language } from '../../domain/enums';
import { parseTable } from '../../domain/parse/parse-table';
import { COORDINATORS_TAB, tabNames, type Coordinator } from '../../domain/schema/tabs';
import type { Settings } from '../../domain/settings';
import { checkCaller, checkSetupCaller, type Access, type CallerRefusal, type CallerRule } from './authorize';
import type { TableStore, UserIdentity } from '../ports';
import { openContext, readSettings, type CallContext, type SidebarPorts } from './call-context';
import { ApiError } from './api-error';
import { errorMessage } from './api-messages';
import { inputIssuesOf, inputIssuesText } from './input-issues';
import type { ApiResult } from './api-types';
import { LOCK_WAIT_MS, underWriteLock } from './write-boundary';
import { cachedTable, coordinatorsKey, type DeskCache } from './desk-cache';

// The rules every google.script.run call of a feature outside createSidebarApi follows (the
// attendance list, check-in, join, cancel), in one place: 設定 for the language, the caller
// checked against コーディネータ, arguments validated before the lock, writes under the lock,
// and every failure answered as a message in the caller's language, never an exception.
// Below, the same check for the menu's and the dialog's functions (admitPerson) and every
// refusal's answer (refusal): server-calls.ts says which rule each function follows.

/** Runs `body` as `access` for the caller; `prepare` validates the arguments (throwing ApiError). */
export function guardedCall<I, T>(
  ports: SidebarPorts, access: Access, prepare: () => I, body: (ctx: CallContext, input: I) => T,
  log: (detail: unknown) => void = (d) => console.error(d),
): ApiResult<T> {
  let lang: Language = 'ja';
  try {
    // 設定 and コーディネータ from the desk cache when it holds them (desk-cache.ts).
    const settings = readSettings(ports.store, ports.cache);
    lang = settings.language;
    const ctx = openContext(ports, settings, access);
    const input = prepare();
    if (access === 'read') return { ok: true, data: body(ctx, input) };
    // The stored 今週 figures move with what the run wrote, under the same lock (figure-changes.ts),
    // even when the use case failed half-way: what it did write is in the sheet.
    // The call's last use of the lock: on Google left to the execution's end, which frees it
    // (write-boundary.ts `lastSection`), one round trip less than a releaseLock.
    const written = underWriteLock(ports, () => {
      try {
        return body(ctx, input);
      } finally {
        ctx.figures?.store();
      }
    }, LOCK_WAIT_MS, true);
    if (!written.ok) throw new ApiError('busy');
    return { ok: true, data: written.value };
  } catch (error) {
    if (error instanceof ApiError) {
      const params = error.issues.length > 0 ? { ...error.params, detail: inputIssuesText(error.issues, lang) } : error.params;
      return { ok: false, code: error.code, message: errorMessage(error.code, lang, params) };
    }
    log(error);
    return { ok: false, code: 'internal', message: errorMessage('internal', lang) };
  } finally {
    // What this call read fresh, for the next few minutes' calls (one putAll; none when it read nothing).
    ports.cache?.commit();
  }
}

/** zod's verdict as an ApiError('bad_input') naming the fields, so the person sees what to fix. */
export function parseArgs<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError('bad_input', {}, inputIssuesOf(result.error.issues, 'input'));
  }
  return result.data;
}

/** Why a function refused to run: a person not allowed, or a call that is not a real trigger run. */
export type RefusalCode = CallerRefusal | 'not_a_trigger' | 'not_signup_form' | 'not_work_report_form' | 'bad_input';

/** What a refused call answers: a code and a sentence, never any of the center's data. */
export interface Refusal { readonly ok: false; readonly code: RefusalCode; readonly message: string }

/** The refusal's sentence from the catalog's errors part (src/domain/messages). */
export function refusal(code: RefusalCode, lang: Language, params: Readonly<{ email?: string; detail?: string }> = {}): Refusal {
  return { ok: false, code, message: errorMessage(code, lang, { email: params.email ?? '', detail: params.detail ?? '' }) };
}

export interface PersonPorts {
  readonly store: TableStore;
  readonly user: UserIdentity;
  /** 設定 and コーディネータ for a few minutes (desk-cache.ts); the caller commits it at the run's end. */
  readonly cache?: DeskCache | null;
}

/** A person let in: 設定 as read for the check, their コーディネータ row (null only for the
 *  bootstrap setup, before the desk has an active manager). */
export interface Admitted {
  readonly ok: true;
  readonly settings: Settings;
  readonly email: string;
  readonly coordinator: Coordinator | null;
  readonly bootstrap: boolean;
}

/** The caller of a menu or dialog function against コーディネータ (two small reads: 設定 for the
 *  language, コーディネータ; none when the desk cache holds them, at most DESK_CACHE_TTL_SECONDS old
 *  and dropped when either tab is edited). `setup` is the manager rule with the bootstrap exception
 *  (authorize.ts checkSetupCaller), always decided on the sheet as it is now: never the cache. */
export function admitPerson(ports: PersonPorts, rule: CallerRule | 'setup'): Admitted | Refusal {
  const cache = rule === 'setup' ? null : ports.cache;
  const settings = readSettings(ports.store, cache);
  const names = tabNames(COORDINATORS_TAB, settings.language);
  const raw = cachedTable(cache, coordinatorsKey(settings.language), () => ports.store.read(names));
  const coordinators = raw ? parseTable(COORDINATORS_TAB, raw).records : null;
  const email = ports.user.email();
  const verdict = rule === 'setup' ? checkSetupCaller(coordinators, email) : checkCaller(coordinators ?? [], email, rule);
  if (!verdict.ok) return refusal(verdict.code, settings.language, { email });
  const coordinator = 'coordinator' in verdict ? verdict.coordinator : null;
  return { ok: true, settings, email: email.trim(), coordinator, bootstrap: coordinator === null };
}
