import { cellText, isBlank, type RawTable } from '../cell';
import { normalizeHeader } from '../parse/parse-table';

// The tally of one survey's response tab (kpi.md "Surveys"). Pure: the tab as read in, figures
// out. Free-text answers are counted but never copied (they can hold names and stories).
export type QuestionKind = 'choice' | 'multi' | 'scale' | 'text';

export interface ChoiceCount {
  readonly value: string;
  readonly count: number;
  /** count / answers of the question (for `multi` the shares add up to more than 1). */
  readonly share: number;
}

export interface CrossTab {
  readonly by: string;
  /** One group per answer of the `by` question (a ticked box of a checkbox `by` is a group). */
  readonly groups: readonly { readonly value: string; readonly answers: number; readonly choices: readonly ChoiceCount[] }[];
}

export interface QuestionTally {
  readonly question: string;
  readonly kind: QuestionKind;
  readonly answers: number;
  /** Empty for free text. */
  readonly choices: readonly ChoiceCount[];
  readonly mean: number | null;
  readonly median: number | null;
  readonly cross: CrossTab | null;
}

export interface SurveyTally {
  readonly sheet: string;
  readonly name: string;
  /** Non-blank response rows. */
  readonly responses: number;
  readonly target: number | null;
  /** responses / target, null when no target. */
  readonly responseRate: number | null;
  readonly crossBy: string | null;
  readonly questions: readonly QuestionTally[];
}

export interface TallyOptions {
  readonly name?: string;
  readonly target?: number | null;
  readonly crossBy?: string | null;
}

/** Columns Forms adds that are not questions: the timestamp and the collected e-mail address. */
const NOT_QUESTIONS = new Set(['タイムスタンプ', 'timestamp', 'メールアドレス', 'email address', 'メール アドレス', 'email', 'スコア', 'score']);

/** Forms joins the ticked boxes of a checkbox question with ', '. */
export const CHECKBOX_SEPARATOR = ', ';

/** Free text: an answer longer than 50 characters, or answers that mostly differ (3 or more
 *  distinct values making over 60% of all answers), or over 30 distinct values. A choice question
 *  answered by very few people may be taken for free text: that errs on the side of not copying. */
const FREE_TEXT_LONG = 50;
const FREE_TEXT_DISTINCT_SHARE = 0.6;
const FREE_TEXT_MAX_CHOICES = 30;

function answerText(c: RawTable['rows'][number][number] | undefined): string {
  if (typeof c === 'number') return String(c);
  return cellText(c);
}

function isNumeric(t: string): boolean {
  return /^[-+]?\d+(\.\d+)?$/.test(t.normalize('NFKC'));
}

function counted(values: readonly string[], answers: number, numeric: boolean): ChoiceCount[] {
  const order = new Map<string, number>();
  for (const v of values) order.set(v, (order.get(v) ?? 0) + 1);
  const list = [...order.entries()].map(([value, count]) => ({ value, count, share: answers === 0 ? 0 : count / answers }));
  // Scales read in their own order (1, 2, … 5); choices most frequent first, ties as first seen.
  if (numeric) return list.sort((a, b) => Number(a.value.normalize('NFKC')) - Number(b.value.normalize('NFKC')));
  const first = [...order.keys()];
  return list.sort((a, b) => b.count - a.count || first.indexOf(a.value) - first.indexOf(b.value));
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface Column { readonly question: string; readonly kind: QuestionKind; readonly perRow: readonly (readonly string[] | null)[] }

function classify(question: string, texts: readonly string[]): Column {
  const answered = texts.filter((t) => t !== '');
  const numeric = answered.length > 0 && answered.every(isNumeric);
  const multi = !numeric && answered.some((t) => t.includes(CHECKBOX_SEPARATOR));
  const split = (t: string): string[] => (multi ? t.split(CHECKBOX_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '') : [t]);
  const tokens = answered.flatMap(split);
  const distinct = new Set(tokens).size;
  const free = !numeric && (answered.some((t) => t.length > FREE_TEXT_LONG)
    || (distinct >= 3 && distinct > tokens.length * FREE_TEXT_DISTINCT_SHARE) || distinct > FREE_TEXT_MAX_CHOICES);
  const kind: QuestionKind = numeric ? 'scale' : free ? 'text' : multi ? 'multi' : 'choice';
  return { question, kind, perRow: texts.map((t) => (t === '' ? null : kind === 'text' ? [] : split(t))) };
}

export function tallySurvey(table: RawTable, options: TallyOptions = {}): SurveyTally {
  const rows = table.rows.filter((r) => !r.every((c) => isBlank(c)));
  const columns: Column[] = [];
  table.header.forEach((h, i) => {
    const question = String(h ?? '').trim();
    if (question === '' || NOT_QUESTIONS.has(normalizeHeader(question))) return;
    columns.push(classify(question, rows.map((r) => answerText(r[i]))));
  });
  const crossName = options.crossBy?.trim() || null;
  const by = crossName ? columns.find((c) => normalizeHeader(c.question) === normalizeHeader(crossName) && c.kind !== 'text') ?? null : null;
  const questions = columns.map((c): QuestionTally => {
    const values = c.perRow.flatMap((v) => v ?? []);
    const answers = c.perRow.filter((v) => v !== null).length;
    const numbers = c.kind === 'scale' ? values.map((v) => Number(v.normalize('NFKC'))).sort((a, b) => a - b) : [];
    const cross = by && by !== c && c.kind !== 'text' ? crossTab(by, c) : null;
    return {
      question: c.question, kind: c.kind, answers,
      choices: c.kind === 'text' ? [] : counted(values, answers, c.kind === 'scale'),
      mean: numbers.length ? numbers.reduce((s, n) => s + n, 0) / numbers.length : null,
      median: median(numbers),
      cross,
    };
  });
  const target = options.target ?? null;
  return {
    sheet: table.name, name: options.name?.trim() || table.name, responses: rows.length, target,
    responseRate: target ? rows.length / target : null, crossBy: by ? by.question : null, questions,
  };
}

function crossTab(by: Column, c: Column): CrossTab {
  const groups = new Map<string, { rows: number[] }>();
  by.perRow.forEach((vs, r) => {
    for (const v of vs ?? []) {
      const g = groups.get(v) ?? { rows: [] };
      g.rows.push(r);
      groups.set(v, g);
    }
  });
  const byOrder = counted(by.perRow.flatMap((v) => v ?? []), 1, by.kind === 'scale').map((x) => x.value);
  return {
    by: by.question,
    groups: byOrder.map((value) => {
      const rows = groups.get(value)?.rows ?? [];
      const answered = rows.map((r) => c.perRow[r]).filter((v): v is readonly string[] => v !== null && v !== undefined);
      return { value, answers: answered.length, choices: counted(answered.flatMap((v) => v), answered.length, c.kind === 'scale') };
    }),
  };
}
