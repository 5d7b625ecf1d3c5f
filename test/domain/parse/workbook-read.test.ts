import { formatProblem, CATALOGS } from '../../../src/domain/messages/catalog';
import { parseTable } from '../../../src/domain/parse/parse-table';
import { parseSettings } from '../../../src/domain/settings';
import { MEMBERS_TAB } from '../../../src/domain/schema/tabs';
import { rawWorkbook } from '../raw-workbook';

describe('parseTable', () => {
  it('matches Japanese or English headers in any order and ignores extra columns', () => {
    const parsed = parseTable(MEMBERS_TAB, {
      name: 'Members', header: ['my column', ' joined_on ', '会員ID', '性別'],
      rows: [['x', '2015-04-01', 'M1', 'male'], [null, null, null, null], ['y', { date: '2015-05-01' }, 'M2', '女性']],
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => [r.member_id, r.joined_on, r.gender])).toEqual([['M1', '2015-04-01', 'male'], ['M2', '2015-05-01', 'female']]);
    // The blank row 3 is skipped; M2 stands on sheet row 4.
    expect(parsed.rowNumbers).toEqual([2, 4]);
  });

  it('names a missing required header and reads no rows', () => {
    const parsed = parseTable(MEMBERS_TAB, { name: '会員', header: ['会員ID', '氏名'], rows: [['M1', 'a']] });
    expect(parsed.records).toEqual([]);
    expect(parsed.problems.map((p) => formatProblem(p, 'ja'))).toEqual(['会員!1: 列「入会日」がありません（英語名 joined_on も可）']);
  });

  it('names each bad cell with its A1 reference and keeps the row when only an optional cell is bad', () => {
    const parsed = parseTable(MEMBERS_TAB, { name: '会員', header: ['会員ID', '入会日', '性別'], rows: [['M1', '2015-04-01', '男'], ['M2', '2015-02-30', '女性']] });
    expect(parsed.problems.map((p) => `${p.tab}!${p.cell} ${p.code}`)).toEqual(['会員!C2 bad_enum', '会員!B3 bad_date']);
    expect(parsed.records.map((r) => [r.member_id, r.gender])).toEqual([['M1', null]]);
  });
});

describe('parseSettings', () => {
  it('uses the defaults when the tab is missing', () => {
    const { settings, problems } = parseSettings(null);
    expect(settings).toMatchObject({ language: 'ja', timeZone: 'Asia/Tokyo', fiscalYearStartMonth: 4, population60Plus: null });
    expect(problems).toEqual([]);
  });

  it('reads Japanese or English keys and names a bad value', () => {
    const { settings, problems } = parseSettings({
      name: '設定', header: ['項目', '値'],
      rows: [['言語', 'en'], ['fiscal_year_start_month', 1], ['60歳以上人口', '12,345'], ['週次メール曜日', '金曜日'], ['タイムゾーン', 'Mars/Base']],
    });
    expect(settings).toMatchObject({ language: 'en', fiscalYearStartMonth: 1, population60Plus: 12345, weeklyDay: 4, timeZone: 'Asia/Tokyo' });
    expect(problems.map((p) => `${p.tab}!${p.cell}`)).toEqual(['設定!B6']);
  });
});

describe('readWorkbook cross-tab checks', () => {
  it('names both rows of a duplicate ID', () => {
    const wb = rawWorkbook({ 会員: { header: ['会員ID', '入会日'], rows: [['M1', '2015-04-01'], ['M2', '2015-04-01'], ['M1', '2015-05-01']] } });
    expect(wb.problems.map((p) => formatProblem(p, 'ja'))).toEqual(['会員!A4: ID「M1」が重複しています（会員!A2 と同じ）']);
  });

  it('names references to records that do not exist', () => {
    const wb = rawWorkbook({
      会員: { header: ['会員ID', '入会日'], rows: [['M1', '2015-04-01']] },
      マッチング: { header: ['マッチングID', '仕事ID', '会員ID', '契約形態', '状態'], rows: [['X1', 'J9', 'M1', '派遣', '候補'], ['X2', null, 'M7', '就労相談', '候補']] },
    });
    expect(wb.problems.map((p) => formatProblem(p, 'en'))).toEqual([
      'マッチング!B2: 仕事ID "J9" is not in "仕事"',
      'マッチング!C3: 会員ID "M7" is not in "会員"',
    ]);
  });

  it('names a missing required tab and accepts the English tab names', () => {
    const wb = rawWorkbook({});
    expect(wb.problems).toEqual([]);
    const missing = rawWorkbook({}, ['イベント']);
    expect(missing.problems.map((p) => formatProblem(p, 'ja'))).toEqual(['イベント: シート「イベント」がありません（英語名 Events も可）']);
  });

  it('asks for a placed-on day when a match is placed', () => {
    const wb = rawWorkbook({
      会員: { header: ['会員ID', '入会日'], rows: [['M1', '2015-04-01']] },
      マッチング: { header: ['マッチングID', '会員ID', '契約形態', '状態', '成立日'], rows: [['X1', 'M1', '派遣', '成立', null]] },
    });
    expect(wb.problems.map((p) => `${p.tab}!${p.cell} ${p.code}`)).toEqual(['マッチング!E2 placed_without_date']);
  });
});

describe('the message catalogs', () => {
  it('have the same problem codes in Japanese and English', () => {
    expect(Object.keys(CATALOGS.en.problems).sort()).toEqual(Object.keys(CATALOGS.ja.problems).sort());
  });
});
