import type { Language } from '../enums';
import { foldWidth } from '../parse/fold-width';
import { isRealDay, type CivilDate } from '../civil-date';
import { parseMonth, type Month } from './month';

// The monthly 就業報告 Google Form (issue 13 item 1): a member who can use a phone reports a
// month's work on one job — member ID, job ID, the month, the days worked (a tick per day) and
// the hours a day. Like the sign-up form's spec, its words live here in both languages (the
// form is made once, in the center's language; answers are read in either, by question title).
// readWorkReport turns an answer into days and hours, or says why it cannot (kept 要確認).

export type WorkReportKey = 'member_id' | 'job_id' | 'month' | 'days' | 'hours';
export const WORK_REPORT_KEYS: readonly WorkReportKey[] = ['member_id', 'job_id', 'month', 'days', 'hours'];

export interface WorkReportQuestion {
  readonly key: WorkReportKey;
  readonly kind: 'text' | 'checkbox';
  readonly title: string;
  readonly help: string;
  readonly required: true;
  readonly choices?: readonly string[];
}

export interface WorkReportFormSpec {
  readonly title: string;
  readonly description: string;
  readonly confirmation: string;
  readonly questions: readonly WorkReportQuestion[];
}

const DAY_CHOICES = Array.from({ length: 31 }, (_, i) => String(i + 1));

const WORDS = {
  ja: {
    title: (center: string) => `${center} 就業報告`.trim(),
    description: '月に一度、働いた日と時間をお知らせください。仕事ごとに一回ずつ送ってください。会員証の会員IDと、仕事の案内にある仕事IDを入れてください。',
    confirmation: '受け付けました。内容はセンターが確認します。',
    titles: { member_id: '会員ID', job_id: '仕事ID', month: '対象月', days: '就業した日', hours: '1日の時間' },
    help: { member_id: '例: M00012', job_id: '例: J005', month: '例: 2015-07', days: '働いた日にすべてチェック', hours: '1日あたりの時間（例: 3.5）' },
  },
  en: {
    title: (center: string) => `${center} work report`.trim(),
    description: 'Once a month, tell the center the days and hours you worked. Send one report per job, with the member ID on your card and the job ID of the job.',
    confirmation: 'Received. The center will check it.',
    titles: { member_id: 'Member ID', job_id: 'Job ID', month: 'Month', days: 'Days worked', hours: 'Hours a day' },
    help: { member_id: 'e.g. M00012', job_id: 'e.g. J005', month: 'e.g. 2015-07', days: 'Tick every day you worked', hours: 'Hours each day (e.g. 3.5)' },
  },
} as const;

export function workReportFormSpec(lang: Language, centerName: string): WorkReportFormSpec {
  const w = WORDS[lang];
  return {
    title: w.title(centerName), description: w.description, confirmation: w.confirmation,
    questions: WORK_REPORT_KEYS.map((key) => ({
      key, kind: key === 'days' ? 'checkbox' as const : 'text' as const, title: w.titles[key], help: w.help[key], required: true as const,
      ...(key === 'days' ? { choices: DAY_CHOICES } : {}),
    })),
  };
}

/** Which question a response column's title is, in either language; null for another column. */
export function workReportKeyOf(title: string): WorkReportKey | null {
  const t = foldWidth(title).trim();
  for (const lang of ['ja', 'en'] as const) {
    for (const key of WORK_REPORT_KEYS) if (WORDS[lang].titles[key] === t) return key;
  }
  return null;
}

export interface WorkReport {
  readonly member_id: string;
  readonly job_id: string;
  readonly month: Month;
  readonly days: readonly CivilDate[];
  readonly hours: number;
}

export type WorkReportProblem = 'no_member' | 'no_job' | 'bad_month' | 'no_days' | 'bad_day' | 'bad_hours';

/** The answer as the form's namedValues hold it (question title → answers). */
export function readWorkReport(namedValues: Readonly<Record<string, readonly string[]>>):
  { readonly ok: true; readonly report: WorkReport } | { readonly ok: false; readonly problem: WorkReportProblem; readonly partial: Partial<Record<WorkReportKey, string>> } {
  const raw: Partial<Record<WorkReportKey, string>> = {};
  for (const [title, values] of Object.entries(namedValues)) {
    const key = workReportKeyOf(title);
    if (key) raw[key] = values.join(', ');
  }
  const fail = (problem: WorkReportProblem) => ({ ok: false as const, problem, partial: raw });
  const id = (s: string | undefined): string => foldWidth(s ?? '').trim().toUpperCase();
  const member = id(raw.member_id);
  const job = id(raw.job_id);
  if (!/^[A-Z0-9][A-Z0-9_-]{0,39}$/.test(member)) return fail('no_member');
  if (!/^[A-Z0-9][A-Z0-9_-]{0,39}$/.test(job)) return fail('no_job');
  const month = parseMonth(raw.month ?? '');
  if (month === null) return fail('bad_month');
  const dayNumbers = (raw.days ?? '').split(/[,、\s]+/).map((d) => foldWidth(d).trim()).filter((d) => d !== '');
  if (dayNumbers.length === 0) return fail('no_days');
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days: CivilDate[] = [];
  for (const d of dayNumbers) {
    const n = Number(d);
    if (!Number.isInteger(n) || !isRealDay(y, m, n)) return fail('bad_day');
    days.push(`${month}-${String(n).padStart(2, '0')}`);
  }
  const hoursText = foldWidth(raw.hours ?? '').trim().replace(/時間|h(ours?)?$/i, '').trim();
  const hours = Number(hoursText);
  if (hoursText === '' || !Number.isFinite(hours) || hours <= 0 || hours > 24) return fail('bad_hours');
  return { ok: true, report: { member_id: member, job_id: job, month, days: [...new Set(days)].sort(), hours } };
}
