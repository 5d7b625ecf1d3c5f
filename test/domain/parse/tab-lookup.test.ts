import * as fc from 'fast-check';
import { findTab, matchingTabs } from '../../../src/domain/schema/tab-lookup';
import { READ_TABS } from '../../../src/domain/workbook';
import { SETTINGS_TAB } from '../../../src/domain/schema/tabs';

// workbook.md: tabs are found by their Japanese or English name "matched after trimming spaces",
// and otherwise exactly.

describe('findTab', () => {
  it('finds a tab whose name has a space after it, before it or a full-width space at its end, and answers its real name', () => {
    expect(findTab(['設定', '会員 '], ['会員', 'Members'])).toBe('会員 ');
    expect(findTab([' 会員'], ['会員', 'Members'])).toBe(' 会員');
    expect(findTab(['会員\u3000'], ['会員', 'Members'])).toBe('会員\u3000');
    expect(findTab(['\u3000Members  '], ['会員', 'Members'])).toBe('\u3000Members  ');
  });

  it('prefers the first name asked for, then the first tab in the workbook', () => {
    // Both names are there: the Japanese one is read, as the readers always did.
    expect(findTab(['Members', '会員'], ['会員', 'Members'])).toBe('会員');
    expect(findTab(['Members', '会員 ', '会員'], ['会員', 'Members'])).toBe('会員 ');
  });

  it('compares nothing but the trimmed name: no width, case or inner-space folding', () => {
    expect(findTab(['members', 'ＭＥＭＢＥＲＳ', '会 員', '会員名簿'], ['会員', 'Members'])).toBeNull();
    expect(findTab([], ['会員', 'Members'])).toBeNull();
  });
});

describe('matchingTabs', () => {
  it('lists every tab of one table, the one findTab reads first', () => {
    expect(matchingTabs(['Members', '仕事', '会員 ', '会員'], ['会員', 'Members'])).toEqual(['会員 ', '会員', 'Members']);
    expect(matchingTabs(['仕事'], ['会員', 'Members'])).toEqual([]);
  });
});

// The tables' names from the schema; the names a property test makes must not be one of them.
const TABLES = [SETTINGS_TAB, ...READ_TABS].map((d) => [d.ja, d.en] as const);
const ALL_NAMES = new Set(TABLES.flat());
const padding = fc.array(fc.constantFrom(' ', '\u3000'), { maxLength: 4 }).map((s) => s.join(''));

describe('tab-name matching, for any padding', () => {
  it('matches the Japanese or English name with any mix of leading and trailing ASCII and full-width spaces', () => {
    fc.assert(fc.property(fc.constantFrom(...TABLES), fc.boolean(), padding, padding, fc.array(fc.constantFrom(...ALL_NAMES), { maxLength: 4 }),
      ([ja, en], english, before, after, others) => {
        const real = `${before}${english ? en : ja}${after}`;
        // Other tables' tabs around it, never this table's.
        const around = others.filter((n) => n !== ja && n !== en);
        const existing = [...around.slice(0, 2), real, ...around.slice(2)];
        expect(findTab(existing, [ja, en])).toBe(real);
        expect(matchingTabs(existing, [ja, en])).toEqual([real]);
      }), { numRuns: 2000 });
  });

  it('never matches a name that differs once trimmed', () => {
    // Any text, padded the same way, whose trimmed form is neither name of the table.
    fc.assert(fc.property(fc.constantFrom(...TABLES), fc.oneof(fc.string(), fc.constantFrom(...ALL_NAMES), fc.constantFrom('会 員', 'members', 'Ｍｅｍｂｅｒｓ', '会員2')), padding, padding,
      ([ja, en], name, before, after) => {
        fc.pre(name.trim() !== ja && name.trim() !== en);
        expect(findTab([`${before}${name}${after}`], [ja, en])).toBeNull();
      }), { numRuns: 2000 });
  });
});
