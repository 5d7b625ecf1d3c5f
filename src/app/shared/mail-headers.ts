import type { MailMessage } from '../ports';

// What may reach a mail header. The subject and the sender's name come from the workbook (設定
// センター名, a session's title) and a recipient from a form answer or a cell, so any of them
// may hold a line break: `柏\r\nBcc: evil@x.com` as a center name would add a header of its own
// choosing to every mail. Both Mailer adapters (MailApp, the local .eml writer) pass every
// message through here first: in text headers each control character (C0, DEL, C1) and the
// Unicode line and paragraph separators becomes a space; an address must be exactly one plain
// address (dot-atom@domain, nothing around it), else that recipient is left out and logged.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** RFC 5322 dot-atom local part (no quoted strings, no comments), an RFC 1035 domain. */
const PLAIN_ADDRESS = new RegExp(`^[A-Za-z0-9!#$%&'*+/=?^_\`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_\`{|}~-]+)*@${LABEL}(?:\\.${LABEL})+$`);

/** Header text on one line: every control character and U+2028/2029 replaced by a space. */
export function headerText(text: string): string {
  return text.replace(CONTROLS, ' ');
}

/** The address when `text` is one plain address (spaces around it aside), else null. */
export function plainAddress(text: string): string | null {
  if (HAS_CONTROL.test(text)) return null;
  const address = text.trim();
  return address.length <= 254 && PLAIN_ADDRESS.test(address) ? address : null;
}

export interface SafeMail {
  /** The message to send, or null when no recipient is left. */
  readonly message: MailMessage | null;
  /** How many recipients (and reply-to addresses) were left out. */
  readonly refused: number;
}

/** `message` with headers that cannot carry a header of their own. */
export function safeMail(message: MailMessage): SafeMail {
  const to = message.to.map(plainAddress);
  const kept = to.filter((a): a is string => a !== null);
  const replyTo = message.replyTo === undefined ? undefined : plainAddress(message.replyTo);
  const refused = to.length - kept.length + (message.replyTo !== undefined && replyTo === null ? 1 : 0);
  if (kept.length === 0) return { message: null, refused };
  const { replyTo: _given, senderName, ...rest } = message;
  return {
    message: {
      ...rest, to: kept, subject: headerText(message.subject),
      ...(senderName !== undefined ? { senderName: headerText(senderName) } : {}),
      ...(replyTo ? { replyTo } : {}),
    },
    refused,
  };
}

/** The log line for left-out addresses (never the addresses themselves: they may be anyone's). */
export function refusedLine(refused: number, sent: boolean): string {
  return `mail: ${refused} address(es) left out, not one plain address each${sent ? '' : '; nothing sent'}`;
}
