import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAND_BUILT_TABS } from '../fixtures/hand-built-workbook';
import { writeSheetjsWorkbook, type FixtureTab } from '../fixtures/sheetjs-workbook';
import { runIkigai, type CliRun } from './run-cli';

// `ikigai check` with a skills vocabulary (workbook.md 技能): a skill the tab does not know is a
// warning — printed, but the exit code stays 0 on an otherwise sound workbook, and 1 only for
// real problems. The hand-built center's 会員 技能 (column J): M001 草刈り、剪定; M002 家事.

let dir = '';
const files: Record<string, string> = {};
const ikigai = (...argv: string[]): Promise<CliRun> => runIkigai(dir, argv);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ikigai-skills-'));
  const write = (name: string, tabs: readonly FixtureTab[]): void => { files[name] = join(dir, `${name}.xlsx`); writeSheetjsWorkbook(files[name], tabs); };
  write('vocabulary', [...HAND_BUILT_TABS, { name: '技能', rows: [['技能', '同義語'], ['草刈り', '除草'], ['剪定', '植木の手入れ']] }]);
  write('known', [...HAND_BUILT_TABS, { name: '技能', rows: [['技能', '同義語'], ['草刈り', null], ['剪定', null], ['家事援助', '家事']] }]);
  // 会員!D3 is M002's 入会日.
  const broken: FixtureTab[] = HAND_BUILT_TABS.map((t) => (t.name === '会員' ? { name: t.name, rows: t.rows.map((r, i) => (i === 2 ? r.map((c, k) => (k === 3 ? '2015-02-30' : c)) : r)) } : t));
  write('broken', [...broken, { name: '技能', rows: [['技能', '同義語'], ['草刈り', null]] }]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ikigai check with a 技能 tab', () => {
  it('warns about a skill the vocabulary does not know, at its cell, and still exits 0', async () => {
    expect(await ikigai('check', '--workbook', files.vocabulary ?? '')).toEqual({
      code: 0, err: '',
      out: ['会員!J3: （警告）技能「家事」は「技能」シートにありません（技能か同義語に加えると、マッチングで同じ技能として比べられます）', '問題はありません'].join('\n'),
    });
  });

  it('says nothing about skills the tab knows as a skill or a synonym, nor without a tab', async () => {
    expect(await ikigai('check', '--workbook', files.known ?? '')).toEqual({ code: 0, out: '問題はありません', err: '' });
  });

  it('exits 1 for a real problem, the warnings after it (of the rows read: M002\'s row, left out for its bad 入会日, gets none)', async () => {
    const run = await ikigai('check', '--workbook', files.broken ?? '');
    expect(run.code).toBe(1);
    expect(run.out.split('\n')).toEqual([
      expect.stringMatching(/^会員!D3: 「2015-02-30」は日付として読めません/),
      expect.stringMatching(/^会員!J2: （警告）技能「剪定」/),
    ]);
  });
});
