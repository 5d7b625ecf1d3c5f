import type { Language } from '../enums';
import { civilDateTimeIn } from '../civil-date';

// What 初期設定 tells the manager beyond its counts: whether the public can answer the sign-up
// form (and what to click when setup could not make it so), the 就業報告 form's address to hand
// the members, and whose the desk's triggers are.
// A coordinator's address is staff data, fine to show the manager who runs setup.

/** The parts of a setup result these lines read (structurally the app's FormAccess / TriggerOwner). */
export interface NoteInput {
  readonly language: Language;
  readonly timeZone: string;
  readonly signupForm: {
    readonly publishing: 'published' | 'published_now' | 'legacy' | 'unpublished';
    readonly signIn: 'off' | 'turned_off' | 'on' | 'unknown';
    readonly accepting: boolean;
    readonly publishedUrl: string;
    readonly editUrl: string;
  } | null;
  /** The monthly 就業報告 form: its address for the members (null: none, or it could not be opened). */
  readonly workReportForm?: {
    readonly publishing: 'published' | 'published_now' | 'legacy' | 'unpublished';
    readonly publishedUrl: string;
    readonly editUrl: string;
  } | null;
  readonly triggerOwnership: {
    readonly owner: Owner | null;
    readonly refusedFor: Owner | null;
    readonly tookOverFrom: Owner | null;
  } | null;
}

interface Owner { readonly email: string; readonly at: string }

interface Texts {
  published: (url: string) => string;
  publishedNow: (url: string) => string;
  legacy: (url: string) => string;
  unpublished: (editUrl: string) => string;
  closed: string;
  signInTurnedOff: string;
  signInOn: (editUrl: string) => string;
  respondersHint: string;
  workReport: (url: string) => string;
  workReportUnpublished: (editUrl: string) => string;
  owner: (email: string, at: string) => string;
  refused: (email: string, at: string) => string;
  tookOver: (email: string) => string;
}

const TEXTS: Readonly<Record<Language, Texts>> = {
  ja: {
    published: (url) => `申込フォームは公開済みです: ${url}`,
    publishedNow: (url) => `申込フォームを公開しました: ${url}`,
    legacy: (url) => `申込フォームは公開されています（公開の設定がない以前の形式のフォームです）: ${url}`,
    unpublished: (edit) => `申込フォームを公開できませんでした。フォームの編集画面（${edit}）で右上の［公開］を押してください。`,
    closed: '受付中で空きのある回がないため、いまは回答を締め切っています（イベントに回を登録すると、次の同期で開きます）。',
    signInTurnedOff: '回答に必要だった Google へのログインを不要にしました。',
    signInOn: (edit) => `申込フォームは回答に組織の Google アカウントへのログインが必要な設定です。フォームの編集画面（${edit}）の［設定］→［回答］で、組織内のユーザーに限定する設定をオフにしてください（できない場合は組織の管理者にご相談ください）。`,
    respondersHint: '組織の Google Workspace では、フォームの［公開済み］→［回答者を管理］で回答者が「リンクを知っているすべてのユーザー」になっているかもお確かめください。',
    workReport: (url) => `就業報告フォーム（会員が月に一度、働いた日と時間を送ります）: ${url}`,
    workReportUnpublished: (edit) => `就業報告フォームを公開できませんでした。フォームの編集画面（${edit}）で右上の［公開］を押してください。`,
    owner: (email, at) => `トリガーは ${email} のアカウントで動きます（${at} に設定）。`,
    refused: (email, at) => `トリガーは ${email} が ${at} に設定済みのため、このアカウントでは設定しませんでした（二重に動かないように）。変更するときは ${email} で初期設定を実行してください。`,
    tookOver: (email) => `これまでのトリガーの持ち主 ${email} は有効な管理者ではないため、このアカウントで設定し直しました。${email} のトリガーが残っていても、デスクの処理はもう行いません。`,
  },
  en: {
    published: (url) => `The sign-up form is published: ${url}`,
    publishedNow: (url) => `The sign-up form has been published: ${url}`,
    legacy: (url) => `The sign-up form is public (an older form, without Google's publish setting): ${url}`,
    unpublished: (edit) => `The sign-up form could not be published. Open it (${edit}) and press Publish at the top right.`,
    closed: 'No session is open with a place left, so it is closed to answers for now (it opens at the next sync once a session is added to Events).',
    signInTurnedOff: 'Answering no longer needs a Google sign-in.',
    signInOn: (edit) => `The sign-up form asks respondents to sign in to your organisation's Google accounts. In the form (${edit}), Settings → Responses, turn off the restriction to users in your organisation (or ask your administrator).`,
    respondersHint: 'In a Google Workspace, also check under Published → Manage responders that anyone with the link can respond.',
    workReport: (url) => `The work report form (members send the days and hours they worked, once a month): ${url}`,
    workReportUnpublished: (edit) => `The work report form could not be published. Open it (${edit}) and press Publish at the top right.`,
    owner: (email, at) => `The triggers run as ${email} (installed ${at}).`,
    refused: (email, at) => `The triggers were installed by ${email} on ${at}, so this account installed none (they would run twice). To change them, run Set up as ${email}.`,
    tookOver: (email) => `The previous owner of the triggers, ${email}, is no longer an active manager, so they were installed again under this account. Triggers left under ${email} no longer do the desk's work.`,
  },
};

function when(at: string, timeZone: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : civilDateTimeIn(d, timeZone).slice(0, 16).replace('T', ' ');
}

/** The sentence for a trigger install refused because `owner`, an active manager, owns the set. */
export function triggerOwnerRefusal(language: Language, owner: Owner, timeZone: string): string {
  return TEXTS[language].refused(owner.email, when(owner.at, timeZone));
}

/** The lines, in order: the sign-up form, the 就業報告 form, then the triggers. */
export function setupNotes(input: NoteInput): string[] {
  const t = TEXTS[input.language];
  const lines: string[] = [];
  const f = input.signupForm;
  if (f) {
    if (f.publishing === 'published') lines.push(t.published(f.publishedUrl));
    else if (f.publishing === 'published_now') lines.push(t.publishedNow(f.publishedUrl));
    else if (f.publishing === 'legacy') lines.push(t.legacy(f.publishedUrl));
    else lines.push(t.unpublished(f.editUrl));
    if (f.publishing !== 'unpublished' && !f.accepting) lines.push(t.closed);
    if (f.signIn === 'turned_off') lines.push(t.signInTurnedOff);
    if (f.signIn === 'on') lines.push(t.signInOn(f.editUrl));
    // A sign-in setting at all means a Workspace domain, whose publishing may default to the domain.
    if (f.signIn === 'on' || f.signIn === 'turned_off') lines.push(t.respondersHint);
  }
  const w = input.workReportForm;
  if (w) lines.push(w.publishing === 'unpublished' ? t.workReportUnpublished(w.editUrl) : t.workReport(w.publishedUrl));
  const o = input.triggerOwnership;
  if (o?.refusedFor) lines.push(t.refused(o.refusedFor.email, when(o.refusedFor.at, input.timeZone)));
  else if (o?.tookOverFrom) lines.push(t.tookOver(o.tookOverFrom.email));
  if (o?.owner && !o.refusedFor) lines.push(t.owner(o.owner.email, when(o.owner.at, input.timeZone)));
  return lines;
}
