import type { EventKind, Language } from '../enums';
import { escapeHtml } from '../text/escape-html';
import { sessionLabel } from './session-label';

// Mails to the person who signed up (the only mails that may carry their name). Plain words,
// the practical facts first: when, where, what to bring, and how to cancel.
export type SignupMailKind = 'confirmed' | 'waitlisted' | 'needs_review' | 'reminder' | 'promoted';

export interface SignupMailInput {
  readonly kind: SignupMailKind;
  readonly language: Language;
  readonly centerName: string;
  readonly personName: string;
  readonly registrationId: string;
  readonly session: {
    readonly kind: EventKind; readonly title: string; readonly date: string; readonly start_time: string | null; readonly venue: string;
  } | null;
}

export interface RenderedMail { readonly subject: string; readonly text: string; readonly html: string }

function bring(kind: EventKind, lang: Language): string {
  if (lang === 'ja') return kind === 'orientation' ? '筆記用具、ご本人と確認できるもの（運転免許証・保険証など）' : '筆記用具';
  return kind === 'orientation' ? 'something to write with, and an ID (driving licence or health insurance card)' : 'something to write with';
}

export function renderSignupMail(m: SignupMailInput): RenderedMail {
  const ja = m.language === 'ja';
  const center = m.centerName || (ja ? 'シルバー人材センター' : 'the Silver Human Resource Center');
  const label = m.session ? sessionLabel(m.session, m.language) : '';
  const subjects: Record<SignupMailKind, string> = ja
    ? { confirmed: 'お申し込みを受け付けました', waitlisted: 'キャンセル待ちで受け付けました', needs_review: 'お申し込みを受け付けました（確認のご連絡をします）', reminder: '明日のご案内', promoted: 'お席をご用意できました' }
    : { confirmed: 'You are signed up', waitlisted: 'You are on the waiting list', needs_review: 'We received your sign-up (we will contact you)', reminder: 'See you tomorrow', promoted: 'A place is now yours' };
  const opening: Record<SignupMailKind, string> = ja
    ? {
      confirmed: 'お申し込みありがとうございます。次の回でお待ちしています。',
      waitlisted: 'お申し込みありがとうございます。あいにくこの回は満席のため、キャンセル待ちで承りました。お席が空きしだい、順番にメールでお知らせします。',
      needs_review: 'お申し込みありがとうございます。内容を確認のうえ、担当者からご連絡します。',
      reminder: '明日はどうぞよろしくお願いします。お気をつけてお越しください。',
      promoted: 'キャンセルが出たため、お席をご用意できました。次の回でお待ちしています。',
    }
    : {
      confirmed: 'Thank you for signing up. We look forward to seeing you at:',
      waitlisted: 'Thank you for signing up. This session is full, so you are on the waiting list; we will mail you as soon as a place frees up.',
      needs_review: 'Thank you for signing up. We will check your answers and contact you.',
      reminder: 'We look forward to seeing you tomorrow. Take care on the way.',
      promoted: 'A place has freed up and it is now yours. We look forward to seeing you at:',
    };
  const lines: string[] = [ja ? `${m.personName} 様` : `Dear ${m.personName},`, '', opening[m.kind]];
  if (m.session && m.kind !== 'needs_review') {
    lines.push('', ja ? `日時・会場: ${label}` : `When and where: ${label}`);
    if (m.kind !== 'waitlisted') lines.push(ja ? `持ち物: ${bring(m.session.kind, m.language)}` : `Please bring: ${bring(m.session.kind, m.language)}`);
  }
  lines.push(ja ? `受付番号: ${m.registrationId}` : `Reference: ${m.registrationId}`, '');
  lines.push(ja ? 'ご都合が悪くなったときは、このメールに返信するか、お電話でお知らせください。' : 'If you cannot come, please reply to this mail or call us.');
  lines.push('', center);
  const text = lines.join('\n');
  const html = `<div style="font-size:16px;line-height:1.7">${lines.map((l) => (l === '' ? '<br>' : `<div>${escapeHtml(l)}</div>`)).join('')}</div>`;
  return { subject: `${ja ? '【' : '['}${center}${ja ? '】' : '] '}${subjects[m.kind]}`, text, html };
}
