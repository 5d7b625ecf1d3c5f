import { loadBundle, jsonRoundTrip, type LoadedBundle } from './harness';
import { loadDayBundle } from './day-bundle';
import { SheetImpl } from '../fakes/sheet';

// The stored 今週 figures moved ahead of an activity's row (src/app/shared/figure-changes.ts
// `ahead`): they go out in the one setProperties that carries the activity counter ahead of the
// row (src/gas/document-properties.ts), and a write that then fails moves them back, written at
// the release. Through dist/Code.js on the coordinator's-day workbook (2025-06-11, Tokyo).

const HEADLINE = 'ikigai.headline.v1';
const COUNTER = 'ikigai.last_id.activities';
const ACTIVITY = { date: '2025-06-11', area: 'matching', kind: 'call', member_id: 'M003', minutes: 5 };
type Reply = { ok: boolean; code?: string };

/** The 活動記録 appendRow, failing while `failing` says so (patched on the fake's prototype: the
 *  bundle's sheets are SheetImpl's). */
let failing = false;
const sheetProto = SheetImpl.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const originalAppend = sheetProto.appendRow!;
/** Sees every document setProperties before it runs (and may throw instead). Patched on the
 *  fake's prototype before the worlds are loaded (the fakes' proxies keep the method they first met). */
let onSetProperties: (entries: Record<string, string>) => void = () => undefined;
let propsProto: Record<string, (...a: unknown[]) => unknown> | null = null;
let originalSet: ((...a: unknown[]) => unknown) | null = null;
beforeAll(() => {
  sheetProto.appendRow = function (this: SheetImpl, ...args: unknown[]) {
    if (failing && this.getName() === '活動記録') throw new Error('Service Spreadsheets failed while accessing document');
    return originalAppend.apply(this, args);
  };
  const probe = loadBundle({ timeZone: 'Asia/Tokyo' });
  propsProto = Object.getPrototypeOf(probe.fakes!.properties.document) as Record<string, (...a: unknown[]) => unknown>;
  const set = propsProto.setProperties!;
  originalSet = set;
  propsProto.setProperties = function (this: unknown, ...args: unknown[]) {
    onSetProperties(args[0] as Record<string, string>);
    return set.apply(this, args);
  };
  probe.fakes!.uninstall();
});
afterAll(() => {
  sheetProto.appendRow = originalAppend;
  if (propsProto && originalSet) propsProto.setProperties = originalSet;
});

function world(): LoadedBundle {
  const bundle = loadDayBundle();
  // The first open recounts the figures and stores them; a first activity seeds the counter.
  bundle.call('sidebarBootstrap');
  expect(log(bundle).ok).toBe(true);
  return bundle;
}
const log = (b: LoadedBundle): Reply => jsonRoundTrip(b.call('logActivity', jsonRoundTrip(ACTIVITY))) as Reply;
const props = (b: LoadedBundle): GoogleAppsScript.Properties.Properties => b.fakes!.properties.document;
/** The stored figures' activities and activity minutes, this week's and last week's. */
function activityFigures(b: LoadedBundle): unknown {
  const text = props(b).getProperty(HEADLINE);
  if (text === null) throw new Error('no stored figures');
  const f = (JSON.parse(text) as { figures: Record<string, [number, number]> }).figures;
  return { activities: f.activities, minutes: f.activity_minutes };
}
function activityRows(b: LoadedBundle): number {
  return b.fakes!.spreadsheet.getSheetByName('活動記録')!.getLastRow();
}
/** What a recount from the sheet stores (the first open that finds no figures recounts them). */
function recounted(b: LoadedBundle): unknown {
  props(b).deleteProperty(HEADLINE);
  b.call('sidebarBootstrap');
  return activityFigures(b);
}

describe('the stored figures moved ahead of an activity\'s row', () => {
  test('logActivity: the counter and the figures go out in one setProperties, before the row; the figures are what a recount finds', () => {
    const b = world();
    const before = activityFigures(b) as { activities: [number, number]; minutes: [number, number] };
    const sent: { keys: string[]; rows: number }[] = [];
    onSetProperties = (entries) => { sent.push({ keys: Object.keys(entries).sort(), rows: activityRows(b) }); };
    const rows = activityRows(b);
    try {
      expect(log(b).ok).toBe(true);
    } finally {
      onSetProperties = () => undefined;
    }
    expect(sent).toEqual([{ keys: [HEADLINE, COUNTER].sort(), rows }]);
    expect(activityRows(b)).toBe(rows + 1);
    const after = activityFigures(b);
    expect(after).toEqual({ activities: [before.activities[0] + 1, before.activities[1]], minutes: [before.minutes[0] + 5, before.minutes[1]] });
    expect(recounted(b)).toEqual(after);
  });

  test('the activity\'s append failing after the figures went out: no row, the figures moved back at the release, the ID left as a gap', () => {
    const b = world();
    const figures = activityFigures(b);
    const rows = activityRows(b);
    const counter = Number(props(b).getProperty(COUNTER));
    failing = true;
    let lost: Reply;
    try {
      lost = log(b);
    } finally {
      failing = false;
    }
    expect(lost.ok).toBe(false);
    expect(activityRows(b)).toBe(rows);
    expect(activityFigures(b)).toEqual(figures);
    // The counter went out with the figures ahead of the row: its ID is never issued again.
    expect(Number(props(b).getProperty(COUNTER))).toBe(counter + 1);
    expect(recounted(b)).toEqual(figures);
    // The next call numbers on and counts once.
    expect(log(b).ok).toBe(true);
    const ids = b.fakes!.spreadsheet.getSheetByName('活動記録')!.getRange(2, 1, activityRows(b) - 1, 1).getValues().map((r) => String(r[0]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(activityFigures(b)).toEqual(recounted(b));
  });

  test('the setProperties ahead of the row failing: nothing written, the figures as they were, the next call counts once', () => {
    const b = world();
    const figures = activityFigures(b);
    const rows = activityRows(b);
    let failures = 1;
    onSetProperties = () => { if (failures-- > 0) throw new Error('Service unavailable: Properties'); };
    let refused: Reply;
    try {
      refused = log(b);
    } finally {
      onSetProperties = () => undefined;
    }
    expect(refused.ok).toBe(false);
    expect(activityRows(b)).toBe(rows);
    expect(activityFigures(b)).toEqual(figures);
    expect(log(b).ok).toBe(true);
    expect(activityRows(b)).toBe(rows + 1);
    expect(activityFigures(b)).toEqual(recounted(b));
  });
});
