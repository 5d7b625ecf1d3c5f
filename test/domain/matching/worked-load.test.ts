import { checkHardRules, type Eligibility } from '../../../src/domain/matching/hard-rules';
import { indexPlacements } from '../../../src/domain/matching/placements';
import { matchContext, rankForJob } from '../../../src/domain/matching/rank-candidates';
import { slotMask } from '../../../src/domain/matching/slot-bits';
import { currentLoad } from '../../../src/domain/matching/work-load';
import { indexWork, workedLoad } from '../../../src/domain/matching/worked-load';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { Match, Member, WorkRecord } from '../../../src/domain/schema/tabs';
import { DEFAULT_CAPS, job, member, placement } from './fixtures';

// Caps from real work (issue 13 item 5): the 就業実績 rows of the 4 weeks before asOf count beside
// the placements. AS_OF is Friday 2016-01-15; the window is 2015-12-18 … 2016-01-14; its weeks
// are cut at 12-18 (a Friday): 12-18..20, 12-21..27, 12-28..01-03, 01-04..10, 01-11..14.
const AS_OF = '2016-01-15';
const J = job({ job_id: 'J1', slots: ['Mon-AM', 'Wed-PM'] });
const row = (date: string, hours: number, member_id = 'M1'): WorkRecord =>
  ({ work_id: null, date, member_id, job_id: 'J9', hours, amount: null, confirmed: false, recorded_at: null, notes: '' });

function verdict(m: Member, rows: WorkRecord[], matches: Match[] = []): Eligibility {
  const load = { ...currentLoad(indexPlacements(matches, [J]).get(m.member_id), AS_OF, DEFAULT_CAPS.slotHours), worked: workedLoad(indexWork(rows).get(m.member_id), AS_OF) };
  return checkHardRules(m, 'J1', slotMask(J.slots), load, DEFAULT_CAPS, AS_OF);
}
const rule = (v: Eligibility): string => (v.ok ? 'ok' : v.rule);
const free = member({ member_id: 'M1', availability: ['Mon-AM', 'Wed-PM'] });

describe('the load from the last 4 weeks of work', () => {
  test('takes the busiest week\'s hours and days and the days of the window, and nothing outside it', () => {
    // Week 01-04..10: 01-04 4 h + 01-05 4 h + 01-05 again 2.5 h (another job) = 10.5 h on 2 days.
    // Week 01-11..14: 01-11 8 h. 12-17 (29 days before) and 01-15 (asOf) are outside the window.
    const rows = [row('2016-01-04', 4), row('2016-01-05', 4), row('2016-01-05', 2.5), row('2016-01-11', 8), row('2015-12-17', 8), row('2016-01-15', 8)];
    expect(workedLoad(indexWork(rows).get('M1'), AS_OF)).toEqual({ weekHours: 10.5, weekDays: 2, days: 3 });
    expect(workedLoad(undefined, AS_OF)).toEqual({ weekHours: 0, weekDays: 0, days: 0 });
  });
});

describe('the hard rules count real work', () => {
  test('a member with no placement who worked 17 h last week cannot take a 4-hour slot under a 20-hour cap', () => {
    // max(0 planned, 17 worked) + 4 = 21 > 20.
    expect(rule(verdict(free, [row('2016-01-11', 8), row('2016-01-12', 8), row('2016-01-13', 1)]))).toBe('weekly_hours');
    // 16 h: 16 + 4 = 20, within the cap, and one slot more a week at most.
    const ok = verdict(free, [row('2016-01-11', 8), row('2016-01-12', 8)]);
    expect(ok.ok && ok.capacity.maxSlots).toBe(1);
  });

  test('plan and real work are not added up: the busier of the two counts', () => {
    // Placed on J2 (Tue-AM, Thu-AM: 8 h planned); J3 wants Tue-PM, a weekday already worked.
    const J2 = job({ job_id: 'J2', slots: ['Tue-AM', 'Thu-AM'] });
    const J3 = job({ job_id: 'J3', slots: ['Tue-PM'] });
    const m = member({ member_id: 'M1', availability: ['Tue-PM'] });
    const matches = [placement({ match_id: 'X1', member_id: 'M1', job_id: 'J2', placed_on: '2015-12-01' })];
    const slots = (rows: WorkRecord[]): number | false => {
      const load = { ...currentLoad(indexPlacements(matches, [J2, J3]).get('M1'), AS_OF, 4), worked: workedLoad(indexWork(rows).get('M1'), AS_OF) };
      const v = checkHardRules(m, 'J3', slotMask(J3.slots), load, DEFAULT_CAPS, AS_OF);
      return v.ok && v.capacity.maxSlots;
    };
    // Worked 8 h on it last week, as planned: (20 − max(8, 8)) / 4 = 3 slots more (not (20 − 16) / 4 = 1).
    expect(slots([row('2016-01-12', 4), row('2016-01-14', 4)])).toBe(3);
    // Worked 14 h (overtime): (20 − 14) / 4 = 1.
    expect(slots([row('2016-01-12', 7), row('2016-01-14', 7)])).toBe(1);
  });

  test('a member who worked 7 days in the 4 weeks cannot take a new weekday under a 10-day month (7 + 4 > 10); 6 days can', () => {
    const days = (n: number): WorkRecord[] => ['2015-12-21', '2015-12-22', '2015-12-28', '2015-12-29', '2016-01-04', '2016-01-05', '2016-01-11'].slice(0, n).map((d) => row(d, 2));
    expect(rule(verdict(free, days(7)))).toBe('monthly_days');
    expect(rule(verdict(free, days(6)))).toBe('ok');
  });

  test('a member who worked 2 days in one week is at a weekly limit of 2 days', () => {
    const m = member({ member_id: 'M1', availability: ['Mon-AM', 'Wed-PM'], max_days_per_week: 2 });
    expect(rule(verdict(m, [row('2016-01-12', 2), row('2016-01-13', 2)]))).toBe('max_days_per_week');
    // The same 2 days in two different weeks: 1 day a week at most.
    expect(rule(verdict(m, [row('2016-01-06', 2), row('2016-01-13', 2)]))).toBe('ok');
  });

  test('ranking reads the work log: the busy member is turned away, counted under the rule broken', () => {
    const members = [free, member({ member_id: 'M2', availability: ['Mon-AM'] })];
    const workLog = [row('2016-01-11', 8), row('2016-01-12', 8), row('2016-01-13', 4)];
    const result = rankForJob(J, matchContext({ members, matches: [], jobs: [J], workLog, settings: DEFAULT_SETTINGS }), AS_OF);
    expect(result.candidates.map((c) => c.member_id)).toEqual(['M2']);
    expect(result.excluded.weekly_hours).toBe(1);
  });
});
