import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { simpleParser } from 'mailparser';
import { execFileSync } from 'node:child_process';
import { run } from '../../src/local/commands/weekly';
import type { Io } from '../../src/local/io';
import { fyBoundaryTables, MEMBER_PERSONAL_DATA } from '../app/weekly/fixture';

// `ikigai weekly` end to end on a real .xlsx, written here with SheetJS (a different library
// from the exceljs adapter under test) and read back with it too.
function writeFixture(path: string): void {
  const book = XLSX.utils.book_new();
  for (const t of fyBoundaryTables()) {
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([t.header, ...t.rows.map((r) => r.map((c) => (c === null ? '' : c)))]), t.name);
  }
  XLSX.writeFile(book, path);
}

function sheetValues(path: string): Record<string, unknown[][]> {
  const book = XLSX.read(readFileSync(path), { cellDates: false });
  return Object.fromEntries(book.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[n]!, { header: 1, raw: false, defval: '' })]));
}

function capture(cwd: string): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (s) => lines.push(s), err: (s) => errors.push(s), cwd };
}

describe('ikigai weekly', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ikigai-weekly-'));
    file = join(dir, 'center.xlsx');
    writeFixture(file);
  });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it('writes the week into 週次KPI, leaves every other tab as it was, and saves the mail beside the workbook', async () => {
    const before = sheetValues(file);
    const io = capture(dir);
    expect(await run(['--workbook', 'center.xlsx', '--week', '2016-04-01'], io)).toBe(0);
    const after = sheetValues(file);
    for (const tab of Object.keys(before)) expect([tab, after[tab]]).toEqual([tab, before[tab]]);
    // and the weekly run's stored activity totals (workbook.md: `_活動集計`, the add-in's own tab).
    expect(Object.keys(after)).toEqual([...Object.keys(before), '_活動集計', '週次KPI']);
    expect(after['_活動集計']?.[1]?.[0]).toBe('mark');
    const weekly = after['週次KPI']!;
    expect(weekly).toHaveLength(2); // header + one week
    expect(weekly[0]?.slice(0, 3)).toEqual(['週開始', '週終了', '会員数']);
    expect(weekly[1]?.[2]).toBe('4'); // 会員数 on 2016-04-03, worked out in run-weekly-summary.test.ts
    const mails = readdirSync(join(dir, 'mail'));
    expect(mails).toHaveLength(1);
    expect(io.lines.some((l) => l.includes(join(dir, 'mail', mails[0]!)))).toBe(true);
    const mail = await simpleParser(readFileSync(join(dir, 'mail', mails[0]!)));
    expect(mail.subject).toBe('【柏市シルバー人材センター】週次サマリー 2016/03/28–04/03');
    const all = `${mail.text}\n${String(mail.html)}`;
    for (const p of MEMBER_PERSONAL_DATA) expect([p, all.includes(p)]).toEqual([p, false]);
  });

  it('changes nothing and writes no mail when the same week runs again; --resend writes one more mail and keeps one row', async () => {
    expect(await run(['--workbook', file, '--week', '2016-03-28', '--mail-dir', join(dir, 'out')], capture(dir))).toBe(0);
    const bytes = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const io = capture(dir);
    expect(await run(['--workbook', file, '--week', '2016-04-03', '--mail-dir', join(dir, 'out')], io)).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(join(dir, 'out'))).toHaveLength(1);
    expect(io.lines.join('\n')).toContain('送信済み');
    expect(await run(['--workbook', file, '--week', '2016-03-28', '--mail-dir', join(dir, 'out'), '--resend'], capture(dir))).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toHaveLength(2);
    expect(sheetValues(file)['週次KPI']).toHaveLength(2);
  });

  it('runs through the ikigai command itself', () => {
    const out = execFileSync(process.execPath, [join(__dirname, '../../bin/ikigai.cjs'), 'weekly', '--workbook', file, '--week', '2016-03-28'], { encoding: 'utf8' });
    expect(out).toContain('週次KPI を書き込みました');
    expect(readdirSync(join(dir, 'mail'))).toHaveLength(1);
  });

  it('says what is wrong with the command line and exits 2', async () => {
    const io = capture(dir);
    expect(await run(['--workbook', file], io)).toBe(2);
    expect(io.errors.join('\n')).toContain('--week');
    expect(await run(['--workbook', file, '--week', '2016-02-30'], capture(dir))).toBe(2);
  });

  it('names a file that is not a workbook in one line, exits 1 and leaves it alone', async () => {
    const bad = join(dir, 'notes.xlsx');
    writeFileSync(bad, 'not a zip');
    const io = capture(dir);
    expect(await run(['--workbook', bad, '--week', '2016-03-28'], io)).toBe(1);
    expect(io.errors).toHaveLength(1);
    expect(readFileSync(bad, 'utf8')).toBe('not a zip');
    expect(existsSync(join(dir, 'mail'))).toBe(false);
  });
});
