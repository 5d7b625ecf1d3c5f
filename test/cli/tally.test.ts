import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { run } from '../../src/local/commands/tally';

// `ikigai tally` on a workbook written by SheetJS (another library than the one that reads it).
// The sample: 8 members answered; target 10.
//   性別: 女性 rows 1,3,5,7,8 = 5; 男性 rows 2,4,6 = 3.
//   参加したい活動 (checkbox): 清掃 rows 1,2,4,7 = 4; 子育て支援 rows 1,3,8 = 3; 家事援助 rows 3,5 = 2; 空欄 row 6.
//   満足度: 4,3,5,2,4,4,5,3 → sum 30, mean 3.75; sorted 2 3 3 4 4 4 5 5 → median (4+4)/2 = 4.
function workbook(surveys?: unknown[][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ikigai-tally-'));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['項目', '値'], ['言語', 'ja']]), '設定');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([
    ['タイムスタンプ', 'メールアドレス', '性別', '参加したい活動', '満足度', 'ご意見'],
    ['2026/05/01 10:00:00', 'a@x.jp', '女性', '清掃, 子育て支援', 4, '楽しい'],
    ['2026/05/01 11:00:00', 'b@x.jp', '男性', '清掃', 3, ''],
    ['2026/05/02 09:00:00', 'c@x.jp', '女性', '子育て支援, 家事援助', 5, '送迎がほしい'],
    ['2026/05/02 10:00:00', 'd@x.jp', '男性', '清掃', 2, ''],
    ['2026/05/03 10:00:00', 'e@x.jp', '女性', '家事援助', 4, '時間が合わない'],
    ['2026/05/03 11:00:00', 'f@x.jp', '男性', '', 4, ''],
    ['2026/05/04 10:00:00', 'g@x.jp', '女性', '清掃', 5, ''],
    ['2026/05/04 11:00:00', 'h@x.jp', '女性', '子育て支援', 3, ''],
  ]), 'フォームの回答 1');
  if (surveys) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(surveys), 'アンケート');
  const path = join(dir, 'survey.xlsx');
  XLSX.writeFile(wb, path);
  return path;
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), cwd: '/' } };
}

describe('ikigai tally', () => {
  it('prints the hand-counted figures as JSON and leaves the file unchanged', async () => {
    const path = workbook();
    const before = readFileSync(path);
    const c = io();
    expect(await run(['--workbook', path, '--sheet', 'フォームの回答 1', '--choice', '性別', '--choice', '参加したい活動', '--choice', '満足度',
      '--by', '性別', '--target', '10', '--json'], c.io)).toBe(0);
    const t = JSON.parse(c.out.join('\n'));
    expect(t.responses).toBe(8);
    expect(t.responseRate).toBe(0.8);
    const [gender, activity, satisfaction, opinion] = t.questions;
    expect(gender.choices.map((x: { value: string; count: number }) => [x.value, x.count])).toEqual([['女性', 5], ['男性', 3]]);
    expect(activity.kind).toBe('multi');
    expect(activity.answers).toBe(7);
    expect(activity.choices.map((x: { value: string; count: number }) => [x.value, x.count])).toEqual([['清掃', 4], ['子育て支援', 3], ['家事援助', 2]]);
    expect(satisfaction.mean).toBe(3.75);
    expect(satisfaction.median).toBe(4);
    expect(opinion).toMatchObject({ kind: 'text', answers: 3, choices: [] });
    expect(c.out.join('\n')).not.toContain('送迎がほしい');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('takes the choice questions from the アンケート row for the tab, and counts the rest without their words', async () => {
    const path = workbook([['シート', '名称', '選択式の設問'], ['フォームの回答 1', '会員アンケート', '性別;参加したい活動']]);
    const c = io();
    expect(await run(['--workbook', path, '--sheet', 'フォームの回答 1'], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toContain('■ 性別 [単一選択] 回答数 8');
    expect(text).toContain('  清掃\t4\t57.1%');
    // 満足度 is not named: counted only (its numbers are answers too).
    expect(text).toContain('■ 満足度 [自由記述（件数のみ）] 回答数 8');
    expect(text).not.toContain('楽しい');
  });

  it('counts every question only when none is named, and refuses --by on a question that is not a choice', async () => {
    const path = workbook();
    const c = io();
    expect(await run(['--workbook', path, '--sheet', 'フォームの回答 1', '--json'], c.io)).toBe(0);
    const t = JSON.parse(c.out.join('\n')) as { questions: { kind: string; choices: unknown[] }[] };
    expect(t.questions.every((q) => q.kind === 'text' && q.choices.length === 0)).toBe(true);
    const by = io();
    expect(await run(['--workbook', path, '--sheet', 'フォームの回答 1', '--by', '性別'], by.io)).toBe(2);
    expect(by.err.join('')).toContain('選択式の設問ではありません');
  });

  it('says which tab is missing and exits 1; a wrong command line exits 2', async () => {
    const path = workbook();
    const c = io();
    expect(await run(['--workbook', path, '--sheet', 'ない'], c.io)).toBe(1);
    expect(c.err.join('')).toContain('ない');
    expect(await run(['--workbook', path], io().io)).toBe(2);
    expect(await run(['--workbook', path, '--sheet', 'フォームの回答 1', '--target', 'x'], io().io)).toBe(2);
  });
});
