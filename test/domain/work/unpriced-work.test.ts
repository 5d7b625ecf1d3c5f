import { readWorkbook } from '../../../src/domain/workbook';
import { formatProblem } from '../../../src/domain/messages/catalog';
import type { RawTable } from '../../../src/domain/cell';

// A work row whose job has no 単価 and no 金額 of its own pays 0 and is named at the job's 単価
// cell (issue 13); a job with no 単価 and no work rows, or a 職業紹介 job, is no problem.
function book(tabs: Record<string, RawTable>) {
  return readWorkbook((names) => tabs[names[0]] ?? tabs[names[1]] ?? null);
}
const base = (jobs: RawTable, work: RawTable): Record<string, RawTable> => ({
  会員: { name: '会員', header: ['会員ID', '入会日'], rows: [['M1', '2015-04-01']] },
  業務提供先: { name: '業務提供先', header: ['提供先ID'], rows: [['C1']] },
  仕事: jobs,
  活動記録: { name: '活動記録', header: ['活動ID', '日付', '分野'], rows: [] },
  マッチング: { name: 'マッチング', header: ['マッチングID', '会員ID', '契約形態', '状態'], rows: [] },
  イベント: { name: 'イベント', header: ['イベントID', '種別', '開催日'], rows: [] },
  就業実績: work,
});

describe('ikigai check: work that pays 0 for want of a 単価', () => {
  const jobs: RawTable = { name: '仕事', header: ['仕事ID', '提供先ID', '契約形態', '単価', '単価区分'], rows: [
    ['J1', 'C1', '請負', 1000, '時間'],
    ['J2', 'C1', '請負', null, null], // rows without 金額: a problem at D3
    ['J3', 'C1', '委任', null, null], // only a row with 金額: no problem
    ['J4', 'C1', '職業紹介', null, null], // the employer pays: no problem
    ['J5', 'C1', '請負', null, null], // no rows: no problem
  ] };
  const work: RawTable = { name: '就業実績', header: ['就業日', '会員ID', '仕事ID', '時間', '金額'], rows: [
    ['2015-06-01', 'M1', 'J1', 2, null],
    ['2015-06-01', 'M1', 'J2', 2, null],
    ['2015-06-02', 'M1', 'J2', 3, null],
    ['2015-06-02', 'M1', 'J3', 3, 2000],
    ['2015-06-03', 'M1', 'J4', 3, null],
  ] };

  test('names the job\'s 単価 cell once, with the number of rows and the first of them', () => {
    const { problems } = book(base(jobs, work));
    expect(problems.map((p) => formatProblem(p, 'ja'))).toEqual([
      '仕事!D3: 仕事「J2」に単価がないため、就業実績の 2 行（最初は 就業実績!C3）が 0 円になります（単価を入れるか、行に金額を入れてください）',
    ]);
    expect(formatProblem(problems[0]!, 'en')).toBe('仕事!D3: job "J2" has no unit_price, so 2 WorkLog row(s) (the first at 就業実績!C3) pay 0 yen (give the job a unit_price, or the rows an amount)');
  });

  test('points at the job\'s ID cell when 仕事 has no 単価 column', () => {
    const noPrice: RawTable = { name: '仕事', header: ['仕事ID', '提供先ID'], rows: [['J1', 'C1']] };
    const rows: RawTable = { name: '就業実績', header: ['就業日', '会員ID', '仕事ID', '時間'], rows: [['2015-06-01', 'M1', 'J1', 1]] };
    expect(book(base(noPrice, rows)).problems.map((p) => `${p.tab}!${p.cell} ${p.code}`)).toEqual(['仕事!A2 unpriced_work']);
  });

  test('reads the work rows, and a row naming an unknown member or job is a dangling reference', () => {
    const rows: RawTable = { name: '就業実績', header: ['就業日', '会員ID', '仕事ID', '時間'], rows: [['2015-06-01', 'M9', 'J1', 1]] };
    const wb = book(base(jobs, rows));
    expect(wb.workLog).toHaveLength(1);
    expect(wb.problems.map((p) => `${p.tab}!${p.cell} ${p.code}`)).toEqual(['就業実績!B2 missing_reference']);
  });
});
