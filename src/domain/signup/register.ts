import type { EventKind, Language } from '../enums';
import type { EventRecord, Registration } from '../schema/tabs';
import { contactKeys, normaliseEmail, normaliseName, phoneKey } from './person-key';
import { sessionLabel } from './session-label';

// The register of places: who holds which place, as 申込 itself says (forms.md "The register of
// places"). It is built fresh, under the script lock, from イベント (the sessions and their
// capacity) and 申込's key columns (申込ID, イベントID, 氏名, 電話, メール, 申込日時, 状態) every time
// a place is given: by a form submit, by the sync that takes answers a submit missed, by a
// cancellation's promotion. Nothing about places is kept anywhere else, so no stale copy can
// confirm a place twice, and a coordinator's hand edit of 申込 or イベント counts at once.

/** Registrations as the register needs them (what the key columns give). */
export type RegisterRow = Pick<Registration, 'registration_id' | 'event_id' | 'status' | 'name' | 'phone' | 'email' | 'registered_at'>;

export interface RegisterSession {
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
  /** Contact key (phone digits, address) → the registration holding a place or a waitlist spot with it. */
  readonly holders: Map<string, string>;
}

/** Who sent an answer 申込 already holds, to recognise the same answer again. */
interface Sender {
  readonly name: string;
  readonly keys: readonly string[];
}

export interface Register {
  readonly language: Language;
  /** Open sessions dated today or later, full ones included (a late answer is waitlisted). */
  readonly sessions: RegisterSession[];
  /** The number of the next 申込ID: one above every `R…` number in the tab. */
  nextNumber: number;
  /** The answers 申込 holds, by the time they were sent (`YYYY-MM-DDTHH:MM:SS`). */
  readonly answered: Map<string, Sender[]>;
}

export interface RegisterInput {
  readonly today: string;
  readonly language: Language;
  readonly events: readonly EventRecord[];
  readonly registrations: readonly RegisterRow[];
  /** Every text of the 申込ID column, rows the parser left out included (their numbers are taken too). */
  readonly ids?: readonly string[];
}

/** A session the form offers: open and with a place left. */
export function hasPlace(s: RegisterSession): boolean {
  return s.capacity === null || s.confirmed < s.capacity;
}

export function offeredLabels(register: Register): string[] {
  return register.sessions.filter(hasPlace).map((s) => s.label);
}

/** `R00042` → 42; IDs of other shapes count as 0. */
function numberOf(id: string): number {
  const m = /^R(\d+)$/.exec(id.trim());
  return m ? Number(m[1]) : 0;
}

export function registrationId(n: number): string {
  return `R${String(n).padStart(5, '0')}`;
}

/** Who an answer is, for recognising it: the name and every contact given (any text, valid or not). */
export function senderOf(name: string, phone: string, email: string): Sender {
  const keys: string[] = [];
  const p = phoneKey(phone);
  if (p) keys.push(p);
  const e = normaliseEmail(email);
  if (e !== '') keys.push(`mail:${e}`);
  return { name: normaliseName(name), keys };
}

function sameSender(a: Sender, b: Sender): boolean {
  if (a.name !== '' && a.name === b.name) return true;
  if (a.keys.some((k) => b.keys.includes(k))) return true;
  return a.name === '' && b.name === '' && a.keys.length === 0 && b.keys.length === 0;
}

/** Whether 申込 already holds the answer sent at `at` by `sender`: the same second and the same
 *  person by name, phone or address (one of them may have been corrected by hand since). */
export function isAnswered(register: Register, at: string, sender: Sender): boolean {
  return (register.answered.get(at) ?? []).some((s) => sameSender(s, sender));
}

export function markAnswered(register: Register, at: string, sender: Sender): void {
  const list = register.answered.get(at);
  if (list) list.push(sender); else register.answered.set(at, [sender]);
}

export function buildRegister(input: RegisterInput): Register {
  const sessions: RegisterSession[] = input.events
    .filter((e) => (e.status ?? 'open') === 'open' && e.date >= input.today)
    .sort((a, b) => (a.date + (a.start_time ?? '')).localeCompare(b.date + (b.start_time ?? '')) || a.event_id.localeCompare(b.event_id))
    .map((e) => ({
      eventId: e.event_id, kind: e.kind, label: sessionLabel(e, input.language), date: e.date, startTime: e.start_time,
      venue: e.venue, title: e.title, capacity: e.capacity, confirmed: 0, waitlisted: 0, holders: new Map<string, string>(),
    }));
  const byId = new Map(sessions.map((s) => [s.eventId, s]));
  let maxNumber = 0;
  for (const id of input.ids ?? []) maxNumber = Math.max(maxNumber, numberOf(id));
  const answered = new Map<string, Sender[]>();
  const register: Register = { language: input.language, sessions, nextNumber: 0, answered };
  for (const r of input.registrations) {
    maxNumber = Math.max(maxNumber, numberOf(r.registration_id));
    if (r.registered_at) markAnswered(register, r.registered_at, senderOf(r.name, r.phone, r.email));
    const s = r.event_id ? byId.get(r.event_id) : undefined;
    if (!s || (r.status !== 'confirmed' && r.status !== 'waitlisted')) continue;
    if (r.status === 'confirmed') s.confirmed += 1; else s.waitlisted += 1;
    for (const k of contactKeys(r.phone, r.email)) if (!s.holders.has(k)) s.holders.set(k, r.registration_id);
  }
  register.nextNumber = maxNumber + 1;
  return register;
}
