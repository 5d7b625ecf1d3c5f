import fc from 'fast-check';
import { utf8Length } from '../../../src/domain/text/utf8-length';

// The one byte counter the property, cache and mail limits are held to: it must agree with
// Node's own UTF-8 encoder on any well-formed text (kana 3 bytes, emoji 4).
describe('utf8Length', () => {
  test('counts what Buffer.byteLength counts, for any well-formed text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }), { numRuns: 500 });
  });

  test('a few known lengths', () => {
    expect([utf8Length(''), utf8Length('a'), utf8Length('é'), utf8Length('かな'), utf8Length('😀')]).toEqual([0, 1, 2, 6, 4]);
  });
});
