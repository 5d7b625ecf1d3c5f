import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { main } from '../../src/local/cli';
import type { Io } from '../../src/local/io';
import { HAND_BUILT_TABS } from '../fixtures/hand-built-workbook';
import { sheetjsWorkbook, type FixtureTab } from '../fixtures/sheetjs-workbook';
import { captureIo, runIkigai } from '../cli/run-cli';

// \`ikigai check\` on the red team's workbooks, end to end from .xlsx files written with SheetJS:
// tabs found by trimmed name, error cells as problems, two tabs for one table named, and no
// JavaScript wording in what a person reads (workbook.md, conventions.md).

describe('ikigai check on the red team’s workbooks', () => {
  let dir: string;
  const path = (name: string): string => join(dir, `${name}.xlsx`);
  const renamed = (from: string, to: string): FixtureTab[] => HAND_BUILT_TABS.map((t) => (t.name === from ? { ...t, name: to } : t));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ikigai-reading-'));
    writeFileSync(path('spaced'), sheetjsWorkbook(renamed('会員', '会員 ')));
    const members = HAND_BUILT_TABS.find((t) => t.name === '会員');
    if (!members) throw new Error('no 会員 in the fixture');
    writeFileSync(path('both'), sheetjsWorkbook([...HAND_BUILT_TABS, { name: 'Members', rows: members.rows }]));
    // Real error cells, as Excel stores them (type e): 会員!A3 is M002's 会員ID, 会員!B2 M001's 氏名.
    const book = XLSX.read(sheetjsWorkbook(HAND_BUILT_TABS), { type: 'buffer' });
    const sheet = book.Sheets['会員'];
    if (!sheet) throw new Error('no 会員 sheet');
    sheet.A3 = { t: 'e', v: 0x2a }; // #N/A
    sheet.B2 = { t: 'e', v: 0x07 }; // #DIV/0!
    writeFileSync(path('errors'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    writeFileSync(path('garbage'), 'PK\u0003\u0004 これは壊れたファイルです');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a 会員 tab named with a space after it as 会員', async () => {
    expect(await runIkigai(dir, ['check', '--workbook', path('spaced')])).toEqual({ code: 0, out: '問題はありません', err: '' });
  });

  it('names both tabs when 会員 and Members are both there', async () => {
    const run = await runIkigai(dir, ['check', '--workbook', path('both')]);
    expect(run.code).toBe(1);
    expect(run.out.split('\n')).toEqual(['会員: シート「会員」と「Members」が両方あります。どちらか一方にしてください（今は「会員」を読んでいます）']);
  });

  it('names each cell holding an error value', async () => {
    const run = await runIkigai(dir, ['check', '--workbook', path('errors')]);
    expect(run.code).toBe(1);
    const lines = run.out.split('\n');
    expect(lines).toContain('会員!A3: エラー値 #N/A が入っています（式を直すか、値を入れてください）');
    expect(lines).toContain('会員!B2: エラー値 #DIV/0! が入っています（式を直すか、値を入れてください）');
    // M002's row is left out, so nothing may take #N/A as its ID; what still names M002 dangles.
    expect(run.out).not.toMatch(/「#N\/A」/);
  });

  it('says a file is not a workbook in its own words, the reader’s reason only under DEBUG=ikigai', async () => {
    const quiet = await withDebug('', () => runIkigai(dir, ['check', '--workbook', path('garbage')]));
    expect(quiet).toEqual({ code: 1, out: 'garbage.xlsx: ワークブック（.xlsx）として読めません。Excel で開けるか確かめて、.xlsx 形式で保存し直してください', err: '' });
    const loud = await withDebug('ikigai', () => runIkigai(dir, ['check', '--workbook', path('garbage')]));
    expect(loud.out).toBe(quiet.out);
    expect(loud.err).toContain('WorkbookFileError');
  });

  it('names a wrong option in Japanese and English, never in Node’s words', async () => {
    const cases: Array<[string[], string]> = [
      [['check', '--workbok', 'x'], 'ikigai check: --workbok というオプションはありません / unknown option --workbok'],
      [['check', '--workbook'], 'ikigai check: --workbook に値がありません / --workbook needs a value'],
      [['check', '--workbook', 'a', 'extra'], 'ikigai check: 余分な引数「extra」があります / unexpected argument "extra"'],
      [['report', '--workbook', 'a', '--json=yes'], 'ikigai report: --json は値をとりません / --json takes no value'],
    ];
    for (const [argv, first] of cases) {
      const run = await withDebug('', () => runIkigai(dir, argv));
      expect(run.code).toBe(2);
      expect(run.err.split('\n')[0]).toBe(first);
      expect(run.err).not.toMatch(/Unknown option|argument missing|Unexpected argument|does not take|To specify a positional/);
    }
  });

  it('stops on an unexpected error with one short line, the detail only under DEBUG=ikigai', async () => {
    // The terminal failing under the command (a closed stdout): JavaScript's message must not show.
    const failing = (): { io: Io; err: string[] } => {
      const { io, err } = captureIo(dir);
      return { io: { ...io, out: () => { throw new Error('EBADF: bad file descriptor, write'); } }, err };
    };
    const quiet = failing();
    expect(await withDebug('', () => main(['check', '--workbook', path('spaced')], quiet.io))).toBe(1);
    expect(quiet.err).toEqual(['ikigai check: 思わぬエラーで止まりました。DEBUG=ikigai を付けて実行すると詳しい内容が出ます / stopped on an unexpected error; run again with DEBUG=ikigai to see the detail']);
    const loud = failing();
    expect(await withDebug('ikigai', () => main(['check', '--workbook', path('spaced')], loud.io))).toBe(1);
    expect(loud.err.join('\n')).toContain('EBADF: bad file descriptor');
  });
});

async function withDebug<T>(value: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.DEBUG;
  process.env.DEBUG = value;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.DEBUG; else process.env.DEBUG = before;
  }
}
