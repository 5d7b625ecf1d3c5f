import fc from 'fast-check';
import { addressKey, mailAnswerProblem, singleMailAddress } from '../../../src/domain/signup/mail-address';
import { plainAddress } from '../../../src/app/shared/mail-headers';

// The メール answer is mailed only when it is exactly one valid address (src/domain/signup/mail-address.ts).
const atomChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&\'*+/=?^_`{|}~-'.split(''));
const atom = fc.string({ unit: atomChar, minLength: 1, maxLength: 10 });
const local = fc.array(atom, { minLength: 1, maxLength: 3 }).map((a) => a.join('.'));
const labelChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const label = fc.tuple(fc.string({ unit: labelChar, minLength: 1, maxLength: 8 }), fc.option(fc.string({ unit: fc.constantFrom(...'abc-1'.split('')), maxLength: 4 })), fc.string({ unit: labelChar, minLength: 1, maxLength: 2 }))
  .map(([a, mid, b]) => (mid === null ? a : `${a}${mid}${b}`));
const tld = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), minLength: 2, maxLength: 6 });
const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([ls, t]) => [...ls, t].join('.'));
const address = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`).filter((a) => a.length >= 6 && a.length <= 254 && a.indexOf('@') <= 64);

describe('one address, or none', () => {
  it('accepts every dot-atom@host address, as typed (spaces at the ends aside)', () => {
    fc.assert(fc.property(address, fc.constantFrom('', ' ', '\u3000'), (a, pad) => {
      expect(singleMailAddress(`${pad}${a}${pad}`)).toBe(a);
      expect(mailAnswerProblem(a)).toBeNull();
    }));
  });

  it('refuses two addresses however they are joined (comma, semicolon, space, full-width comma, newline, tab)', () => {
    fc.assert(fc.property(address, address, fc.constantFrom(',', ', ', ';', ' ', '、', '，', '\n', '\t', ' , '), (a, b, sep) => {
      expect(singleMailAddress(`${a}${sep}${b}`)).toBeNull();
      expect(mailAnswerProblem(`${a}${sep}${b}`)).toBe('invalid_address');
    }));
  });

  it('refuses a display name, angle brackets, a second @, a space, quotes or a control character anywhere inside', () => {
    fc.assert(fc.property(address, fc.nat(), fc.constantFrom('<', '>', '@', ' ', '"', '(', ')', ',', ';', ':', '[', ']', '\\', '\r', '\n', '\u0000', '\u2028'), (a, at, bad) => {
      const i = 1 + (at % (a.length - 1));
      expect(singleMailAddress(`${a.slice(0, i)}${bad}${a.slice(i)}`)).toBeNull();
    }));
    fc.assert(fc.property(address, fc.string({ minLength: 1, maxLength: 8 }), (a, name) => {
      expect(singleMailAddress(`${name} <${a}>`)).toBeNull();
      expect(singleMailAddress(`<${a}>`)).toBeNull();
    }));
  });

  it('whatever it accepts is one plain address to the Mailer adapters too, so a mail never loses its recipient there', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => {
      const a = singleMailAddress(text);
      if (a !== null) {
        expect(plainAddress(a)).toBe(a);
        expect(a.split('@')).toHaveLength(2);
        expect(a).not.toMatch(/[\s,;<>"()[\]\\]/);
      }
    }));
    fc.assert(fc.property(address, (a) => { expect(plainAddress(singleMailAddress(a) ?? '')).toBe(a); }));
  });

  it('reads a full-width address typed on a phone as the same address, and compares without case', () => {
    expect(singleMailAddress('ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('hanako@example.jp');
    expect(addressKey(singleMailAddress(' Hanako@Example.JP ') ?? '')).toBe('hanako@example.jp');
  });

  it('refuses the red team\'s 50-address answer and the shapes around the edges', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `v${i}@x.com`).join(',');
    expect(singleMailAddress(fifty)).toBeNull();
    for (const bad of ['', 'a@b', 'a@b.c', '@x.jp', 'a@', 'a@@x.jp', 'a.@x.jp', '.a@x.jp', 'a..b@x.jp', 'a@-x.jp', 'a@x-.jp', 'a@x..jp', 'a@x.j1',
      'a@[127.0.0.1]', '"a b"@x.jp', 'a@x.jp.', `${'a'.repeat(65)}@x.jp`, `a@${'b'.repeat(64)}.jp`, `a@${'b.'.repeat(126)}jp`]) {
      expect([bad, singleMailAddress(bad)]).toEqual([bad, null]);
    }
    expect(mailAnswerProblem('')).toBeNull();
    expect(mailAnswerProblem('   ')).toBeNull();
    for (const good of ['a@b.jp', 'taro.yamada+seminar@city.kashiwa.chiba.jp', 'o\'neil@example.co.uk', `${'a'.repeat(64)}@x.jp`]) expect(singleMailAddress(good)).toBe(good);
  });
});
