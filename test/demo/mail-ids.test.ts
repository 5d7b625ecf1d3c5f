import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmlMailer } from '../../src/local/eml-mailer';
import { deterministicMailIds } from '../../src/local/demo/mail-ids';
import type { MailMessage } from '../../src/app/ports';

// The demo's mails are the same files on every run: their unique part is derived, not random.
const message: MailMessage = { to: ['71845@example.jp'], subject: '【柏市】入会説明会のお申し込みを受け付けました', text: 'a', html: '<p>a</p>' };
const at = new Date('2015-04-02T08:41:07Z');

describe('the demo\'s mail IDs', () => {
  it('come out the same for the same mails in the same order, and differ from one mail to the next', () => {
    const a = deterministicMailIds();
    const b = deterministicMailIds();
    const first = [a.next(message, at), a.next(message, at), a.next({ ...message, to: ['x@example.jp'] }, at)];
    const second = [b.next(message, at), b.next(message, at), b.next({ ...message, to: ['x@example.jp'] }, at)];
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(3);
    for (const id of first) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('become the Message-ID and the MIME boundary of the .eml the mail writer makes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ikigai-mail-ids-'));
    try {
      const mailer = new EmlMailer(dir, { clock: { now: () => at }, label: 'signup', uniqueId: () => '0123456789abcdef' });
      mailer.send(message);
      const eml = readFileSync(mailer.written[0] ?? '', 'utf8');
      expect(eml).toContain(`Message-ID: <${at.getTime()}.0123456789abcdef@ikigai-desk.local>`);
      expect(eml).toContain('boundary="=_ikigai_0123456789abcdef"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
