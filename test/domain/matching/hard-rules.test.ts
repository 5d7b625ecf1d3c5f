import { bestTake, checkHardRules, enrolledOn, weekdaysAllowedByMonthlyCap, type Capacity, type Eligibility } from '../../../src/domain/matching/hard-rules';
import { indexPlacements } from '../../../src/domain/matching/placements';
import { slotMask, slotsOf } from '../../../src/domain/matching/slot-bits';
import { currentLoad } from '../../../src/domain/matching/work-load';
import type { Job, Match, Member } from '../../../src/domain/schema/tabs';
import { DEFAULT_CAPS, job, member, placement } from './fixtures';

const AS_OF = '2016-01-15';
const J = job({ job_id: 'J1', slots: ['Mon-AM', 'Wed-PM'] });

function verdict(m: Member, matches: Match[] = [], jobs: Job[] = [J], caps = DEFAULT_CAPS, target: Job = J): Eligibility {
  const load = currentLoad(indexPlacements(matches, jobs).get(m.member_id), AS_OF, caps.slotHours);
  return checkHardRules(m, target.job_id, slotMask(target.slots), load, caps, AS_OF);
}
const rule = (v: Eligibility): string => (v.ok ? 'ok' : v.rule);

describe('hard rules', () => {
  test('a member is enrolled from the day they join up to the day before they leave', () => {
    expect(enrolledOn({ joined_on: '2016-01-15', left_on: null }, AS_OF)).toBe(true);
    expect(enrolledOn({ joined_on: '2016-01-16', left_on: null }, AS_OF)).toBe(false);
    expect(enrolledOn({ joined_on: '2015-01-01', left_on: '2016-01-15' }, AS_OF)).toBe(false);
    expect(enrolledOn({ joined_on: '2015-01-01', left_on: '2016-01-16' }, AS_OF)).toBe(true);
  });

  test('turns away a member who has not joined yet or has left', () => {
    expect(rule(verdict(member({ member_id: 'M1', joined_on: '2016-02-01', availability: ['Mon-AM'] })))).toBe('not_enrolled');
    expect(rule(verdict(member({ member_id: 'M1', left_on: '2016-01-15', availability: ['Mon-AM'] })))).toBe('not_enrolled');
  });

  test('turns away a member without consent to the use of their personal data', () => {
    expect(rule(verdict(member({ member_id: 'M1', consent: false, availability: ['Mon-AM'] })))).toBe('no_consent');
  });

  test('turns away a member who shares no slot with the job', () => {
    expect(rule(verdict(member({ member_id: 'M1', availability: ['Mon-PM', 'Wed-AM'] })))).toBe('no_shared_slot');
  });

  test('turns away a member already placed on this job, but not one whose placement there has ended', () => {
    const m = member({ member_id: 'M1', availability: ['Mon-AM'] });
    expect(rule(verdict(m, [placement({ match_id: 'X1', member_id: 'M1', job_id: 'J1', placed_on: '2015-12-01' })]))).toBe('already_placed');
    expect(rule(verdict(m, [placement({ match_id: 'X1', member_id: 'M1', job_id: 'J1', placed_on: '2015-12-01', status: 'ended', ended_on: '2016-01-14' })]))).toBe('ok');
  });

  test('counts a placement as current from its placed day through its end day', () => {
    const m = member({ member_id: 'M1', availability: ['Mon-AM'] });
    expect(rule(verdict(m, [placement({ match_id: 'X1', member_id: 'M1', job_id: 'J1', placed_on: '2016-01-15' })]))).toBe('already_placed');
    expect(rule(verdict(m, [placement({ match_id: 'X1', member_id: 'M1', job_id: 'J1', placed_on: '2016-01-16' })]))).toBe('ok');
    expect(rule(verdict(m, [placement({ match_id: 'X1', member_id: 'M1', job_id: 'J1', placed_on: '2015-12-01', ended_on: '2016-01-15', status: 'ended' })]))).toBe('already_placed');
  });

  test('turns away a member whose shared slots are all taken by another current job', () => {
    const other = job({ job_id: 'J2', slots: ['Mon-AM'] });
    const m = member({ member_id: 'M1', availability: ['Mon-AM', 'Tue-AM'] });
    const p = placement({ match_id: 'X1', member_id: 'M1', job_id: 'J2', placed_on: '2015-12-01' });
    expect(rule(verdict(m, [p], [J, other]))).toBe('slots_busy');
  });

  test('turns away a member at the weekly hours cap and keeps one with room for one more slot', () => {
    // J2 has 4 slots × 4 h = 16 h; one more 4 h slot makes 20 h = the cap: allowed.
    // J3 has 5 slots = 20 h already: no room for a single further slot.
    const j2 = job({ job_id: 'J2', slots: ['Mon-PM', 'Tue-AM', 'Tue-PM', 'Wed-AM'] });
    const j3 = job({ job_id: 'J3', slots: ['Mon-PM', 'Tue-AM', 'Tue-PM', 'Wed-AM', 'Thu-AM'] });
    const m = member({ member_id: 'M1', availability: ['Mon-AM', 'Wed-PM'] });
    const on2 = verdict(m, [placement({ match_id: 'X', member_id: 'M1', job_id: 'J2', placed_on: '2015-12-01' })], [J, j2, j3]);
    expect(rule(on2)).toBe('ok');
    expect(on2.ok && on2.capacity.maxSlots).toBe(1);
    expect(rule(verdict(m, [placement({ match_id: 'X', member_id: 'M1', job_id: 'J3', placed_on: '2015-12-01' })], [J, j2, j3]))).toBe('weekly_hours');
  });

  test('uses the weekly hours cap and slot hours of the settings', () => {
    // 3 slots × 5 h = 15 h worked; cap 18 leaves 3 h < one 5 h slot.
    const j2 = job({ job_id: 'J2', slots: ['Mon-PM', 'Tue-AM', 'Tue-PM'] });
    const m = member({ member_id: 'M1', availability: ['Mon-AM'] });
    const caps = { slotHours: 5, weeklyHoursCap: 18, monthlyDaysCap: 31 };
    expect(rule(verdict(m, [placement({ match_id: 'X', member_id: 'M1', job_id: 'J2', placed_on: '2015-12-01' })], [J, j2], caps))).toBe('weekly_hours');
  });

  test('lets a member at their own days-per-week limit take a slot only on a day they already work', () => {
    // Works Mon-PM (1 weekday). Limit 1: Mon-AM adds no day (ok), Wed-PM would add a second day.
    const j2 = job({ job_id: 'J2', slots: ['Mon-PM'] });
    const p = placement({ match_id: 'X', member_id: 'M1', job_id: 'J2', placed_on: '2015-12-01' });
    const limited = verdict(member({ member_id: 'M1', availability: ['Mon-AM', 'Wed-PM'], max_days_per_week: 1 }), [p], [J, j2]);
    expect(limited.ok && slotsOf(limited.capacity.coverable)).toEqual(['Mon-AM']);
    expect(rule(verdict(member({ member_id: 'M1', availability: ['Wed-PM'], max_days_per_week: 1 }), [p], [J, j2]))).toBe('max_days_per_week');
  });

  test('reads the monthly days cap as weekdays a week: 10 days allow 2 weekdays, 13 allow 3', () => {
    // w weekdays a week ≈ w × 52/12 days a month: 2 → 8.67 ≤ 10; 3 → 13 > 10; 3 → 13 ≤ 13.
    expect(weekdaysAllowedByMonthlyCap(10)).toBe(2);
    expect(weekdaysAllowedByMonthlyCap(13)).toBe(3);
    expect(weekdaysAllowedByMonthlyCap(4)).toBe(0);
  });

  test('turns away a member who already works two weekdays from a job on a third weekday under the 10-day cap', () => {
    const j2 = job({ job_id: 'J2', slots: ['Tue-AM', 'Thu-AM'] });
    const p = placement({ match_id: 'X', member_id: 'M1', job_id: 'J2', placed_on: '2015-12-01' });
    const m = member({ member_id: 'M1', availability: ['Mon-AM', 'Wed-PM'] });
    expect(rule(verdict(m, [p], [J, j2]))).toBe('monthly_days');
    expect(rule(verdict(m, [p], [J, j2], { ...DEFAULT_CAPS, monthlyDaysCap: 13 }))).toBe('ok');
  });

  test('ignores consultations and matches that were never placed when counting current work', () => {
    const j2 = job({ job_id: 'J2', slots: ['Mon-PM', 'Tue-AM', 'Tue-PM', 'Wed-AM', 'Thu-AM'] });
    const m = member({ member_id: 'M1', availability: ['Mon-AM'] });
    const proposed = placement({ match_id: 'X', member_id: 'M1', job_id: 'J2', placed_on: '2015-12-01', status: 'proposed' });
    expect(rule(verdict(m, [proposed], [J, j2]))).toBe('ok');
  });
});

describe('the most a member can take at once', () => {
  const cap = (over: Partial<Capacity>): Capacity => ({ coverable: 0, maxSlots: 5, weekdays: 0, maxNewWeekdays: 2, ...over });

  test('takes the fullest new weekdays first and every slot on a day already worked', () => {
    // Wanted Mon-AM, Tue-AM, Tue-PM, Wed-AM; already works Wed. One new weekday allowed:
    // Tue (2 slots) beats Mon (1) → Tue-AM, Tue-PM, plus Wed-AM on a worked day.
    const c = cap({ coverable: slotMask(['Mon-AM', 'Tue-AM', 'Tue-PM', 'Wed-AM']), weekdays: 0b100, maxNewWeekdays: 1 });
    expect(slotsOf(bestTake(c, slotMask(['Mon-AM', 'Tue-AM', 'Tue-PM', 'Wed-AM'])))).toEqual(['Tue-AM', 'Tue-PM', 'Wed-AM']);
  });

  test('keeps within the slots left under the weekly hours cap, worked days first', () => {
    const c = cap({ coverable: slotMask(['Mon-AM', 'Tue-AM', 'Wed-AM']), weekdays: 0b100, maxSlots: 2 });
    expect(slotsOf(bestTake(c, c.coverable))).toEqual(['Mon-AM', 'Wed-AM']);
  });
});
