import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { loadWorkbook } from '../../app/shared/load-workbook';
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
import { annualPay } from '../../domain/work/annual-pay';
import { certificates, statements } from '../pay-printouts';
import { writePrintouts, type Printout } from '../printout-files';

// `ikigai demo [--out DIR]` (cli.md): the sample center modelled on Kashiwa FY2015, its year
// played through the add-in's use cases, written as DIR/workbook.xlsx and DIR/mail/*.eml.
//
// DIR may hold a person's own files, so the demo deletes or overwrites only what it wrote itself:
// it lists those files in DIR/.ikigai-demo (MARKER) and, on the next run, replaces exactly them.
// A DIR that exists and holds anything without the marker is refused (exit 2) unless --force,
// which lets it write beside what is there; even then it never removes or overwrites a file it
// did not write (a DIR/workbook.xlsx of someone else's is refused either way).
export const USAGE = `使い方 / usage: ikigai demo [--out DIR] [--force]
  --out DIR   出力先（既定 ./demo-out）/ where to write (default ./demo-out)
  --force     demo の出力でないファイルがあるフォルダにも書き込む（それらは消さない）
              / write into a folder that holds other files too (they are never deleted)`;

/** The file in DIR that says the demo wrote there, and what it wrote. */
export const MARKER = '.ikigai-demo';
const WRITTEN_BY = 'ikigai demo';
const WORKBOOK = 'workbook.xlsx';

export interface DemoMarker {
  readonly writtenBy: typeof WRITTEN_BY;
  /** false while a run is under way: a run that stopped leaves what it had listed to replace. */
  readonly complete: boolean;
  /** Paths relative to DIR, with '/': workbook.xlsx and mail/*.eml. */
  readonly files: readonly string[];
}

/** The only paths the demo ever writes, so a marker edited by hand cannot make it delete anything else. */
function isDemoPath(path: string): boolean {
  return path === WORKBOOK || /^mail\/[A-Za-z0-9][A-Za-z0-9_-]*\.eml$/.test(path) || /^pay\/(statement|certificate)-[A-Za-z0-9_-]+\.html$/.test(path);
}

export function readMarker(out: string): DemoMarker | null {
  try {
    const value = JSON.parse(readFileSync(join(out, MARKER), 'utf8')) as Partial<DemoMarker> | null;
    if (value?.writtenBy !== WRITTEN_BY || !Array.isArray(value.files)) return null;
    return { writtenBy: WRITTEN_BY, complete: value.complete === true, files: value.files.filter((f): f is string => typeof f === 'string' && isDemoPath(f)) };
  } catch {
    return null;
  }
}

function writeMarker(out: string, complete: boolean, files: Iterable<string>): void {
  const marker: DemoMarker = { writtenBy: WRITTEN_BY, complete, files: [...new Set(files)].sort() };
  const note = 'ikigai demo が書いたファイルの一覧。次の実行はこれらだけを置き換えます / the files ikigai demo wrote; the next run replaces only these';
  const path = join(out, MARKER);
  writeFileSync(`${path}.${process.pid}.tmp`, `${JSON.stringify({ ...marker, note }, null, 2)}\n`, 'utf8');
  renameSync(`${path}.${process.pid}.tmp`, path);
}

const kindOf = (path: string): 'missing' | 'file' | 'dir' | 'other' => {
  try {
    const stat = lstatSync(path);
    return stat.isFile() || stat.isSymbolicLink() ? 'file' : stat.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
};

/** What may be written in `out`: the files of the last run to replace, or why not (both languages). */
export function planOut(out: string, force: boolean): { ok: true; replace: readonly string[] } | { ok: false; message: string } {
  const kind = kindOf(out);
  if (kind === 'missing') return { ok: true, replace: [] };
  if (kind !== 'dir') return { ok: false, message: `${out} はフォルダではありません / ${out} is not a folder` };
  const entries = readdirSync(out).sort();
  if (entries.length === 0) return { ok: true, replace: [] };
  const marker = readMarker(out);
  if (!marker && !force) {
    const shown = entries.slice(0, 5).map((e) => (kindOf(join(out, e)) === 'dir' ? `${e}/` : e)).join(', ');
    const more = entries.length > 5 ? ` ほか ${entries.length - 5} 件` : '';
    const moreEn = entries.length > 5 ? ` and ${entries.length - 5} more` : '';
    return {
      ok: false,
      message: `${out} には demo が書いたのではないもの（${shown}${more}）があるので、何も書かずに止めます。別の --out を指定するか、--force でこのフォルダに書き込めます（demo が書いていないファイルは消しません） / `
        + `${out} already holds things the demo did not write (${shown}${moreEn}), so nothing was written. Give another --out, or --force to write into this folder anyway (files the demo did not write are never deleted)`,
    };
  }
  const replace = marker ? marker.files : [];
  for (const sub of ['mail', 'pay']) {
    if (kindOf(join(out, sub)) !== 'missing' && kindOf(join(out, sub)) !== 'dir') {
      return { ok: false, message: `${join(out, sub)} がフォルダではないので書けません / ${join(out, sub)} is not a folder, so the demo cannot write there` };
    }
  }
  if (kindOf(join(out, WORKBOOK)) !== 'missing' && !replace.includes(WORKBOOK)) {
    const path = join(out, WORKBOOK);
    return { ok: false, message: `${path} は demo が書いたものではないので上書きしません（--force でも）。移すか、別の --out を指定してください / ${path} was not written by the demo, so it is not overwritten (not even with --force): move it or give another --out` };
  }
  return { ok: true, replace };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine({ name: 'demo', usage: USAGE, options: { out: { type: 'string' }, force: { type: 'boolean' } } }, argv, io);
  if (!line.ok) return line.exit;
  const { values } = line;
  const started = performance.now();
  const out = resolve(io.cwd, values.out ?? 'demo-out');
  const plan = planOut(out, values.force === true);
  if (!plan.ok) return line.fail(plan.message);
  const mailDir = join(out, 'mail');
  mkdirSync(mailDir, { recursive: true });
  // Listed before anything is removed, so a run that stops half way still knows what is its own.
  writeMarker(out, false, [...plan.replace, WORKBOOK]);
  // Only the files the last run wrote go, so the mail folder then holds exactly this run's mails
  // beside whatever else a person keeps there.
  for (const file of plan.replace) if (kindOf(join(out, file)) === 'file') unlinkSync(join(out, file));

  const store = new MemoryTableStore();
  const mailers: { kind: DemoMailKind; mailer: EmlMailer }[] = [];
  const mailIds = deterministicMailIds();
  const workbookPath = join(out, WORKBOOK);
  const printouts: string[] = [];
  const written = (): string[] => [
    ...mailers.flatMap((m) => m.mailer.written.map((p) => relative(out, p).split(sep).join('/'))),
    ...printouts.map((p) => relative(out, p).split(sep).join('/')),
    ...(existsSync(workbookPath) ? [WORKBOOK] : []),
  ];
  let log: ReturnType<typeof runSeason>;
  try {
    log = runSeason(generateCenter(), {
      store,
      mailer: (clock, kind) => {
        const m = new EmlMailer(mailDir, { clock, label: kind, from: 'kanri@kashiwa-silver.example', uniqueId: mailIds.next });
        mailers.push({ kind, mailer: m });
        return m;
      },
    });
    await writeWorkbookFile(store, workbookPath);
    printouts.push(...writeDemoPrintouts(loadWorkbook(store), log, join(out, 'pay')));
  } catch (error) {
    writeMarker(out, false, written());
    throw error;
  }
  writeMarker(out, true, written());

  const workbook = loadWorkbook(store);
  const report = computeReport(workbook, fiscalYearPeriod(FISCAL_YEAR, workbook.settings));
  const mailsByKind: Partial<Record<DemoMailKind, number>> = {};
  for (const { kind, mailer } of mailers) mailsByKind[kind] = (mailsByKind[kind] ?? 0) + mailer.written.length;
  const mails = mailers.reduce((n, m) => n + m.mailer.written.length, 0);
  const pay = { dir: join(out, 'pay'), statements: printouts.filter((p) => /statement-[^/\\]*$/.test(p)).length, certificates: printouts.filter((p) => /certificate-[^/\\]*$/.test(p)).length };
  for (const line of demoSummary({ log, report, workbookPath, mailDir, mails, mailsByKind, pay, problems: workbook.problems.length, seconds: (performance.now() - started) / 1000 })) io.out(line);
  return workbook.problems.length > 0 ? 1 : 0;
}

/** The month whose statements the demo prints (a month mid-year), and the year of the certificates
 *  (calendar 2015: the work of April to November, paid May to December), issued in February. */
const STATEMENT_MONTH = '2015-10';
const CERTIFICATE_YEAR = 2015;
const CERTIFICATES_ISSUED_ON = '2016-02-01';

/** Three members' 配分金明細 of STATEMENT_MONTH — those with the most jobs that month, then the
 *  most days (a member on two jobs, one who is also dispatched if any) — and every certificate of
 *  the year, through the same code as `ikigai pay --out`. */
function writeDemoPrintouts(workbook: ReturnType<typeof loadWorkbook>, log: ReturnType<typeof runSeason>, dir: string): string[] {
  const close = log.closes.find((c) => c.month === STATEMENT_MONTH);
  const files: Printout[] = [];
  if (close) {
    const dispatched = new Set(close.pay.dispatch.map((d) => d.member_id));
    const three = [...close.pay.members]
      .map((m) => ({ id: m.member_id, jobs: new Set(m.rows.map((r) => r.job_id)).size + (dispatched.has(m.member_id) ? 1 : 0), days: m.days }))
      .sort((a, b) => b.jobs - a.jobs || b.days - a.days || (a.id < b.id ? -1 : 1))
      .slice(0, 3).map((m) => m.id);
    files.push(...statements(workbook, close.pay, close.closedOn, three));
  }
  const year = annualPay({ workLog: workbook.workLog, jobs: workbook.jobs, feeRate: workbook.settings.feeRate }, CERTIFICATE_YEAR);
  files.push(...certificates(workbook, year, CERTIFICATES_ISSUED_ON));
  return writePrintouts(dir, files);
}
