import { randomBytes } from 'node:crypto';
import { refusedLine, safeMail } from '../app/shared/mail-headers';
import type { Clock, Mailer, MailMessage } from '../app/ports';
import { writeMailFile } from './mail-folder';

// The local twin of MailApp: each mail becomes a real RFC 5322 / MIME message (.eml) that any
// mail client opens. The encoder is written by hand because it is small and must be exact:
// multipart/alternative with a text and an HTML part, UTF-8 bodies in base64, and non-ASCII
// header text as RFC 2047 encoded words no longer than a header line allows.

const CRLF = '\r\n';
/** RFC 2047 §2: an encoded word is at most 75 characters; a header line should stay within 76. */
const MAX_WORD = 75;
const MAX_LINE = 76;
const PREFIX = '=?UTF-8?B?';
const SUFFIX = '?=';

function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** The most UTF-8 bytes whose base64 fits an encoded word of `room` characters. */
function bytesFor(room: number): number {
  return Math.floor((room - PREFIX.length - SUFFIX.length) / 4) * 3;
}

/** `text` as B-encoded words, split only between characters (never inside a UTF-8 sequence).
 *  The first word leaves room for `used` characters already on its line (`Subject: `). */
export function encodedWords(text: string, used = 0): string[] {
  const words: string[] = [];
  let chunk: Buffer[] = [];
  let size = 0;
  let limit = bytesFor(Math.min(MAX_WORD, MAX_LINE - used));
  const flush = (): void => {
    words.push(`${PREFIX}${Buffer.concat(chunk).toString('base64')}${SUFFIX}`);
    chunk = [];
    size = 0;
    limit = bytesFor(Math.min(MAX_WORD, MAX_LINE - 1));
  };
  for (const ch of text) {
    const bytes = Buffer.from(ch, 'utf8');
    if (size + bytes.length > limit && size > 0) flush();
    chunk.push(bytes);
    size += bytes.length;
  }
  if (size > 0 || words.length === 0) flush();
  return words;
}

/** A whole unstructured header (`Subject: …`), encoded when it is not plain ASCII, folded with CRLF SP. */
export function headerLine(name: string, value: string): string {
  const lead = `${name}: `;
  if (isPlainAscii(value) && lead.length + value.length <= 998) return lead + value;
  return lead + encodedWords(value, lead.length).join(`${CRLF} `);
}

/** `"名前" <a@b>` for address headers: the display name encoded (starting after `used`
 *  characters of its line), the address as it is, moved to a line of its own when it would not fit. */
function mailbox(address: string, displayName: string | undefined, used: number): string {
  if (!displayName) return address;
  const name = isPlainAscii(displayName) && /^[A-Za-z0-9 .'-]*$/.test(displayName)
    ? `"${displayName}"`
    : encodedWords(displayName, used).join(`${CRLF} `);
  const lines = name.split(CRLF);
  const last = (lines.length === 1 ? used : 0) + (lines[lines.length - 1] ?? '').length;
  return last + 2 + address.length + 1 <= MAX_LINE ? `${name} <${address}>` : `${name}${CRLF} <${address}>`;
}

function addressHeader(name: string, list: ReadonlyArray<{ address: string; displayName?: string }>): string {
  // One mailbox per line after the first, so no line grows past the limit however many there are.
  const lead = `${name}: `;
  return lead + list.map((m, i) => mailbox(m.address, m.displayName, i === 0 ? lead.length : 1)).join(`,${CRLF} `);
}

/** Base64 in lines of 76 characters (RFC 2045 §6.8). */
function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time in UTC: `Sun, 03 Apr 2016 23:00:00 +0000`. */
export function rfc5322Date(at: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[at.getUTCDay()]}, ${p(at.getUTCDate())} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} `
    + `${p(at.getUTCHours())}:${p(at.getUTCMinutes())}:${p(at.getUTCSeconds())} +0000`;
}

export interface EmlEnvelope {
  readonly from: string;
  readonly date: Date;
  readonly messageId: string;
  readonly boundary: string;
}

/** The complete .eml text of `message`. */
export function buildEml(message: MailMessage, envelope: EmlEnvelope): string {
  const headers = [
    addressHeader('From', [{ address: envelope.from, displayName: message.senderName }]),
    addressHeader('To', message.to.map((address) => ({ address }))),
    ...(message.replyTo ? [addressHeader('Reply-To', [{ address: message.replyTo }])] : []),
    headerLine('Subject', message.subject),
    `Date: ${rfc5322Date(envelope.date)}`,
    `Message-ID: <${envelope.messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${envelope.boundary}"`,
  ];
  const part = (type: string, body: string): string => [
    `--${envelope.boundary}`,
    `Content-Type: ${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(body),
  ].join(CRLF);
  return [
    ...headers,
    '',
    'This is a multipart message in MIME format.',
    part('text/plain', message.text),
    part('text/html', message.html),
    `--${envelope.boundary}--`,
    '',
  ].join(CRLF);
}

export interface EmlMailerOptions {
  readonly clock: Clock;
  /** The sender address written in From (a local file has no real sender). */
  readonly from?: string;
  /** What remainingQuota reports; a mail folder has no daily limit, so by default a large number. */
  readonly quota?: number;
  /** A word for the file names (`weekly`). */
  readonly label?: string;
  /** The mail's unique part (16 hex digits), for Message-ID and the MIME boundary. By default
   *  random; a caller that must write the same files on every run (the demo) derives it. */
  readonly uniqueId?: (message: MailMessage, at: Date) => string;
}

/** A Mailer that writes each mail as a .eml file into `dir`; `written` lists the paths. */
export class EmlMailer implements Mailer {
  readonly written: string[] = [];
  private quota: number;

  constructor(private readonly dir: string, private readonly options: EmlMailerOptions) {
    this.quota = options.quota ?? 100000;
  }

  remainingQuota(): number {
    return this.quota;
  }

  /** Writes the mail with safe headers (app/mail-headers.ts, as MailAppMailer): no line break in
   *  the subject or the sender's name; a recipient that is not one plain address left out. */
  send(original: MailMessage): void {
    const { message, refused } = safeMail(original);
    if (refused > 0) console.warn(refusedLine(refused, message !== null));
    if (!message) return;
    const at = this.options.clock.now();
    const id = this.options.uniqueId?.(message, at) ?? randomBytes(8).toString('hex');
    const eml = buildEml(message, {
      from: this.options.from ?? 'ikigai-desk@localhost',
      date: at,
      messageId: `${at.getTime()}.${id}@ikigai-desk.local`,
      boundary: `=_ikigai_${id}`,
    });
    this.written.push(writeMailFile(this.dir, at, this.options.label ?? 'mail', eml));
    this.quota -= message.to.length;
  }
}
