import { COSTS, largestPart, project } from '../../bench/cost-model';
import { roundTripsBesidesLock, sidebarTargets } from '../../bench/targets';

// The bench's projection is arithmetic on public figures; these pin that arithmetic so a changed
// constant or a call charged as the wrong kind shows here, not only as a moved table.
describe('the cost model', () => {
  const calls = {
    byMethod: { 'Range.getValues': 2, 'Sheet.getLastRow': 1, 'Spreadsheet.getSheetByName': 1 },
    cellsRead: 1000, cellsWritten: 10,
  };

  test('projects both ends: round trips and size questions at 50 ms, cells read at 10 and 31 µs, written at 12.5 µs', () => {
    const p = project(calls, 'trigger', { bundleEvalMs: 20 });
    expect(p.low.callsMs).toBe(2 * 50 + 50 + 1);
    expect(p.low.cellsMs).toBeCloseTo(1000 * 0.010 + 10 * 0.0125);
    expect(p.high.cellsMs).toBeCloseTo(1000 * 0.031 + 10 * 0.0125);
    expect(p.low.startupMs).toBe(20);
    expect(p.high.seconds).toBeCloseTo((151 + 31.125 + 20) / 1000);
  });

  test('a sidebar call pays the google.script.run trip too, a trigger and a menu item do not', () => {
    const sidebar = project(calls, 'sidebar', { bundleEvalMs: 20 });
    expect(sidebar.low.startupMs).toBe(20 + COSTS.scriptRun.low);
    expect(sidebar.high.startupMs).toBe(20 + COSTS.scriptRun.high);
    expect(project(calls, 'menu', { bundleEvalMs: 20 }).high.startupMs).toBe(20);
  });

  test('splits each end into its parts, which add up to the total; the server side is the total without the trip', () => {
    const p = project({ ...calls, byMethod: { ...calls.byMethod, 'Range.getValue': 2 } }, 'sidebar', { bundleEvalMs: 20 });
    expect(p.high.parts).toEqual({
      bundleEvalMs: 20, scriptRunMs: COSTS.scriptRun.high, roundTripsMs: 2 * 50, sizeQuestionsMs: 50,
      // one getSheetByName at 1 ms, two getValue in a loop at 3 ms each
      lookupsMs: 1 + 2 * 3, cellsReadMs: 1000 * 0.031, cellsWrittenMs: 10 * 0.0125,
    });
    for (const end of [p.low, p.high]) {
      const sum = Object.values(end.parts).reduce((a, b) => a + b, 0);
      expect(end.seconds * 1000).toBeCloseTo(sum);
      expect(end.serverSeconds * 1000).toBeCloseTo(sum - end.parts.scriptRunMs);
    }
    expect(largestPart(p.high)).toEqual({ name: 'google.script.run trip (assumed)', share: COSTS.scriptRun.high / (p.high.seconds * 1000) });
    expect(largestPart(project(calls, 'trigger', { bundleEvalMs: 20 }).high).name).toBe('data round trips');
  });

  test('every constant names where it comes from', () => {
    for (const c of Object.values(COSTS)) {
      expect(c.source.length).toBeGreaterThan(20);
      expect(c.low).toBeLessThanOrEqual(c.high);
    }
  });
});

describe('a sidebar write’s round trips besides the lock', () => {
  test('are counted call by call: the lock’s tryLock/releaseLock come off, its getScriptLock lookup was never one', () => {
    // logActivity's steady state as the bench measured it.
    const byMethod = {
      'Cache.getAll': 1, 'CacheService.getDocumentCache': 1, 'Lock.releaseLock': 1, 'Lock.tryLock': 1, 'LockService.getScriptLock': 1,
      'Properties.getProperty': 1, 'Properties.setProperty': 1, 'PropertiesService.getDocumentProperties': 1, 'Session.getActiveUser': 1,
      'Sheet.appendRow': 2, 'Spreadsheet.getSheetByName': 2, 'SpreadsheetApp.flush': 1, 'User.getEmail': 1,
    };
    const trips = roundTripsBesidesLock({ byMethod });
    expect(trips.map(([k]) => k)).toEqual(['Cache.getAll', 'Properties.getProperty', 'Properties.setProperty', 'Sheet.appendRow', 'SpreadsheetApp.flush', 'User.getEmail']);
    expect(trips.reduce((s, [, n]) => s + n, 0)).toBe(7);
  });
});

describe('the sidebar target', () => {
  test('is checked at the pessimistic end, on sidebar calls only, and says each call’s cost without the assumed trip', () => {
    const snapshot = (getValues: number) => ({
      total: getValues, roundTrips: getValues, lookups: 0, roundTripsWithMetadata: getValues, cellsRead: 0, cellsWritten: 0, byMethod: { 'Range.getValues': getValues },
    });
    const measure = (op: 'getMember' | 'weekly', getValues: number) => {
      const calls = snapshot(getValues);
      return { op, fn: op, calls, wallMs: 0, server: { wallMs: 0, cpuMs: 0, fakesWallMs: 0, fakesCpuMs: 0 }, outcome: 'ok', answerBytes: 0, peakHeapBytes: 0, projected: project(calls, op === 'weekly' ? 'trigger' : 'sidebar', { bundleEvalMs: 0 }) };
    };
    // 2 round trips: 0.1 s + the trip (0.3–1 s): within 1.5 s at both ends. 20: 1 s + 1 s, over.
    expect(sidebarTargets([measure('getMember', 2), measure('weekly', 1000)], 'L')[0]?.met).toBe(true);
    const [check] = sidebarTargets([measure('getMember', 20)], 'L');
    expect(check?.met).toBe(false);
    expect(check?.measured).toContain('getMember 2.00 s (1.00 s without the assumed google.script.run trip)');
  });
});
