import type { Cell, RawTable } from '../../../src/domain/cell';
import { formatProblem } from '../../../src/domain/messages/catalog';
import { findTab } from '../../../src/domain/schema/tab-lookup';
import { duplicateTabProblems, readWorkbook } from '../../../src/domain/workbook';

// workbook.md: one tab per table. A workbook holding 会員 and Members (the Japanese and the English
// name of one table), or 会員 and `会員 `, gets a problem naming both; the first is still read.

type Tabs = Array<[string, string[], Cell[][]]>;

const REQUIRED: Tabs = [
  ['業務提供先', ['提供先ID'], []],
  ['仕事', ['仕事ID'], []],
  ['活動記録', ['活動ID', '日付', '分野'], []],
  ['マッチング', ['マッチングID', '会員ID', '契約形態', '状態'], []],
  ['イベント', ['イベントID', '種別', '開催日'], []],
];

/** readWorkbook over `tabs` in order, found as a TableStore finds them (findTab). */
function read(tabs: Tabs) {
  const all = [...tabs, ...REQUIRED];
  const names = all.map(([name]) => name);
  return readWorkbook((wanted) => {
    const name = findTab(names, wanted);
    const tab = all.find(([n]) => n === name);
    return tab ? ({ name: tab[0], header: tab[1], rows: tab[2] } satisfies RawTable) : null;
  }, names);
}

describe('two tabs for one table', () => {
  it('names both the Japanese and the English tab, and reads the Japanese one as before', () => {
    const wb = read([
      ['会員', ['会員ID', '入会日'], [['M1', '2015-04-01']]],
      ['Members', ['member_id', 'joined_on'], [['M2', '2015-04-01'], ['M3', '2015-04-01']]],
    ]);
    expect(wb.problems.map((p) => formatProblem(p, 'ja'))).toEqual([
      '会員: シート「会員」と「Members」が両方あります。どちらか一方にしてください（今は「会員」を読んでいます）',
    ]);
    expect(wb.problems.map((p) => formatProblem(p, 'en'))).toEqual([
      '会員: both tabs "会員" and "Members" are present; keep only one of them (reading "会員" for now)',
    ]);
    expect(wb.members.map((m) => m.member_id)).toEqual(['M1']);
  });

  it('names the tab read first whatever the order of the tabs in the workbook', () => {
    const wb = read([
      ['Members', ['member_id', 'joined_on'], []],
      ['会員', ['会員ID', '入会日'], [['M1', '2015-04-01']]],
    ]);
    expect(wb.problems.map((p) => [p.tab, p.code, p.params.other])).toEqual([['会員', 'duplicate_tab', 'Members']]);
    expect(wb.members.map((m) => m.member_id)).toEqual(['M1']);
  });

  it('counts a tab whose name differs only by spaces as the same table', () => {
    expect(duplicateTabProblems(['会員', '会員 ', '\u3000Members']).map((p) => `${p.params.tab}|${p.params.other}`)).toEqual(['会員|会員 ', '会員|\u3000Members']);
  });

  it('names the optional tabs and the audit log too', () => {
    expect(duplicateTabProblems(['Settings', '設定', '申込', 'Registrations', '監査ログ', 'AuditLog', '週次KPI']).map((p) => `${p.params.tab}|${p.params.other}`))
      .toEqual(['設定|Settings', '申込|Registrations', '監査ログ|AuditLog']);
  });

  it('says nothing when each table has one tab, or when the tab names are not given', () => {
    expect(read([['Members', ['member_id', 'joined_on'], []], ['設定', ['項目', '値'], []]]).problems).toEqual([]);
    const lookup = (): RawTable | null => null;
    expect(readWorkbook(lookup).problems.map((p) => p.code)).not.toContain('duplicate_tab');
  });
});
