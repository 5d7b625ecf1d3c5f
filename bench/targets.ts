import { DATA_ROUND_TRIPS, METADATA_CALLS, type CallSnapshot } from '../test/fakes/call-log';
import { startKindOf } from './measure-bundle';
import type { MeasureWithProjection } from './run-size';
import type { BundleMeasure, OperationName } from './measure-bundle';

// The issue's targets, checked on the measured numbers and reported met or missed (never a
// timed test: the figures go in the report, the lead decides).

export interface TargetCheck {
  readonly target: string;
  readonly met: boolean;
  readonly measured: string;
}

const sum = (calls: CallSnapshot, match: (method: string) => boolean): number =>
  Object.entries(calls.byMethod).filter(([k]) => match(k)).reduce((s, [, n]) => s + n, 0);

export const isLock = (m: string): boolean => m.startsWith('Lock.') || m.startsWith('LockService.');
export const isMail = (m: string): boolean => m.startsWith('MailApp.');
/** The lock's own round trips (LockService.getScriptLock is a lookup and is not among them). */
const LOCK_TRIPS = new Set(['Lock.tryLock', 'Lock.waitLock', 'Lock.releaseLock']);

/** The data round trips of a call log besides the lock's, by method, in the log's order. */
export function roundTripsBesidesLock(calls: Pick<CallSnapshot, 'byMethod'>): [string, number][] {
  return Object.entries(calls.byMethod).filter(([k]) => DATA_ROUND_TRIPS.has(k) && !LOCK_TRIPS.has(k));
}

/** Issue 15's goal for the sidebar: every call ≤ 1.5 s at the pessimistic end of the cost model. */
export const SIDEBAR_CALL_SECONDS = 1.5;

export function sidebarTargets(measures: readonly MeasureWithProjection[], size: string): TargetCheck[] {
  const sidebar = measures.filter((m) => startKindOf(m.op) === 'sidebar');
  const over = sidebar.filter((m) => m.projected.high.seconds > SIDEBAR_CALL_SECONDS);
  return [{
    target: `every sidebar call at ${size} ≤ ${SIDEBAR_CALL_SECONDS} s projected (pessimistic end)`,
    met: over.length === 0,
    // The google.script.run trip is our assumption (bench/README.md): the figure without it is
    // given too, so a call's own cost can be read apart from the guess.
    measured: over.length === 0 ? `all ${sidebar.length} within` : `${over.length} of ${sidebar.length} over: ${over.map((m) => `${m.op} ${m.projected.high.seconds.toFixed(2)} s (${m.projected.high.serverSeconds.toFixed(2)} s without the assumed google.script.run trip)`).join(', ')}`,
  }];
}

export const WRITES = new Set(['Range.setValues', 'Range.setValue', 'Range.clearContent', 'Sheet.appendRow', 'Sheet.deleteRows']);

/** Operations whose calls (by method) differ between sizes, with the totals per size. */
export function callDrift(bySize: ReadonlyMap<string, readonly BundleMeasure[]>): { op: OperationName; totals: string }[] {
  const ops = new Map<OperationName, Map<string, CallSnapshot>>();
  for (const [size, measures] of bySize) {
    for (const m of measures) {
      const per = ops.get(m.op) ?? new Map<string, CallSnapshot>();
      per.set(size, m.calls);
      ops.set(m.op, per);
    }
  }
  const drift: { op: OperationName; totals: string }[] = [];
  for (const [op, per] of ops) {
    const shapes = new Set([...per.values()].map((c) => JSON.stringify(c.byMethod)));
    if (shapes.size > 1) drift.push({ op, totals: [...per].map(([s, c]) => `${s}: ${c.total}`).join(', ') });
  }
  return drift;
}

export function callTargets(measures: readonly BundleMeasure[], weeklyExpectedCells: number, weeklyTabs: number): TargetCheck[] {
  const get = (op: OperationName): BundleMeasure | undefined => measures.find((m) => m.op === op);
  const checks: TargetCheck[] = [];
  const weekly = get('weekly');
  if (weekly) {
    const reads = weekly.calls.byMethod['Range.getValues'] ?? 0;
    const writes = sum(weekly.calls, (m) => WRITES.has(m));
    checks.push({
      // The weekly run reads most tabs by column (src/app/weekly/weekly-reads.ts): a tab costs its header
      // plus one getValues per run of adjacent columns, so getValues exceed the tabs; a tab read
      // twice would show as more cells than the tabs hold, and as calls that move with size.
      target: 'weekly run reads each tab it needs once',
      met: weekly.calls.cellsRead <= weeklyExpectedCells,
      measured: `${reads} getValues for ${weeklyTabs} tabs (whole, or header + one per run of columns); ${weekly.calls.cellsRead} cells read of ${weeklyExpectedCells} in those tabs`,
    });
    checks.push({ target: 'weekly run writes at most two', met: writes <= 2, measured: `${writes} write call(s) (${Object.keys(weekly.calls.byMethod).filter((m) => WRITES.has(m)).join(', ')})` });
  }
  // A sidebar write's round trips besides the lock, counted call by call from the log (never as a
  // difference of totals, which once took the lock's lookup off too): every call in
  // DATA_ROUND_TRIPS except Lock.tryLock/waitLock/releaseLock. logActivity, steady state (the desk
  // cache warm): Cache.getAll (設定, コーディネータ, 活動記録's and 監査ログ's headers in one call),
  // User.getEmail, the ID counter's getProperties (under the lock) + setProperty, 2 appendRow (the activity, the
  // audit row), the flush = 7; the same 7 with the size questions (none is asked). The issue's 8
  // was measured before the desk cache and the one-call flush. The target (3) stays missed: the
  // user, the counter, two appends and the flush are 6 on their own. The measured text names
  // every round trip, so a reader can recount it.
  for (const op of ['logActivity', 'placeMatch'] as const) {
    const m = get(op);
    if (!m) continue;
    const trips = roundTripsBesidesLock(m.calls);
    const roundTrips = trips.reduce((s, [, n]) => s + n, 0);
    const metadata = sum(m.calls, (k) => METADATA_CALLS.has(k));
    const writes = sum(m.calls, (k) => WRITES.has(k));
    checks.push({
      target: `sidebar write (${op}) ≤ 3 calls besides the lock`,
      met: roundTrips <= 3,
      measured: `${roundTrips} data round trips besides the lock (${trips.map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(', ')}; ${writes} of them writes; ` +
        `${roundTrips + metadata} counting the sheet's size questions too), ${m.calls.total - sum(m.calls, isLock)} calls in all besides the lock`,
    });
  }
  const submit = get('formSubmit');
  if (submit) {
    const other = submit.calls.total - sum(submit.calls, (k) => isLock(k) || isMail(k));
    // 7, as test/bundle/forms.test.ts counts it: getDocumentProperties + getProperties (the
    // ledger), getSheetByName + appendRow (the one-row append to 申込), getSpreadsheetTimeZone
    // (申込日時 written as a Date in the spreadsheet's zone), setProperties, and the write
    // boundary's SpreadsheetApp.flush before the lock is released. The issue's figure was 6,
    // before every write flushed.
    checks.push({ target: 'form submit ≤ 7 calls (besides mail and lock)', met: other <= 7, measured: `${other} besides mail and lock (${submit.calls.byMethod['SpreadsheetApp.flush'] ?? 0} flush); ${submit.calls.total} in all` });
  }
  return checks;
}
