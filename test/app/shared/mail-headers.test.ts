import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { headerText, plainAddress, safeMail } from '../../../src/app/shared/mail-headers';
import type { MailMessage } from '../../../src/app/ports';
import { MailAppMailer } from '../../../src/gas/mail-app-mailer';
import { EmlMailer } from '../../../src/local/eml-mailer';
import { MailAppImpl } from '../../fakes/mail-app';
import { CallLog } from '../../fakes';
import { HOST_REALM } from '../../fakes/realm';

// No control character reaches a mail header, whoever typed the center's name or a recipient:
// the subject and the sender's name lose their line breaks (a space instead), a recipient that is
// not one plain address is left out, through both Mailer adapters.

const EVIL_CENTER = '柏\r\nBcc: evil@x.com';

function message(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    to: ['jc1@center.example'], subject: `【${EVIL_CENTER}】週次サマリー`, text: 'body', html: '<p>body</p>',
    senderName: EVIL_CENTER, ...overrides,
  };
}

describe('the mail header sanitiser', () => {
  it('turns every C0 and C1 control, DEL and U+2028/2029 into a space, and leaves other text alone', () => {
    expect(headerText(EVIL_CENTER)).toBe('柏  Bcc: evil@x.com');
    const controls = [...Array(0x20).keys(), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i), 0x2028, 0x2029].map((c) => String.fromCharCode(c));
    for (const c of controls) expect([c.charCodeAt(0), headerText(`a${c}b`)]).toEqual([c.charCodeAt(0), 'a b']);
    expect(headerText('柏市シルバー人材センター【週次】 — 2016/03/28–04/03 ✓')).toBe('柏市シルバー人材センター【週次】 — 2016/03/28–04/03 ✓');
  });

  it('takes only one plain address per recipient', () => {
    expect(plainAddress('jc1@center.example')).toBe('jc1@center.example');
    expect(plainAddress(' Kiyoshi@Example.jp ')).toBe('Kiyoshi@Example.jp');
    expect(plainAddress("o'neil+desk@mail.center-example.jp")).toBe("o'neil+desk@mail.center-example.jp");
    for (const bad of ['a@x.com\r\nBcc: evil@x.com', 'a@x.com\nb@y.com', 'a@x.com, evil@x.com', 'a@x.com;evil@x.com',
      'Boss <boss@x.com>', '"a b"@x.com', 'a b@x.com', 'a@x', 'a@@x.com', '@x.com', 'a@x.com\u2028', 'a@x..com', '.a@x.com', '']) {
      expect([bad, plainAddress(bad)]).toEqual([bad, null]);
    }
  });

  it('keeps the good recipients of a message, and sends nothing when none is left', () => {
    const safe = safeMail(message({ to: ['jc1@center.example', 'x@y.com\r\nBcc: evil@x.com', 'boss@center.example'], replyTo: 'r@x.com\nBcc: e@x.com' }));
    expect(safe.refused).toBe(2);
    expect(safe.message).toEqual({
      to: ['jc1@center.example', 'boss@center.example'], subject: '【柏  Bcc: evil@x.com】週次サマリー', text: 'body', html: '<p>body</p>',
      senderName: '柏  Bcc: evil@x.com',
    });
    expect(safeMail(message({ to: ['evil@x.com, other@x.com'] }))).toEqual({ message: null, refused: 1 });
  });

  it('through MailApp: one-line subject and name, no Bcc, the bad recipient left out and logged', () => {
    const mail = MailAppImpl.create({ log: new CallLog(), realm: HOST_REALM }, 100);
    const g = globalThis as { MailApp?: unknown };
    const before = g.MailApp;
    g.MailApp = mail.service;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    let logged: string[] = [];
    try {
      new MailAppMailer().send(message({ to: ['jc1@center.example', 'evil@x.com\r\nBcc: more@x.com'] }));
      new MailAppMailer().send(message({ to: ['Evil <evil@x.com>'] }));
      logged = warn.mock.calls.map((c) => String(c[0]));
    } finally {
      g.MailApp = before;
      warn.mockRestore();
    }
    expect(mail.handles.sent).toHaveLength(1);
    const sent = mail.handles.sent[0]!;
    expect(sent.to).toBe('jc1@center.example');
    expect(sent.subject).toBe('【柏  Bcc: evil@x.com】週次サマリー');
    expect(sent.name).toBe('柏  Bcc: evil@x.com');
    expect(sent.bcc).toBeUndefined();
    expect(JSON.stringify(sent)).not.toMatch(/\\r|\\n/);
    expect(logged).toEqual([
      'mail: 1 address(es) left out, not one plain address each',
      'mail: 1 address(es) left out, not one plain address each; nothing sent',
    ]);
  });

  it('through the .eml writer: the headers parse back with no Bcc and a one-line subject', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ikigai-header-'));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const mailer = new EmlMailer(dir, { clock: { now: () => new Date('2016-04-03T23:00:00Z') } });
      mailer.send(message({ to: ['jc1@center.example', 'x@y.com\r\nBcc: evil@x.com'] }));
      mailer.send(message({ to: ['x@y.com\nCc: evil@x.com'] }));
      expect(mailer.written).toHaveLength(1);
      const raw = readFileSync(mailer.written[0]!, 'utf8');
      const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
      // Every header line is a known header or a folded continuation.
      for (const line of head.split('\r\n')) expect(line).toMatch(/^(From|To|Subject|Date|Message-ID|MIME-Version|Content-Type): | /);
      expect(head).not.toMatch(/^(Bcc|Cc):/im);
      const parsed = await simpleParser(raw);
      expect(parsed.subject).toBe('【柏  Bcc: evil@x.com】週次サマリー');
      expect((parsed.from as AddressObject).value[0]?.name).toBe('柏  Bcc: evil@x.com');
      expect((parsed.to as AddressObject).value.map((v) => v.address)).toEqual(['jc1@center.example']);
      expect(parsed.bcc).toBeUndefined();
      expect(mailer.remainingQuota()).toBe(100000 - 1);
    } finally {
      warn.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
