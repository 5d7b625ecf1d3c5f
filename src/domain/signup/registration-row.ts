import type { Cell } from '../cell';
import { AGE_BAND, GENDER, REGISTRATION_STATUS, labelOf, type Language } from '../enums';
import { locateColumns } from '../parse/parse-table';
import { REGISTRATIONS_TAB, type Registration } from '../schema/tabs';
import { neutraliseRow } from '../text/neutralise-formula';
import type { ReviewReason } from './decide-signup';

// A 申込 row in the tab's own column order (header as read at the last sync), with the center's
// extra columns left blank. Every text passes through formula neutralisation: these are a
// stranger's answers.
const REASONS: Readonly<Record<Language, Readonly<Record<ReviewReason, string>>>> = {
  ja: {
    unknown_session: '参加する回が見つかりません',
    no_consent: '個人情報の同意がありません',
    no_name: '氏名がありません',
    no_contact: '電話もメールもありません',
  },
  en: {
    unknown_session: 'the session was not found',
    no_consent: 'no consent to the use of personal data',
    no_name: 'no name',
    no_contact: 'neither phone nor e-mail',
  },
};

export function reviewNote(reasons: readonly ReviewReason[], sessionAnswer: string, lang: Language): string {
  const parts = reasons.map((r) => REASONS[lang][r]);
  if (reasons.includes('unknown_session') && sessionAnswer !== '') parts.push(lang === 'ja' ? `回答「${sessionAnswer}」` : `answer "${sessionAnswer}"`);
  return parts.join(lang === 'ja' ? '。' : '; ');
}

export function registrationCells(r: Registration, lang: Language): Record<string, Cell> {
  return {
    registration_id: r.registration_id,
    event_id: r.event_id ?? '',
    name: r.name,
    kana: r.kana,
    phone: r.phone,
    email: r.email,
    age_band: r.age_band ? labelOf(AGE_BAND, r.age_band, lang) : '',
    gender: r.gender ? labelOf(GENDER, r.gender, lang) : '',
    source: r.source,
    registered_at: r.registered_at ? { date: r.registered_at } : null,
    status: r.status ? labelOf(REGISTRATION_STATUS, r.status, lang) : '',
    attended: r.attended,
    member_id: r.member_id ?? '',
    response_id: r.response_id,
    consent: r.consent,
    notes: r.notes,
  };
}

/** The row for `header`; `base` keeps the center's own columns when rewriting an existing row. */
export function registrationRow(header: readonly string[], r: Registration, lang: Language, base: readonly Cell[] = []): Cell[] {
  const { index } = locateColumns(REGISTRATIONS_TAB, 'registrations', header);
  const cells = registrationCells(r, lang);
  const row: Cell[] = header.map((_, i) => base[i] ?? null);
  for (const [key, at] of index) if (at >= 0) row[at] = cells[key] ?? null;
  return neutraliseRow(row);
}
