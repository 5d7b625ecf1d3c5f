import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadWorkbook } from '../../app/load-workbook';
import { computeReport } from '../../domain/kpi/compute-report';
import { fiscalYearPeriod } from '../../domain/kpi/period';
import { EmlMailer } from '../eml-mailer';
import type { Io } from '../io';
import { MemoryTableStore } from '../memory-table-store';
import { writeWorkbookFile } from '../xlsx-workbook-file';
import { generateCenter } from '../demo/generate-center';
import { FISCAL_YEAR } from '../demo/kashiwa-2015';
import { runSeason, type DemoMailKind } from '../demo/run-season';
import { deterministicMailIds } from '../demo/mail-ids';
import { demoSummary } from '../demo/summary';
import { readCommandLine } from './command-line';

// `ikigai demo [--out DIR]` (cli.md): the sample center modelled on Kashiwa FY2015, its year
// played through the add-in's use cases, written as DIR/workbook.xlsx and DIR/mail/*.eml.
export const USAGE = `使い方 / usage: ikigai demo [--out DIR]
  --out DIR   出力先（既定 ./demo-out）/ where to write (default ./demo-out)`;

export async function run(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine({ name: 'demo', usage: USAGE, options: { out: { type: 'string' } } }, argv, io);
  if (!line.ok) return line.exit;
  const { values } = line;
  const started = performance.now();
  const out = resolve(io.cwd, values.out ?? 'demo-out');
  const mailDir = join(out, 'mail');
  // A fresh mail folder each run, so the folder holds exactly this run's mails.
  rmSync(mailDir, { recursive: true, force: true });
  mkdirSync(mailDir, { recursive: true });

  const store = new MemoryTableStore();
  const mailers: { kind: DemoMailKind; mailer: EmlMailer }[] = [];
  const mailIds = deterministicMailIds();
  const log = runSeason(generateCenter(), {
    store,
    mailer: (clock, kind) => {
      const m = new EmlMailer(mailDir, { clock, label: kind, from: 'kanri@kashiwa-silver.example', uniqueId: mailIds.next });
      mailers.push({ kind, mailer: m });
      return m;
    },
  });
  const workbookPath = join(out, 'workbook.xlsx');
  await writeWorkbookFile(store, workbookPath);

  const workbook = loadWorkbook(store);
  const report = computeReport(workbook, fiscalYearPeriod(FISCAL_YEAR, workbook.settings));
  const mailsByKind: Partial<Record<DemoMailKind, number>> = {};
  for (const { kind, mailer } of mailers) mailsByKind[kind] = (mailsByKind[kind] ?? 0) + mailer.written.length;
  const mails = mailers.reduce((n, m) => n + m.mailer.written.length, 0);
  for (const line of demoSummary({ log, report, workbookPath, mailDir, mails, mailsByKind, problems: workbook.problems.length, seconds: (performance.now() - started) / 1000 })) io.out(line);
  return workbook.problems.length > 0 ? 1 : 0;
}
