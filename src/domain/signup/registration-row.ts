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

/** Why no mail went to the person, when one should have (no personal data: never the address). */
export type MailNote = 'invalid_address' | 'quota';

const MAIL_NOTES: Readonly<Record<Language, Readonly<Record<MailNote, string>>>> = {
  ja: {
    invalid_address: 'メール欄が1つの正しいアドレスではないため、メールは送っていません',
    quota: '本日のメール送信枠の残りが週次サマリーの分だけのため、確認メールは送っていません',
  },
  en: {
    invalid_address: 'the e-mail answer is not one valid address, so no mail was sent',
    quota: "today's mail quota is down to what the weekly summary needs, so no confirmation was sent",
  },
};

export interface RowNote {
  readonly reasons: readonly ReviewReason[];
  readonly sessionAnswer: string;
  /** The registration the same person already holds for the session. */
  readonly duplicateOf: string | null;
  readonly mail: MailNote | null;
}

/** 申込's メモ of a new row: why it needs review, whose duplicate it is, why no mail went. */
export function rowNote(n: RowNote, lang: Language): string {
  const parts: string[] = [];
  if (n.duplicateOf !== null) parts.push(lang === 'ja' ? `同じ方の申込（${n.duplicateOf}）がすでにあります` : `the same person is already registered (${n.duplicateOf})`);
  const review = reviewNote(n.reasons, n.sessionAnswer, lang);
  if (review !== '') parts.push(review);
  if (n.mail !== null) parts.push(MAIL_NOTES[lang][n.mail]);
  return parts.join(lang === 'ja' ? '。' : '; ');
}

/** A new 申込 row's cells under `header` (the tab's header as read at the last sync): every
 *  column of the contract the tab has, and none of the center's own. */
export function registrationCells(header: readonly string[], r: Registration, lang: Language): OwnedCells {
  const { index } = locateColumns(REGISTRATIONS_TAB, 'registrations', header);
  return ownedCells<typeof REGISTRATIONS_TAB>(index, REGISTRATIONS_TAB.columns.map((c) => c.key), [encodeRecord(REGISTRATIONS_TAB, r, lang)]);
}
