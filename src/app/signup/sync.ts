import { parseTable } from '../../domain/parse/parse-table';
import { EVENTS_TAB, REGISTRATIONS_TAB, SETTINGS_TAB, headerName, tabName, tabNames, type EventRecord, type Registration } from '../../domain/schema/tabs';
import { parseSettings, settingsColumns, type Settings } from '../../domain/settings';
import { closedMessage } from '../../domain/signup/form-spec';
import { answersFromResponseRow } from '../../domain/signup/form-answers';
import { offeredLabels, type Register } from '../../domain/signup/register';
import { cacheEntries, cacheFromEntries, staleSignupKeys, type SignupCache } from '../../domain/signup/signup-cache';
import type { Problem } from '../../domain/messages/problem';
import type { Clock, Mailer, PropertyBag, SignupForms, TableStore } from '../ports';
import { MailBudget } from './mail-budget';
import { freshCache, readSignupState, type SignupState } from './signup-state';
import { sendPending, takeAnswer, type Taken } from './take-answer';

// The sync (menu 申込を再確認 and 申込フォームを更新, the daily trigger, setup): under the script lock,
// (1) every row of the sign-up form's response tab that 申込 does not hold yet is taken, in the
// tab's order, exactly as the submit trigger would have taken it (an answer whose trigger found
// the lock busy, or failed, is never lost: Forms wrote it to the response tab first); (2) the
// form is made to offer exactly the sessions with a place left; (3) the small property cache is
// rebuilt from 設定 and コーディネータ. The places themselves are 申込's (register.ts): nothing to rebuild.

/** Where the form's answers land (Sheet.getFormUrl on Google; none locally). */
export interface ResponseTabs {
  /** The name of the tab the form `formId` writes its answers to, or null. */
  tabOf(formId: string): string | null;
}

export interface SignupSyncPorts {
  readonly store: TableStore;
  readonly props: PropertyBag;
  readonly clock: Clock;
  readonly forms: SignupForms | null;
  /** With both, the sync takes the answers 申込 misses (and mails them). */
  readonly responses?: ResponseTabs | null;
  readonly mailer?: Mailer | null;
  /** Lines with counts and codes only. */
  readonly log?: (line: string) => void;
}

export interface SignupSyncResult {
  readonly formId: string;
  /** The choices the form now offers (empty: the form is closed with a kind message). */
  readonly choices: string[];
  readonly accepting: boolean;
  readonly problems: Problem[];
  /** Answers of the response tab taken into 申込 by this sync, in order. */
  readonly taken: number;
  /** Whether the form was updated (false: no form, or Forms failed; the next sync tries again). */
  readonly formUpdated: boolean;
}

export interface SheetsForSignup {
  readonly settings: Settings;
  readonly settingsRowOf: Map<string, number>;
  readonly settingsTab: string | null;
  /** 設定's 項目 and 値 columns (0-based), found by header. */
  readonly settingsColumns: { key: number; value: number };
  readonly events: EventRecord[];
  readonly registrations: Registration[];
  readonly registrationRows: number[];
  readonly registrationsTab: string;
  readonly registrationsHeader: string[];
  readonly problems: Problem[];
}

/** One read of each tab the sign-up needs. A missing 申込 tab is created with its header. */
export function readSheetsForSignup(store: TableStore): SheetsForSignup {
  const settingsRaw = store.read(tabNames(SETTINGS_TAB));
  const { settings, problems, rowOf } = parseSettings(settingsRaw);
  const lang = settings.language;
  const eventsRaw = store.read(tabNames(EVENTS_TAB, lang));
  const events = eventsRaw ? parseTable(EVENTS_TAB, eventsRaw) : null;
  let regRaw = store.read(tabNames(REGISTRATIONS_TAB, lang));
  if (!regRaw) {
    const header = REGISTRATIONS_TAB.columns.map((c) => headerName(c, lang));
    store.replace(tabName(REGISTRATIONS_TAB, lang), header, []);
    regRaw = { name: tabName(REGISTRATIONS_TAB, lang), header, rows: [] };
  }
  const regs = parseTable(REGISTRATIONS_TAB, regRaw);
  return {
    settings, settingsRowOf: rowOf as Map<string, number>, settingsTab: settingsRaw?.name ?? null,
    settingsColumns: settingsColumns(settingsRaw?.header ?? []),
    events: events?.records ?? [], registrations: regs.records, registrationRows: regs.rowNumbers,
    registrationsTab: regRaw.name, registrationsHeader: [...regRaw.header],
    problems: [...problems, ...(events?.problems ?? []), ...regs.problems],
  };
}

/** The form offers exactly `register`'s sessions with a place left. A Forms failure is logged and
 *  answered `updated: false`: the rows are written already, and the next sync or submit tries again. */
export function pushChoices(forms: SignupForms | null, cache: SignupCache, register: Register, log?: (line: string) => void): { cache: SignupCache; updated: boolean } {
  if (!forms || cache.formId === '') return { cache, updated: false };
  try {
    const itemId = forms.setSessions(cache.formId, cache.sessionItemId, offeredLabels(register), closedMessage(cache.language));
    return { cache: itemId === cache.sessionItemId ? cache : { ...cache, sessionItemId: itemId }, updated: true };
  } catch (error) {
    log?.(`signup: the form could not be updated (${errorName(error)}); the next sync tries again`);
    return { cache, updated: false };
  }
}

/** Every answer of the form's response tab that 申込 does not hold yet, taken in the tab's order. */
export function takeMissedAnswers(
  ports: Pick<SignupSyncPorts, 'store' | 'responses' | 'log'>, state: SignupState, cache: SignupCache, budget: MailBudget,
): Taken[] {
  if (!ports.responses || cache.formId === '') return [];
  const tab = ports.responses.tabOf(cache.formId);
  const raw = tab === null ? null : ports.store.read([tab]);
  if (!raw) return [];
  const taken: Taken[] = [];
  let undated = 0;
  for (const row of raw.rows) {
    const { answers, at } = answersFromResponseRow(raw.header, row);
    if (answers.blank) continue;
    if (at === null) { undated += 1; continue; }
    const t = takeAnswer(ports.store, state, cache, answers, at, budget);
    if (t.registration) taken.push(t);
  }
  if (undated > 0) ports.log?.(`signup: ${undated} response rows have no readable timestamp and were left alone`);
  if (taken.length > 0) ports.log?.(`signup: took ${taken.length} answers the form had and 申込 did not`);
  return taken;
}

export function syncSignup(ports: SignupSyncPorts): SignupSyncResult {
  const all = ports.props.getAll();
  const fresh = freshCache(ports.store, ports.clock, cacheFromEntries(all));
  const state = readSignupState(ports.store, fresh.cache, ports.clock.now());
  const budget = new MailBudget(ports.mailer ?? { remainingQuota: () => 0, send: () => undefined }, fresh.cache.mailReserve);
  const taken = ports.mailer ? takeMissedAnswers(ports, state, fresh.cache, budget) : [];
  const pushed = pushChoices(ports.forms, fresh.cache, state.register, ports.log);
  ports.props.setAll(cacheEntries(pushed.cache));
  const stale = staleSignupKeys(Object.keys(all));
  if (stale.length > 0) ports.props.delete(stale);
  const mails = taken.flatMap((t) => (t.mail ? [t.mail] : []));
  if (mails.length > 0 && ports.mailer) {
    // The rows first: a mail must never go out for a row the next run cannot see.
    ports.store.flush();
    let failed = 0;
    for (const m of mails) if (!sendPending(ports.mailer, pushed.cache, m)) failed += 1;
    if (failed > 0) ports.log?.(`signup: ${failed} mails could not be sent`);
  }
  const choices = offeredLabels(state.register);
  return {
    formId: pushed.cache.formId, choices, accepting: choices.length > 0, problems: [...fresh.problems, ...state.problems],
    taken: taken.length, formUpdated: pushed.updated,
  };
}

function errorName(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0] ?? ''}`.slice(0, 200);
  return String(error).slice(0, 200);
}
