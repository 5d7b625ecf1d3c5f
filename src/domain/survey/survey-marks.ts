import { cellText, isBlank, isDateCell, type RawTable } from '../cell';

// What the nightly survey run remembers of each survey (forms.md "The nightly survey run"): how
// many answers it had, and its latest answer's time, when it was last tallied and last mailed,
// and the day of that mail. One document property per survey (`ikigai.survey.<tab>`, about 80
// bytes each: no survey count comes near a property's 9 KB value limit, nor the 500 KB of all of
// them), read with one getProperties and written with one setProperties. Counts and a time
// only: nothing of an answer.
export const SURVEY_MARK_PREFIX = 'ikigai.survey.';

/** How far a survey's answers had come: their number and the latest answer's time (タイムスタンプ,
 *  else the last row's first cell); a deleted answer and a new one in its place still differ. */
export interface AnswersSeen {
  readonly count: number;
  readonly latest: string;
}

export interface SurveyMark {
  readonly tallied: AnswersSeen | null;
  readonly mailed: AnswersSeen | null;
  /** The day (`YYYY-MM-DD`, the center's zone) of the last mail. */
  readonly mailedOn: string | null;
}

const NONE: SurveyMark = { tallied: null, mailed: null, mailedOn: null };

const TIMESTAMP = new Set(['タイムスタンプ', 'timestamp']);

/** The answers of a response tab as the marks compare them. */
export function answersSeen(table: RawTable): AnswersSeen {
  const rows = table.rows.filter((r) => !r.every((c) => isBlank(c)));
  const at = Math.max(0, table.header.findIndex((h) => TIMESTAMP.has(String(h ?? '').trim().toLowerCase())));
  let latest = '';
  for (const r of rows) {
    const c = r[at];
    const t = c === undefined || c === null ? '' : isDateCell(c) ? c.date : cellText(c);
    if (t > latest) latest = t;
  }
  return { count: rows.length, latest };
}

export function sameAnswers(a: AnswersSeen | null, b: AnswersSeen): boolean {
  return a !== null && a.count === b.count && a.latest === b.latest;
}

function seen(v: unknown): AnswersSeen | null {
  if (!Array.isArray(v) || typeof v[0] !== 'number' || typeof v[1] !== 'string') return null;
  return { count: v[0], latest: v[1] };
}

/** The marks of every survey, from the document's properties (other keys are ignored; a damaged
 *  mark reads as none: the survey is tallied and mailed again, never lost). */
export function readSurveyMarks(props: Readonly<Record<string, string>>): Map<string, SurveyMark> {
  const out = new Map<string, SurveyMark>();
  for (const [key, text] of Object.entries(props)) {
    if (!key.startsWith(SURVEY_MARK_PREFIX)) continue;
    try {
      const v = JSON.parse(text) as { t?: unknown; m?: unknown; d?: unknown };
      out.set(key.slice(SURVEY_MARK_PREFIX.length), {
        tallied: seen(v.t), mailed: seen(v.m), mailedOn: typeof v.d === 'string' ? v.d : null,
      });
    } catch {
      out.set(key.slice(SURVEY_MARK_PREFIX.length), NONE);
    }
  }
  return out;
}

export function markOf(marks: ReadonlyMap<string, SurveyMark>, sheet: string): SurveyMark {
  return marks.get(sheet) ?? NONE;
}

/** The property entry of one survey's mark. */
export function markEntry(sheet: string, mark: SurveyMark): [string, string] {
  const pair = (s: AnswersSeen | null): [number, string] | null => (s ? [s.count, s.latest] : null);
  return [`${SURVEY_MARK_PREFIX}${sheet}`, JSON.stringify({ t: pair(mark.tallied), m: pair(mark.mailed), d: mark.mailedOn })];
}

/** Whether a survey has answers its last mail did not have: more of them, or a later one (a
 *  deleted answer alone is not news). */
export function hasNewAnswers(mailed: AnswersSeen | null, now: AnswersSeen): boolean {
  if (now.count === 0) return false;
  return mailed === null || now.count > mailed.count || now.latest > mailed.latest;
}

/** Whether a survey is due a mail tonight: new answers since its last mail, and no mail yet today. */
export function dueMail(mark: SurveyMark, now: AnswersSeen, today: string): boolean {
  return hasNewAnswers(mark.mailed, now) && mark.mailedOn !== today;
}
