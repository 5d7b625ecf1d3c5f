import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAND_BUILT_TABS } from '../fixtures/hand-built-workbook';
import { writeSheetjsWorkbook, type FixtureCell, type FixtureTab } from '../fixtures/sheetjs-workbook';
import { sampleStore } from '../../scripts/make-sample';
import { writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { runIkigai, type CliRun } from './run-cli';

// `ikigai check` and `ikigai report` end to end through main(argv, io), and once as a real
// process, on good and broken workbooks.

const ikigai = (...argv: string[]): Promise<CliRun> => runIkigai(dir, argv);

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The hand-built tabs with one tab changed by `edit`. */
function variant(tabName: string, edit: (rows: FixtureCell[][]) => FixtureCell[][] | null): FixtureTab[] {
  return HAND_BUILT_TABS.flatMap((tab) => {
    if (tab.name !== tabName) return [tab];
    const rows = edit(tab.rows.map((r) => [...r]));
    return rows ? [{ name: tab.name, rows }] : [];
  });
}
function setCell(rows: FixtureCell[][], sheetRow: number, col: number, value: FixtureCell): FixtureCell[][] {
  const row = rows[sheetRow - 1];
  if (row) row[col] = value;
  return rows;
}

let dir: string;
const files: Record<string, string> = {};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ikigai-cli-'));
  const write = (name: string, tabs: readonly FixtureTab[]): void => { files[name] = join(dir, `${name}.xlsx`); writeSheetjsWorkbook(files[name], tabs); };
  write('good', HAND_BUILT_TABS);
  files.notXlsx = join(dir, 'not-a-workbook.xlsx');
  writeFileSync(files.notXlsx, 'これはワークブックではありません\n');
  write('missingTab', variant('イベント', () => null));
  // 入会日 is column D of 会員; take it out.
  write('missingHeader', variant('会員', (rows) => rows.map((r) => r.filter((_, c) => c !== 3))));
  // Sheet row 11 is M010; make it a second M002 (M002 is row 3).
  write('duplicateId', variant('会員', (rows) => setCell(rows, 11, 0, 'M002')));
  // 仕事 column G is 状態.
  write('badEnum', variant('仕事', (rows) => setCell(rows, 2, 6, '募集')));
  // 会員!D10 is M009's 入会日.
  write('impossibleDate', variant('会員', (rows) => setCell(rows, 10, 3, '2015-02-30')));
  // マッチング!C2 is X01's 会員ID.
  write('danglingReference', variant('マッチング', (rows) => setCell(rows, 2, 2, 'M999')));
  write('english', variant('設定', (rows) => setCell(rows, 3, 1, 'en')));
  write('englishBroken', variant('設定', (rows) => setCell(rows, 3, 1, 'en')).map((t) =>
    (t.name === '会員' ? { name: t.name, rows: setCell(t.rows.map((r) => [...r]), 10, 3, '2015-02-30') } : t)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ikigai check', () => {
  it('says there are no problems and exits 0 on a sound workbook', async () => {
    expect(await ikigai('check', '--workbook', files.good ?? '')).toEqual({ code: 0, out: '問題はありません', err: '' });
  });

  it.each([
    ['notXlsx', 'not-a-workbook.xlsx: ワークブック（.xlsx）として読めません。Excel で開けるか確かめて、.xlsx 形式で保存し直してください'],
    ['missingTab', 'イベント: シート「イベント」がありません（英語名 Events も可）'],
    ['missingHeader', '会員!1: 列「入会日」がありません（英語名 joined_on も可）'],
    ['duplicateId', '会員!A11: ID「M002」が重複しています（会員!A3 と同じ）'],
    ['badEnum', '仕事!G2: 「募集」は「状態」に使えません'],
    ['impossibleDate', '会員!D10: 「2015-02-30」は日付として読めません（例: 2015-04-01）'],
    ['danglingReference', 'マッチング!C2: 会員ID「M999」は「会員」にありません'],
  ])('names the place of the problem in %s, exits 1 and leaves the file as it was', async (name, line) => {
    const path = files[name] ?? '';
    const before = sha256(path);
    const run = await ikigai('check', '--workbook', path);
    expect(run.code).toBe(1);
    expect(run.out).toContain(line);
    expect(run.out + run.err).not.toMatch(/\n\s+at /);
    expect(sha256(path)).toBe(before);
  });

  it('speaks English when the workbook says 言語 en', async () => {
    expect((await ikigai('check', '--workbook', files.english ?? '')).out).toBe('No problems found');
    const broken = await ikigai('check', '--workbook', files.englishBroken ?? '');
    expect(broken.out.split('\n')[0]).toBe('会員!D10: "2015-02-30" is not a date (e.g. 2015-04-01)');
  });

  it('names a file that is not there', async () => {
    const run = await ikigai('check', '--workbook', 'nowhere.xlsx');
    expect(run).toEqual({ code: 1, out: `nowhere.xlsx: ファイルがありません（${join(dir, 'nowhere.xlsx')}）`, err: '' });
  });

  it('exits 2 with its usage on a wrong command line, and 0 for --help', async () => {
    for (const argv of [['check'], ['check', '--workbook'], ['check', '--workbok', 'x'], ['check', '--workbook', 'a', 'extra']]) {
      const run = await ikigai(...argv);
      expect(run.code).toBe(2);
      expect(run.err).toContain('usage: ikigai check --workbook F');
    }
    const help = await ikigai('check', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('usage: ikigai check');
  });
});

describe('ikigai report', () => {
  it('prints the JSON of cli.md for a fiscal year', async () => {
    const run = await ikigai('report', '--workbook', files.good ?? '', '--fiscal-year', '2015', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out);
    expect(report.period).toEqual({ from: '2015-04-01', to: '2016-03-31' });
    // Worked out in test/local/hand-built-report.test.ts.
    expect(report.members.enrolled.total).toBe(7);
    expect(report.work.placed_members.total).toBe(4);
    expect(report.activities.follow_ups_due).toEqual(['X04']);
    expect(Object.keys(report)).toEqual(['period', 'members', 'work', 'activities', 'events']);
  });

  it('takes a week or an explicit period', async () => {
    const week = JSON.parse((await ikigai('report', '--workbook', files.good ?? '', '--week', '2016-03-31', '--json')).out);
    expect(week.period).toEqual({ from: '2016-03-28', to: '2016-04-03' });
    const span = JSON.parse((await ikigai('report', '--workbook', files.good ?? '', '--from', '2015/04/01', '--to', '2015-04-30', '--json')).out);
    expect(span.period).toEqual({ from: '2015-04-01', to: '2015-04-30' });
    // Joined in April 2015: M002 only.
    expect(span.members.new_members.total).toBe(1);
  });

  it('prints a readable Japanese table by default', async () => {
    const run = await ikigai('report', '--workbook', files.good ?? '', '--fiscal-year', '2015');
    expect(run.code).toBe(0);
    for (const label of ['会員数（期首）', '新規入会者数', '退会者数', '粗入会率', '就労者数', '就業実人員', '就業率', '新規開拓件数',
      '新規提供先', '募集中の仕事', '未充足の長期募集', '活動件数', '活動時間（分）', '要フォロー', '待機会員', '開催数', '参加者数', '今後の予定']) {
      expect(run.out).toContain(label);
    }
  });

  it('refuses to report on data with problems, naming each, and leaves the file as it was', async () => {
    const path = files.impossibleDate ?? '';
    const before = sha256(path);
    const run = await ikigai('report', '--workbook', path, '--fiscal-year', '2015', '--json');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err.split('\n')[0]).toBe('会員!D10: 「2015-02-30」は日付として読めません（例: 2015-04-01）');
    expect(sha256(path)).toBe(before);
    expect((await ikigai('report', '--workbook', files.notXlsx ?? '', '--fiscal-year', '2015')).code).toBe(1);
  });

  it.each([
    [[]],
    [['--fiscal-year', '2015']],
    [['--workbook', 'F']],
    [['--workbook', 'F', '--fiscal-year', '2015', '--week', '2015-04-01']],
    [['--workbook', 'F', '--from', '2015-04-01']],
    [['--workbook', 'F', '--from', '2015-05-01', '--to', '2015-04-01']],
    [['--workbook', 'F', '--week', '2015-02-30']],
    [['--workbook', 'F', '--fiscal-year', 'H27']],
    [['--workbook', 'F', '--fiscal-year', '2015', '--csv']],
  ])('exits 2 with its usage for %j', async (argv) => {
    const run = await ikigai('report', ...argv);
    expect(run.code).toBe(2);
    expect(run.err).toContain('usage: ikigai report');
  });
});

describe('the real ikigai process', () => {
  const bin = join(__dirname, '..', '..', 'bin', 'ikigai.cjs');
  const spawn = (...argv: string[]) => spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, DEBUG: '' } });

  it('exits 1 naming the cell of an impossible date, with no stack trace and the file unchanged', () => {
    const path = files.impossibleDate ?? '';
    const before = sha256(path);
    const run = spawn('check', '--workbook', path);
    expect(run.status).toBe(1);
    // The row of M009 cannot be read, so matches naming M009 are reported as dangling too.
    expect(run.stdout.split('\n')[0]).toBe('会員!D10: 「2015-02-30」は日付として読めません（例: 2015-04-01）');
    expect(run.stderr).toBe('');
    expect(sha256(path)).toBe(before);
  });

  it('reports a sound workbook as JSON', () => {
    const run = spawn('report', '--workbook', files.good ?? '', '--fiscal-year', '2015', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).work.stale_open_jobs).toEqual(['J01', 'J04']);
  });
});

describe('the sample workbook of the quick start', () => {
  it('checks clean and reports its fiscal year 2015', async () => {
    const path = join(dir, 'sample.xlsx');
    await writeWorkbookFile(sampleStore(), path);
    expect((await ikigai('check', '--workbook', path)).code).toBe(0);
    const report = JSON.parse((await ikigai('report', '--workbook', path, '--fiscal-year', '2015', '--json')).out);
    // M001–M024 joined before the year and M025 on its first day; M030 joined and left inside it.
    expect(report.members.enrolled_at_start.total).toBe(25);
    // 36 members, all joined by 2016-02-25, less M010, M020 and M030 who left on 2015-09-30.
    expect(report.members.enrolled.total).toBe(33);
    expect(report.members.resigned_members).toBe(3);
    // 48 weekly activities from 2015-04-06 (the last on 2016-03-07), 30/45/60 minutes in turn:
    // 16 × (30 + 45 + 60) = 2,160.
    expect(report.activities.total).toBe(48);
    expect(report.activities.minutes).toBe(2160);
  });
});
