import { loadBundle, jsonRoundTrip, type LoadedBundle } from './harness';
import type { CallSnapshot } from '../fakes';
import { RangeImpl } from '../fakes/range';
import { workPanelTabs, PANEL_COORDINATOR } from '../app/work/work-center';
import type { Cell } from '../../src/domain/cell';

// The 就業実績 panel's calls through dist/Code.js and the Apps Script fakes, as google.script.run
// calls them, on the work center (test/app/work/work-center.ts: 就業実績 9 columns × 13 rows,
// マッチング 7 × 4, 仕事 8 × 6), each with its getValues (tab, first row, first column, rows ×
// columns) and writes counted. The desk cache is warm (the sidebar was opened first), so 設定 and
// コーディネータ cost nothing. What must not move with the size of the center: the number of
// reads and writes (a month of 31 rows is one append, its 確認 one write).
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function toSheetValue(c: Cell): unknown {
  if (c === null) return '';
  if (typeof c === 'object') return c.date;
  return c;
}

let reads: string[] = [];
const proto = RangeImpl.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const original = proto.getValues!;
beforeAll(() => {
  proto.getValues = function (this: { _sheet: { getName(): string }; _box: { row: number; col: number; numRows: number; numCols: number } }) {
    reads.push(`${this._sheet.getName()} r${this._box.row} c${this._box.col} ${this._box.numRows}x${this._box.numCols}`);
    return original.call(this);
  };
});
afterAll(() => { proto.getValues = original; });

// The ID counters: read in one getProperties under the lock, and what the run set of them written
// in one setProperties just before the lock is released (src/gas/document-properties.ts).
const WRITES = ['Range.setValues', 'Sheet.appendRow', 'Properties.getProperty', 'Properties.getProperties', 'Properties.setProperty', 'Properties.setProperties'];
function writesOf(calls: CallSnapshot): Record<string, number> {
  return Object.fromEntries(WRITES.map((m) => [m.split('.')[1]!, calls.byMethod[m] ?? 0]));
}

interface Step { result: { ok: boolean; code?: string; message?: string; data?: unknown }; reads: string[]; writes: Record<string, number>; roundTrips: number }

function world(): { bundle: LoadedBundle; ss: GSpreadsheet; step: (name: string, ...args: unknown[]) => Step } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', activeUserEmail: PANEL_COORDINATOR, now: '2015-07-20T01:00:00Z' });
  const ss = bundle.fakes!.spreadsheet;
  for (const t of workPanelTabs()) {
    const rows = [t.header, ...t.rows.map((r) => t.header.map((_, i) => toSheetValue(r[i] ?? null)))];
    ss.insertSheet(t.name).getRange(1, 1, rows.length, t.header.length).setValues(rows);
  }
  // A center's own column after 就業実績's: 概算 = 時間 × 1000, a formula in every row.
  const log = ss.getSheetByName('就業実績')!;
  log.getRange(1, 10, 14, 1).setValues([['概算'], ...Array.from({ length: 13 }, (_, i) => [`=E${i + 2}*1000`])]);
  // May is closed: 月次締め has its row (read by every writer, and by the panel to say so).
  const closes = ss.insertSheet('月次締め');
  closes.getRange(1, 1, 2, 4).setValues([['対象月', '状態', '締め日時', '締め担当'], ['2015-05', '締め', '2015-06-01 09:00:00', 'kanri@c.jp']]);
  bundle.call('sidebarBootstrap');
  const step = (name: string, ...args: unknown[]): Step => {
    reads = [];
    const m = bundle.log.measure(() => jsonRoundTrip(bundle.call(name, ...jsonRoundTrip(args)) as Step['result']));
    expect(m.calls.byMethod['Lock.tryLock'] ?? 0).toBeLessThanOrEqual(1);
    return { result: m.result, reads: [...reads], writes: writesOf(m.calls), roundTrips: m.calls.roundTrips };
  };
  return { bundle, ss, step };
}

const july = (from: number, to: number, hours: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ date: `2015-07-${String(from + i).padStart(2, '0')}`, hours }));

describe('the 就業実績 panel through the bundle, call by call', () => {
  const { ss, step } = world();
  let ids: string[] = [];

  test('listMemberWork: one read of each tab it needs (マッチング, 仕事, 就業実績 by column; 月次締め whole); nothing written', () => {
    const s = step('listMemberWork', { member_id: 'M004', month: '2015-07' });
    expect(s.result.ok).toBe(true);
    // readColumns: one getValues per run of wanted columns (each tab's header the desk cache's,
    // which the sidebar's opening put there): マッチング A:G (ID … 終了日 are adjacent), 仕事 A (ID)
    // and C:D (仕事名, 契約形態), 就業実績 A:G (ID … 確認; not 記録日時, メモ or the center's own
    // column). 月次締め is a dozen rows a year: whole.
    expect(s.reads).toEqual([
      'マッチング r2 c1 4x7', '仕事 r2 c1 6x1', '仕事 r2 c3 6x2', '就業実績 r1 c1 1x10', '就業実績 r2 c1 13x7', '月次締め r1 c1 2x4',
    ]);
    expect(s.writes).toEqual({ setValues: 0, appendRow: 0, getProperty: 0, getProperties: 0, setProperty: 0, setProperties: 0 });
  });

  test('recordWork of 31 days: one append of every row, one audit row, the ID counter written once (not per row)', () => {
    const s = step('recordWork', { member_id: 'M004', job_id: 'J01', days: july(1, 31, 1) });
    expect(s.result.ok).toBe(true);
    // マッチング for the placements, 就業実績 for the days already recorded and the caps, 月次締め;
    // the last two reads are the W counter's seed from the ID column (once per document: the
    // counter lives in the document properties afterwards). 仕事 is not needed to write.
    // (Headers: the desk cache's, 就業実績's put there by the call before.)
    expect(s.reads).toEqual(['マッチング r2 c1 4x7', '就業実績 r2 c1 13x7', '月次締め r1 c1 2x4', '就業実績 r2 c1 13x1']);
    // The 31 rows in one setValues (appendCells), 監査ログ made with its row (one setValues); the
    // counter read once (getProperties, under the lock) and moved twice (the first ID, then the
    // batch's last), written once (setProperties at the release): never once per row.
    expect(s.writes).toEqual({ setValues: 2, appendRow: 0, getProperty: 0, getProperties: 1, setProperty: 0, setProperties: 1 });
    ids = (s.result.data as { work_ids: string[] }).work_ids;
    expect(ids).toHaveLength(31);
  });

  test('confirmWork of the month: only 確認 of the 31 rows, in one write', () => {
    const s = step('confirmWork', { work_ids: ids, confirmed: true });
    expect(s.result).toMatchObject({ ok: true });
    // 設定 and コーディネータ again: the new 監査ログ tab emptied the desk cache (a tab was added).
    expect(s.reads).toEqual(['設定 r1 c1 4x2', 'コーディネータ r1 c1 4x4', '就業実績 r1 c1 1x10', '就業実績 r2 c1 44x7', '月次締め r1 c1 2x4', '監査ログ r1 c1 1x6']);
    // 確認 (G) of the 31 consecutive rows in one setValues; the audit row.
    expect(s.writes).toEqual({ setValues: 1, appendRow: 1, getProperty: 0, getProperties: 0, setProperty: 0, setProperties: 0 });
    expect(ss.getSheetByName('就業実績')!.getRange(15, 7, 31, 1).getValues().every((r) => r[0] === true)).toBe(true);
    const sheet = ss.getSheetByName('就業実績')!;
    // The center's formula column is still formulas, in every row it was in.
    expect(sheet.getRange(2, 10, 13, 1).getFormulas().map((f) => f[0])).toEqual(Array.from({ length: 13 }, (_, i) => `=E${i + 2}*1000`));
  });
});

describe('the 就業実績 panel\'s refusals through the bundle', () => {
  test('a closed month is refused with the catalog\'s sentence naming it, and nothing is written', () => {
    const { ss, step } = world();
    const before = JSON.stringify(ss.getSheetByName('就業実績')!.getDataRange().getValues());
    const s = step('recordWork', { member_id: 'M001', job_id: 'J01', days: [{ date: '2015-05-31', hours: 2 }] });
    expect(s.result).toEqual({ ok: false, code: 'month_closed', message: '2015-05 は月次締め済みのため記録・変更できません。必要なら管理者が月次締めを再開してください。' });
    expect(s.writes).toEqual({ setValues: 0, appendRow: 0, getProperty: 0, getProperties: 0, setProperty: 0, setProperties: 0 });
    expect(JSON.stringify(ss.getSheetByName('就業実績')!.getDataRange().getValues())).toBe(before);
  });
});
