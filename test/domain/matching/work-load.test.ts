import { slotBit, slotMask, slotsOf } from '../../../src/domain/matching/slot-bits';
import { ALL_SLOTS } from '../../../src/domain/slots';
import { dayNumber, weekdayOfDayNumber } from '../../../src/domain/matching/day-number';
import { indexPlacements } from '../../../src/domain/matching/placements';
import { currentLoad, recentWorkDays } from '../../../src/domain/matching/work-load';
import { job, placement } from './fixtures';

// 2016-01-15 is a Friday; the 90-day window is 2015-10-17 … 2016-01-14.
const AS_OF = '2016-01-15';
const MON_AM = job({ job_id: 'JA', slots: ['Mon-AM'] });
const MON_PM = job({ job_id: 'JB', slots: ['Mon-PM'] });
const WED = job({ job_id: 'JC', slots: ['Wed-AM', 'Wed-PM'] });
const JOBS = [MON_AM, MON_PM, WED];

describe('work load from placements', () => {
  test('counts each day worked in the 90 days before asOf once, on the weekdays of the job', () => {
    const index = indexPlacements([
      // Mondays from 2016-01-01 to 01-14: Jan 4 and Jan 11 → 2 days.
      placement({ match_id: 'X1', member_id: 'M1', job_id: 'JA', placed_on: '2016-01-01' }),
      // Mondays from 01-08: Jan 11 again, the same day → no new day.
      placement({ match_id: 'X2', member_id: 'M1', job_id: 'JB', placed_on: '2016-01-08' }),
      // Wednesdays 2015-10-01 … 10-31 inside the window (from 10-17): Oct 21, Oct 28 → 2 days.
      placement({ match_id: 'X3', member_id: 'M1', job_id: 'JC', placed_on: '2015-10-01', ended_on: '2015-10-31', status: 'ended' }),
    ], JOBS);
    expect(recentWorkDays(index.get('M1'), AS_OF)).toBe(4);
  });

  test('does not count asOf itself nor days before the window', () => {
    // Placed on asOf (a Friday job would start today): nothing worked yet.
    const fri = job({ job_id: 'JF', slots: ['Fri-AM'] });
    const index = indexPlacements([
      placement({ match_id: 'X1', member_id: 'M1', job_id: 'JF', placed_on: AS_OF }),
      placement({ match_id: 'X2', member_id: 'M1', job_id: 'JA', placed_on: '2015-01-01', ended_on: '2015-10-16', status: 'ended' }),
    ], [fri, MON_AM]);
    expect(recentWorkDays(index.get('M1'), AS_OF)).toBe(0);
  });

  test('takes an ended placement with no end date as ended the day before asOf', () => {
    // Mondays 2016-01-01 … 01-14: Jan 4, Jan 11 → 2; and no current load.
    const index = indexPlacements([placement({ match_id: 'X1', member_id: 'M1', job_id: 'JA', placed_on: '2016-01-01', status: 'ended' })], JOBS);
    expect(recentWorkDays(index.get('M1'), AS_OF)).toBe(2);
    expect(currentLoad(index.get('M1'), AS_OF, 4).weeklyHours).toBe(0);
  });

  test('adds up the hours, slots and weekdays of the placements current on asOf', () => {
    const index = indexPlacements([
      placement({ match_id: 'X1', member_id: 'M1', job_id: 'JA', placed_on: '2016-01-01' }),
      placement({ match_id: 'X2', member_id: 'M1', job_id: 'JC', placed_on: '2015-12-01' }),
      placement({ match_id: 'X3', member_id: 'M1', job_id: 'JB', placed_on: '2016-02-01' }),
    ], JOBS);
    const load = currentLoad(index.get('M1'), AS_OF, 4);
    // JA 1 slot + JC 2 slots = 3 × 4 h = 12 h; weekdays Mon and Wed; JB not started.
    expect(load.weeklyHours).toBe(12);
    expect(load.weekdays).toBe(0b101);
    expect(load.jobIds).toEqual(['JA', 'JC']);
  });
});

describe('day numbers', () => {
  test('count whole days from 1970-01-01 and know the weekday, whatever the time zone', () => {
    // 2016-01-15 is a Friday (weekday 4 with Monday = 0); 2016 is a leap year, so 2016-03-01 is
    // 31 + 29 = 60 days after 2016-01-01.
    expect(weekdayOfDayNumber(dayNumber('2016-01-15'))).toBe(4);
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2016-03-01') - dayNumber('2016-01-01')).toBe(60);
  });
});

describe('slot bits', () => {
  test('give each of the 14 slots its own bit, Monday AM first, and read back in that order', () => {
    expect(ALL_SLOTS.map(slotBit)).toEqual(ALL_SLOTS.map((_, i) => 1 << i));
    expect(slotsOf(slotMask(['Sun-PM', 'Mon-AM', 'Wed-PM']))).toEqual(['Mon-AM', 'Wed-PM', 'Sun-PM']);
  });
});
