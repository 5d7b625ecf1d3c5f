import { cellText, type RawTable } from '../../domain/cell';
import { civilDateTimeIn } from '../../domain/civil-date';
import { locateColumns, parseTable } from '../../domain/parse/parse-table';
import {
  COORDINATORS_TAB, EVENTS_TAB, REGISTRATIONS_TAB, SETTINGS_TAB, headerName, tabName, tabNames,
} from '../../domain/schema/tabs';
import { parseSettings, type Settings } from '../../domain/settings';
import { buildRegister, type Register, type RegisterRow } from '../../domain/signup/register';
import { cacheEntries, cacheFromEntries, type SignupCache } from '../../domain/signup/signup-cache';
import type { Problem } from '../../domain/messages/problem';
import type { Clock, PropertyBag, TableStore } from '../ports';
import { weeklyRecipients } from '../weekly/recipients';

// What a sign-up decision reads, under the script lock: the context (the small property cache, or
// 設定 and コーディネータ when it is missing) and the register of places, built from イベント (read
// whole: a few hundred rows at most) and 申込's key columns (signup/register.ts).

/** The key columns of 申込 a decision reads (申込ID, the tab's required column, comes too). */
export const REGISTER_COLUMNS = ['event_id', 'name', 'phone', 'email', 'registered_at', 'status'] as const;

/** How many mails each day's quota keeps for the weekly summary: one per recipient of its single
 *  mail (MailApp counts every recipient), so no sign-up, promotion or reminder ever spends what
 *  the next weekly run needs (forms.md "Mail budget"). Kept every day, since the weekly's day is
 *  設定's and Google's quota is a rolling 24 hours. */
export function mailReserveOf(settings: Settings, coordinators: Parameters<typeof weeklyRecipients>[1]): number {
  return weeklyRecipients(settings, coordinators).to.length;
}

/** 設定 and コーディネータ made into a fresh cache (the form's IDs: `formId`, `sessionItemId`). */
export function freshCache(store: TableStore, clock: Clock, previous: SignupCache | null): { cache: SignupCache; settings: Settings; problems: Problem[] } {
  const { settings, problems } = parseSettings(store.read(tabNames(SETTINGS_TAB)));
  const coordinatorsRaw = store.read(tabNames(COORDINATORS_TAB, settings.language));
  const coordinators = coordinatorsRaw ? parseTable(COORDINATORS_TAB, coordinatorsRaw).records : [];
  const formId = settings.signupFormId || previous?.formId || '';
  const cache: SignupCache = {
    version: 2, syncedAt: civilDateTimeIn(clock.now(), settings.timeZone), formId,
    sessionItemId: previous && previous.formId === formId ? previous.sessionItemId : '',
    language: settings.language, timeZone: settings.timeZone, centerName: settings.centerName,
    mailReserve: mailReserveOf(settings, coordinators),
  };
  return { cache, settings, problems };
}

/** The cache, rebuilt and saved when there is none (one getProperties; 設定 + コーディネータ only then). */
export function loadCache(props: PropertyBag, store: TableStore, clock: Clock): SignupCache {
  const cached = cacheFromEntries(props.getAll());
  if (cached) return cached;
  const { cache } = freshCache(store, clock, null);
  props.setAll(cacheEntries(cache));
  return cache;
}

export interface SignupState {
  readonly register: Register;
  /** 申込's tab name and header as read now (the append goes under this header). */
  readonly registrationsTab: string;
  readonly header: readonly string[];
  readonly problems: Problem[];
}

/** The register of places as 申込 and イベント stand (a missing 申込 is created with its header). */
export function readSignupState(store: TableStore, cache: Pick<SignupCache, 'language' | 'timeZone'>, now: Date): SignupState {
  const lang = cache.language;
  const eventsRaw = store.read(tabNames(EVENTS_TAB, lang));
  const events = eventsRaw ? parseTable(EVENTS_TAB, eventsRaw) : null;
  let raw = readKeyColumns(store);
  if (!raw) {
    const header = REGISTRATIONS_TAB.columns.map((c) => headerName(c, lang));
    store.replace(tabName(REGISTRATIONS_TAB, lang), header, []);
    raw = { name: tabName(REGISTRATIONS_TAB, lang), header, rows: [] };
  }
  const parsed = parseTable(REGISTRATIONS_TAB, raw);
  const idAt = locateColumns(REGISTRATIONS_TAB, raw.name, raw.header).index.get('registration_id') ?? -1;
  const ids = idAt < 0 ? [] : raw.rows.map((row) => cellText(row[idAt]));
  const register = buildRegister({
    today: civilDateTimeIn(now, cache.timeZone).slice(0, 10), language: lang,
    events: events?.records ?? [], registrations: parsed.records as RegisterRow[], ids,
  });
  return { register, registrationsTab: raw.name, header: [...raw.header], problems: [...(events?.problems ?? []), ...parsed.problems] };
}

/** 申込's key columns in one block: every column from the first key column to the last (in the
 *  standard layout A:K, 11 columns), so the read is one getValues instead of one per run of
 *  adjacent key columns (three): a round trip costs more than the few columns between. */
function readKeyColumns(store: TableStore): RawTable | null {
  const names = tabNames(REGISTRATIONS_TAB);
  const pick = (header: readonly string[]): number[] => {
    const { index } = locateColumns(REGISTRATIONS_TAB, '', header);
    const at = ['registration_id', ...REGISTER_COLUMNS].map((k) => index.get(k) ?? -1).filter((i) => i >= 0);
    if (at.length === 0) return [];
    const from = Math.min(...at);
    return Array.from({ length: Math.max(...at) - from + 1 }, (_, i) => from + i);
  };
  return store.readColumns ? store.readColumns(names, pick) : store.read(names);
}
