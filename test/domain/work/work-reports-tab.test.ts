import { WORK_REPORTS_TAB } from '../../../src/domain/schema/tabs';
import { rawWorkbook } from '../raw-workbook';

// 就業報告 is a tab of the contract (workbook.md): `ikigai check` reads it like the others, so a
// 状態 outside 要確認 / 記録済 / 見送り or a 回答日時 that is no time is named by tab!cell, and its
// rows are typed records (an unreadable answer's ID and hours kept as the member typed them).
const HEADER = ['回答日時', '会員ID', '仕事ID', '対象月', '就業日', '時間', '状態', 'メモ'];

describe('the 就業報告 tab as the workbook reads it', () => {
  test('its headers are the schema\'s, in both languages', () => {
    expect(WORK_REPORTS_TAB.columns.map((c) => c.ja)).toEqual(HEADER);
    expect(WORK_REPORTS_TAB.columns.map((c) => c.key)).toEqual(['answered_at', 'member_id', 'job_id', 'month', 'days', 'hours', 'status', 'notes']);
  });

  test('good rows read as records; a bad 状態 and a bad 回答日時 are problems at their cells', () => {
    const wb = rawWorkbook({
      就業報告: {
        header: HEADER,
        rows: [
          [{ date: '2015-07-31T10:00:00' }, 'M999', 'J01', '2015-07', '1, 2', '三時間', '要確認', '会員IDが会員シートにありません'],
          [{ date: '2015-07-31T10:05:00' }, 'M004', 'J06', '2015-07', '4', 2, '記録済', ''],
          ['きのう', 'M004', 'J06', '2015-07', '5', 2, '済み', ''],
        ],
      },
    });
    expect(wb.workReports.slice(0, 2).map((r) => [r.answered_at?.slice(0, 16), r.member_id, r.hours, r.status])).toEqual([
      ['2015-07-31T10:00', 'M999', '三時間', 'needs_review'], ['2015-07-31T10:05', 'M004', '2', 'recorded'],
    ]);
    const mine = wb.problems.filter((p) => p.tab === '就業報告').map((p) => `${p.tab}!${p.cell}`).sort();
    expect(mine).toEqual(['就業報告!A4', '就業報告!G4']);
  });

  test('a 就業報告 without its 状態 header is a problem; a workbook without the tab is none', () => {
    const wb = rawWorkbook({ 就業報告: { header: HEADER.filter((h) => h !== '状態'), rows: [] } });
    expect(wb.problems.filter((p) => p.tab === '就業報告').map((p) => p.code)).toEqual(['missing_header']);
    expect(rawWorkbook({}).problems.filter((p) => p.tab === '就業報告')).toEqual([]);
  });
});
