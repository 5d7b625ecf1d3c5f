import { installFakes, type FakeHandles } from '../fakes';
import { SheetsTableStore } from '../../src/gas/sheets-table-store';
import type { Cell } from '../../src/domain/cell';

// The Sheets adapter against the SpreadsheetApp fake: what it reads and writes, and how many
// service calls that costs. These tests run with TZ=UTC and TZ=Asia/Tokyo and expect the same.
describe('SheetsTableStore', () => {
  let fakes: FakeHandles;
  let store: SheetsTableStore;
  beforeEach(() => {
    fakes = installFakes(globalThis);
    store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
  });
  afterEach(() => fakes.uninstall());

  const tab = (name: string, rows: unknown[][]): GoogleAppsScript.Spreadsheet.Sheet => {
    const s = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
    const width = Math.max(...rows.map((r) => r.length));
    if (width > s.getMaxColumns()) s.insertColumnsAfter(s.getMaxColumns(), width - s.getMaxColumns());
    if (rows.length > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), rows.length - s.getMaxRows());
    s.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]));
    return s;
  };
  // 2015-04-01 00:00 in Tokyo (UTC+9) is 2015-03-31 15:00 UTC.
  const tokyoMidnight = new Date('2015-03-31T15:00:00Z');

  it('readTop: the rows asked in one getValues, no size question; past the grid it throws (nothing read); row 1 kept when it ends inside the read', () => {
    const sheet = tab('_継続支援', [['会員ID', '理由'], ['M001', 'waiting'], ['M002', 'no_contact']]);
    const { result, calls } = fakes.log.measure(() => store.readTop(['_継続支援'], 3, 3));
    expect(result).toEqual({ name: '_継続支援', header: ['会員ID', '理由', ''], rows: [['M001', 'waiting', null], ['M002', 'no_contact', null], [null, null, null]] });
    expect([calls.byMethod['Range.getValues'], calls.roundTripsWithMetadata]).toEqual([1, 1]);
    // The header ended inside the read (its third cell blank): a search of the tab reads no row 1.
    const found = fakes.log.measure(() => store.findRows(['_継続支援'], () => [{ column: 0, keys: ['M002'] }]));
    expect(found.result?.header).toEqual(['会員ID', '理由']);
    expect(found.calls.byMethod['Sheet.getLastColumn'] ?? 0).toBe(0);
    // Past the tab's grid: getRange throws before anything is read (listFollowUps then reads the tab whole).
    const past = fakes.log.measure(() => { try { return store.readTop(['_継続支援'], sheet.getMaxRows(), 2); } catch { return 'thrown'; } });
    expect([past.result, past.calls.byMethod['Range.getValues'] ?? 0]).toEqual(['thrown', 0]);
    expect(store.readTop(['なし'], 2, 2)).toBeNull();
  });

  it('reads a 1,000-row tab with one getValues and six calls in all', () => {
    const rows: unknown[][] = [['会員ID', '氏名', '入会日', '稼働可', '時給']];
    for (let i = 1; i <= 1000; i += 1) rows.push([`M${String(i).padStart(4, '0')}`, `会員${i}`, tokyoMidnight, i % 2 === 0, 1000 + i]);
    tab('会員', rows);
    const { result, calls } = fakes.log.measure(() => store.read(['会員', 'Members']));
    expect(result?.rows).toHaveLength(1000);
    expect(result?.rows[0]).toEqual(['M0001', '会員1', { date: '2015-04-01' }, false, 1001]);
    // getActiveSpreadsheet, getSheetByName, getDataRange, getValues, getSpreadsheetTimeZone (a date was met), getName.
    expect(calls.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getDataRange': 1,
      'Range.getValues': 1, 'Spreadsheet.getSpreadsheetTimeZone': 1, 'Sheet.getName': 1,
    });
    expect(calls.roundTrips).toBe(1);
    expect(calls.cellsRead).toBe(1001 * 5);
  });

  it('falls back to the next name and answers null when no tab exists', () => {
    tab('Members', [['Member ID'], ['M1']]);
    expect(store.read(['会員', 'Members'])).toEqual({ name: 'Members', header: ['Member ID'], rows: [['M1']] });
    expect(store.read(['活動'])).toBeNull();
    expect(store.header(['活動'])).toBeNull();
  });

  it('turns dates into day cells in the spreadsheet zone, keeps times, and blanks into null', () => {
    tab('活動', [
      ['日付', '開始', 'メモ', '件数', '済'],
      [tokyoMidnight, new Date('2015-04-01T00:30:00Z'), '', 0, true],
      ['2015/4/2', '', 'テキスト', '', false],
      ['', ' ', '', '', ''],
    ]);
    const t = store.read(['活動']);
    // 2015-04-01T00:30Z is 09:30 in Tokyo; the typed '2015/4/2' became a date at Tokyo midnight;
    // the last row is blank (a lone space counts as blank) and is dropped.
    expect(t?.rows).toEqual([
      [{ date: '2015-04-01' }, { date: '2015-04-01T09:30:00' }, null, 0, true],
      [{ date: '2015-04-02' }, null, 'テキスト', null, false],
    ]);
  });

  it('reads an empty tab as no header and no rows', () => {
    tab('空', [['']]);
    expect(store.read(['空'])).toEqual({ name: '空', header: [], rows: [] });
    expect(store.header(['空'])).toEqual({ name: '空', header: [] });
  });

  it('reads only the header row for header(), with one small getValues', () => {
    const rows: unknown[][] = [['会員ID', '氏名', '独自の列']];
    for (let i = 0; i < 500; i += 1) rows.push([`M${i}`, '名', 'x']);
    tab('会員', rows);
    const { result, calls } = fakes.log.measure(() => store.header(['会員']));
    expect(result).toEqual({ name: '会員', header: ['会員ID', '氏名', '独自の列'] });
    expect(calls.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getLastColumn': 1,
      'Sheet.getRange': 1, 'Range.getValues': 1, 'Sheet.getName': 1,
    });
    expect(calls.roundTrips).toBe(1);
    expect(calls.cellsRead).toBe(3);
  });

  it('appends three rows with one setValues below the last row, asking the grid\'s size only past it', () => {
    tab('活動', [['日付', '会員ID', '時間'], ['2015-04-01', 'M1', 2]]);
    const added: Cell[][] = [[{ date: '2015-04-02' }, 'M2', 3], [{ date: '2015-04-03' }, 'M3', 1.5], [{ date: '2015-04-04' }, 'M4', null]];
    const { calls } = fakes.log.measure(() => store.appendCells('活動', { columns: [0, 1, 2], rows: added }));
    expect(calls.byMethod['Range.setValues']).toBe(1);
    // Issue 15: getLastRow and one setValues; getMaxRows and getMaxColumns (two size questions,
    // ~50 ms each: every multi-row audit append asked them) only when the rows are past the grid.
    expect(calls.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getLastRow': 1,
      'Sheet.getRange': 1, 'Spreadsheet.getSpreadsheetTimeZone': 1, 'Range.setValues': 1,
    });
    expect(calls.roundTrips).toBe(1);
    expect(store.read(['活動'])?.rows).toEqual([
      [{ date: '2015-04-01' }, 'M1', 2], [{ date: '2015-04-02' }, 'M2', 3], [{ date: '2015-04-03' }, 'M3', 1.5], [{ date: '2015-04-04' }, 'M4', null],
    ]);
  });

  it('grows the grid for a multi-row append past its last row, writing every row once', () => {
    const s = tab('活動', [['日付', '会員ID'], ['2015-04-01', 'M1']]);
    s.deleteRows(3, s.getMaxRows() - 2);
    const { calls } = fakes.log.measure(() => store.appendCells('活動', { columns: [1], rows: [['M2'], ['M3'], ['M4']] }));
    expect(calls.byMethod['Sheet.insertRowsAfter']).toBe(1);
    expect(calls.byMethod['Range.setValues']).toBe(1);
    expect(store.read(['活動'])?.rows.map((r) => r[1])).toEqual(['M1', 'M2', 'M3', 'M4']);
  });

  it('makes no call at all to append or update nothing', () => {
    tab('活動', [['日付']]);
    const { calls } = fakes.log.measure(() => { store.appendCells('活動', { columns: [0], rows: [] }); store.writeCells('活動', 2, { columns: [0], rows: [] }); });
    expect(calls.total).toBe(0);
  });

  it('refuses to append to a tab that does not exist', () => {
    expect(() => store.appendCells('ない', { columns: [0], rows: [['x']] })).toThrow('No tab named ない');
  });

  it('replaces a longer, wider table with one setValues and one clearContent of the rows left below', () => {
    tab('週報', [['週', '件数', '古い列'], ['a', 1, 'x'], ['b', 2, 'y'], ['c', 3, 'z']]);
    const { calls } = fakes.log.measure(() => store.replace('週報', ['週', '件数'], [['d', 4]]));
    expect(calls.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getLastRow': 1, 'Sheet.getLastColumn': 1,
      'Sheet.getMaxRows': 1, 'Sheet.getMaxColumns': 1, 'Sheet.getRange': 2, 'Range.setValues': 1, 'Range.clearContent': 1,
    });
    expect(calls.roundTrips).toBe(2);
    const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('週報');
    // The old third column is blanked by the same setValues (written width 3), rows 3-4 cleared.
    expect(s?.getDataRange().getValues()).toEqual([['週', '件数'], ['d', 4]]);
  });

  it('creates a missing tab on replace and grows the grid past 1,000 rows', () => {
    const rows: Cell[][] = Array.from({ length: 1500 }, (_, i) => [i, `r${i}`]);
    const { calls } = fakes.log.measure(() => store.replace('大きい', ['n', 'name'], rows));
    expect(calls.byMethod['Spreadsheet.insertSheet']).toBe(1);
    expect(calls.byMethod['Sheet.insertRowsAfter']).toBe(1);
    expect(calls.byMethod['Range.setValues']).toBe(1);
    expect(calls.byMethod['Range.clearContent']).toBeUndefined();
    expect(store.read(['大きい'])?.rows).toHaveLength(1500);
  });

  it('updates the owned cells of rows in place with one setValues, the column beside them untouched', () => {
    tab('マッチング', [['ID', '状態', 'センター列'], ['X1', '提案', '=LEN(A2)'], ['X2', '提案', '=LEN(A3)'], ['X3', '提案', '=LEN(A4)']]);
    const { calls } = fakes.log.measure(() => store.writeCells('マッチング', 3, { columns: [1], rows: [['成立'], ['辞退']] }));
    expect(calls.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getRange': 1, 'Range.setValues': 1,
    });
    const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('マッチング');
    expect(s?.getRange(2, 2, 3, 1).getValues()).toEqual([['提案'], ['成立'], ['辞退']]);
    expect(s?.getRange(2, 3, 3, 1).getFormulas()).toEqual([['=LEN(A2)'], ['=LEN(A3)'], ['=LEN(A4)']]);
  });

  it('writes two runs of owned columns with one setValues each and never the column between them', () => {
    tab('会員', [['ID', 'センター列', '氏名', '電話'], ['M1', '=A2&"様"', '山田', '04']]);
    const { calls } = fakes.log.measure(() => store.writeCells('会員', 2, { columns: [3, 0, 2], rows: [['05', 'M1', '山田 花子']] }));
    expect(calls.byMethod['Range.setValues']).toBe(2);
    expect(calls.cellsWritten).toBe(3);
    const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('会員');
    expect(s?.getRange(2, 2).getFormulas()).toEqual([['=A2&"様"']]);
    expect(store.read(['会員'])?.rows[0]).toEqual(['M1', '#ERROR!', '山田 花子', 5]);
  });

  it('appends one row with appendRow (atomic in Sheets), leaving an unowned column of the new row empty', () => {
    tab('活動', [['ID', 'メモ', '時間'], ['A1', 'x', 1]]);
    const { calls } = fakes.log.measure(() => store.appendCells('活動', { columns: [0, 2], rows: [['A2', 3]] }));
    expect(calls.byMethod).toEqual({ 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.appendRow': 1 });
    expect(store.read(['活動'])?.rows).toEqual([['A1', 'x', 1], ['A2', null, 3]]);
  });

  it('finds a tab whose name has a trailing space, looking the tabs up only when no name matched exactly', () => {
    tab('会員 ', [['会員ID'], ['M1']]);
    const { result, calls } = fakes.log.measure(() => store.read(['会員', 'Members']));
    expect(result?.name).toBe('会員 ');
    expect(result?.rows).toEqual([['M1']]);
    expect(calls.byMethod['Spreadsheet.getSheets']).toBe(1);
    const exact = fakes.log.measure(() => store.read(['会員 ']));
    expect(exact.calls.byMethod['Spreadsheet.getSheets']).toBeUndefined();
  });

  it('neutralises every text it writes, also after spaces and invisible characters', () => {
    tab('活動', [['メモ']]);
    const texts = ['=1+1', ' =1+1', '\u00a0=HYPERLINK("x")', '\u3000=1', '\ufeff=1', '\u000b=1', '\f=1', '+1+1', '-1-1', '@SUM(A1)', '\t=1', '\r=1', '\n=1', '=cmd|\' /C calc\'!A0', '＝1+1'];
    store.appendCells('活動', { columns: [0], rows: texts.map((t) => [t]) });
    const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('活動');
    const formulas = s?.getRange(2, 1, texts.length, 1).getFormulas().flat() ?? [];
    expect(formulas.every((f) => f === '')).toBe(true);
    expect(s?.getRange(2, 1, texts.length, 1).getValues().flat()).toEqual(texts);
  });

  it('writes day cells as Dates at midnight in the spreadsheet zone and reads them back unchanged', () => {
    const rows: Cell[][] = [[{ date: '2015-04-01' }, { date: '2016-02-29T18:05:00' }, 'x', 1, true, null]];
    store.replace('往復', ['日', '時刻', '文字', '数', '真偽', '空'], rows);
    const v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('往復')?.getRange(2, 1, 1, 2).getValues() as Date[][];
    expect(v[0]?.[0]?.toISOString()).toBe('2015-03-31T15:00:00.000Z');
    // 2016-02-29 18:05 in Tokyo is 09:05 UTC.
    expect(v[0]?.[1]?.toISOString()).toBe('2016-02-29T09:05:00.000Z');
    expect(store.read(['往復'])).toEqual({ name: '往復', header: ['日', '時刻', '文字', '数', '真偽', '空'], rows: [[{ date: '2015-04-01' }, { date: '2016-02-29T18:05:00' }, 'x', 1, true, null]] });
  });

  it('keeps the days right in a zone with summer time', () => {
    fakes.uninstall();
    fakes = installFakes(globalThis, { timeZone: 'America/New_York' });
    store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
    // 2015-03-08 is the day New York moves its clocks forward (02:00 EST → 03:00 EDT).
    const days: Cell[][] = [[{ date: '2015-03-07' }], [{ date: '2015-03-08' }], [{ date: '2015-03-09' }], [{ date: '2015-11-01' }]];
    store.replace('夏時間', ['日'], days);
    const raw = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('夏時間')?.getRange(2, 1, 4, 1).getValues() as Date[][];
    // Midnight EST is 05:00 UTC, midnight EDT is 04:00 UTC (03-09 and 11-01 are still EDT at 00:00).
    expect(raw.map((r) => r[0]?.toISOString())).toEqual([
      '2015-03-07T05:00:00.000Z', '2015-03-08T05:00:00.000Z', '2015-03-09T04:00:00.000Z', '2015-11-01T04:00:00.000Z',
    ]);
    expect(store.read(['夏時間'])?.rows).toEqual(days);
  });

  it('keeps the center\'s extra columns when a table read is written back', () => {
    tab('会員', [['会員ID', '氏名', '地区メモ'], ['M1', '山田', '北'], ['M2', '佐藤', '南']]);
    const t = store.read(['会員']);
    if (!t) throw new Error('no tab');
    store.replace(t.name, t.header, t.rows.map((r) => (r[0] === 'M2' ? [r[0], '佐藤花子', r[2] ?? null] : r)));
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('会員')?.getDataRange().getValues()).toEqual([
      ['会員ID', '氏名', '地区メモ'], ['M1', '山田', '北'], ['M2', '佐藤花子', '南'],
    ]);
  });

  it('never writes a formula: a text that would be one is kept as text, and one already neutralised is left as it is', () => {
    store.replace('注入', ['メモ'], [['=1+1'], ["'=1+1"]]);
    const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('注入');
    expect(s?.getRange('A2:A3').getFormulas()).toEqual([[''], ['']]);
    expect(s?.getRange('A2:A3').getValues()).toEqual([['=1+1'], ['=1+1']]);
  });

  describe('partial reads', () => {
    // A 2,000-row tab of seven columns: ID, name, kana, a date, two numbers, a note.
    const bigTab = (): void => {
      const rows: unknown[][] = [['会員ID', '氏名', 'フリガナ', '入会日', '週上限日数', '点数', '備考']];
      for (let i = 1; i <= 2000; i += 1) rows.push([`M${String(i).padStart(4, '0')}`, `会員${i}`, `カイイン${i}`, tokyoMidnight, 3, i, 'メモ']);
      tab('会員', rows);
    };

    it('reads only the wanted columns: the header, then one getValues per run of adjacent columns', () => {
      bigTab();
      // Columns A, B, D and F: three runs (A:B, D, F).
      const { result, calls } = fakes.log.measure(() => store.readColumns(['会員', 'Members'], () => [0, 1, 3, 5]));
      expect(result?.header).toEqual(['会員ID', '氏名', 'フリガナ', '入会日', '週上限日数', '点数', '備考']);
      expect(result?.rows).toHaveLength(2000);
      // Rows are as wide as the header; the columns not asked for are null.
      expect(result?.rows[1]).toEqual(['M0002', '会員2', null, { date: '2015-04-01' }, null, 2, null]);
      expect(calls.byMethod).toEqual({
        'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getLastColumn': 1, 'Sheet.getLastRow': 1,
        // 1 for the header + 3 runs (A:B, D, F)
        'Sheet.getRange': 4, 'Range.getValues': 4, 'Spreadsheet.getSpreadsheetTimeZone': 1, 'Sheet.getName': 1,
      });
      expect(calls.roundTrips).toBe(4);
      // The header's 7 cells, then 2,000 rows × 4 columns (a whole read would be 2,001 × 7 = 14,007).
      expect(calls.cellsRead).toBe(7 + 2000 * 4);
    });

    it('reads a single column with one getValues of that column alone', () => {
      bigTab();
      const { result, calls } = fakes.log.measure(() => store.readColumns(['会員'], () => [0]));
      expect(result?.rows[1999]?.[0]).toBe('M2000');
      expect(calls.byMethod['Range.getValues']).toBe(2);
      expect(calls.cellsRead).toBe(7 + 2000);
    });

    it('reads the last rows with one getValues and says which sheet row they start at', () => {
      bigTab();
      const { result, calls } = fakes.log.measure(() => store.readTail(['会員'], 500));
      // 2,000 data rows are sheet rows 2..2001; the last 500 are 1502..2001.
      expect(result?.firstRow).toBe(1502);
      expect(result?.rows).toHaveLength(500);
      expect(result?.rows[0]).toEqual(['M1501', '会員1501', 'カイイン1501', { date: '2015-04-01' }, 3, 1501, 'メモ']);
      expect(calls.byMethod).toEqual({
        'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getLastColumn': 1, 'Sheet.getLastRow': 1,
        'Sheet.getRange': 2, 'Range.getValues': 2, 'Spreadsheet.getSpreadsheetTimeZone': 1, 'Sheet.getName': 1,
      });
      expect(calls.cellsRead).toBe(7 + 500 * 7);
    });

    it('reads only the picked columns of the last rows, one getValues per run of adjacent ones', () => {
      bigTab();
      // Columns A and D:E of the last 500 rows: two runs, two getValues besides the header's.
      const { result, calls } = fakes.log.measure(() => store.readTail(['会員'], 500, () => [4, 0, 3]));
      expect(result?.firstRow).toBe(1502);
      expect(result?.rows[0]).toEqual(['M1501', null, null, { date: '2015-04-01' }, 3, null, null]);
      expect(result?.rows[499]?.[0]).toBe('M2000');
      expect(calls.byMethod['Range.getValues']).toBe(3);
      expect(calls.cellsRead).toBe(7 + 500 * 3);
    });

    it('reads a tab shorter than the tail whole, and a tab with only a header as no rows', () => {
      tab('短い', [['ID', '名'], ['a', 'x'], ['b', 'y']]);
      expect(store.readTail(['短い'], 5000)).toEqual({ name: '短い', header: ['ID', '名'], rows: [['a', 'x'], ['b', 'y']], firstRow: 2 });
      tab('空の表', [['ID', '名']]);
      expect(store.readTail(['空の表'], 10)).toEqual({ name: '空の表', header: ['ID', '名'], rows: [], firstRow: 2 });
      expect(store.readColumns(['空の表'], () => [0])).toEqual({ name: '空の表', header: ['ID', '名'], rows: [] });
      expect(store.readColumns(['ない'], () => [0])).toBeNull();
      expect(store.readTail(['ない'], 10)).toBeNull();
    });
  });

  it('lists tab names in order', () => {
    tab('会員', [['a']]);
    expect(store.tabNames()).toEqual(['シート1', '会員']);
  });
});
