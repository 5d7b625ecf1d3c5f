import * as ExcelJS from 'exceljs';
import type { Cell } from '../../src/domain/cell';
import { COORDINATOR, sidebarTables } from '../app/sidebar/sidebar-fixture';

// The sidebar fixture for the 会員 panel: 会員 with its 退会理由 column, two members both called
// 山下 隆 (for the namesake list), a 技能 tab (清掃 with its synonym 掃除), and M002 placed on J001
// (one person in each of its slots, so J001 is 充足 until M002 leaves). The center has added a
// column of its own to 会員 (年齢, a formula) that every write must leave as it is.
type Table = ReturnType<typeof sidebarTables>[number];

export function membersTables(): Table[] {
  const d = (date: string): Cell => ({ date });
  return sidebarTables().map((table): Table => {
    if (table.name === '会員') {
      return {
        ...table,
        header: [...table.header, '退会理由'],
        rows: [
          ...table.rows.map((r) => [...r, null]),
          ['M006', '山下 隆', 'ヤマシタ タカシ', '男性', d('1953-02-01'), d('2022-04-01'), null, '窓口', '柏', '04-0000-0006', '', '清掃', '清掃', '火PM', 2, '健康', true, '', null],
          ['M007', '山下 隆', 'ヤマシタ タカシ', '男性', d('1947-09-01'), d('2023-04-01'), null, '紹介', '我孫子', '04-0000-0007', '', '運転', '運転', '金AM', 2, '収入', true, '', null],
        ],
      };
    }
    if (table.name === '仕事') {
      return { ...table, rows: table.rows.map((r) => (r[0] === 'J001' ? r.map((c, i) => (i === 13 ? '充足' : c)) : r)) };
    }
    if (table.name === 'マッチング') {
      return { ...table, rows: [['MT0001', 'J001', 'M002', '請負', '成立', d('2025-06-02'), d('2025-06-03'), null, COORDINATOR, 80, '']] };
    }
    return table;
  }).concat([{ name: '技能', header: ['技能', '同義語'], rows: [['清掃', '掃除'], ['調理', ''], ['植木', ''], ['運転', '']] }]);
}

/** The center's own 年齢 column in 会員 (after 退会理由): a formula per member, as a center adds one. */
export const FORMULA_COLUMN = 20; // T: 19 columns of the contract, then the center's
export async function addAgeFormulas(workbook: string, tab = '会員'): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  const sheet = book.getWorksheet(tab);
  if (!sheet) throw new Error('no 会員 tab');
  sheet.getCell(1, FORMULA_COLUMN).value = '年齢';
  for (let row = 2; row <= sheet.rowCount; row++) {
    sheet.getCell(row, FORMULA_COLUMN).value = { formula: `DATEDIF(E${row},DATE(2025,6,11),"Y")`, result: 70 };
  }
  await book.xlsx.writeFile(workbook);
}

/** The formulas of the 年齢 column as the file holds them, by sheet row. */
export async function ageFormulas(workbook: string, tab = '会員'): Promise<(string | null)[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  const sheet = book.getWorksheet(tab);
  if (!sheet) throw new Error('no 会員 tab');
  const out: (string | null)[] = [];
  for (let row = 2; row <= sheet.rowCount; row++) {
    const v = sheet.getCell(row, FORMULA_COLUMN).value;
    out.push(typeof v === 'object' && v !== null && 'formula' in v ? (v.formula ?? null) : null);
  }
  return out;
}
