import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { runWeeklySummary } from '../../src/app/weekly/run-weekly-summary';
import { buildEml, encodedWords, EmlMailer } from '../../src/local/eml-mailer';
import { fixedClock, fyBoundaryStore, MEMBER_PERSONAL_DATA, MONDAY_AFTER_FY_WEEK } from '../app/weekly/fixture';

describe('the .eml written by the local mailer', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ikigai-eml-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  function weeklyEml(): { path: string; raw: string } {
    const clock = fixedClock(MONDAY_AFTER_FY_WEEK);
    const mailer = new EmlMailer(dir, { clock, label: 'weekly' });
    runWeeklySummary({ store: fyBoundaryStore(), mailer, clock });
    expect(mailer.written).toHaveLength(1);
    const path = mailer.written[0]!;
    return { path, raw: readFileSync(path, 'utf8') };
  }

  it('parses back with mailparser to the exact Japanese subject, the sender name and the recipients', async () => {
    const { raw } = weeklyEml();
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('【柏市シルバー人材センター】週次サマリー 2016/03/28–04/03');
    const from = mail.from as AddressObject;
    expect(from.value[0]?.name).toBe('柏市シルバー人材センター');
    const to = mail.to as AddressObject;
    expect(to.value.map((v) => v.address)).toEqual(['jc1@center.example', 'jc2@center.example', 'boss@center.example']);
    expect(mail.messageId).toMatch(/^<\d+\.[0-9a-f]{16}@ikigai-desk\.local>$/);
    expect(mail.date?.toISOString()).toBe('2016-04-03T23:00:00.000Z');
  });

  it('carries both a text part and an HTML part, in UTF-8', async () => {
    const { raw } = weeklyEml();
    expect(raw).toMatch(/Content-Type: multipart\/alternative; boundary="=_ikigai_[0-9a-f]+"/);
    const mail = await simpleParser(raw);
    expect(mail.text).toContain('柏市シルバー人材センター 週次サマリー');
    expect(mail.text).toContain('会員数（週末時点）: 4');
    expect(typeof mail.html).toBe('string');
    expect(mail.html).toContain('max-width:600px');
    expect(mail.html).toContain('田中 JC');
  });

  it('contains no name, phone or mail address of any member, raw or decoded', async () => {
    const { raw } = weeklyEml();
    const mail = await simpleParser(raw);
    const everything = [raw, mail.text ?? '', String(mail.html), mail.subject ?? ''].join('\n');
    for (const personal of MEMBER_PERSONAL_DATA) expect([personal, everything.includes(personal)]).toEqual([personal, false]);
    // …while the IDs of the attention list are there: M003 is the waiting member.
    expect(mail.text).toContain('M003');
  });

  it('escapes the center\'s own text in the HTML part', async () => {
    const { raw } = weeklyEml();
    const html = String((await simpleParser(raw)).html);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>JC</b>');
    expect(html).toContain('佐藤 &lt;b&gt;JC&lt;/b&gt;');
  });

  it('keeps every header line within 76 characters and every encoded word within 75', () => {
    const { raw } = weeklyEml();
    const head = raw.split('\r\n\r\n')[0]!;
    for (const line of head.split('\r\n')) expect([line, line.length <= 76]).toEqual([line, true]);
    for (const word of head.match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
  });

  it('writes a second file, not over the first, when the same week is resent', () => {
    const clock = fixedClock(MONDAY_AFTER_FY_WEEK);
    const mailer = new EmlMailer(dir, { clock, label: 'weekly' });
    const store = fyBoundaryStore();
    runWeeklySummary({ store, mailer, clock });
    runWeeklySummary({ store, mailer, clock });
    runWeeklySummary({ store, mailer, clock }, { resend: true });
    expect(readdirSync(dir).sort()).toEqual(['20160403-230000-weekly-2.eml', '20160403-230000-weekly.eml']);
  });
});

describe('RFC 2047 encoded words', () => {
  it('never splits a character across two words, so each word decodes on its own', () => {
    // 60 kanji = 180 bytes: words of at most 45 bytes (15 kanji) must each decode to whole kanji.
    const text = '生'.repeat(60);
    const words = encodedWords(text, 9);
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8'));
    expect(decoded.join('')).toBe(text);
    for (const d of decoded) expect(d).toMatch(/^生+$/);
    // The first word leaves room for "Subject: " (9): 76 - 9 = 67 → 13 base64 groups = 39 bytes = 13 kanji.
    expect(decoded[0]).toHaveLength(13);
    expect(decoded[1]).toHaveLength(15);
  });

  it('round-trips a mixed subject with emoji and ASCII through mailparser', async () => {
    const subject = '【テスト】週次サマリー 😀 week 2026/11/16–11/22 ' + 'あ'.repeat(40);
    const eml = buildEml({ to: ['a@example.jp'], subject, text: 'x', html: '<p>x</p>', senderName: 'センター "A"' },
      { from: 'desk@example.jp', date: new Date('2026-11-23T00:00:00Z'), messageId: 'id@example.jp', boundary: '=_b' });
    const mail = await simpleParser(eml);
    expect(mail.subject).toBe(subject);
    expect((mail.from as AddressObject).value[0]?.name).toBe('センター "A"');
  });
});
