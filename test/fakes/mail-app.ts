import { guard, type Guarded } from './guard';

type GMailApp = GoogleAppsScript.Mail.MailApp;
type Params = GoogleAppsScript.Mail.MailAdvancedParameters;

/** A mail as MailApp was asked to send it. */
export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
}

export interface MailHandles {
  readonly sent: SentMail[];
  setQuota(n: number): void;
  quota(): number;
}

export const QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

export class MailAppImpl implements Pick<GMailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  private readonly _sent: SentMail[] = [];

  constructor(private readonly _ctx: Guarded, private _quota: number) {}

  static create(ctx: Guarded, quota: number): { service: GMailApp; handles: MailHandles } {
    const impl = new MailAppImpl(ctx, quota);
    const handles: MailHandles = { sent: impl._sent, setQuota: (n) => { impl._quota = n; }, quota: () => impl._quota };
    return { service: guard<GMailApp>(impl, 'MailApp', ctx), handles };
  }

  getRemainingDailyQuota(): number { return this._quota; }

  sendEmail(a: string | Params, b?: string, c?: string, d?: string | Params): void {
    let mail: SentMail;
    if (typeof a === 'object') {
      mail = pick(a);
    } else if (typeof d === 'string') {
      mail = { to: a, replyTo: b ?? '', subject: c ?? '', body: d };
    } else {
      mail = { ...pick(d ?? {}), to: a, subject: b ?? '', body: c ?? '' };
    }
    const recipients = [mail.to, mail.cc, mail.bcc].flatMap((s) => (s ?? '').split(',')).map((s) => s.trim()).filter((s) => s !== '');
    if (recipients.length === 0) throw new this._ctx.realm.Error('Failed to send email: no recipient');
    // Each recipient counts against the daily quota.
    if (recipients.length > this._quota) throw new this._ctx.realm.Error(QUOTA_MESSAGE);
    this._quota -= recipients.length;
    this._sent.push(mail);
  }
}

function pick(p: Params): SentMail {
  const out: SentMail = { to: p.to ?? '', subject: p.subject ?? '', body: p.body ?? '' };
  if (p.htmlBody !== undefined) out.htmlBody = p.htmlBody;
  if (p.name !== undefined) out.name = p.name;
  if (p.replyTo !== undefined) out.replyTo = p.replyTo;
  if (p.cc !== undefined) out.cc = p.cc;
  if (p.bcc !== undefined) out.bcc = p.bcc;
  return out;
}
