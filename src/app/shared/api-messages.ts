import type { Language } from '../../domain/enums';
import type { ApiErrorCode } from './api-types';

// What the server says to a person in the sidebar when a call cannot be done, in their language.
// Each message says what to do next; the technical detail goes to the execution log only.
type Params = Readonly<Record<string, string | number>>;

const JA: Readonly<Record<ApiErrorCode, (p: Params) => string>> = {
  not_signed_in: () => 'Googleアカウントのメールアドレスが取得できません。スプレッドシートと同じアカウントでログインし直してください。',
  unknown_user: (p) => `${p.email} は「コーディネータ」シートに登録されていません。管理者に登録を依頼してください。`,
  inactive_user: (p) => `${p.email} は「コーディネータ」シートで有効になっていません。管理者に確認してください。`,
  read_only: () => '閲覧の役割では記録できません（見ることはできます）。記録が必要なら管理者に役割の変更を依頼してください。',
  busy: () => 'ほかの人が保存中です。数秒待ってからもう一度押してください。',
  bad_input: (p) => `入力を確認してください: ${p.detail}`,
  not_found: (p) => `${p.what}「${p.id}」が見つかりません。シートを確認してください。`,
  bad_transition: (p) => `状態「${p.from}」から「${p.to}」には変更できません。`,
  duplicate_match: (p) => `会員 ${p.member} はこの仕事にすでに提案されています（${p.match}）。`,
  bad_workbook: (p) => `シートに問題があり読み込めません: ${p.detail}`,
  internal: () => '予期しないエラーが起きました。もう一度試しても直らない場合は管理者に連絡してください。',
  already_member: (p) => `申込 ${p.id} の方はすでに会員 ${p.member} として登録されています。`,
  not_attended: (p) => `申込 ${p.id} の方は出席になっていません。先に「出席」にチェックを入れてください。`,
  registration_cancelled: (p) => `申込 ${p.id} は取消済みです。参加される場合は新しく申し込んでください。`,
};

const EN: Readonly<Record<ApiErrorCode, (p: Params) => string>> = {
  not_signed_in: () => 'Your Google e-mail address is not available. Sign in again with the account that owns the spreadsheet.',
  unknown_user: (p) => `${p.email} is not listed in the Coordinators tab. Ask a manager to add you.`,
  inactive_user: (p) => `${p.email} is not active in the Coordinators tab. Ask a manager.`,
  read_only: () => 'A viewer cannot record anything (reading is fine). Ask a manager to change your role if you need to record.',
  busy: () => 'Someone else is saving right now. Wait a few seconds and press again.',
  bad_input: (p) => `Please check the input: ${p.detail}`,
  not_found: (p) => `${p.what} "${p.id}" was not found. Check the sheet.`,
  bad_transition: (p) => `The status cannot change from "${p.from}" to "${p.to}".`,
  duplicate_match: (p) => `Member ${p.member} has already been proposed for this job (${p.match}).`,
  bad_workbook: (p) => `The sheet has problems and cannot be read: ${p.detail}`,
  internal: () => 'Something unexpected went wrong. If trying again does not help, contact your manager.',
  already_member: (p) => `The person of registration ${p.id} is already member ${p.member}.`,
  not_attended: (p) => `Registration ${p.id} is not marked as attended. Tick "Attended" first.`,
  registration_cancelled: (p) => `Registration ${p.id} was cancelled. To take part, sign up again.`,
};

export function sidebarMessage(code: ApiErrorCode, lang: Language, params: Params = {}): string {
  return (lang === 'en' ? EN : JA)[code](params);
}

/** Words used inside messages (what was not found). */
export const THING: Readonly<Record<Language, Readonly<Record<'job' | 'member' | 'client' | 'match' | 'registration' | 'event', string>>>> = {
  ja: { job: '仕事', member: '会員', client: '提供先', match: 'マッチング', registration: '申込', event: 'イベント' },
  en: { job: 'Job', member: 'Member', client: 'Client', match: 'Match', registration: 'Registration', event: 'Event' },
};
