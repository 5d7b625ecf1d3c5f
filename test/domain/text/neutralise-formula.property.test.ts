import fc from 'fast-check';
import { looksLikeFormula, neutraliseFormula } from '../../../src/domain/text/neutralise-formula';

// An independent restatement of what Sheets and Excel evaluate: skip what they skip (spaces and
// invisible characters), then a formula or DDE trigger; a leading tab, CR or LF is dangerous on
// its own (it shifts or splits the cell in CSV exports).
const SKIPPED = [' ', '\u00a0', '\u3000', '\ufeff', '\u000b', '\f', '\u200b', '\u2060', '\u0000', '\u001f', '\u0085'];
const TRIGGERS = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '\u2212'];
const evaluated = (text: string): boolean => {
  if (/^[\t\r\n]/.test(text)) return true;
  let i = 0;
  while (i < text.length && (SKIPPED.includes(text[i] ?? '') || /\s/.test(text[i] ?? ''))) i += 1;
  return TRIGGERS.includes(text[i] ?? '');
};

const piece = fc.constantFrom(...SKIPPED, ...TRIGGERS, '\t', '\r', '\n', "'", 'a', '1', '山', 'HYPERLINK("x")', 'cmd|', ' ');
const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 8 }).map((a) => a.join('')));

describe('neutraliseFormula', () => {
  it('leaves no text that Sheets or Excel would evaluate, whatever comes before the trigger', () => {
    fc.assert(fc.property(text, (t) => {
      const out = neutraliseFormula(t);
      // A leading apostrophe makes the cell text in Sheets and is not shown.
      expect(out.startsWith("'") || !evaluated(out)).toBe(true);
      expect(looksLikeFormula(out)).toBe(false);
    }), { numRuns: 2000 });
  });

  it('changes a safe text not at all and neutralises once (idempotent)', () => {
    fc.assert(fc.property(text, (t) => {
      const once = neutraliseFormula(t);
      expect(neutraliseFormula(once)).toBe(once);
      if (!evaluated(t)) expect(once).toBe(t);
      else expect(once).toBe(`'${t}`);
    }), { numRuns: 2000 });
  });

  it.each([
    ['=1+1'], [' =1+1'], ['\u00a0=HYPERLINK("http://x")'], ['\u3000=1'], ['\ufeff=1'], ['\u000b=1'], ['\f=1'],
    ['=cmd|\' /C calc\'!A0'], ['=IMPORTXML("http://x","//a")'], ['+1'], ['-1'], ['@SUM(A1)'], ['\t=1'], ['\r=1'], ['\nx'], ['＝1+1'],
  ])('neutralises the red-team payload %j', (payload) => {
    expect(neutraliseFormula(payload)).toBe(`'${payload}`);
  });
});
