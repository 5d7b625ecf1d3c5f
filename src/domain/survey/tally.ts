import { cellText, isBlank, type RawTable } from '../cell';
import { normalizeHeader } from '../parse/parse-table';

// The tally of one survey's response tab (kpi.md "Surveys"). Pure: the tab as read in, figures
// out. Answers are the public's own words: a question is free text — counted, never copied —
// unless the survey says it is a choice question (the Google Form's item types, read through
// FormApp; locally, the アンケート row's 選択式の設問). Even then an answer outside the form's
// choices (an "other" box), and any answer that looks like a phone number or an e-mail address,
// whatever the question, is counted as その他 without its words. Guessing from the answers (few
// distinct ones taken for a choice) copied a name and a phone number into アンケート集計.
export type QuestionKind = 'choice' | 'multi' | 'scale' | 'text';

/** A question the survey says is not free text. `title` is the response tab's header (a grid
 *  row's is `Question [Row]`, as Forms writes it). */
export interface DeclaredQuestion {
  readonly title: string;
  /** null: the kind is read from the answers (a number scale, ticked boxes joined by ', ', else a
   *  single choice), as for a question named in アンケート without its form. */
  readonly kind: 'choice' | 'multi' | 'scale' | null;
  /** The choices the form offers; null when unknown. An answer outside them is counted as その他. */
  readonly choices: readonly string[] | null;
}

export interface ChoiceCount {
  /** '' for the その他 count (`other`). */
  readonly value: string;
  /** Answers counted without their words: outside the form's choices, or looking like a phone
   *  number or an e-mail address. */
  readonly other?: true;
  readonly count: number;
  /** count / answers of the question (for `multi` the shares add up to more than 1). */
  readonly share: number;
}

export interface CrossTab {
  readonly by: string;
  /** One group per answer of the `by` question (a ticked box of a checkbox `by` is a group). */
  readonly groups: readonly { readonly value: string; readonly other?: true; readonly answers: number; readonly choices: readonly ChoiceCount[] }[];
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
  /** The questions that are not free text; every other question is (absent: all are). */
  readonly declared?: readonly DeclaredQuestion[];
}

/** Columns Forms adds that are not questions: the timestamp and the collected e-mail address. */
const NOT_QUESTIONS = new Set(['タイムスタンプ', 'timestamp', 'メールアドレス', 'email address', 'メール アドレス', 'email', 'スコア', 'score']);

/** Forms joins the ticked boxes of a checkbox question with ', '. */
export const CHECKBOX_SEPARATOR = ', ';

/** Without the form's choices, an answer this long is someone's own words, not a choice. */
const OWN_WORDS_LONG = 50;

/** Stands for an answer counted without its words (never a real answer: a control character). */
const OTHER = '\u0000other';

/** A phone number: 8 or more digits in a run that only spaces, hyphens, dots-free brackets or a
 *  leading + break (03-1234-5678, 090 1234 5678, (04)7100-2000, +81 4 7100 2000); dates written
 *  with / or . are not. NFKC first, so full-width digits and ＠ count. */
const PHONE = /\+?\d(?:[\s\-‐‑–—―ー−()]*\d){7,}/;
const EMAIL = /[^\s@]+@[^\s@]+/;

/** Whether an answer may hold a phone number or an e-mail address: such an answer is never copied. */
export function looksPersonal(text: string): boolean {
  const t = text.normalize('NFKC');
  return PHONE.test(t) || EMAIL.test(t);
}

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
  const share = (count: number): number => (answers === 0 ? 0 : count / answers);
  const list = [...order.entries()].filter(([value]) => value !== OTHER).map(([value, count]) => ({ value, count, share: share(count) }));
  // Scales read in their own order (1, 2, … 5); choices most frequent first, ties as first seen.
  if (numeric) list.sort((a, b) => Number(a.value.normalize('NFKC')) - Number(b.value.normalize('NFKC')));
  else {
    const first = [...order.keys()];
    list.sort((a, b) => b.count - a.count || first.indexOf(a.value) - first.indexOf(b.value));
  }
  const other = order.get(OTHER) ?? 0;
  // その他 last, without words.
  return other > 0 ? [...list, { value: '', other: true, count: other, share: share(other) }] : list;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface Column { readonly question: string; readonly kind: QuestionKind; readonly perRow: readonly (readonly string[] | null)[] }

function classify(question: string, texts: readonly string[], declared: DeclaredQuestion | undefined): Column {
  // Not declared: free text, counted only.
  if (!declared) return { question, kind: 'text', perRow: texts.map((t) => (t === '' ? null : [])) };
  const answered = texts.filter((t) => t !== '');
  const kind: Exclude<QuestionKind, 'text'> = declared.kind
    ?? (answered.length > 0 && answered.every(isNumeric) ? 'scale' : answered.some((t) => t.includes(CHECKBOX_SEPARATOR)) ? 'multi' : 'choice');
  const choices = declared.choices ? new Set(declared.choices) : null;
  const split = (t: string): string[] => (kind === 'multi' ? splitTicked(t, declared.choices) : [t]);
  // Only an answer the survey offers, in its words, is copied; anything else is その他.
  const kept = (token: string): string => {
    if (looksPersonal(token)) return OTHER;
    if (choices !== null) return choices.has(token) ? token : OTHER;
    if (kind === 'scale') return isNumeric(token) ? token : OTHER;
    return token.length > OWN_WORDS_LONG ? OTHER : token;
  };
  return { question, kind, perRow: texts.map((t) => (t === '' ? null : split(t).map(kept))) };
}

/** The ticked boxes of a checkbox answer. Forms joins them with ', '; a choice that itself holds
 *  ', ' is taken whole when the form's choices are known. */
function splitTicked(text: string, choices: readonly string[] | null): string[] {
  const parts = text.split(CHECKBOX_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
  if (!choices || !choices.some((c) => c.includes(CHECKBOX_SEPARATOR))) return parts;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    let taken = parts[i] ?? '';
    for (let j = parts.length; j > i + 1; j -= 1) {
      const joined = parts.slice(i, j).join(CHECKBOX_SEPARATOR);
      if (choices.includes(joined)) { taken = joined; i = j - 1; break; }
    }
    out.push(taken);
  }
  return out;
}

export function tallySurvey(table: RawTable, options: TallyOptions = {}): SurveyTally {
  const rows = table.rows.filter((r) => !r.every((c) => isBlank(c)));
  const columns: Column[] = [];
  const declared = new Map((options.declared ?? []).map((d) => [normalizeHeader(d.title), d]));
  table.header.forEach((h, i) => {
    const question = String(h ?? '').trim();
    if (question === '' || NOT_QUESTIONS.has(normalizeHeader(question))) return;
    columns.push(classify(question, rows.map((r) => answerText(r[i])), declared.get(normalizeHeader(question))));
  });
  const crossName = options.crossBy?.trim() || null;
  const by = crossName ? columns.find((c) => normalizeHeader(c.question) === normalizeHeader(crossName) && c.kind !== 'text') ?? null : null;
  const questions = columns.map((c): QuestionTally => {
    const values = c.perRow.flatMap((v) => v ?? []);
    const answers = c.perRow.filter((v) => v !== null).length;
    const numbers = c.kind === 'scale' ? values.filter((v) => v !== OTHER).map((v) => Number(v.normalize('NFKC'))).sort((a, b) => a - b) : [];
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
  const byOrder = counted(by.perRow.flatMap((v) => v ?? []), 1, by.kind === 'scale');
  return {
    by: by.question,
    groups: byOrder.map(({ value: shown, other }) => {
      const value = other ? OTHER : shown;
      const rows = groups.get(value)?.rows ?? [];
      const answered = rows.map((r) => c.perRow[r]).filter((v): v is readonly string[] => v !== null && v !== undefined);
      const choices = counted(answered.flatMap((v) => v), answered.length, c.kind === 'scale');
      return other ? { value: '', other, answers: answered.length, choices } : { value, answers: answered.length, choices };
    }),
  };
}
