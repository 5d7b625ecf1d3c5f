import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { SIGNUP_QUESTION_KEYS, questionKeyOf, type SignupQuestionKey } from './form-spec';
import { cellText, isBlank, type Cell } from '../cell';
import { parseTimestampCell } from '../parse/parse-cell';
import { shortHash } from './person-key';

// The event object of an installable spreadsheet "on form submit" trigger, as Apps Script
// delivers it: `namedValues` (question title → [answer]), `values` (the response row as text,
// timestamp first), `range`, `source`, `triggerUid`. Only the plain parts are read; zod keeps a
// malformed or foreign event from reaching the sheet.
export const formSubmitEventSchema = lazySchema(() => z.object({
  namedValues: z.optional(z.record(z.string(), z.array(z.string()))),
  values: z.optional(z.array(z.string())),
  triggerUid: z.optional(z.string()),
  /** An answer's own ID when its source has one (`ikigai signup`'s フォーム回答ID): its identity. */
  responseId: z.optional(z.string()),
}));

export interface SignupAnswers {
  /** The form's timestamp text as written in the response tab (`2026/11/20 10:23:45`), '' if absent. */
  readonly timestamp: string;
  readonly answers: Readonly<Record<SignupQuestionKey, string>>;
  /** Identity of this response: the same delivery twice gives the same key. */
  readonly responseKey: string;
  /** True when nothing but the timestamp was answered (Apps Script's blank extra firing). */
  readonly blank: boolean;
}

const TIMESTAMP_TITLES = new Set(['タイムスタンプ', 'timestamp']);

function emptyAnswers(): Record<SignupQuestionKey, string> {
  return Object.fromEntries(SIGNUP_QUESTION_KEYS.map((k) => [k, ''])) as Record<SignupQuestionKey, string>;
}

/** Reads answers by question title; without `namedValues`, by position in the form's own order. */
export function readSignupAnswers(event: z.infer<typeof formSubmitEventSchema>): SignupAnswers {
  const answers = emptyAnswers();
  let timestamp = '';
  if (event.namedValues) {
    for (const [title, values] of Object.entries(event.namedValues)) {
      const text = values.join(', ').trim();
      if (TIMESTAMP_TITLES.has(title.normalize('NFKC').trim().toLowerCase())) { timestamp = text; continue; }
      const key = questionKeyOf(title);
      if (key) answers[key] = text;
    }
  } else if (event.values) {
    timestamp = (event.values[0] ?? '').trim();
    SIGNUP_QUESTION_KEYS.forEach((k, i) => { answers[k] = (event.values?.[i + 1] ?? '').trim(); });
  }
  const blank = SIGNUP_QUESTION_KEYS.every((k) => answers[k] === '');
  const identity = event.responseId
    ? `id\u0001${event.responseId}`
    : [timestamp, ...SIGNUP_QUESTION_KEYS.map((k) => answers[k])].join('\u0001');
  return { timestamp, answers, blank, responseKey: shortHash(identity) };
}

/** The form's timestamp as `YYYY-MM-DDTHH:MM:SS`: Japanese `2026/11/20 10:23:45`, ISO, or US `11/20/2026 10:23:45`. */
export function parseFormTimestamp(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const p = (n: string | undefined): string => String(Number(n ?? 0)).padStart(2, '0');
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(t);
  if (m) return `${m[1]}-${p(m[2])}-${p(m[3])}T${p(m[4])}:${p(m[5])}:${p(m[6])}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(t);
  if (m) return `${m[3]}-${p(m[1])}-${p(m[2])}T${p(m[4])}:${p(m[5])}:${p(m[6])}`;
  return null;
}

/** When an answer was sent, as 申込日時 records it: the response row's own timestamp when the
 *  caller has it (`fromRow`: the cell Forms wrote, read through the event's range), else the
 *  event's text; a text that does not read as a time within a day of `now` (another locale's
 *  day/month order) gives way to `now`, the trigger running seconds after the answer. */
export function answerTime(fromRow: string | null, timestampText: string, now: string): string {
  if (fromRow !== null) return fromRow;
  const parsed = parseFormTimestamp(timestampText);
  if (parsed === null) return now;
  const ms = (t: string): number => Date.parse(`${t}Z`);
  return Math.abs(ms(parsed) - ms(now)) <= 86_400_000 ? parsed : now;
}

/** One row of the sign-up form's response tab as the answers it holds (columns found by the
 *  question titles of the header, in either language; the timestamp is the first column or the
 *  one titled タイムスタンプ / Timestamp) and the time it was sent; `at` null when the row has no
 *  readable timestamp. */
export function answersFromResponseRow(header: readonly string[], row: readonly Cell[]): { answers: SignupAnswers; at: string | null } {
  const answers = emptyAnswers();
  let stampAt = 0;
  header.forEach((title, i) => {
    if (TIMESTAMP_TITLES.has(String(title).normalize('NFKC').trim().toLowerCase())) stampAt = i;
  });
  header.forEach((title, i) => {
    if (i === stampAt) return;
    const key = questionKeyOf(String(title));
    if (key && answers[key] === '') answers[key] = cellText(row[i]);
  });
  const stamp = row[stampAt];
  const at = stamp === undefined || isBlank(stamp) ? null : parseTimestampCell(stamp ?? null);
  const timestamp = cellText(stamp);
  const blank = SIGNUP_QUESTION_KEYS.every((k) => answers[k] === '');
  const identity = [timestamp, ...SIGNUP_QUESTION_KEYS.map((k) => answers[k])].join('\u0001');
  return { answers: { timestamp, answers, blank, responseKey: shortHash(identity) }, at };
}
