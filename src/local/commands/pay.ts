import { readWorkbookOrSay } from '../open-workbook-file';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { closeMonth } from '../../app/work/close-month';
import { reopenMonth } from '../../app/work/reopen-month';
import { loadWorkbook } from '../../app/shared/load-workbook';
import { civilDateIn, civilDateTimeIn } from '../../domain/civil-date';
import { formatProblem, workCloseText } from '../../domain/messages/catalog';
import { annualPay } from '../../domain/work/annual-pay';
import { closedMonths } from '../../domain/work/closed-months';
import { parseMonth, type Month } from '../../domain/work/month';
import { monthlyPay, monthlyPayJson, type MonthlyPay } from '../../domain/work/monthly-pay';
import type { Io } from '../io';
import { renderPayTable, renderYearTable } from '../pay-table';
import { writePrintouts } from '../printout-files';
import { certificates, statements } from '../pay-printouts';
import { writeWorkbookFile } from '../xlsx-workbook-file';
import { readCommandLine } from './command-line';

// `ikigai pay --workbook F (--month YYYY-MM | --year YYYY | --reopen YYYY-MM) [--json] [--out DIR]
// [--preview] [--by NAME]` (cli.md): the monthly close (issue 13 item 2) — the same closeMonth use
// case as on Google, under the write boundary, F saved by patching only the cells that changed
// (月次締め's row, 監査ログ's) —, the annual 配分金支払証明書 (item 3, F unchanged), and a
// manager's reopening of a closed month. Statements and certificates go to DIR as HTML.
export const USAGE = `使い方 / usage: ikigai pay --workbook F (--month YYYY-MM | --year YYYY | --reopen YYYY-MM) [--json] [--out DIR] [--preview] [--by NAME]
  --month YYYY-MM   その月を締める（配分金・請求・派遣賃金、月次締めに記録）/ close the month (pay, bills, dispatch wages; recorded in 月次締め)
  --year YYYY       その年に支払った配分金の支払証明書（F は変えません）/ the year's pay certificates (F unchanged)
  --reopen YYYY-MM  締めた月を再開する（管理者の操作）/ reopen a closed month (a manager's step)
  --json            cli.md の JSON で出力 / print the JSON of cli.md
  --out DIR         会員ごとの配分金明細（または支払証明書）を DIR に HTML で書く / write each member's statement (or certificate) to DIR as HTML
  --preview         締めずに計算だけする / compute without closing the month
  --by NAME         締め・再開した人として記録する名前（既定: OS のユーザー名）/ who closes or reopens (default: the OS user name)
  終了コード / exit: 0 完了 done, 1 データに問題・失敗 the data has problems or the step failed, 2 指定の誤り bad command line`;


type Mode = { kind: 'month' | 'reopen'; month: Month } | { kind: 'year'; year: number };

function chooseMode(values: { month?: string; year?: string; reopen?: string }): Mode | string {
  const given = [values.month, values.year, values.reopen].filter((v) => v !== undefined).length;
  if (given !== 1) return '--month、--year、--reopen のどれか一つを指定してください / give exactly one of --month, --year, --reopen';
  if (values.year !== undefined) {
    const t = values.year.trim();
    return /^\d{4}$/.test(t) && Number(t) >= 1900 ? { kind: 'year', year: Number(t) } : `年が正しくありません / not a year: ${values.year}`;
  }
  const text = (values.month ?? values.reopen) as string;
  const month = /^\s*\d{4}[-/]\d{1,2}\s*$/.test(text) ? parseMonth(text) : null;
  if (month === null) return `月が正しくありません（例: 2015-06）/ not a month (e.g. 2015-06): ${text}`;
  return { kind: values.month !== undefined ? 'month' : 'reopen', month };
}

function operator(given: string | undefined): string {
  if (given && given.trim() !== '') return given.trim();
  try { return userInfo().username; } catch { return ''; }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine({
    name: 'pay', usage: USAGE, required: ['workbook'],
    options: {
      workbook: { type: 'string' }, month: { type: 'string' }, year: { type: 'string' }, reopen: { type: 'string' },
      json: { type: 'boolean' }, out: { type: 'string' }, preview: { type: 'boolean' }, by: { type: 'string' },
    },
  }, argv, io);
  if (!line.ok) return line.exit;
  const { values } = line;
  const mode = chooseMode(values);
  if (typeof mode === 'string') return line.fail(mode);
  if (values.preview && mode.kind !== 'month') return line.fail('--preview は --month と使います / --preview goes with --month');

  const path = resolve(io.cwd, values.workbook);
  const store = await readWorkbookOrSay(path, io);
  if (!store) return 1;
  const workbook = loadWorkbook(store);
  const lang = workbook.settings.language;
  const say = workCloseText(lang);
  // Amounts from data with problems would be quietly wrong, and a closed month's are paid.
  if (workbook.problems.length > 0 && mode.kind !== 'reopen') {
    for (const p of workbook.problems) io.err(formatProblem(p, lang));
    return 1;
  }
  const now = new Date();
  const ctx = { lang, now: civilDateTimeIn(now, workbook.settings.timeZone), user: operator(values.by) };
  const today = civilDateIn(now, workbook.settings.timeZone);
  // One run at a time holds a file: the command line itself is the only writer of F here.
  const lock = { tryLock: () => true, release: () => undefined };

  if (mode.kind === 'reopen') {
    const result = reopenMonth({ store, lock }, ctx, mode.month);
    if (!result.ok) { io.err(result.code === 'busy' ? say.busy : say.notClosed(mode.month)); return 1; }
    await writeWorkbookFile(store, path);
    io.out(say.reopened(mode.month, path));
    return 0;
  }

  if (mode.kind === 'year') {
    const year = annualPay({ workLog: workbook.workLog, jobs: workbook.jobs, feeRate: workbook.settings.feeRate }, mode.year);
    if (values.json) io.out(JSON.stringify(year, null, 2));
    else for (const l of renderYearTable(year, lang)) io.out(l);
    const closed = closedMonths(workbook.monthlyCloses);
    const worked = new Set(workbook.workLog.map((r) => r.date.slice(0, 7)));
    const open = year.work_months.filter((m) => worked.has(m) && !closed.has(m));
    if (open.length > 0) io.err(say.unclosed(open.join(', ')));
    if (values.out) {
      const files = writePrintouts(resolve(io.cwd, values.out), certificates(workbook, year, today));
      (values.json ? io.err : io.out)(say.wrote(files.length, resolve(io.cwd, values.out)));
    }
    return 0;
  }

  let pay: MonthlyPay;
  let note: string;
  if (values.preview) {
    pay = monthlyPay({ workLog: workbook.workLog, jobs: workbook.jobs, feeRate: workbook.settings.feeRate }, mode.month);
    note = say.preview(mode.month);
  } else {
    const result = closeMonth({ store, lock }, ctx, mode.month);
    if (!result.ok) {
      if (result.code === 'busy') io.err(say.busy);
      else for (const p of result.problems) io.err(formatProblem(p, lang));
      return 1;
    }
    pay = result.pay;
    if (result.written) await writeWorkbookFile(store, path);
    note = !result.written ? say.unchanged(mode.month) : result.wasClosed ? say.reclosed(mode.month, path) : say.closed(mode.month, path);
  }
  // --json prints the JSON alone on stdout (so it can be piped); what happened goes to stderr.
  if (values.json) { io.out(JSON.stringify(monthlyPayJson(pay), null, 2)); io.err(note); } else { for (const l of renderPayTable(pay, lang)) io.out(l); io.out(''); io.out(note); }
  if (values.out) {
    const files = writePrintouts(resolve(io.cwd, values.out), statements(workbook, pay, today));
    (values.json ? io.err : io.out)(say.wrote(files.length, resolve(io.cwd, values.out)));
  }
  return 0;
}
