import { loadBundle, jsonRoundTrip, type LoadedBundle } from './harness';
import { loadDayBundle } from './day-bundle';

// The ID counters are written in one setProperties when a run ends (src/gas/document-properties.ts).
// A run's rows, though, are written before that: when the run ends without the counters being
// written — the setProperties fails (Apps Script's "Service unavailable", quota), or the run is
// killed at the 6-minute limit, where no `finally` runs and Apps Script releases the lock itself —
// the next run must not issue the IDs those rows already carry. 活動記録 has no free-ID check of
// its own (its counter is all that keeps two activities apart), so it is the tab to attack.

function world(): LoadedBundle {
  const bundle = loadDayBundle();
  bundle.call('sidebarBootstrap');
  return bundle;
}

type Reply = { ok: boolean; data?: { activity_id?: string }; code?: string };
const ACTIVITY = { date: '2025-06-11', area: 'matching', kind: 'call', member_id: 'M003', minutes: 5 };
const log = (b: LoadedBundle): Reply => jsonRoundTrip(b.call('logActivity', jsonRoundTrip(ACTIVITY))) as Reply;

function activityIds(b: LoadedBundle): string[] {
  const sheet = b.fakes!.spreadsheet.getSheetByName('活動記録')!;
  return sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues().map((r) => String(r[0])).filter((id) => id !== '');
}

/** The fakes' document properties' setProperties, failing while `failing` says so. Patched on the
 *  fake's prototype before the worlds below are loaded (the fakes' proxies keep the method they
 *  first met). */
let failing: () => boolean = () => false;
beforeAll(() => {
  const probe = loadBundle({ timeZone: 'Asia/Tokyo' });
  const proto = Object.getPrototypeOf(probe.fakes!.properties.document) as Record<string, (...a: unknown[]) => unknown>;
  const original = proto.setProperties!;
  proto.setProperties = function (this: unknown, ...args: unknown[]) {
    if (failing()) throw new Error('Service unavailable: Properties');
    return original.apply(this, args);
  };
  probe.fakes!.uninstall();
});
afterAll(() => { failing = () => false; });

describe('ID counters when a run ends without its release writing them', () => {
  test('a run whose rows are written and whose release never writes (killed at the time limit, or its setProperties failing): no activity ID issued twice', () => {
    const b = world();
    expect(log(b).ok).toBe(true);
    const before = activityIds(b).length;
    // Every setProperties once the run's activity row is in the sheet is lost: what a kill after
    // the rows looks like (no finally runs), and a Properties outage at the release too.
    failing = () => activityIds(b).length > before;
    const lost = log(b);
    failing = () => false;
    expect(activityIds(b).length).toBe(before + 1);
    // Nothing is left to write after the row: the stored 今週 figures went out with the counter
    // ahead of it (src/app/shared/figure-changes.ts `ahead`), so the call stands whole.
    expect(lost.ok).toBe(true);
    expect(log(b).ok).toBe(true);
    const ids = activityIds(b);
    expect(ids.length).toBe(before + 2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a placement whose rows are written and whose release never writes: its 成立 activity\'s ID, issued before the match row and written with the match counter in one setProperties ahead of it, is not issued again', () => {
    const b = world();
    const matches = (): number => {
      const sheet = b.fakes!.spreadsheet.getSheetByName('マッチング')!;
      return sheet.getLastRow();
    };
    expect(log(b).ok).toBe(true);
    const before = activityIds(b).length;
    const rows = matches();
    // Every setProperties once the match row is in the sheet is lost: the activity row after it
    // must carry an ID its counter already holds.
    failing = () => matches() > rows;
    const lost = jsonRoundTrip(b.call('changeMatchStatus', jsonRoundTrip({ action: 'place', job_id: 'J002', member_id: 'M003' }))) as Reply;
    failing = () => false;
    expect(lost.ok).toBe(false);
    expect(activityIds(b).length).toBe(before + 1);
    expect(log(b).ok).toBe(true);
    const ids = activityIds(b);
    expect(ids.length).toBe(before + 2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a setProperties failing before the row: nothing written, the call says so, the next one numbers on', () => {
    const b = world();
    expect(log(b).ok).toBe(true);
    const before = activityIds(b);
    let failures = 1;
    failing = () => failures-- > 0;
    const refused = log(b);
    failing = () => false;
    expect(refused.ok).toBe(false);
    expect(activityIds(b)).toEqual(before);
    expect(log(b).ok).toBe(true);
    const ids = activityIds(b);
    expect(ids.length).toBe(before.length + 1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
