// The monthly close (issue 13 item 2) at 1,600 and 20,000 members with 20 work rows per member
// per month: `node scripts/run-ts.cjs bench/monthly-close.ts` (BENCH_CLOSE_SIZES=S to run one).
//
// 1. Locally — the path `ikigai pay --month` takes, which is where the close runs today (there is
//    no menu 月次締め in the bundle yet): the .xlsx written once, then `ikigai pay --workbook F
//    --month 2025-02 --out DIR` timed end to end through main(argv, io), and each of its steps
//    timed on its own (read the file, type the workbook, close, patch the file, the statements).
//    No service calls: the command line talks to a file.
// 2. The same closeMonth use case through the Sheets adapter (src/gas/sheets-table-store.ts) and
//    the lock adapter over the counting fakes of test/fakes, as a menu item would run it in Apps
//    Script: its service calls, round trips and cells, and the projected Apps Script time of
//    bench/cost-model.ts.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeMonth } from '../src/app/work/close-month';
import { loadWorkbook } from '../src/app/shared/load-workbook';
import type { RawTable } from '../src/domain/cell';
import { statements } from '../src/local/pay-printouts';
import { main } from '../src/local/cli';
import { MemoryTableStore } from '../src/local/memory-table-store';
import { writePrintouts } from '../src/local/printout-files';
import { readWorkbookFile, writeWorkbookFile } from '../src/local/xlsx-workbook-file';
import { SheetsTableStore } from '../src/gas/sheets-table-store';
import { scriptLock } from '../src/gas/script-lock';
import { installFakes } from '../test/fakes';
import { project, rangeText } from './cost-model';
import { measureStartup } from './startup';
import { loadTables } from './load-fake';
import { CLOSE_MONTH as MONTH, ROWS_PER_MEMBER, workCenter } from './work-center';

const SIZES = [{ name: 'S', members: 1_600 }, { name: 'M', members: 20_000 }] as const;

const ms = (t0: number): number => Math.round(performance.now() - t0);
const quiet = { out: (): void => undefined, err: (): void => undefined };

async function local(name: string, tables: RawTable[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), `ikigai-close-${name}-`));
  try {
    const file = join(dir, 'center.xlsx');
    await writeWorkbookFile(MemoryTableStore.from(tables), file);
    const size = statSync(file).size;
    // Steps, one by one (what the command does), on a copy of the file.
    let t = performance.now();
    const store = await readWorkbookFile(file);
    const read = ms(t);
    t = performance.now();
    const workbook = loadWorkbook(store);
    const typed = ms(t);
    t = performance.now();
    const lock = { tryLock: () => true, release: () => undefined };
    const closed = closeMonth({ store, lock }, { lang: 'ja', now: '2025-03-03T09:00:00', user: 'bench' }, MONTH);
    const close = ms(t);
    if (!closed.ok) throw new Error(`close: ${closed.code}`);
    t = performance.now();
    const printouts = statements(workbook, closed.pay, '2025-03-03');
    const render = ms(t);
    t = performance.now();
    writePrintouts(join(dir, 'steps'), printouts);
    const files = ms(t);
    t = performance.now();
    await writeWorkbookFile(store, join(dir, 'copy.xlsx'));
    // (a fresh file: the patch of the real run below is what `ikigai pay` does)
    const fresh = ms(t);
    // End to end on the original file: read, type, close, patch, statements.
    t = performance.now();
    const code = await main(['pay', '--workbook', file, '--month', MONTH, '--out', join(dir, 'out')], { ...quiet, cwd: dir });
    const total = ms(t);
    if (code !== 0) throw new Error(`ikigai pay exited ${code}`);
    const rows = tables.find((x) => x.name === '就業実績')?.rows.length ?? 0;
    return [
      `| ${name} | ${tables.find((x) => x.name === '会員')?.rows.length.toLocaleString('en-US')} | ${rows.toLocaleString('en-US')} | ${(size / 1e6).toFixed(1)} MB `
      + `| ${(total / 1000).toFixed(1)} s | read ${read} ms · type ${typed} ms · close ${close} ms · render ${printouts.length.toLocaleString('en-US')} statements ${render} ms · write them ${files} ms `
      + `(a new .xlsx for comparison: ${fresh} ms) | 配分金 ¥${closed.pay.totals.amount.toLocaleString('en-US')}, billed ¥${closed.pay.totals.billed.toLocaleString('en-US')} |`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function throughSheets(name: string, tables: RawTable[]): string {
  const fakes = installFakes(globalThis);
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    loadTables(ss, tables);
    fakes.log.reset();
    const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
    const t = performance.now();
    const result = closeMonth({ store, lock: scriptLock() }, { lang: 'ja', now: '2025-03-03T09:00:00', user: 'jc01@bench-center.example' }, MONTH);
    const wall = ms(t);
    if (!result.ok) throw new Error(`close through Sheets: ${result.code}`);
    const calls = fakes.log.snapshot();
    // A menu item: the bundle's evaluation, no google.script.run trip.
    const range = project(calls, 'menu', measureStartup(3));
    const p = range.high;
    const top = Object.entries(calls.byMethod).sort(([, a], [, b]) => b - a).slice(0, 6).map(([k, v]) => `${k} ${v}`).join(', ');
    return `| ${name} | ${calls.total} | ${calls.roundTrips} | ${calls.cellsRead.toLocaleString('en-US')} read, ${calls.cellsWritten} written | ${rangeText(range, 1)} `
      + `(pessimistic: calls ${(p.callsMs / 1000).toFixed(1)} s, cells ${(p.cellsMs / 1000).toFixed(1)} s) | ${wall} ms | ${top} |`;
  } finally {
    fakes.uninstall();
  }
}

async function runAll(): Promise<void> {
  const only = (process.env.BENCH_CLOSE_SIZES ?? '').split(',').filter((s) => s !== '');
  const sizes = SIZES.filter((s) => only.length === 0 || only.includes(s.name));
  const localRows: string[] = [];
  const sheetRows: string[] = [];
  for (const s of sizes) {
    const tables = workCenter(s.members);
    localRows.push(...(await local(s.name, tables)));
    sheetRows.push(throughSheets(s.name, tables));
  }
  console.log(`Monthly close of ${MONTH}, ${ROWS_PER_MEMBER} work rows per member (node ${process.version})\n`);
  console.log('Locally (`ikigai pay --month --out DIR`: no service calls)\n');
  console.log('| size | members | work rows | .xlsx | ikigai pay, end to end | steps | result |\n|---|---:|---:|---:|---:|---|---|');
  for (const l of localRows) console.log(l);
  console.log('\nThe same closeMonth through the Sheets adapter over the counting fakes (what a menu 月次締め would cost)\n');
  console.log('| size | service calls | round trips | cells | projected Apps Script time | wall (fakes) | most frequent |\n|---|---:|---:|---|---:|---:|---|');
  for (const l of sheetRows) console.log(l);
}

void runAll().catch((e: unknown) => { console.error(e); process.exit(1); });
