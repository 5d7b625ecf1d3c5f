import { dirname, join, resolve } from 'node:path';
import { runWeeklySummary, type WeeklyRunResult } from '../../app/weekly/run-weekly-summary';
import { parseCivilDate } from '../../domain/civil-date';
import type { Language } from '../../domain/enums';
import { formatProblem } from '../../domain/messages/catalog';
import { loadWorkbook } from '../../app/shared/load-workbook';
import { EmlMailer } from '../eml-mailer';
import { debugDetail, debugging } from '../debug';
import type { Io } from '../io';
import { readWorkbookFile, WorkbookFileError, writeWorkbookFile } from '../xlsx-workbook-file';
import { readCommandLine } from './command-line';

// `ikigai weekly --workbook F --week DATE [--mail-dir DIR] [--resend]` (cli.md): what the weekly
// trigger does, on a file. The same use case runs; 週次KPI is the only tab that changes, F is
// saved (atomically, by the file adapter) only when that tab changed, and the mail is an .eml.
export const USAGE = `使い方 / usage: ikigai weekly --workbook F --week DATE [--mail-dir DIR] [--resend]
  --week DATE      DATE を含む月曜〜日曜の週 / the Monday..Sunday week holding DATE
  --mail-dir DIR   メール(.eml)の保存先（既定: F と同じフォルダの mail）/ where the .eml goes (default: mail/ beside F)
  --resend         送信済みの週でも再送する / send again even if the week was sent
  終了コード / exit: 0 完了 done, 1 データに問題・失敗 data problems or failure, 2 指定の誤り bad command line`;

const SAY: Record<Language, {
  wrote: (tab: string, f: string) => string; unchanged: (tab: string) => string; mail: (p: string) => string;
  already: string; quota: (q: number, n: number) => string; none: string; failed: (k: string) => string;
  problems: (n: number) => string;
}> = {
  ja: {
    wrote: (tab, f) => `${tab} を書き込みました: ${f}`,
    unchanged: (tab) => `${tab} は変更なし（ファイルは書き換えていません）`,
    mail: (p) => `メールを保存しました: ${p}`,
    already: 'この週のメールは送信済みのため送りません（再送は --resend）',
    quota: (q, n) => `送信枠が足りないため送りません（残り ${q}、必要 ${n}）`,
    none: '送信先がありません（設定「週次メール送信先」または有効なコーディネータ）',
    failed: (k) => `失敗しました: ${k}`,
    problems: (n) => `データの問題が ${n} 件あります（その行は集計に入っていません）`,
  },
  en: {
    wrote: (tab, f) => `Wrote ${tab} in ${f}`,
    unchanged: (tab) => `${tab} unchanged (the file was not rewritten)`,
    mail: (p) => `Mail saved: ${p}`,
    already: 'The mail for this week was already sent; not sending again (use --resend)',
    quota: (q, n) => `Not sent: mail quota short (${q} left, ${n} needed)`,
    none: 'No recipients (設定 weekly_recipients or an active coordinator)',
    failed: (k) => `Failed: ${k}`,
    problems: (n) => `The data has ${n} problem(s); those rows are left out of the figures`,
  },
};

export async function run(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine({
    name: 'weekly', usage: USAGE, required: ['workbook', 'week'],
    options: { workbook: { type: 'string' }, week: { type: 'string' }, 'mail-dir': { type: 'string' }, resend: { type: 'boolean' } },
  }, argv, io);
  if (!line.ok) return line.exit;
  const { values } = line;
  const week = parseCivilDate(values.week);
  if (!week) return line.fail(`日付が正しくありません / not a date: ${values.week}`);

  const path = resolve(io.cwd, values.workbook);
  let store;
  try {
    store = await readWorkbookFile(path);
  } catch (error) {
    if (error instanceof WorkbookFileError) { debugDetail(io, error); io.err(formatProblem(error.problem, 'ja')); return 1; }
    throw error;
  }
  const mailDir = values['mail-dir'] ? resolve(io.cwd, values['mail-dir']) : join(dirname(path), 'mail');
  const clock = { now: () => new Date() };
  const mailer = new EmlMailer(mailDir, { clock, label: 'weekly' });
  const result = runWeeklySummary({ store, mailer, clock, log: debugging() ? (line) => io.err(line) : undefined }, { week, resend: values.resend === true });

  // The use case read the settings; read them again here (in memory) only to speak the center's language.
  const workbook = loadWorkbook(store);
  const lang = workbook.settings.language;
  const say = SAY[lang];
  if (result.written !== null) {
    await writeWorkbookFile(store, path);
    io.out(say.wrote(result.written, path));
  } else if (result.status !== 'failed') {
    io.out(say.unchanged(lang === 'ja' ? '週次KPI' : 'WeeklyKPI'));
  }
  for (const p of mailer.written) io.out(say.mail(p));
  io.out(statusLine(result, lang));
  if (workbook.problems.length > 0) {
    io.err(say.problems(workbook.problems.length));
    for (const p of workbook.problems) io.err(formatProblem(p, lang));
    return 1;
  }
  return result.status === 'failed' ? 1 : 0;
}

function statusLine(result: WeeklyRunResult, lang: Language): string {
  const say = SAY[lang];
  const range = result.week ? `${result.week.from}..${result.week.to}` : '';
  switch (result.status) {
    case 'sent': return `${range}: ${lang === 'ja' ? `${result.recipients} 件の宛先に送信` : `sent to ${result.recipients} recipient(s)`}`;
    case 'already_sent': return `${range}: ${say.already}`;
    case 'quota_short': return `${range}: ${say.quota(result.quota ?? 0, result.recipients)}`;
    case 'no_recipients': return `${range}: ${say.none}`;
    case 'failed': return `${range}: ${say.failed(result.failure ?? 'unknown')}`;
  }
}
