import type { Cell } from '../../domain/cell';
import { addDays, civilDateIn, civilDateTimeIn } from '../../domain/civil-date';
import { locateColumns, parseTable } from '../../domain/parse/parse-table';
import { EVENTS_TAB, REGISTRATIONS_TAB, headerName, tabNames, type EventRecord } from '../../domain/schema/tabs';
import { singleMailAddress } from '../../domain/signup/mail-address';
import type { Clock, Lock, Mailer, OneOffRuns, PropertyBag, SignupForms, TableStore } from '../ports';
import { readColumnsOf } from '../shared/read-part';
import { underWriteLock } from '../shared/write-boundary';
import { MailBudget } from './mail-budget';
import { loadCache } from './signup-state';
import { syncSignup, type ResponseTabs } from './sync';
import { sendPending, type PendingMail } from './take-answer';

// The daily trigger (9:00; a manager by hand): first the sync (answers the submit trigger missed
// are taken, the form offers what has a place: sync.ts), then a reminder to each confirmed
// registrant of tomorrow's sessions with one valid address, once. "Once" is kept in 申込 itself:
// each registration mailed gets its リマインド送信日時 cell (a property would hold ~1,500 IDs at
// most: 9 KB). In batches of REMINDER_BATCH: under the script lock the batch's cells are written
// and flushed, the lock is released, then the batch is mailed; so a sign-up never waits for the
// mail server, and a rerun, or a run cut off by Apps Script's 6-minute limit, never mails anyone
// twice (a cut between the write and the send loses at most one batch's reminders, never doubles
// one). A run near its time budget leaves the rest to a one-off trigger a minute later.
export interface ReminderPorts {
  readonly store: TableStore;
  readonly props: PropertyBag;
  readonly clock: Clock;
  readonly lock: Lock;
  readonly mailer: Mailer;
  readonly forms: SignupForms | null;
  readonly responses?: ResponseTabs | null;
  /** For the continuation of a long run (Apps Script); none locally. */
  readonly later?: OneOffRuns | null;
  readonly log?: (line: string) => void;
}

export interface ReminderResult {
  readonly date: string;
  readonly sent: number;
  /** Confirmed registrants of tomorrow without one valid address (never mailed). */
  readonly skippedNoMail: number;
  /** False when the day's budget (the quota less the weekly summary's reserve) ran out. */
  readonly quotaLeft: boolean;
  /** Answers the sync took from the response tab first. */
  readonly taken: number;
  /** True when the script lock stayed busy (nothing, or not everything, was done). */
  readonly busy: boolean;
  /** True when the rest was left to a one-off trigger (time budget). */
  readonly continued: boolean;
}

export const REMINDER_HANDLER = 'sendEventReminders';
/** Reminders written and mailed per turn of the lock. */
export const REMINDER_BATCH = 50;
/** Apps Script stops a run at 6 minutes; past this, the rest goes to a continuation. */
export const REMINDER_TIME_BUDGET_MS = 4.5 * 60 * 1000;
/** How long the daily run waits for the lock (a burst of sign-ups holds it for seconds). */
export const DAILY_LOCK_MS = 30000;

interface Batch {
  readonly date: string;
  readonly mails: PendingMail[];
  readonly noMail: number;
  /** Whether more were waiting than the batch (or the budget) took. */
  readonly more: boolean;
  readonly budgetLeft: boolean;
  readonly cache: { language: 'ja' | 'en'; centerName: string };
}

export function sendEventRemindersUseCase(ports: ReminderPorts): ReminderResult {
  const started = ports.clock.now().getTime();
  const synced = underWriteLock(ports, () => syncSignup(ports), DAILY_LOCK_MS);
  const taken = synced.ok ? synced.value.taken : 0;
  let sent = 0;
  let last: Batch | null = null;
  for (;;) {
    const locked = underWriteLock(ports, () => markBatch(ports), DAILY_LOCK_MS);
    if (!locked.ok) {
      ports.log?.('reminders: the script lock stayed busy; run again to send the rest');
      return { date: last?.date ?? '', sent, skippedNoMail: last?.noMail ?? 0, quotaLeft: true, taken, busy: true, continued: false };
    }
    last = locked.value;
    let failed = 0;
    for (const m of last.mails) {
      if (sendPending(ports.mailer, last.cache, m)) sent += 1; else failed += 1;
    }
    if (failed > 0) ports.log?.(`reminders: ${failed} mails could not be sent (their rows are marked: not retried)`);
    if (!last.more || !last.budgetLeft) break;
    if (ports.clock.now().getTime() - started > REMINDER_TIME_BUDGET_MS) {
      ports.later?.later(REMINDER_HANDLER, 60 * 1000);
      ports.log?.(`reminders: ${sent} sent; the rest continue in a one-off run`);
      return { date: last.date, sent, skippedNoMail: last.noMail, quotaLeft: true, taken, busy: false, continued: true };
    }
  }
  return { date: last.date, sent, skippedNoMail: last.noMail, quotaLeft: last.budgetLeft, taken, busy: !synced.ok, continued: false };
}

/** One batch, under the lock: who is next, their リマインド送信日時 written, their mails returned. */
function markBatch(ports: ReminderPorts): Batch {
  const cache = loadCache(ports.props, ports.store, ports.clock);
  const now = ports.clock.now();
  const tomorrow = addDays(civilDateIn(now, cache.timeZone), 1);
  const eventsRaw = ports.store.read(tabNames(EVENTS_TAB, cache.language));
  const events = new Map<string, EventRecord>((eventsRaw ? parseTable(EVENTS_TAB, eventsRaw).records : [])
    .filter((e) => e.date === tomorrow && e.status !== 'cancelled').map((e) => [e.event_id, e]));
  const done = { date: tomorrow, mails: [], noMail: 0, more: false, budgetLeft: true, cache };
  if (events.size === 0) return done;
  const raw = readColumnsOf(ports.store, REGISTRATIONS_TAB, ['event_id', 'name', 'email', 'status', 'reminded_at']);
  if (!raw) return done;
  const parsed = parseTable(REGISTRATIONS_TAB, raw);
  const due = parsed.records
    .map((r, k) => ({ r, row: parsed.rowNumbers[k] ?? 0 }))
    .filter(({ r }) => r.status === 'confirmed' && r.event_id !== null && events.has(r.event_id) && r.reminded_at === null);
  const withAddress = due.filter(({ r }) => singleMailAddress(r.email) !== null);
  const budget = new MailBudget(ports.mailer, cache.mailReserve);
  const room = withAddress.length === 0 ? 0 : Math.min(REMINDER_BATCH, budget.available());
  const picked = withAddress.slice(0, room);
  const result = {
    ...done, noMail: due.length - withAddress.length, more: withAddress.length > picked.length, budgetLeft: picked.length === withAddress.length || room === REMINDER_BATCH,
  };
  if (picked.length === 0) return result;
  // The column is the add-in's: added at the right end when the tab lacks it.
  let at = locateColumns(REGISTRATIONS_TAB, raw.name, raw.header).index.get('reminded_at') ?? -1;
  if (at < 0) {
    at = raw.header.length;
    const column = REGISTRATIONS_TAB.columns.find((c) => c.key === 'reminded_at');
    ports.store.writeCells(raw.name, 1, { columns: [at], rows: [[column ? headerName(column, raw.name === REGISTRATIONS_TAB.en ? 'en' : 'ja') : 'reminded_at']] });
  }
  // One setValues for the batch: its rows from the first to the last, this column only; the rows
  // between keep the value they were read with.
  const stamp: Cell = { date: civilDateTimeIn(now, cache.timeZone) };
  const first = picked[0]?.row ?? 2;
  const lastRow = picked[picked.length - 1]?.row ?? first;
  const mine = new Set(picked.map((p) => p.row));
  const block: Cell[][] = [];
  for (let row = first; row <= lastRow; row += 1) block.push([mine.has(row) ? stamp : raw.rows[row - 2]?.[at] ?? null]);
  ports.store.writeCells(raw.name, first, { columns: [at], rows: block });
  const mails: PendingMail[] = picked.map(({ r }) => {
    const e = events.get(r.event_id ?? '');
    return {
      kind: 'reminder', to: singleMailAddress(r.email) ?? '', registration: r,
      session: e ? { kind: e.kind, title: e.title, date: e.date, start_time: e.start_time, venue: e.venue } : null,
    };
  });
  return { ...result, mails };
}
