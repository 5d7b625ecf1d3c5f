import * as fc from 'fast-check';
import { escapeHtml } from '../../../src/domain/text/escape-html';
import { neutraliseFormula } from '../../../src/domain/text/neutralise-formula';

describe('neutraliseFormula', () => {
  it('makes formula-like text plain and leaves other text alone', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseFormula('-1')).toBe(`'-1`);
    expect(neutraliseFormula('草刈り')).toBe('草刈り');
  });

  it('never returns text that starts with = + - @ tab or CR', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('', '=', '+', '-', '@', '\t', '\r'), (s, lead) => {
      expect(neutraliseFormula(lead + s)).not.toMatch(/^[=+\-@\t\r]/);
    }));
  });
});

describe('escapeHtml', () => {
  it('leaves no < > " \' or bare & in its output', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const out = escapeHtml(s);
      expect(out).not.toMatch(/[<>"']/);
      // Every & starts one of the five entities.
      expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
    }));
  });

  it('escapes a script tag', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
