import { jsonRoundTrip, type LoadedBundle } from './harness';
import { loadDayBundle } from './day-bundle';
import { installFakes } from '../fakes';
import { SheetImpl } from '../fakes/sheet';

// A sidebar call's write leaves the script lock to the end of its execution (src/app/shared/
// write-boundary.ts `lastSection`, src/gas/script-lock.ts `leaveToRunEnd`): Google frees it when
// the script terminates (Lock.releaseLock: "The lock is automatically released when the script
// terminates", https://developers.google.com/apps-script/reference/lock/lock#releaseLock()), and
// the fakes do (test/fakes/executions.ts `run`; the harness runs every call as one execution).

const ACTIVITY = { date: '2025-06-11', area: 'matching', kind: 'call', member_id: 'M003', minutes: 5 };
type Reply = { ok: boolean; code?: string };
const log = (b: LoadedBundle): Reply => jsonRoundTrip(b.call('logActivity', jsonRoundTrip(ACTIVITY))) as Reply;
const activityRows = (b: LoadedBundle): number => b.fakes!.spreadsheet.getSheetByName('活動記録')!.getLastRow();

/** While set, runs inside the next 活動記録 appendRow: another execution meanwhile. */
let meanwhile: (() => void) | null = null;
const sheetProto = SheetImpl.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const originalAppend = sheetProto.appendRow!;
beforeAll(() => {
  sheetProto.appendRow = function (this: SheetImpl, ...args: unknown[]) {
    const other = this.getName() === '活動記録' ? meanwhile : null;
    if (other) {
      meanwhile = null;
      other();
    }
    return originalAppend.apply(this, args);
  };
});
afterAll(() => { sheetProto.appendRow = originalAppend; });

describe('the fakes free an execution\'s locks when it ends', () => {
  test('a lock taken in a run and not released is freed at its end; one taken outside any run stays held', () => {
    const fakes = installFakes(globalThis);
    try {
      const inRun = fakes.executions.run(() => {
        const lock = LockService.getScriptLock();
        const got = lock.tryLock(0);
        // Another execution meanwhile is refused.
        expect(fakes.executions.run(() => LockService.getScriptLock().tryLock(0))).toBe(false);
        return got;
      });
      expect(inRun).toBe(true);
      expect(fakes.locks.isHeld('script')).toBe(false);
      const own = LockService.getScriptLock();
      expect(own.tryLock(0)).toBe(true);
      expect(fakes.executions.run(() => LockService.getScriptLock().tryLock(0))).toBe(false);
      expect(fakes.locks.isHeld('script')).toBe(true);
      own.releaseLock();
      expect(fakes.executions.run(() => LockService.getScriptLock().tryLock(0))).toBe(true);
    } finally {
      fakes.uninstall();
    }
  });
});

describe('a sidebar write leaves the lock to the end of its execution', () => {
  test('logActivity calls no releaseLock; the lock is free once the call has returned, and the next call takes it', () => {
    const b = loadDayBundle();
    b.call('sidebarBootstrap');
    const m = b.log.measure(() => log(b));
    expect(m.result.ok).toBe(true);
    expect(m.calls.byMethod['Lock.tryLock']).toBe(1);
    expect(m.calls.byMethod['Lock.releaseLock'] ?? 0).toBe(0);
    expect(b.fakes!.locks.isHeld('script')).toBe(false);
    const rows = activityRows(b);
    expect(log(b).ok).toBe(true);
    expect(activityRows(b)).toBe(rows + 1);
  });

  test('a second person\'s save while the first one\'s execution runs is refused (busy) and writes nothing; after it ended, the next save gets the lock', () => {
    const b = loadDayBundle();
    b.call('sidebarBootstrap');
    expect(log(b).ok).toBe(true);
    const rows = activityRows(b);
    let second: Reply | null = null;
    let rowsMeanwhile = -1;
    meanwhile = () => {
      second = log(b);
      rowsMeanwhile = activityRows(b);
    };
    expect(log(b).ok).toBe(true);
    expect(second).toMatchObject({ ok: false, code: 'busy' });
    expect(rowsMeanwhile).toBe(rows);
    expect(activityRows(b)).toBe(rows + 1);
    expect(log(b).ok).toBe(true);
    expect(activityRows(b)).toBe(rows + 2);
    const ids = b.fakes!.spreadsheet.getSheetByName('活動記録')!.getRange(2, 1, activityRows(b) - 1, 1).getValues().map((r) => String(r[0]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a save whose use case fails still leaves the lock free at its end', () => {
    const b = loadDayBundle();
    b.call('sidebarBootstrap');
    // An activity naming nothing is refused inside the lock (empty_activity).
    const refused = jsonRoundTrip(b.call('logActivity', { date: '2025-06-11', area: 'matching' })) as Reply;
    expect(refused.ok).toBe(false);
    expect(b.fakes!.locks.isHeld('script')).toBe(false);
    expect(log(b).ok).toBe(true);
  });

  test('a menu function still releases its lock itself (a run outside the sidebar\'s may take it again)', () => {
    const b = loadDayBundle();
    b.call('sidebarBootstrap');
    const m = b.log.measure(() => b.call('recheckWorkReports'));
    expect(m.calls.byMethod['Lock.tryLock']).toBe(1);
    expect(m.calls.byMethod['Lock.releaseLock']).toBe(1);
  });
});
