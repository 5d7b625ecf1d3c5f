import type { EventKind, Language } from '../enums';
import type { EventRecord, Registration } from '../schema/tabs';
import { personKeys } from './person-key';
import { sessionLabel } from './session-label';

// The sign-up ledger: what a form submission needs to decide, kept in document properties so a
// submit costs a handful of service calls instead of reading three tabs (see forms.md,
// "Call budget"). The sheets stay the truth: every sync (menu, setup, daily trigger, each
// cancellation) rebuilds the ledger from イベント and 申込. Between syncs only the submit handler
// changes it, under the script lock, in step with the row it appends.
export interface LedgerSession {
  readonly eventId: string;
  readonly kind: EventKind;
  readonly label: string;
  readonly date: string;
  readonly startTime: string | null;
  readonly venue: string;
  readonly title: string;
  /** null = no limit. */
  readonly capacity: number | null;
  confirmed: number;
  waitlisted: number;
  /** Hashed phone / e-mail keys of everyone registered (not cancelled) for this session. */
  people: string[];
}

/** What a sync hands over and the ledger keeps as it is: the center, the form, 申込's shape. */
interface LedgerContext {
  readonly syncedAt: string;
  readonly language: Language;
  readonly timeZone: string;
  readonly centerName: string;
  readonly formId: string;
  readonly sessionItemId: string;
  /** 申込's actual tab name and header at the last sync, so a submit can append without reading. */
  readonly registrationsTab: string;
  readonly header: readonly string[];
}

export interface SignupLedger extends LedgerContext {
  readonly version: 1;
  nextNumber: number;
  /** Open sessions on or after the sync day, full ones included (late answers are waitlisted). */
  sessions: LedgerSession[];
  /** Keys of the most recent answers, to drop a firing Apps Script delivers twice. */
  recentResponses: string[];
}

export const RECENT_RESPONSES_KEPT = 200;

/** A session the form offers: open and with a place left. */
export function hasPlace(s: LedgerSession): boolean {
  return s.capacity === null || s.confirmed < s.capacity;
}

export function offeredLabels(ledger: SignupLedger): string[] {
  return ledger.sessions.filter(hasPlace).map((s) => s.label);
}

/** `R00042` → 42; IDs of other shapes count as 0. */
function numberOf(id: string): number {
  const m = /^R(\d+)$/.exec(id.trim());
  return m ? Number(m[1]) : 0;
}

export interface LedgerInput extends LedgerContext {
  readonly today: string;
  readonly events: readonly EventRecord[];
  readonly registrations: readonly Registration[];
}

export function buildLedger(input: LedgerInput): SignupLedger {
  const sessions: LedgerSession[] = input.events
    .filter((e) => (e.status ?? 'open') === 'open' && e.date >= input.today)
    .sort((a, b) => (a.date + (a.start_time ?? '')).localeCompare(b.date + (b.start_time ?? '')) || a.event_id.localeCompare(b.event_id))
    .map((e) => ({
      eventId: e.event_id, kind: e.kind, label: sessionLabel(e, input.language), date: e.date, startTime: e.start_time,
      venue: e.venue, title: e.title, capacity: e.capacity, confirmed: 0, waitlisted: 0, people: [],
    }));
  const byId = new Map(sessions.map((s) => [s.eventId, s]));
  let maxNumber = 0;
  for (const r of input.registrations) {
    maxNumber = Math.max(maxNumber, numberOf(r.registration_id));
    const s = r.event_id ? byId.get(r.event_id) : undefined;
    if (!s || r.status === 'cancelled') continue;
    if (r.status === 'confirmed') s.confirmed += 1;
    if (r.status === 'waitlisted') s.waitlisted += 1;
    for (const k of personKeys(r.phone, r.email)) if (!s.people.includes(k)) s.people.push(k);
  }
  return {
    version: 1, syncedAt: input.syncedAt, language: input.language, timeZone: input.timeZone, centerName: input.centerName,
    formId: input.formId, sessionItemId: input.sessionItemId, registrationsTab: input.registrationsTab, header: [...input.header],
    nextNumber: maxNumber + 1, sessions, recentResponses: [],
  };
}

export function registrationId(n: number): string {
  return `R${String(n).padStart(5, '0')}`;
}

// Document properties hold at most 9 KB per value, so each session is its own entry.
export const LEDGER_PREFIX = 'ikigai.signup.';
export const LEDGER_CORE_KEY = `${LEDGER_PREFIX}core`;
const CORE_KEY = LEDGER_CORE_KEY;
const SESSION_PREFIX = `${LEDGER_PREFIX}session.`;

export function ledgerSessionKey(eventId: string): string {
  return `${SESSION_PREFIX}${eventId}`;
}

/** Only the entries a submit changed: the core (counters, recent answers) and one session. */
export function changedEntries(ledger: SignupLedger, eventId: string | null): Record<string, string> {
  const all = ledgerEntries(ledger);
  const out: Record<string, string> = { [CORE_KEY]: all[CORE_KEY] ?? '' };
  if (eventId !== null) {
    const k = ledgerSessionKey(eventId);
    const v = all[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function ledgerEntries(ledger: SignupLedger): Record<string, string> {
  const { sessions, ...core } = ledger;
  const entries: Record<string, string> = { [CORE_KEY]: JSON.stringify({ ...core, sessionIds: sessions.map((s) => s.eventId) }) };
  for (const s of sessions) entries[`${SESSION_PREFIX}${s.eventId}`] = JSON.stringify(s);
  return entries;
}

/** The ledger from property entries; null when there is none or it is unreadable (then: sync). */
export function ledgerFromEntries(entries: Readonly<Record<string, string>>): SignupLedger | null {
  const core = entries[CORE_KEY];
  if (!core) return null;
  try {
    const parsed = JSON.parse(core) as Omit<SignupLedger, 'sessions'> & { sessionIds: string[] };
    if (parsed.version !== 1) return null;
    const sessions: LedgerSession[] = [];
    for (const id of parsed.sessionIds) {
      const raw = entries[`${SESSION_PREFIX}${id}`];
      if (!raw) return null;
      sessions.push(JSON.parse(raw) as LedgerSession);
    }
    const { sessionIds: _ids, ...rest } = parsed;
    return { ...rest, sessions };
  } catch {
    return null;
  }
}

/** Ledger entries that a new ledger no longer has (sessions closed or past), to delete. */
export function staleLedgerKeys(existing: readonly string[], next: Readonly<Record<string, string>>): string[] {
  return existing.filter((k) => k.startsWith(LEDGER_PREFIX) && !(k in next));
}
