import * as ExcelJS from 'exceljs';
import type { Cell } from '../../src/domain/cell';
import { dayTables } from '../app/day-fixture';
import { COORDINATOR, MANAGER } from '../app/sidebar/sidebar-fixture';

// The day fixture (test/app/day-fixture.ts, today 2025-06-11) as the browser tests of the
// 継続支援 and correction panels see it: M003 placed on J002 on 2025-06-02 (so 1 week is due
// since 06-09), a second entry of tanaka's (A000008, a call with M001 yesterday) and two of the
// manager's (A000009, and A000005, a call to M002 on 05-01; never in tanaka's recent list);
// 設定 言語 as asked. After the file is
// written, `addFormulaColumn` gives 活動記録 a column the center added itself: 時間 = 所要分 / 60,
// a formula in every row, which no write of the add-in may touch.

type Table = ReturnType<typeof dayTables>[number];

export const FORMULA_HEADER = '時間';

export function dayWorkbook(language: 'ja' | 'en'): Table[] {
  const d = (date: string): Cell => ({ date });
  return dayTables().map((t) => {
    if (t.name === '設定') return { ...t, rows: t.rows.map((r) => (r[0] === '言語' ? ['言語', language] : r)) };
    if (t.name === '仕事') return { ...t, rows: t.rows.map((r) => (r[0] === 'J002' ? r.map((c, i) => (t.header[i] === '状態' ? '充足' : c)) : r)) };
    if (t.name === 'マッチング') {
      return { ...t, rows: [['X000001', 'J002', 'M003', '派遣', '成立', d('2025-06-02'), d('2025-06-02'), null, COORDINATOR, 80, '', '火AM']] };
    }
    if (t.name === '活動記録') {
      return {
        ...t, rows: [
          ...t.rows,
          ['A000008', d('2025-06-10'), COORDINATOR, 'マッチング', '電話', 'M001', '', 'J001', 15, '面談日を調整', '', d('2025-06-10T11:00:00'), null],
          ['A000009', d('2025-06-10'), MANAGER, '開拓', '訪問', '', 'C001', '', 30, '契約更新', '', d('2025-06-10T16:00:00'), null],
          // Entered late by the manager: M002 was phoned on 05-01 and is still waiting.
          ['A000005', d('2025-05-01'), MANAGER, '継続支援', '電話', 'M002', '', '', 5, '不在', '', d('2025-06-10T17:00:00'), null],
        ],
      };
    }
    return t;
  });
}

/** 活動記録's own formula column, right of the add-in's columns, on every row there is. */
export async function addFormulaColumn(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.getWorksheet('活動記録');
  if (!sheet) throw new Error('no 活動記録 tab');
  const col = sheet.getRow(1).cellCount + 1;
  sheet.getCell(1, col).value = FORMULA_HEADER;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const minutes = sheet.getCell(r, 9).value;
    sheet.getCell(r, col).value = { formula: `IF(I${r}="","",I${r}/60)`, result: typeof minutes === 'number' ? minutes / 60 : '' };
  }
  await book.xlsx.writeFile(path);
}

/** 活動記録 as exceljs reads it back: each row's values by header, formulas as `={formula}`. */
export async function activityRowsByExcelJs(path: string): Promise<Record<string, Record<string, unknown>>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.getWorksheet('活動記録');
  if (!sheet) throw new Error('no 活動記録 tab');
  const header: string[] = [];
  sheet.getRow(1).eachCell((c, i) => { header[i] = String(c.value); });
  const out: Record<string, Record<string, unknown>> = {};
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const cell = sheet.getCell(r, i);
      const v = cell.value;
      row[h] = cell.formula ? `=${cell.formula}` : v instanceof Date ? v.toISOString() : v;
    });
    const id = row['活動ID'];
    if (typeof id === 'string') out[id] = row;
  }
  return out;
}
