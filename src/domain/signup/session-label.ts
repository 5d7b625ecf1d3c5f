import { EVENT_KIND, type Language } from '../enums';
import { weekdayIndex } from '../civil-date';
import { WEEKDAYS, WEEKDAYS_JA } from '../slots';

// How a session reads on the form: `2026/12/07（月）10:00 柏市センター会議室 — 入会説明会`.
// The label is also how an answer finds its event again, so it is built in one place only.
export interface SessionLike {
  readonly kind: (typeof EVENT_KIND.codes)[number];
  readonly title: string;
  readonly date: string;
  readonly start_time: string | null;
  readonly venue: string;
}

export function sessionLabel(s: SessionLike, lang: Language): string {
  const w = weekdayIndex(s.date);
  const what = s.title.trim() !== '' ? s.title.trim() : lang === 'ja' ? EVENT_KIND.ja[s.kind] : s.kind;
  const day = lang === 'ja' ? `${s.date.replace(/-/g, '/')}（${WEEKDAYS_JA[w] ?? ''}）` : `${s.date} (${WEEKDAYS[w] ?? ''})`;
  // Japanese writes the time straight after the closing bracket: `（月）10:00`.
  const when = lang === 'ja' ? `${day}${s.start_time ?? ''}` : [day, s.start_time ?? ''].filter((p) => p !== '').join(' ');
  const parts = [when, s.venue.trim()].filter((p) => p !== '');
  return `${parts.join(' ')} — ${what}`;
}

/** Labels compare after folding full-width forms and spaces, as a person might retype them. */
export function sameLabel(a: string, b: string): boolean {
  const fold = (t: string): string => t.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}
