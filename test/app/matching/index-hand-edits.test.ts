import fc from 'fast-check';
import type { Cell } from '../../../src/domain/cell';
import { ACTIVITIES_TAB, MATCHES_TAB, MEMBERS_TAB } from '../../../src/domain/schema/tabs';
import { touchOfEdit, type HandEdit, type HandEditReader } from '../../../src/app/matching/index-hand-edits';

// What one hand edit of the key column touches (index-hand-edits.ts touchOfEdit), by what Sheets
// says of it: one cell typed over (value and oldValue: both IDs), one cell typed into a blank cell
// (value alone: the new ID alone — a row typed below the last), one cell pasted or a range
// (neither: whose the rows were is unknown, a full rebuild).

const HEADER = MEMBERS_TAB.columns.map((c) => c.ja);
const ID_COLUMN = HEADER.indexOf('会員ID') + 1;
const LOG_HEADER = ACTIVITIES_TAB.columns.map((c) => c.ja);
const LOG_ID_COLUMN = LOG_HEADER.indexOf('会員ID') + 1;

const one = (over: Partial<HandEdit>): HandEdit => ({ tab: '会員', row: 12, rows: 1, column: ID_COLUMN, columns: 1, ...over });
const keys = (...cells: Cell[]) => (): readonly Cell[] => cells;

describe('touchOfEdit of an ID cell', () => {
  const readers: HandEditReader[] = ['index', 'followUps'];
  test.each(readers)('%s: typed into a blank cell (value, no oldValue) names the new ID alone', (reader) => {
    expect(touchOfEdit(one({ value: 'M101' }), HEADER, keys('M101'), reader)).toEqual({ full: false, members: ['M101'], jobs: [] });
  });

  test('followUps: the 会員ID typed last into a new row of 活動記録 names the one member the row names', () => {
    const log = { tab: '活動記録', row: 40, rows: 1, column: LOG_ID_COLUMN, columns: 1, value: 'M002' };
    expect(touchOfEdit(log, LOG_HEADER, keys('M002'), 'followUps')).toEqual({ full: false, members: ['M002'], jobs: [] });
  });

  test.each(readers)('%s: typed over (value and oldValue) names both', (reader) => {
    expect(touchOfEdit(one({ value: 'M101', oldValue: 'M001' }), HEADER, keys('M101'), reader)).toEqual({ full: false, members: ['M101', 'M001'], jobs: [] });
    // Cleared (Delete): Sheets gives the oldValue alone; the row is no one's now.
    expect(touchOfEdit(one({ oldValue: 'M001' }), HEADER, keys(null), reader)).toEqual({ full: false, members: ['M001'], jobs: [] });
  });

  test.each(readers)('%s: pasted (neither), a range, or row 1: a full rebuild', (reader) => {
    expect(touchOfEdit(one({}), HEADER, keys('M101'), reader)).toEqual({ full: true });
    // Two rows pasted below the last: Sheets says nothing of what they held.
    expect(touchOfEdit(one({ rows: 2, value: 'M101' }), HEADER, keys('M101', 'M102'), reader)).toEqual({ full: true });
    expect(touchOfEdit(one({ column: 1, columns: HEADER.length, value: 'M101' }), HEADER, keys('M101'), reader)).toEqual({ full: true });
    expect(touchOfEdit(one({ row: 1, value: '会員ID' }), HEADER, keys('会員ID'), reader)).toEqual({ full: true });
  });

  test('an ID typed as blanks into a blank cell names no one: the row was no one\'s, and is no one\'s', () => {
    expect(touchOfEdit(one({ value: '  ' }), HEADER, keys('  '))).toEqual({ full: false, members: [], jobs: [] });
  });

  test('whatever Sheets says, a touch without a full rebuild names the ID the cell holds now and any it held', () => {
    fc.assert(fc.property(
      fc.option(fc.constantFrom('M001', 'M002', '', ' '), { nil: undefined }), fc.option(fc.constantFrom('M003', 'M001', ''), { nil: undefined }),
      fc.constantFrom('M003', 'M001', '', null, 7), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }),
      (oldValue, value, now, rows, columns) => {
        const edit = one({ rows, columns, ...(oldValue === undefined ? {} : { oldValue }), ...(value === undefined ? {} : { value }) });
        const cells = Array.from({ length: rows }, () => now);
        const t = touchOfEdit(edit, HEADER, () => cells);
        if (t.full) return;
        // Named without a rebuild only for one cell typed: value given, or oldValue.
        expect(rows === 1 && columns === 1 && (value !== undefined || oldValue !== undefined)).toBe(true);
        const want = new Set([now, oldValue].map((c) => (c === null || c === undefined ? '' : String(c).trim())).filter((k) => k !== ''));
        expect(new Set(t.members)).toEqual(want);
      },
    ));
  });
});

// The index keeps every job's matches too (job-matches.ts): an edit of マッチング names the job of
// each edited row besides its member, held to the same rules in the 仕事ID column — the old job
// too when one cell of it was typed over, a rebuild when a range or a paste covers it.
describe('touchOfEdit of マッチング for the index: the rows\' members and their jobs', () => {
  const MATCH_HEADER = MATCHES_TAB.columns.map((c) => c.ja);
  const col = (name: string): number => MATCH_HEADER.indexOf(name) + 1;
  const cells = (byColumn: Record<number, readonly Cell[]>) => (column: number): readonly Cell[] => byColumn[column] ?? [];
  const edit = (over: Partial<HandEdit>): HandEdit => ({ tab: 'マッチング', row: 30, rows: 1, column: col('状態'), columns: 1, ...over });
  const rows = cells({ [col('会員ID')]: ['M001', 'M002'], [col('仕事ID')]: ['J001', 'J003'] });

  test('a 状態 typed, or two rows\' 担当枠 pasted: their members and their jobs', () => {
    expect(touchOfEdit(edit({ value: '終了', oldValue: '成立' }), MATCH_HEADER, rows)).toEqual({ full: false, members: ['M001', 'M002'], jobs: ['J001', 'J003'] });
    expect(touchOfEdit(edit({ rows: 2, column: col('担当枠') }), MATCH_HEADER, rows)).toEqual({ full: false, members: ['M001', 'M002'], jobs: ['J001', 'J003'] });
  });

  test('the 仕事ID typed over names both jobs; typed into a blank cell the new one; pasted or in a range, a rebuild', () => {
    const one = cells({ [col('会員ID')]: ['M001'], [col('仕事ID')]: ['J002'] });
    expect(touchOfEdit(edit({ column: col('仕事ID'), value: 'J002', oldValue: 'J001' }), MATCH_HEADER, one)).toEqual({ full: false, members: ['M001'], jobs: ['J002', 'J001'] });
    expect(touchOfEdit(edit({ column: col('仕事ID'), value: 'J002' }), MATCH_HEADER, one)).toEqual({ full: false, members: ['M001'], jobs: ['J002'] });
    expect(touchOfEdit(edit({ column: col('仕事ID') }), MATCH_HEADER, one)).toEqual({ full: true });
    expect(touchOfEdit(edit({ column: 1, columns: MATCH_HEADER.length, value: 'x' }), MATCH_HEADER, one)).toEqual({ full: true });
  });

  test('followUps: マッチング still names the members alone', () => {
    expect(touchOfEdit(edit({ value: '終了', oldValue: '成立' }), MATCH_HEADER, rows, 'followUps')).toEqual({ full: false, members: ['M001', 'M002'], jobs: [] });
  });
});
