import { readWorkbookOrSay } from '../open-workbook-file';
import { dirname, join, resolve } from 'node:path';
import { surveyRecipients } from '../../app/survey/survey-recipients';
import { civilDateIn } from '../../domain/civil-date';
import { renderSurveyMail } from '../../domain/mail/survey-mail';
import { EmlMailer } from '../eml-mailer';
import type { Language } from '../../domain/enums';
import { formatProblem } from '../../domain/messages/catalog';
import { parseTable } from '../../domain/parse/parse-table';
import { COORDINATORS_TAB, SETTINGS_TAB, SURVEYS_TAB, tabNames } from '../../domain/schema/tabs';
import { parseSettings } from '../../domain/settings';
import { namedChoiceQuestions } from '../../domain/survey/named-questions';
import { tallySurvey, type SurveyTally } from '../../domain/survey/tally';
import { OTHER_ANSWERS } from '../../domain/survey/tally-rows';
import type { Io } from '../io';
import { readCommandLine } from './command-line';

// `ikigai tally --workbook F --sheet TAB [--choice QUESTION]... [--by QUESTION] [--target N] [--json] [--mail-dir D]`
// (cli.md): the tally of one form-response tab, the same figures as アンケート集計. F is never
// changed. With --mail-dir, the survey mail the nightly run sends (src/domain/mail/survey-mail.ts),
// as one .eml in D, to the active coordinators and managers. A question is free text — counted, never printed — unless it is named as a choice
// question: by --choice, or in the アンケート row for TAB (選択式の設問). An answer that looks like a
// phone number or an e-mail address is never printed, whatever the question.
export const USAGE = `使い方 / usage: ikigai tally --workbook F --sheet TAB [--choice QUESTION]... [--by QUESTION] [--target N] [--json] [--mail-dir DIR]
  --sheet TAB     フォームの回答のシート名 / the form-response tab
  --choice Q      選択式の設問（繰り返し可。アンケートの 選択式の設問 に加えて）/ a choice question (repeatable; besides アンケート's choice_questions)
  --by QUESTION   クロス集計の軸にする設問（選択式）/ the (choice) question to cross-tabulate by
  --target N      対象者数（回答率の分母）/ people asked (for the response rate)
  --json          JSON で出力 / print JSON
  --mail-dir DIR  毎晩のアンケート集計メールを .eml で保存（宛先: 有効なコーディネータと管理者）/ write the nightly survey mail as .eml (to the active coordinators and managers)
  終了コード / exit: 0 完了 done, 1 読めない・シートなし unreadable or no such tab, 2 指定の誤り bad command line`;

const KIND: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  ja: { choice: '単一選択', multi: '複数選択', scale: '数値', text: '自由記述（件数のみ）' },
  en: { choice: 'choice', multi: 'multiple', scale: 'scale', text: 'free text (counted only)' },
};

const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const num = (x: number | null): string => (x === null ? '' : String(Math.round(x * 100) / 100));

export function tallyLines(t: SurveyTally, lang: Language): string[] {
  const ja = lang === 'ja';
  const lines = [`${t.name}: ${ja ? '回答' : 'responses'} ${t.responses}${t.target ? ` / ${ja ? '対象' : 'target'} ${t.target} (${ja ? '回答率' : 'rate'} ${pct(t.responseRate ?? 0)})` : ''}`];
  for (const q of t.questions) {
    lines.push('', `■ ${q.question} [${KIND[lang][q.kind]}] ${ja ? '回答数' : 'answers'} ${q.answers}${q.mean !== null ? ` ${ja ? '平均' : 'mean'} ${num(q.mean)} ${ja ? '中央値' : 'median'} ${num(q.median)}` : ''}`);
    const label = (c: { value: string; other?: true }): string => (c.other ? OTHER_ANSWERS[lang] : c.value);
    for (const c of q.choices) lines.push(`  ${label(c)}\t${c.count}\t${pct(c.share)}`);
    for (const g of q.cross?.groups ?? []) {
      lines.push(`  [${q.cross?.by}=${label(g)}] ${g.choices.map((c) => `${label(c)} ${c.count}`).join(', ')}`);
    }
  }
  return lines;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine({
    name: 'tally', usage: USAGE, required: [['workbook', 'sheet']],
    options: {
      workbook: { type: 'string' }, sheet: { type: 'string' }, choice: { type: 'string', multiple: true }, by: { type: 'string' },
      target: { type: 'string' }, json: { type: 'boolean' }, 'mail-dir': { type: 'string' },
    },
  }, argv, io);
  if (!line.ok) return line.exit;
  const { values } = line;
  const target = values.target === undefined ? null : Number(values.target);
  if (target !== null && (!Number.isInteger(target) || target <= 0)) return line.fail('--target は1以上の整数 / --target must be a whole number ≥ 1');
  const path = resolve(io.cwd, values.workbook);
  const store = await readWorkbookOrSay(path, io);
  if (!store) return 1;
  const { settings } = parseSettings(store.read(tabNames(SETTINGS_TAB)));
  const lang = settings.language;
  const table = store.read([values.sheet]);
  if (!table) {
    io.err(formatProblem({ tab: values.sheet, cell: '', code: 'missing_tab', params: { tab: values.sheet, en: values.sheet } }, lang));
    return 1;
  }
  // The アンケート row for this tab, if any, names its choice questions; --choice adds to them.
  const surveys = store.read(tabNames(SURVEYS_TAB, lang));
  const row = surveys ? parseTable(SURVEYS_TAB, surveys).records.find((r) => r.sheet.trim() === values.sheet.trim()) : undefined;
  const named = namedChoiceQuestions([row?.choice_questions ?? '', ...(values.choice ?? [])].join('\n'), table.header.map((h) => String(h ?? '')));
  for (const q of named.unknown) io.err(lang === 'ja' ? `ikigai tally: 設問「${q}」はありません（件数のみ）` : `ikigai tally: no question "${q}" (counted only)`);
  const tally = tallySurvey(table, { target, crossBy: values.by ?? null, declared: named.declared });
  if (values.by && tally.crossBy === null) {
    io.err(lang === 'ja' ? `ikigai tally: 設問「${values.by}」がないか、選択式の設問ではありません` : `ikigai tally: no choice question "${values.by}"`);
    return 2;
  }
  if (values.json) io.out(JSON.stringify(tally, null, 2));
  else for (const line of tallyLines(tally, lang)) io.out(line);
  if (values['mail-dir'] === undefined) return 0;

  // The mail as the nightly run sends it: the survey's own name, target and 集計軸 from its
  // アンケート row unless the command line says otherwise; no earlier mail to count new answers from.
  const mailTally = tallySurvey(table, {
    name: row?.name, target: target ?? row?.target ?? null, crossBy: values.by ?? row?.cross_by ?? null, declared: named.declared,
  });
  const coordinators = store.read(tabNames(COORDINATORS_TAB, lang));
  const to = coordinators ? surveyRecipients(parseTable(COORDINATORS_TAB, coordinators).records) : [];
  if (to.length === 0) {
    io.err(lang === 'ja' ? 'ikigai tally: 有効なコーディネータ・管理者がいないため、メールは書きませんでした' : 'ikigai tally: no active coordinator or manager; no mail written');
    return 1;
  }
  const clock = { now: () => new Date() };
  const mail = renderSurveyMail({ language: lang, centerName: settings.centerName, tally: mailTally, asOf: civilDateIn(clock.now(), settings.timeZone), newAnswers: null });
  const mailer = new EmlMailer(resolve(io.cwd, values['mail-dir'] || join(dirname(path), 'mail')), { clock, label: 'survey' });
  mailer.send({ to, subject: mail.subject, text: mail.text, html: mail.html, senderName: settings.centerName || undefined });
  for (const p of mailer.written) io.err(lang === 'ja' ? `メールを保存しました: ${p}` : `Mail saved: ${p}`);
  return 0;
}
