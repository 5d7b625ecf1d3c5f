import { weekBefore, weekHolding, weeklyPeriods } from '../../../src/domain/weekly/week-period';

describe('the periods of a weekly summary', () => {
  it('reports the Monday-to-Sunday week that ended on the Sunday before a Monday run', () => {
    // 2026-11-23 is a Monday; the Sunday before is 11-22, its Monday 11-16.
    expect(weekBefore('2026-11-23')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('reports the week before last when it runs on a Sunday, since that Sunday is not over', () => {
    // 2026-11-22 is a Sunday: the last finished week is 11-09 .. 11-15.
    expect(weekBefore('2026-11-22')).toEqual({ from: '2026-11-09', to: '2026-11-15' });
  });

  it('takes any day of a week to mean that whole week', () => {
    expect(weekHolding('2016-03-31')).toEqual({ from: '2016-03-28', to: '2016-04-03' });
  });

  it('starts the fiscal year to date on April 1 when the week straddles the fiscal year boundary', () => {
    // The week 2016-03-28 .. 04-03 ends in FY2016, which starts 2016-04-01: only 3 days count.
    const p = weeklyPeriods({ from: '2016-03-28', to: '2016-04-03' }, 4);
    expect(p.fiscalYear).toBe(2016);
    expect(p.fiscalYearToDate).toEqual({ from: '2016-04-01', to: '2016-04-03' });
    expect(p.previousWeek).toEqual({ from: '2016-03-21', to: '2016-03-27' });
  });

  it('counts the fiscal year from the centre\'s own start month', () => {
    // A center whose year starts in January: the week of 2026-11-16 is in FY2026 from 01-01.
    expect(weeklyPeriods({ from: '2026-11-16', to: '2026-11-22' }, 1).fiscalYearToDate).toEqual({ from: '2026-01-01', to: '2026-11-22' });
  });
});
