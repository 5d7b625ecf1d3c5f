import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/local/commands/match';
import { d, writeSheetjsWorkbook, type FixtureTab } from '../fixtures/sheetjs-workbook';
import { captureIo } from './run-cli';

// `ikigai match` (its command module, as src/local/cli.ts dispatches to it: jest cannot follow
// the dispatcher's dynamic import) on a small center written with SheetJS, every figure worked out by hand below.
// As of 2016-01-15 (a Friday), for J01 (月AM・水PM・金AM, headcount 2, district 柏中央,
// category 除草, requires 草刈り, social contribution):
//  M01 candidate: skills 30 (草刈り) + slots 25 × 2/3 (月AM, 水PM) = 16.67 + district 15
//      + ikigai 6 (社会貢献) + 6 (除草 preferred) + fairness 15 (0 days) = 88.67 → 89
//  M02 candidate: 30 + 16.67 (水PM, 金AM) + 0 (我孫子) + 0 + 15 = 61.67 → 62
//  M07 candidate: 0 (no 草刈り) + 25 × 1/3 = 8.33 (金AM) + 0 (no district) + 0 + fairness: J02
//      (火・木) ended 2015-12-31, placed 12-01: Tuesdays 1, 8, 15, 22, 29 and Thursdays 3, 10, 17,
//      24, 31 of December = 10 days → 15 × 35/45 = 11.67; total 20.0 → 20
//  M03 no consent; M04 left 2015-12-31; M06 placed on J01 since 2015-12-01 (already placed, and
//  fills one of the 2 places: need 1); M05 works J02 (火AM/PM, 木AM/PM = 16 h, 2 weekdays)
//      and Friday would be a third weekday: 3 × 52/12 = 13 > 10 days a month → monthly_days.
// Team (need 1 per slot): M01 takes 月AM + 水PM (2, ties M02 and ranks higher), then M02 金AM.
// Backups: only M07 is outside the team, for 金AM.
const TABS = (language: string, memberRow3Joined: unknown = d('2012-04-01')): FixtureTab[] => [
  { name: '設定', rows: [['項目', '値'], ['言語', language]] },
  { name: 'コーディネータ', rows: [['メール', '氏名', '役割', '有効'], ['a@c.jp', '相田', 'コーディネータ', true]] },
  { name: '会員', rows: [
    ['会員ID', '氏名', '入会日', '退会日', '地区', '技能', '希望職種', '就業可能枠', '生きがい志向', '個人情報同意'],
    ['M01', '一郎', d('2010-05-01'), null, '柏中央', '草刈り、剪定', '除草', '月AM、水PM', '社会貢献', 'はい'],
    ['M02', '二郎', memberRow3Joined as string, null, '我孫子', '草刈り', null, '水PM・金AM', null, true],
    ['M03', '三子', d('2012-04-01'), null, '柏中央', '草刈り', null, '月AM', null, 'いいえ'],
    ['M04', '四郎', d('2012-04-01'), d('2015-12-31'), '柏中央', '草刈り', null, '月AM', null, true],
    ['M05', '五月', d('2012-04-01'), null, '柏中央', '草刈り', null, '金AM', null, true],
    ['M06', '六子', d('2012-04-01'), null, '柏中央', '草刈り', null, '月AM', null, true],
    ['M07', '七郎', d('2012-04-01'), null, null, null, null, '金AM', null, true],
  ] },
  { name: '業務提供先', rows: [['提供先ID', '名称'], ['C01', '柏市']] },
  { name: '仕事', rows: [
    ['仕事ID', '提供先ID', '仕事名', '職種', '必要技能', '勤務枠', '必要人数', '地区', '社会貢献', '状態'],
    ['J01', 'C01', '公園の除草', '除草', '草刈り', '月AM、水PM、金AM', 2, '柏中央', true, '募集中'],
    ['J02', 'C01', '施設清掃', '清掃', null, '火AM、火PM、木AM、木PM', 1, '柏中央', false, '充足'],
  ] },
  { name: '活動記録', rows: [['活動ID', '日付', '分野']] },
  { name: 'マッチング', rows: [
    ['マッチングID', '仕事ID', '会員ID', '契約形態', '状態', '成立日', '終了日'],
    ['X01', 'J01', 'M06', '請負', '成立', d('2015-12-01'), null],
    ['X02', 'J02', 'M05', '請負', '成立', d('2015-11-01'), null],
    ['X03', 'J02', 'M07', '請負', '終了', d('2015-12-01'), d('2015-12-31')],
  ] },
  { name: 'イベント', rows: [['イベントID', '種別', '開催日']] },
];

describe('ikigai match', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ikigai-match-'));
    writeSheetjsWorkbook(join(dir, 'center.xlsx'), TABS('ja'));
    writeSheetjsWorkbook(join(dir, 'center-en.xlsx'), TABS('en'));
    writeSheetjsWorkbook(join(dir, 'broken.xlsx'), TABS('ja', '2015-02-30'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('prints the JSON of cli.md with candidates that break no rule and a team covering every slot', async () => {
    const c = captureIo(dir);
    const before = createHash('sha256').update(readFileSync(join(dir, 'center.xlsx'))).digest('hex');
    expect(await run(['--workbook', 'center.xlsx', '--job', 'J01', '--as-of', '2016-01-15', '--json'], c.io)).toBe(0);
    const json = JSON.parse(c.out.join('\n'));
    expect(json.job_id).toBe('J01');
    expect(json.as_of).toBe('2016-01-15');
    expect(json.candidates.map((x: { member_id: string; score: number }) => [x.member_id, x.score])).toEqual([['M01', 89], ['M02', 62], ['M07', 20]]);
    expect(json.candidates[0].reasons).toEqual([
      '技能が一致: 草刈り', '月AM・水PMに対応可（2/3枠）', '同じ地区（柏中央）', '社会貢献を重視', '希望職種（除草）',
      '直近90日の就業日数が少ない（0日）',
    ]);
    expect(json.candidates[2].reasons).toContain('直近90日の就業日数が少ない（10日）');
    expect(json.team).toEqual({
      members: [{ member_id: 'M01', slots: ['Mon-AM', 'Wed-PM'] }, { member_id: 'M02', slots: ['Fri-AM'] }],
      backups: [{ slot: 'Fri-AM', member_id: 'M07' }],
      uncovered_slots: [],
    });
    expect(json.placed).toEqual(['M06']);
    expect(json.need).toBe(1);
    expect(json.excluded).toEqual({
      not_enrolled: 1, no_consent: 1, already_placed: 1, no_shared_slot: 0, slots_full: 0, slots_busy: 0,
      weekly_hours: 0, max_days_per_week: 0, monthly_days: 1,
    });
    // No personal data beyond IDs: no member's name appears.
    expect(c.out.join('\n')).not.toMatch(/一郎|二郎|七郎/);
    // Nothing in F is changed by match (cli.md).
    expect(createHash('sha256').update(readFileSync(join(dir, 'center.xlsx'))).digest('hex')).toBe(before);
  });

  test('prints a readable Japanese table by default', async () => {
    const c = captureIo(dir);
    expect(await run(['--workbook', 'center.xlsx', '--job', 'J01', '--as-of', '2016-01-15'], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(c.out[0]).toBe('仕事 J01（公園の除草）  基準日 2016-01-15  必要人数 各枠2名（就業中 1名、あと1名）');
    expect(text).toContain('候補者 3名  対象外: 在籍していない 1, 個人情報同意なし 1, この仕事に就業中 1, 月の上限日数に達する 1');
    expect(text).toMatch(/1\s+M01\s+89\s+技能が一致: 草刈り／月AM・水PMに対応可/);
    expect(text).toContain('モザイクチーム（各枠の担当）');
    expect(text).toMatch(/M01\s+月AM・水PM/);
    expect(text).toContain('補欠: 金AM M07');
    expect(text).toContain('担当者が足りない枠: なし');
  });

  test('speaks English when the workbook language is en', async () => {
    const c = captureIo(dir);
    expect(await run(['--workbook', 'center-en.xlsx', '--job', 'J01', '--as-of', '2016-01-15'], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toContain('3 candidates');
    expect(text).toContain('skills match: 草刈り; can work Mon-AM, Wed-PM (2/3 slots)');
    expect(text).toContain('Backups: Fri-AM M07');
  });

  test('counts a placement that starts later as holding its place already, and keeps the others as backups', async () => {
    // On 2015-11-15 M06's placement on J01 starts on 12-01: it already holds one place on each of
    // the three slots (担当枠 blank), so M06 is not a candidate (already placed) and each slot needs
    // 1 (workbook.md "Capacity, slot by slot"). M04 has not left yet. Scores: M01 89, M04 30 + 8.33
    // + 15 + 0 + 15 = 68.33 → 68, M02 62, M07 8.33 + 15 = 23.33 → 23 (its J02 work starts 12-01).
    // Greedy: M01 (月AM 水PM, 2), then 金AM: M02 and M07 can each add 1, M02 ranks higher.
    // Backups: 月AM M04; 水PM nobody else; 金AM M07.
    const c = captureIo(dir);
    expect(await run(['--workbook', 'center.xlsx', '--job', 'J01', '--as-of', '2015-11-15', '--json'], c.io)).toBe(0);
    const json = JSON.parse(c.out.join('\n'));
    expect(json.candidates.map((x: { member_id: string; score: number }) => [x.member_id, x.score]))
      .toEqual([['M01', 89], ['M04', 68], ['M02', 62], ['M07', 23]]);
    expect(json.need).toBe(1);
    expect(json.excluded.already_placed).toBe(1);
    expect(json.team).toEqual({
      members: [{ member_id: 'M01', slots: ['Mon-AM', 'Wed-PM'] }, { member_id: 'M02', slots: ['Fri-AM'] }],
      backups: [{ slot: 'Mon-AM', member_id: 'M04' }, { slot: 'Fri-AM', member_id: 'M07' }],
      uncovered_slots: [],
    });
  });

  test('needs nobody for a job whose placed members already fill its headcount', async () => {
    // J02 (火・木) on 2016-01-15: M05 is placed there (need 0 of 1): no team needed, no slot short.
    const c = captureIo(dir);
    expect(await run(['--workbook', 'center.xlsx', '--job', 'J02', '--as-of', '2016-01-15', '--json'], c.io)).toBe(0);
    const json = JSON.parse(c.out.join('\n'));
    expect(json.need).toBe(0);
    expect(json.team.members).toEqual([]);
    expect(json.team.uncovered_slots).toEqual([]);
  });

  test('exits 1 with a clear line for a job that does not exist', async () => {
    const c = captureIo(dir);
    expect(await run(['--workbook', 'center.xlsx', '--job', 'J99', '--as-of', '2016-01-15'], c.io)).toBe(1);
    expect(c.err).toEqual(['ikigai match: 仕事ID「J99」は「仕事」シートにありません']);
  });

  test('exits 1 naming each problem of a workbook with bad data', async () => {
    const c = captureIo(dir);
    expect(await run(['--workbook', 'broken.xlsx', '--job', 'J01', '--as-of', '2016-01-15'], c.io)).toBe(1);
    expect(c.err).toEqual(['会員!C3: 「2015-02-30」は日付として読めません（例: 2015-04-01）']);
    expect(c.out).toEqual([]);
  });

  test('exits 1 for a file that is not there and 2 for a wrong command line', async () => {
    expect(await run(['--workbook', 'nothing.xlsx', '--job', 'J01'], captureIo(dir).io)).toBe(1);
    expect(await run(['--workbook', 'center.xlsx'], captureIo(dir).io)).toBe(2);
    expect(await run(['--workbook', 'center.xlsx', '--job', 'J01', '--as-of', '2016-02-30'], captureIo(dir).io)).toBe(2);
    expect(await run(['--workbook', 'center.xlsx', '--job', 'J01', '--bogus'], captureIo(dir).io)).toBe(2);
  });
});
