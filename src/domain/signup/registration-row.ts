import type { OwnedCells } from '../cell';
import type { Language } from '../enums';
import { locateColumns } from '../parse/parse-table';
import { REGISTRATIONS_TAB, type Registration } from '../schema/tabs';
import { encodeRecord, ownedCells } from '../schema/record-cells';
import type { ReviewReason } from './decide-signup';

// A 申込 row's cells in the tab's own column order (header as read at the last sync), the
// center's extra columns left to the sheet. The store neutralises every text: these are a
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

/** A new 申込 row's cells under `header` (the tab's header as read at the last sync): every
 *  column of the contract the tab has, and none of the center's own. */
export function registrationCells(header: readonly string[], r: Registration, lang: Language): OwnedCells {
  const { index } = locateColumns(REGISTRATIONS_TAB, 'registrations', header);
  return ownedCells<typeof REGISTRATIONS_TAB>(index, REGISTRATIONS_TAB.columns.map((c) => c.key), [encodeRecord(REGISTRATIONS_TAB, r, lang)]);
}
