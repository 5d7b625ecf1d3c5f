import { readWorkbookOrSay } from '../open-workbook-file';
import { dirname, join, resolve } from 'node:path';
import { runWeeklySummary, type WeeklyRunResult } from '../../app/weekly/run-weekly-summary';
import { parseCivilDate } from '../../domain/civil-date';
import type { Language } from '../../domain/enums';
import { formatProblem, weeklyCommandText } from '../../domain/messages/catalog';
import { loadWorkbook } from '../../app/shared/load-workbook';
import { EmlMailer } from '../eml-mailer';
import { debugging } from '../debug';
import type { Io } from '../io';
import { writeWorkbookFile } from '../xlsx-workbook-file';
import { readCommandLine } from './command-line';

// `ikigai weekly --workbook F --week DATE [--mail-dir DIR] [--resend]` (cli.md): what the weekly
// trigger does, on a file. The same use case runs; 週次KPI is the only tab that changes, F is
// saved (atomically, by the file adapter) only when that tab changed, and the mail is an .eml.
export const USAGE = `使い方 / usage: ikigai weekly --workbook F --week DATE [--mail-dir DIR] [--resend]
  --week DATE      DATE を含む月曜〜日曜の週 / the Monday..Sunday week holding DATE
  --mail-dir DIR   メール(.eml)の保存先（既定: F と同じフォルダの mail）/ where the .eml goes (default: mail/ beside F)
  --resend         送信済みの週でも再送する / send again even if the week was sent
  終了コード / exit: 0 完了 done, 1 データに問題・失敗 data problems or failure, 2 指定の誤り bad command line`;

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
  const store = await readWorkbookOrSay(path, io);
  if (!store) return 1;
  const mailDir = values['mail-dir'] ? resolve(io.cwd, values['mail-dir']) : join(dirname(path), 'mail');
  const clock = { now: () => new Date() };
  const mailer = new EmlMailer(mailDir, { clock, label: 'weekly' });
  const result = runWeeklySummary({ store, mailer, clock, log: debugging() ? (line) => io.err(line) : undefined }, { week, resend: values.resend === true });

  // The use case read the settings; read them again here (in memory) only to speak the center's language.
  const workbook = loadWorkbook(store);
  const lang = workbook.settings.language;
  const say = weeklyCommandText(lang);
  if (result.written !== null) {
    await writeWorkbookFile(store, path);
    io.out(say.wrote(result.written, path));
  } else if (result.status !== 'failed') {
    io.out(say.unchanged(lang === 'ja' ? '週次KPI' : 'WeeklyKPI'));
  }
  for (const p of mailer.written) io.out(say.mailSaved(p));
  io.out(statusLine(result, lang));
  if (workbook.problems.length > 0) {
    io.err(say.problems(workbook.problems.length));
    for (const p of workbook.problems) io.err(formatProblem(p, lang));
    return 1;
  }
  return result.status === 'failed' ? 1 : 0;
}

function statusLine(result: WeeklyRunResult, lang: Language): string {
  const say = weeklyCommandText(lang);
  const range = result.week ? `${result.week.from}..${result.week.to}` : '';
  switch (result.status) {
    case 'sent': return say.sent(range, result.recipients);
    case 'already_sent': return say.alreadySent(range);
    case 'quota_short': return say.quotaShort(range, result.quota ?? 0, result.recipients);
    case 'no_recipients': return say.noRecipients(range);
    case 'failed': return say.failed(range, result.failure ?? 'unknown');
  }
}
