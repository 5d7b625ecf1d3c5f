import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { readWorkbookFile, writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { workCenterTabs, JUNE } from '../app/work/work-center';
import { runIkigai, type CliRun } from './run-cli';

// `ikigai pay` end to end through main(argv, io) on the hand-worked center (test/app/work/work-center.ts,
// June worked out in test/domain/work/fixtures.ts with W11 priced at ¥800).
let dir: string;
const ikigai = (...argv: string[]): Promise<CliRun> => runIkigai(dir, argv);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ikigai-pay-'));
  await writeWorkbookFile(MemoryTableStore.from(workCenterTabs()), join(dir, 'center.xlsx'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ikigai pay --month', () => {
  test('prints the JSON of cli.md, members and clients by ID, and records the month closed in the file', async () => {
    const run = await ikigai('pay', '--workbook', 'center.xlsx', '--month', '2015-06', '--json', '--by', 'kanri@c.jp');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual({
      month: '2015-06',
      members: [
        { member_id: 'M001', days: 3, hours: 13, amount: 10875 },
        { member_id: 'M002', days: 1, hours: 0.75, amount: 787 },
        { member_id: 'M003', days: 3, hours: 4.5, amount: 4225 },
      ],
      clients: [
        { client_id: 'C01', pay: 9300, fee: 930, total: 10230 },
        { client_id: 'C02', pay: 4987, fee: 498, total: 5485 },
        { client_id: 'C03', pay: 1600, fee: 160, total: 1760 },
      ],
      dispatch: [{ member_id: 'M002', hours: 4, wages: 4400 }],
      totals: { amount: JUNE.amount, fee: JUNE.fee, billed: JUNE.billed, wages: JUNE.wages },
    });
    expect(run.err).toContain('2015-06 を締めました');
    const store = await readWorkbookFile(join(dir, 'center.xlsx'));
    expect(store.read(['月次締め'])?.rows.map((r) => [r[0], r[1], r[3], r[6], r[7], r[8], r[9]])).toEqual([['2015-06', '締め', 'kanri@c.jp', 11, 15887, 17475, 4400]]);
  });

  test('a second close changes nothing in the file; --preview never writes', async () => {
    await ikigai('pay', '--workbook', 'center.xlsx', '--month', '2015-06');
    const before = readFileSync(join(dir, 'center.xlsx'));
    const again = await ikigai('pay', '--workbook', 'center.xlsx', '--month', '2015-06');
    expect(again.out).toContain('締め済みで、金額に変わりはありません');
    expect(readFileSync(join(dir, 'center.xlsx')).equals(before)).toBe(true);
    const preview = await ikigai('pay', '--workbook', 'center.xlsx', '--month', '2015-07', '--preview');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('2015-07 は締めていません（--preview）');
    expect(readFileSync(join(dir, 'center.xlsx')).equals(before)).toBe(true);
  });

  test('prints a table by ID and writes one statement per member to --out', async () => {
    const run = await ikigai('pay', '--workbook', 'center.xlsx', '--month', '2015-06', '--out', 'statements');
    expect(run.code).toBe(0);
    expect(run.out).toContain('会員別の配分金（請負・委任）');
    expect(run.out).toMatch(/M001\s+3\s+13\s+10,875/);
    expect(run.out).toContain('配分金 15,887 円 / 事務費 1,588 円 / 請求 17,475 円 / 派遣賃金 4,400 円');
    expect(run.out).not.toContain('柏 一郎');
    expect(readdirSync(join(dir, 'statements')).sort()).toEqual(['statement-2015-06-M001.html', 'statement-2015-06-M002.html', 'statement-2015-06-M003.html']);
    const html = readFileSync(join(dir, 'statements', 'statement-2015-06-M001.html'), 'utf8');
    expect(html).toContain('柏 一郎 様');
    expect(html).toContain('10,875円');
    expect(html).toContain('6/30（火）');
    const m2 = readFileSync(join(dir, 'statements', 'statement-2015-06-M002.html'), 'utf8');
    // 525 + 262.5 = 787.5, rounded down once.
    expect(m2).toContain('金額の合計 787.5円 の円未満を切り捨てています');
    expect(m2).toContain('派遣の就業 1日・4時間は賃金としてお支払いします');
  });

  test('refuses to close on data problems and names them, leaving the file as it was', async () => {
    const tabs = workCenterTabs().map((t) => (t.name === '就業実績' ? { ...t, rows: [...t.rows, ['W14', { date: '2015-06-05' }, 'M001', 'J01', 'いっぱい', null, false, null, null]] } : t));
    await writeWorkbookFile(MemoryTableStore.from(tabs), join(dir, 'bad.xlsx'));
    const before = readFileSync(join(dir, 'bad.xlsx'));
    const run = await ikigai('pay', '--workbook', 'bad.xlsx', '--month', '2015-06');
    expect(run.code).toBe(1);
    expect(run.err).toContain('就業実績!E15: 「いっぱい」は数値として読めません');
    expect(readFileSync(join(dir, 'bad.xlsx')).equals(before)).toBe(true);
  });

  test('names a wrong command line and exits 2', async () => {
    for (const argv of [['--month', '2015-13'], ['--month', '2015-06', '--year', '2015'], [], ['--year', '2015', '--preview']]) {
      const run = await ikigai('pay', '--workbook', 'center.xlsx', ...argv);
      expect(run.code).toBe(2);
      expect(run.err).toContain('使い方 / usage: ikigai pay');
    }
  });
});

describe('ikigai pay --reopen and the closed month', () => {
  test('reopens a closed month, and says so when it is not closed', async () => {
    await ikigai('pay', '--workbook', 'center.xlsx', '--month', '2015-06', '--by', 'kanri@c.jp');
    const reopen = await ikigai('pay', '--workbook', 'center.xlsx', '--reopen', '2015-06', '--by', 'boss@c.jp');
    expect(reopen.code).toBe(0);
    const store = await readWorkbookFile(join(dir, 'center.xlsx'));
    expect(store.read(['月次締め'])?.rows[0]?.slice(0, 2)).toEqual(['2015-06', '再開']);
    expect(store.read(['月次締め'])?.rows[0]?.[5]).toBe('boss@c.jp');
    const again = await ikigai('pay', '--workbook', 'center.xlsx', '--reopen', '2015-06');
    expect(again.code).toBe(1);
    expect(again.err).toBe('2015-06 は締められていません');
  });
});

describe('ikigai pay --year', () => {
  test('lists what was paid in the year and writes a certificate per member, leaving the file as it was', async () => {
    const before = readFileSync(join(dir, 'center.xlsx'));
    // 2015's payments: work of 2014-12 … 2015-11: May (W12: M002 1 h × 1,000), June, July (W13: M001 2 h × 1,000).
    const run = await ikigai('pay', '--workbook', 'center.xlsx', '--year', '2015', '--json', '--out', 'certificates');
    expect(run.code).toBe(0);
    const year = JSON.parse(run.out);
    expect(year.members.map((m: { member_id: string; amount: number }) => [m.member_id, m.amount])).toEqual([['M001', 10875 + 2000], ['M002', 1000 + 787], ['M003', 4225]]);
    expect(year.totals).toEqual({ amount: 18887 });
    // None of the months is closed: said on stderr.
    expect(run.err).toContain('締めていない月があります（就業実績から計算しました）: 2015-05, 2015-06, 2015-07');
    expect(readdirSync(join(dir, 'certificates'))).toHaveLength(3);
    const cert = readFileSync(join(dir, 'certificates', 'certificate-2015-M002.html'), 'utf8');
    expect(cert).toContain('配分金支払証明書');
    expect(cert).toContain('1,787円');
    expect(readFileSync(join(dir, 'center.xlsx')).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'statements'))).toBe(false);
  });
});
