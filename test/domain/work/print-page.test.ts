import fc from 'fast-check';
import { grouped, hoursText, yen } from '../../../src/domain/work/print-page';

describe('numbers on a statement', () => {
  test('group thousands with commas and keep up to two decimals, as en-US writes them', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const n = whole + cents / 100;
      expect(grouped(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 2 }));
    }), { numRuns: 2000 });
    expect([yen(787.5), yen(10875), hoursText(0.75), hoursText(13)]).toEqual(['787.5円', '10,875円', '0.75時間', '13時間']);
  });
});
