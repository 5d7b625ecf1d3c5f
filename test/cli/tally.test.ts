import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { run } from '../../src/local/commands/tally';

// `ikigai tally` on a workbook written by SheetJS (another library than the one that reads it).
// The sample: 8 members answered; target 10.
//   性別: 女性 rows 1,3,5,7,8 = 5; 男性 rows 2,4,6 = 3.
//   参加したい活動 (checkbox): 清掃 rows 1,2,4,7 = 4; 子育て支援 rows 1,3,8 = 3; 家事援助 rows 3,5 = 2; 空欄 row 6.
//   満足度: 4,3,5,2,4,4,5,3 → sum 30, mean 3.75; sorted 2 3 3 4 4 4 5 5 → median (4+4)/2 = 4.
function workbook(surveys?: unknown[][], coordinators?: unknown[][]): string {
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
  if (coordinators) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(coordinators), 'コーディネータ');
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

  it('writes the nightly survey mail as one .eml with --mail-dir: to the active coordinators and managers, no free text or address', async () => {
    const path = workbook([['シート', '名称', '対象数', '集計軸', 'フォームID', '選択式の設問'], ['フォームの回答 1', '会員アンケート', 10, '性別', '', '性別\n参加したい活動\n満足度']],
      [['メール', '氏名', '役割', '有効'], ['kanri@x.jp', '管理', '管理者', true], ['jc@x.jp', 'JC', 'コーディネータ', true], ['view@x.jp', '閲覧', '閲覧', true]]);
    const before = readFileSync(path);
    const dir = mkdtempSync(join(tmpdir(), 'ikigai-tally-mail-'));
    const c = io();
    expect(await run(['--workbook', path, '--sheet', 'フォームの回答 1', '--mail-dir', dir], c.io)).toBe(0);
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(dir, files[0]!), 'utf8');
    expect(eml).toMatch(/^To: kanri@x\.jp,\r\n jc@x\.jp\r$/m);
    // The bodies are base64 parts: decode each.
    const parts = [...eml.matchAll(/base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n(?:--|$)/g)].map((m) => Buffer.from(m[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8'));
    expect(parts).toHaveLength(2);
    const [text, html] = parts;
    // 8 answers of 10 asked; 性別 女性 5 of 8.
    expect(text).toContain('回答率: 80.0%');
    expect(text).toContain('女性: 5 (62.5%)');
    expect(text).toContain('自由記述の回答 3件');
    expect(html).toContain('「性別」別');
    for (const words of ['送迎がほしい', '楽しい', '時間が合わない', 'a@x.jp', 'view@x.jp']) expect(`${text}${html}`).not.toContain(words);
    expect(c.err.join('\n')).toContain('メールを保存しました');
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
