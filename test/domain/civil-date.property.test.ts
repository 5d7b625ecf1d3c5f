import fc from 'fast-check';
import { addDays as addDaysFns, differenceInCalendarDays } from 'date-fns';
import { addDays, daysBetween, type CivilDate } from '../../src/domain/civil-date';

// addDays and daysBetween count days by UTC arithmetic (civil-date.ts dayNumber); they must give
// what date-fns gives on a local Date at noon (the way they were computed before), in UTC and in
// Tokyo (jest runs this file in both), over any day from 1900 to 2199 and any step.
const noon = (day: CivilDate): Date => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
};
const civil = (date: Date): CivilDate =>
  `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const dayArb = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('civil-date arithmetic', () => {
  it('adds and counts days as date-fns does on a local noon', () => {
    fc.assert(fc.property(dayArb, dayArb, fc.integer({ min: -40_000, max: 40_000 }), (a, b, n) => {
      expect(addDays(a, n)).toBe(civil(addDaysFns(noon(a), n)));
      expect(daysBetween(a, b)).toBe(differenceInCalendarDays(noon(b), noon(a)));
      expect(daysBetween(a, addDays(a, n))).toBe(n);
    }), { numRuns: 2000 });
  });
  it('crosses leap days and the year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2000-01-01', '2001-01-01')).toBe(366);
  });
});
