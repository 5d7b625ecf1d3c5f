import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import type { Cell } from '../../src/domain/cell';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { columnWidth, inlineList, VALIDATED_SPARE_ROWS } from '../../src/local/xlsx-formats';
import { readWorkbookFile, writeWorkbookFile } from '../../src/local/xlsx-workbook-file';

// The .xlsx the command line writes is dressed as 初期設定 dresses a Google spreadsheet. Read back
// with SheetJS's raw sheet XML and column list (a different library from the exceljs writer), and
// with exceljs only for the column styles SheetJS does not report.

interface Validation { readonly sqref: string; readonly formula: string; readonly errorStyle: string | undefined }

/** Every <dataValidation> of each sheet, from the sheet XML itself. */
function validationsByTab(path: string): Map<string, Validation[]> {
  const book = XLSX.readFile(path, { bookFiles: true });
  const files = (book as unknown as { files: Record<string, { content: Uint8Array }> }).files;
  const sheets = (book as unknown as { Directory: { sheets: string[] } }).Directory.sheets;
  const out = new Map<string, Validation[]>();
  book.SheetNames.forEach((name, i) => {
    const file = files[(sheets[i] ?? '').replace(/^\//, '')];
    const xml = file ? Buffer.from(file.content).toString('utf8') : '';
    const found: Validation[] = [];
    for (const m of xml.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)) {
      const attrs = m[1] ?? '';
      found.push({
        sqref: /sqref="([^"]*)"/.exec(attrs)?.[1] ?? '',
        formula: (m[2] ?? '').replace(/&quot;/g, '"'),
        errorStyle: /errorStyle="([^"]*)"/.exec(attrs)?.[1],
      });
    }
    out.set(name, found);
  });
  return out;
}

/** Column widths as SheetJS reads them from <cols>, by column letter; unset columns are absent. */
function widthsOf(path: string, tab: string): Record<string, number> {
  const book = XLSX.readFile(path, { cellStyles: true });
  const cols = book.Sheets[tab]?.['!cols'] ?? [];
  const out: Record<string, number> = {};
  cols.forEach((c, i) => { if (c?.width !== undefined) out[XLSX.utils.encode_col(i)] = c.width; });
  return out;
}

const MEMBERS_HEADER = ['会員ID', '氏名', '独自メモ', '性別', '入会日', '個人情報同意', '電話'];
const MEMBERS_ROWS: Cell[][] = [
  ['M001', '山田 花子', '送迎あり', '女性', { date: '2015-04-01' }, true, '0471-00-0000'],
  ['M002', '佐藤 一郎', null, 'male', { date: '2015-05-10' }, false, '04-7100-0000'],
];

function sampleStore(): MemoryTableStore {
  return MemoryTableStore.from([
    // A center's own column (独自メモ) sits between workbook.md's columns, and some columns are missing.
    { name: '会員', header: MEMBERS_HEADER, rows: MEMBERS_ROWS },
    // An English tab with English headers gets the English codes.
    { name: 'Jobs', header: ['job_id', 'status', 'engagement', 'start_on'], rows: [['J001', 'open', 'dispatch', { date: '2015-06-01' }]] },
    // A tab the center made is not one of workbook.md's: nothing is added to it.
    { name: 'メモ', header: ['日付', '性別', '内容'], rows: [['2015-04-01', '女性', 'x']] },
  ]);
}

describe('writing a workbook dresses workbook.md tabs as setup does', () => {
  let dir: string;
  let path: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ikigai-xlsx-formats-'));
    path = join(dir, 'book.xlsx');
    await writeWorkbookFile(sampleStore(), path);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts a dropdown of the Japanese labels on each enumeration and TRUE/FALSE on each boolean, down to 500 rows past the last record', () => {
    // 会員 has 2 records in rows 2–3, so the rules run from row 2 to 3 + 500 = 503.
    expect(VALIDATED_SPARE_ROWS).toBe(500);
    expect(validationsByTab(path).get('会員')).toEqual([
      { sqref: 'D2:D503', formula: '"男性,女性,その他,未回答"', errorStyle: 'warning' },
      { sqref: 'F2:F503', formula: '"TRUE,FALSE"', errorStyle: 'warning' },
    ]);
  });

  it('uses the English codes on a tab named in English, and leaves the center\'s own tab alone', () => {
    const all = validationsByTab(path);
    // Jobs: 1 record in row 2, so rows 2 to 2 + 500 = 502.
    expect(all.get('Jobs')).toEqual([
      { sqref: 'B2:B502', formula: '"proposed,open,filled,closed"', errorStyle: 'warning' },
      { sqref: 'C2:C502', formula: '"dispatch,placement,contract,mandate"', errorStyle: 'warning' },
    ]);
    expect(all.get('メモ')).toEqual([]);
    expect(widthsOf(path, 'メモ')).toEqual({});
  });

  it('gives date columns yyyy-mm-dd and ID and phone columns plain text for the rows people add, and nothing to the center\'s column', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const members = book.getWorksheet('会員');
    const numFmts = [1, 2, 3, 4, 5, 6, 7].map((c) => members?.getColumn(c).numFmt ?? null);
    expect(numFmts).toEqual(['@', null, null, null, 'yyyy-mm-dd', null, '@']);
    expect(book.getWorksheet('Jobs')?.getColumn(4).numFmt).toBe('yyyy-mm-dd');
    // The written dates keep their own format, and the header stays bold.
    expect(members?.getRow(2).getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(members?.getRow(1).getCell(5).font?.bold).toBe(true);
  });

  it('sizes each workbook.md column to its widest header or value, CJK characters counting two', () => {
    // Display width + 2, at least 8 and at most 40:
    // A 会員ID 2+2+1+1 = 6 → 8; B 山田 花子 2+2+1+2+2 = 9 → 11; D 性別/女性 4 → 8;
    // E 2015-04-01 10 → 12; F 個人情報同意 6×2 = 12 → 14; G 0471-00-0000 12 → 14. C is the center's.
    expect(widthsOf(path, '会員')).toEqual({ A: 8, B: 11, D: 8, E: 12, F: 14, G: 14 });
  });

  it('reads back exactly what was written: the formats change nothing a reader sees', async () => {
    const again = await readWorkbookFile(path);
    const store = sampleStore();
    expect(again.tabNames()).toEqual(store.tabNames());
    for (const name of store.tabNames()) expect(again.read([name])).toEqual(store.read([name]));
  });
});

describe('the pieces of the dressing', () => {
  it('caps widths at 40 so a long note does not push the sheet off screen', () => {
    expect(columnWidth('備考', [['あ'.repeat(100)]], 0)).toBe(40);
    expect(columnWidth('x', [], 0)).toBe(8);
  });

  it('keeps an inline list only when Excel can hold it: 255 characters at most, no comma or quote inside a value', () => {
    // 84 values of 'ab' joined by commas: 84×2 + 83 = 251, plus the two quotes = 253 ≤ 255.
    expect(inlineList(Array.from({ length: 84 }, () => 'ab'))?.length).toBe(253);
    // 85 values: 85×2 + 84 + 2 = 256 > 255.
    expect(inlineList(Array.from({ length: 85 }, () => 'ab'))).toBeNull();
    expect(inlineList(['a,b', 'c'])).toBeNull();
    expect(inlineList(['say "hi"'])).toBeNull();
  });
});

describe('reading a workbook with dropdowns over whole columns', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ikigai-xlsx-whole-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // exceljs turns each validation range into one entry per cell while reading: four whole-column
  // rules are 4,194,300 entries (about a second per column when measured). The reader skips them,
  // so the file reads in milliseconds; the 3-second limit fails if they are parsed again.
  it('reads the records quickly, without expanding the rules cell by cell', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('会員');
    sheet.addRow(['会員ID', '性別', '入会経路', '個人情報同意', '備考']);
    sheet.addRow(['M001', '女性', '窓口', true, 'x']);
    const rules = (sheet as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations;
    for (const col of ['B', 'C', 'D', 'E']) rules.add(`${col}2:${col}1048576`, { type: 'list', allowBlank: true, formulae: ['"a,b"'] });
    const path = join(dir, 'whole-column.xlsx');
    await book.xlsx.writeFile(path);
    const store = await readWorkbookFile(path);
    expect(store.read(['会員'])?.rows).toEqual([['M001', '女性', '窓口', true, 'x']]);
  }, 3000);
});
