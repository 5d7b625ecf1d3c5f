import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkImport } from '../../src/app/work/import-work';
import { parseTable } from '../../src/domain/parse/parse-table';
import { WORK_LOG_TAB } from '../../src/domain/schema/tabs';
import { csvRecord } from '../../src/local/csv';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { readWorkbookFile, writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { workCenterTabs, workPanelTabs } from '../app/work/work-center';
import { runIkigai, type CliRun } from './run-cli';

// `ikigai work import` end to end through main(argv, io) on the work center with placements
// (test/app/work/work-center.ts workPanelTabs: M004 on J01 from 2015-07-01 and on J03 until
// 2015-07-10, M001 on J01 since May; 就業実績 holds W01…W13).
let dir: string;
const ikigai = (...argv: string[]): Promise<CliRun> => runIkigai(dir, argv);
const csv = (name: string, lines: string[][]): void => writeFileSync(join(dir, name), `${lines.map(csvRecord).join('\r\n')}\r\n`);
const workRows = async () => parseTable(WORK_LOG_TAB, (await readWorkbookFile(join(dir, 'center.xlsx'))).read(['就業実績'])!).records;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ikigai-work-'));
  await writeWorkbookFile(MemoryTableStore.from(workPanelTabs()), join(dir, 'center.xlsx'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ikigai work import', () => {
  test('adds a paper month (Japanese headers, the dates and numbers a person types), numbered after W13; a second import adds nothing', async () => {
    csv('july.csv', [
      ['就業日', '会員ID', '仕事ID', '時間', '金額', '確認', 'メモ'],
      ['2015/7/1', 'M004', 'J01', '3', '', 'はい', '=HYPERLINK("x")'],
      ['2015-07-02', 'M004', 'J03', '２.５', '3000', '', ''],
      ['2015-07-06', 'M001', 'J01', '1.5', '', 'FALSE', ''],
    ]);
    const first = await ikigai('work', 'import', '--workbook', 'center.xlsx', '--csv', 'july.csv', '--by', 'kanri@c.jp');
    expect([first.code, first.err]).toEqual([0, '']);
    expect(first.out).toContain('追加 added 3 (W0000014…W0000016) / 記録済み already recorded 0');
    const rows = await workRows();
    expect(rows.slice(-3).map((r) => [r.work_id, r.date, r.member_id, r.job_id, r.hours, r.amount, r.confirmed, r.notes])).toEqual([
      // The note is kept as text: the store neutralises what a cell would read as a formula.
      ['W0000014', '2015-07-01', 'M004', 'J01', 3, null, true, '\'=HYPERLINK("x")'],
      ['W0000015', '2015-07-02', 'M004', 'J03', 2.5, 3000, false, ''],
      ['W0000016', '2015-07-06', 'M001', 'J01', 1.5, null, false, ''],
    ]);
    const audit = (await readWorkbookFile(join(dir, 'center.xlsx'))).read(['監査ログ'])!.rows;
    expect(audit.at(-1)?.slice(1)).toEqual(['kanri@c.jp', 'record_work', '就業実績', 'W0000014..W0000016', 'rows=3 months=2015-07']);

    const before = readFileSync(join(dir, 'center.xlsx'));
    const again = await ikigai('work', 'import', '--workbook', 'center.xlsx', '--csv', 'july.csv');
    expect([again.code, again.out]).toEqual([0, '追加 to add 0 / 記録済み already recorded 3\n就業実績は変わりません / 就業実績 unchanged']);
    expect(readFileSync(join(dir, 'center.xlsx')).equals(before)).toBe(true);
  });

  test('names every bad line (R.csv:line: reason) and writes nothing', async () => {
    await ikigai('pay', '--workbook', 'center.xlsx', '--month', '2015-06');
    csv('bad.csv', [
      ['date', 'member_id', 'job_id', 'hours'],
      ['2015-07-01', 'M004', 'J01', '2'],
      ['2015-02-30', 'M004', 'J01', '2'],
      ['2015-07-03', 'M999', 'J01', '2'],
      ['2015-07-11', 'M004', 'J03', '2'],
      ['2015-06-29', 'M004', 'J03', '2'],
      ['2015-07-01', 'M004', 'J01', '3'],
      ['2015-07-01', 'M001', 'J01', '5'],
      ['2015-07-04', 'M004', 'J01', '25'],
      ['2015-07-05', 'M004', 'J06', '1'],
    ]);
    const before = readFileSync(join(dir, 'center.xlsx'));
    const run = await ikigai('work', 'import', '--workbook', 'center.xlsx', '--csv', 'bad.csv');
    expect(run.code).toBe(1);
    expect(run.err.split('\n')).toEqual([
      'bad.csv:3: 「2015-02-30」は日付として読めません（例: 2015-04-01）',
      'bad.csv:4: 会員「M999」は会員シートにありません / member "M999" is not in 会員',
      'bad.csv:5: 会員 M004 は 2015-07-11 に仕事 J03 で成立していません / member M004 is not placed on job J03 on 2015-07-11',
      'bad.csv:6: 2015-06 は月次締め済みです（管理者が再開すれば取り込めます）/ 2015-06 is closed (a manager can reopen it)',
      'bad.csv:7: 2 行目と同じ日・会員・仕事です / the same day, member and job as line 2',
      'bad.csv:8: 同じ日・会員・仕事の行が就業実績の 14 行目に 2 時間で記録済みです / 就業実績 row 14 already holds this day, member and job with 2 h',
      'bad.csv:9: 「25」は範囲外です（0〜24）',
      'bad.csv:10: 会員 M004 は 2015-07-05 に仕事 J06 で成立していません / member M004 is not placed on job J06 on 2015-07-05',
      '8 件の問題があるため、何も取り込んでいません / 8 problem(s): nothing imported',
    ]);
    expect(readFileSync(join(dir, 'center.xlsx')).equals(before)).toBe(true);
  });

  test('refuses a header that is not 就業実績\'s, or one the add-in sets; --dry-run writes nothing', async () => {
    csv('h.csv', [['就業日', '会員ID', '仕事ID', '時間', '実績ID', '備考'], ['2015-07-01', 'M004', 'J01', '2', 'W1', '']]);
    const run = await ikigai('work', 'import', '--workbook', 'center.xlsx', '--csv', 'h.csv');
    expect(run.code).toBe(1);
    expect(run.err).toContain('h.csv:1: 見出し「実績ID」はアドインが付けます');
    expect(run.err).toContain('h.csv:1: 見出し「備考」は就業実績の列ではありません');
    csv('ok.csv', [['date', 'member_id', 'job_id', 'hours'], ['2015-07-01', 'M004', 'J01', '2']]);
    const before = readFileSync(join(dir, 'center.xlsx'));
    const dry = await ikigai('work', 'import', '--workbook', 'center.xlsx', '--csv', 'ok.csv', '--dry-run');
    expect([dry.code, dry.out]).toEqual([0, '追加 to add 1 / 記録済み already recorded 0\n確認のみ。ファイルは変えていません / checked only (--dry-run): the file is unchanged']);
    expect(readFileSync(join(dir, 'center.xlsx')).equals(before)).toBe(true);
    const missing = await ikigai('work', 'import', '--workbook', 'center.xlsx');
    expect(missing.code).toBe(2);
    expect((await ikigai('work', 'export')).code).toBe(2);
  });
});

describe('checkWorkImport (property): a file of good lines imports whole, and importing it again adds nothing', () => {
  test('any set of days of July for M004 on J01 with hours in quarters', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 31 }), fc.array(fc.integer({ min: 1, max: 96 }), { minLength: 31, maxLength: 31 }), (days, quarters) => {
      const store = MemoryTableStore.from(workPanelTabs());
      const lines = [['就業日', '会員ID', '仕事ID', '時間'], ...days.map((d, i) => [`2015-07-${String(d).padStart(2, '0')}`, 'M004', 'J01', String((quarters[i] ?? 4) / 4)])];
      const first = checkWorkImport(store, 'ja', lines);
      expect(first.ok && first.rows.length).toBe(days.length);
      if (!first.ok) return;
      store.appendCells('就業実績', { columns: [1, 2, 3, 4], rows: first.rows.map((r) => [{ date: r.date }, r.member_id, r.job_id, r.hours]) });
      expect(checkWorkImport(store, 'ja', lines)).toEqual({ ok: true, rows: [], duplicates: days.map((_, i) => i + 2) });
    }), { numRuns: 40 });
  });

  test('a workbook without placements takes no line (the work center before its matches)', () => {
    const store = MemoryTableStore.from(workCenterTabs());
    const out = checkWorkImport(store, 'en', [['date', 'member_id', 'job_id', 'hours'], ['2015-07-01', 'M004', 'J01', '2']]);
    expect(out).toEqual({ ok: false, bad: [{ line: 2, reason: { code: 'not_placed', member: 'M004', job: 'J01', date: '2015-07-01' } }] });
  });
});
