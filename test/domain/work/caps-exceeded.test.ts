import fc from 'fast-check';
import { capsExceeded } from '../../../src/domain/work/caps-exceeded';

const caps = { weeklyHoursCap: 20, monthlyDaysCap: 10 };

describe('capsExceeded: the caps a member\'s recorded work goes over, where the new rows fall', () => {
  test('a week over by one hour (Monday 2015-06-01 … Sunday 06-07: 5 × 4 + 1 = 21 h), named by its Monday', () => {
    const rows = [...['01', '02', '03', '04', '05'].map((d) => ({ date: `2015-06-${d}`, hours: 4 })), { date: '2015-06-07', hours: 1 }];
    expect(capsExceeded(rows, ['2015-06-07'], caps)).toEqual({ months: [], weeks: [{ monday: '2015-06-01', hours: 21 }] });
    // Exactly at the cap is not over; the week of 8 June is not touched by a new row.
    expect(capsExceeded(rows.slice(0, 5), ['2015-06-05'], caps).weeks).toEqual([]);
    expect(capsExceeded(rows, ['2015-06-08'], caps).weeks).toEqual([]);
  });

  test('eleven distinct days in a month (two rows on one day count once), none in a month no new row touches', () => {
    const rows = [...Array.from({ length: 11 }, (_, i) => ({ date: `2015-06-${String(i * 2 + 1).padStart(2, '0')}`, hours: 1 })), { date: '2015-06-01', hours: 1 }];
    expect(capsExceeded(rows, ['2015-06-21'], caps).months).toEqual([{ month: '2015-06', days: 11 }]);
    expect(capsExceeded(rows, ['2015-07-01'], caps).months).toEqual([]);
    expect(capsExceeded(rows.slice(1, 11), ['2015-06-21'], caps).months).toEqual([]);
  });

  test('hours add up exactly: 0.1 + 0.2 + … never goes over a cap it meets (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 7 }), (tenths) => {
      const total = tenths.reduce((a, b) => a + b, 0);
      const rows = tenths.map((t, i) => ({ date: `2015-06-0${i + 1}`, hours: t / 10 }));
      const out = capsExceeded(rows, ['2015-06-01'], { weeklyHoursCap: total / 10, monthlyDaysCap: 31 });
      expect(out.weeks).toEqual([]);
    }), { numRuns: 500 });
  });
});
