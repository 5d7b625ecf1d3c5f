import * as fc from 'fast-check';
import { computeReport } from '../../../src/domain/kpi/compute-report';
import { explicitPeriod, fiscalYearPeriod, weekPeriod } from '../../../src/domain/kpi/period';
import { rawWorkbook } from '../raw-workbook';

const FY2015 = { from: '2015-04-01', to: '2016-03-31' };

describe('periods', () => {
  it('runs a fiscal year from the first day of its start month', () => {
    expect(fiscalYearPeriod(2015, { fiscalYearStartMonth: 4 })).toEqual(FY2015);
    expect(fiscalYearPeriod(2015, { fiscalYearStartMonth: 1 })).toEqual({ from: '2015-01-01', to: '2015-12-31' });
    // March start: 2015-03-01 .. the day before 2016-03-01, a leap year's 02-29.
    expect(fiscalYearPeriod(2015, { fiscalYearStartMonth: 3 })).toEqual({ from: '2015-03-01', to: '2016-02-29' });
  });

  it('runs a week from Monday to Sunday, whichever day it is given', () => {
    // 2015-04-01 was a Wednesday; 2015-04-05 a Sunday; 2015-04-06 a Monday.
    expect(weekPeriod('2015-04-01')).toEqual({ from: '2015-03-30', to: '2015-04-05' });
    expect(weekPeriod('2015-04-05')).toEqual({ from: '2015-03-30', to: '2015-04-05' });
    expect(weekPeriod('2015-04-06')).toEqual({ from: '2015-04-06', to: '2015-04-12' });
  });

  it('refuses an explicit period that ends before it starts or is not made of dates', () => {
    expect(explicitPeriod('2015-04-01', '2015-04-01')).toEqual({ from: '2015-04-01', to: '2015-04-01' });
    expect(explicitPeriod('2015-04-02', '2015-04-01')).toBeNull();
    expect(explicitPeriod('2015-02-30', '2015-04-01')).toBeNull();
  });
});

describe('members on the boundary days', () => {
  const wb = rawWorkbook({
    会員: {
      header: ['会員ID', '入会日', '退会日', '性別', '入会経路'],
      rows: [
        ['M1', '2015-04-01', null, '女性', '説明会'],
        ['M2', '2010-01-01', '2015-04-01', '男性', '窓口'],
        ['M3', '2010-01-01', '2016-03-31', '男性', '窓口'],
        ['M4', '2010-01-01', '2016-04-01', null, null],
        ['M5', '2016-03-31', null, 'その他', null],
      ],
    },
  });
  const r = computeReport(wb, FY2015);

  it('counts a member who joined on the first day of the fiscal year as enrolled and as new', () => {
    // On 2015-04-01: M1 (joined that day), M3, M4. M2 left that day.
    expect(r.members.enrolled_at_start).toEqual({ total: 3, male: 1, female: 1, other: 0, unknown: 1 });
    expect(r.members.new_members.by_route.orientation).toBe(1);
  });

  it('does not count a member on the day they leave', () => {
    // On 2016-03-31: M1, M4 (leaves the day after), M5 (joined that day). M3 left that day.
    expect(r.members.enrolled).toEqual({ total: 3, male: 0, female: 1, other: 1, unknown: 1 });
    // M2 and M3 left inside the year; M4 after it.
    expect(r.members.resigned_members).toBe(2);
  });

  it('counts a blank route as other so the routes add up to the new members', () => {
    // New: M1 (説明会), M5 (blank).
    expect(r.members.new_members).toEqual({
      total: 2, by_route: { window: 0, orientation: 1, seminar: 0, referral: 0, publicity: 0, other: 1 },
      by_gender: { male: 0, female: 1, other: 1, unknown: 0 },
    });
  });

  it('leaves the crude enrollment rate blank without a population and every rate finite with no members', () => {
    expect(r.members.crude_enrollment_rate).toBeNull();
    const empty = computeReport(rawWorkbook({}), FY2015);
    expect(empty.work.employment_rate).toBe(0);
    expect(empty.activities.by_coordinator).toEqual({});
    expect(empty.events.list).toEqual([]);
  });
});

describe('the figures hold together for any members and activities', () => {
  const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2013, 0, 1 + n)).toISOString().slice(0, 10));
  const member = fc.record({ joined: day, stay: fc.option(fc.integer({ min: 0, max: 900 })), gender: fc.constantFrom('男性', '女性', 'その他', null) });
  const activity = fc.record({ date: day, area: fc.constantFrom('開拓', '募集・支援', 'マッチング', '継続支援'), minutes: fc.integer({ min: 0, max: 240 }), who: fc.constantFrom('a@x', 'b@x', '') });

  it('adds every split up to its total, and enrolment moves by joiners and leavers', () => {
    fc.assert(fc.property(fc.array(member, { maxLength: 40 }), fc.array(activity, { maxLength: 40 }), day, day, (ms, as, d1, d2) => {
      const [from, to] = d1 <= d2 ? [d1, d2] : [d2, d1];
      const rows = ms.map((m, i) => {
        const left = m.stay === null ? null : new Date(Date.parse(`${m.joined}T00:00:00Z`) + m.stay * 86_400_000).toISOString().slice(0, 10);
        return [`M${i}`, m.joined, left, m.gender];
      });
      const wb = rawWorkbook({
        会員: { header: ['会員ID', '入会日', '退会日', '性別'], rows },
        活動記録: { header: ['活動ID', '日付', '分野', '所要分', '担当'], rows: as.map((a, i) => [`A${i}`, a.date, a.area, a.minutes, a.who]) },
      });
      const r = computeReport(wb, { from, to });
      const sum = (o: Record<string, number>): number => Object.values(o).reduce((x, y) => x + y, 0);
      const { total: t1, ...g1 } = r.members.enrolled;
      const { total: t0, ...g0 } = r.members.enrolled_at_start;
      expect(sum(g1)).toBe(t1);
      expect(sum(g0)).toBe(t0);
      expect(sum(r.members.new_members.by_route)).toBe(r.members.new_members.total);
      expect(sum(r.members.new_members.by_gender)).toBe(r.members.new_members.total);
      expect(sum(r.activities.by_area)).toBe(r.activities.total);
      expect(sum(r.activities.by_kind)).toBe(r.activities.total);
      expect(sum(r.activities.by_coordinator)).toBe(r.activities.total);
      expect(sum(r.activities.minutes_by_area)).toBe(r.activities.minutes);
      expect(sum(r.activities.minutes_by_coordinator)).toBe(r.activities.minutes);
      // Enrolled on `to` = enrolled on `from` + joined in (from, to] − left in (from, to]; counted
      // here straight from the rows, not through the code under test.
      const joinedAfterFrom = rows.filter((m) => (m[1] as string) > from && (m[1] as string) <= to).length;
      const leftAfterFrom = rows.filter((m) => m[2] !== null && (m[2] as string) > from && (m[2] as string) <= to).length;
      expect(t1).toBe(t0 + joinedAfterFrom - leftAfterFrom);
    }), { numRuns: 150 });
  });
});
