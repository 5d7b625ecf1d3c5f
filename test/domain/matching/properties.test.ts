import fc from 'fast-check';
import { matchContext, rankForJob } from '../../../src/domain/matching/rank-candidates';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings';
import { ALL_SLOTS, slotWeekday, type Slot } from '../../../src/domain/slots';
import type { Job, Match, Member, WorkRecord } from '../../../src/domain/schema/tabs';
import type { MatchResult } from '../../../src/domain/matching/types';
import { job, member, placement } from './fixtures';

// Random small centers. Every check below re-derives the rules from workbook.md and the issue
// in the plainest way (arrays and sets, no bit masks, no index), independent of the engine.
const DATES = ['2015-06-01', '2015-10-20', '2015-12-01', '2016-01-10', '2016-01-15', '2016-01-20', '2016-03-01'];
const AS_OF = '2016-01-15';
const FEW_SLOTS: readonly Slot[] = ALL_SLOTS.slice(0, 8); // Mon–Thu: dense overlaps, real conflicts

const slotsArb = fc.subarray([...FEW_SLOTS], { minLength: 0, maxLength: 6 });
const memberArb = fc.record({
  joined_on: fc.constantFrom(...DATES), left_on: fc.option(fc.constantFrom(...DATES), { nil: null }),
  consent: fc.boolean(), availability: slotsArb, max_days_per_week: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  skills: fc.subarray(['草刈り', '剪定', '清掃']), district: fc.constantFrom('柏中央', '我孫子', ''),
  motivations: fc.subarray(['contribution', 'health', 'income', 'friendship', 'learning', 'experience'] as const),
  preferred_categories: fc.subarray(['除草', '清掃']),
});
const jobArb = fc.record({
  slots: fc.subarray([...FEW_SLOTS], { minLength: 1, maxLength: 8 }), headcount: fc.integer({ min: 1, max: 3 }),
  required_skills: fc.subarray(['草刈り', '剪定', '清掃']), district: fc.constantFrom('柏中央', '我孫子', ''),
  category: fc.constantFrom('除草', '清掃', ''), social_contribution: fc.boolean(),
});
const matchArb = fc.record({
  m: fc.nat(), j: fc.nat(), status: fc.constantFrom('placed', 'ended', 'proposed', 'declined') as fc.Arbitrary<Match['status']>,
  placed_on: fc.constantFrom(...DATES), ended_on: fc.option(fc.constantFrom(...DATES), { nil: null }),
});
// Work rows around AS_OF: days −35 … +2 from it, so some fall in the 4-week window (−28 … −1) and some not.
const workArb = fc.record({ m: fc.nat(), offset: fc.integer({ min: -35, max: 2 }), hours: fc.constantFrom(1, 2.5, 4, 8) });
const centerArb = fc.record({
  members: fc.array(memberArb, { maxLength: 14 }),
  work: fc.array(workArb, { maxLength: 30 }),
  jobs: fc.array(jobArb, { minLength: 1, maxLength: 4 }),
  matches: fc.array(matchArb, { maxLength: 20 }),
  weeklyHoursCap: fc.constantFrom(8, 12, 20),
  monthlyDaysCap: fc.constantFrom(5, 10, 13, 31),
});

type Center = { members: Member[]; jobs: Job[]; matches: Match[]; workLog: WorkRecord[]; settings: Settings };

/** AS_OF + n days, by Date in UTC (not the engine's day numbers). */
function dayFrom(n: number): string {
  return new Date(Date.parse(`${AS_OF}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
/** The Monday of a day's week. */
function mondayOfDay(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const back = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - back * 86_400_000).toISOString().slice(0, 10);
}

type RawCenter = typeof centerArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: RawCenter): Center {
  const members = c.members.map((m, i) => member({ member_id: `M${i}`, ...m }));
  const jobs = c.jobs.map((j, i) => job({ job_id: `J${i}`, ...j }));
  const matches = c.matches.flatMap((m, i) => {
    if (members.length === 0) return [];
    // Keep the data valid: an end never before the placement.
    const ended_on = m.ended_on !== null && m.ended_on < m.placed_on ? m.placed_on : m.ended_on;
    return [placement({ match_id: `X${i}`, member_id: `M${m.m % members.length}`, job_id: `J${m.j % jobs.length}`, placed_on: m.placed_on, status: m.status, ended_on })];
  });
  const workLog: WorkRecord[] = members.length === 0 ? [] : c.work.map((w, i) => ({
    work_id: `W${i}`, date: dayFrom(w.offset), member_id: `M${w.m % members.length}`, job_id: 'J0', hours: w.hours,
    amount: null, confirmed: false, recorded_at: null, notes: '',
  }));
  return { members, jobs, matches, workLog, settings: { ...DEFAULT_SETTINGS, weeklyHoursCap: c.weeklyHoursCap, monthlyDaysCap: c.monthlyDaysCap } };
}

// ---- the rules, written out plainly ----
function currentJobs(center: Center, memberId: string): Job[] {
  return center.matches
    .filter((m) => m.member_id === memberId && (m.status === 'placed' || m.status === 'ended') && m.placed_on !== null && m.placed_on <= AS_OF
      && (m.ended_on === null ? m.status === 'placed' : m.ended_on >= AS_OF))
    .map((m) => center.jobs.find((j) => j.job_id === m.job_id)!);
}
function weekdaySet(slots: readonly Slot[]): Set<number> {
  return new Set(slots.map(slotWeekday));
}
/** What the member really worked in the 4 weeks before AS_OF (AS_OF − 28 … − 1, matching.md
 *  "Real work"): distinct days, and the most hours and distinct days of one Monday–Sunday week. */
function realWork(center: Center, memberId: string): { days: number; weekHours: number; weekDays: number } {
  const rows = center.workLog.filter((r) => r.member_id === memberId && r.date >= dayFrom(-28) && r.date <= dayFrom(-1));
  const weeks = new Map<string, { hours: number; days: Set<string> }>();
  for (const r of rows) {
    const w = weeks.get(mondayOfDay(r.date)) ?? { hours: 0, days: new Set<string>() };
    w.hours += r.hours;
    w.days.add(r.date);
    weeks.set(mondayOfDay(r.date), w);
  }
  const list = [...weeks.values()];
  return {
    days: new Set(rows.map((r) => r.date)).size,
    weekHours: Math.max(0, ...list.map((w) => w.hours)),
    weekDays: Math.max(0, ...list.map((w) => w.days.size)),
  };
}
/** Can this member take exactly `extra` slots of some job on top of their current work: the
 *  placements' plan, or what they really worked lately, whichever is busier? */
function fits(center: Center, m: Member, extra: readonly Slot[]): boolean {
  const cur = currentJobs(center, m.member_id);
  const real = realWork(center, m.member_id);
  const busy = new Set(cur.flatMap((j) => j.slots));
  if (extra.some((s) => busy.has(s) || !m.availability.includes(s))) return false;
  const planned = cur.reduce((h, j) => h + j.slots.length * center.settings.slotHours, 0);
  if (Math.max(planned, real.weekHours) + extra.length * center.settings.slotHours > center.settings.weeklyHoursCap) return false;
  const before = weekdaySet(cur.flatMap((j) => j.slots));
  const after = new Set([...before, ...weekdaySet(extra)]);
  if (after.size === before.size) return true; // no new working day
  const added = after.size - before.size;
  // A week: the busier of the plan's weekdays and the most days really worked in one week, plus the new ones.
  if (Math.max(before.size, real.weekDays) + added > (m.max_days_per_week ?? 7)) return false;
  if ((after.size * 52) / 12 > center.settings.monthlyDaysCap) return false;
  // A month: each new weekday is about 4 more days in 4 weeks, on top of the days really worked.
  return real.days + 4 * added <= center.settings.monthlyDaysCap;
}
/** People still needed on slot `s` of job `j` (workbook.md "Capacity, slot by slot"): the
 *  headcount less the placements of the job holding a place on AS_OF — not ended before it (a
 *  終了 without a date is over), one that starts later included — each covering all the job's
 *  slots (no 担当枠 here). */
function needOf(center: Center, j: Job, s: Slot): number {
  const holding = center.matches.filter((m) => m.job_id === j.job_id && (m.status === 'placed' || m.status === 'ended')
    && (m.ended_on === null ? m.status === 'placed' : m.ended_on >= AS_OF));
  return Math.max(0, (j.headcount ?? 1) - (j.slots.includes(s) ? holding.length : 0));
}
function eligible(center: Center, m: Member, j: Job): boolean {
  if (!(m.joined_on <= AS_OF && (m.left_on === null || m.left_on > AS_OF))) return false;
  if (!m.consent) return false;
  if (currentJobs(center, m.member_id).some((c) => c.job_id === j.job_id)) return false;
  // Holding a place on the job that starts later counts as placed on it too.
  if (center.matches.some((x) => x.member_id === m.member_id && x.job_id === j.job_id && (x.status === 'placed' || x.status === 'ended')
    && (x.ended_on === null ? x.status === 'placed' : x.ended_on >= AS_OF))) return false;
  return j.slots.some((s) => needOf(center, j, s) > 0 && fits(center, m, [s]));
}

function run(center: Center, j: Job): MatchResult {
  return rankForJob(j, matchContext(center), AS_OF);
}

describe('matching properties over random small centers', () => {
  test('the candidates are exactly the members who break no hard rule', () => {
    fc.assert(fc.property(centerArb, (raw) => {
      const center = build(raw);
      for (const j of center.jobs) {
        const result = run(center, j);
        const expected = center.members.filter((m) => eligible(center, m, j)).map((m) => m.member_id).sort();
        expect(result.candidates.map((c) => c.member_id).sort()).toEqual(expected);
        const excludedTotal = Object.values(result.excluded).reduce((a, b) => a + b, 0);
        expect(excludedTotal + result.candidates.length).toBe(center.members.length);
        for (const c of result.candidates) {
          const m = center.members.find((x) => x.member_id === c.member_id)!;
          // Each slot offered is one the member can take on its own without breaking a rule.
          for (const s of c.slots) expect(j.slots.includes(s) && needOf(center, j, s) > 0 && fits(center, m, [s])).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });

  test('scores are whole numbers from 0 to 100 and the order is score, recent days, member ID', () => {
    fc.assert(fc.property(centerArb, (raw) => {
      const center = build(raw);
      for (const j of center.jobs) {
        const { candidates } = run(center, j);
        for (const c of candidates) {
          expect(Number.isInteger(c.score) && c.score >= 0 && c.score <= 100).toBe(true);
          expect(c.reasons.length).toBeGreaterThanOrEqual(4);
        }
        for (let i = 1; i < candidates.length; i++) {
          const a = candidates[i - 1]!;
          const b = candidates[i]!;
          const inOrder = a.score > b.score || (a.score === b.score && (a.recent_work_days < b.recent_work_days
            || (a.recent_work_days === b.recent_work_days && a.member_id < b.member_id)));
          expect(inOrder).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });

  test('the team keeps every cap, staffs no slot beyond the need, and leaves uncovered only slots nobody else can take', () => {
    fc.assert(fc.property(centerArb, (raw) => {
      const center = build(raw);
      for (const j of center.jobs) {
        const result = run(center, j);
        const needs = new Map(j.slots.map((s) => [s, needOf(center, j, s)]));
        const need = (s: Slot): number => needs.get(s) ?? 0;
        expect(result.need).toBe(Math.max(0, ...j.slots.map(need)));
        const byId = new Map(result.candidates.map((c) => [c.member_id, c]));
        const staffed = new Map<Slot, number>();
        const ids = result.team.members.map((t) => t.member_id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const t of result.team.members) {
          const m = center.members.find((x) => x.member_id === t.member_id)!;
          expect(byId.has(t.member_id)).toBe(true);
          expect(t.slots.length).toBeGreaterThan(0);
          for (const s of t.slots) {
            expect(j.slots.includes(s)).toBe(true);
            staffed.set(s, (staffed.get(s) ?? 0) + 1);
          }
          // All the slots taken together keep the member within every cap.
          expect(fits(center, m, t.slots)).toBe(true);
        }
        for (const s of j.slots) expect(staffed.get(s) ?? 0).toBeLessThanOrEqual(need(s));
        const short = j.slots.filter((s) => (staffed.get(s) ?? 0) < need(s));
        expect([...result.team.uncovered_slots].sort()).toEqual([...short].sort());
        for (const s of short) {
          for (const c of result.candidates) {
            const mine = result.team.members.find((t) => t.member_id === c.member_id)?.slots ?? [];
            if (mine.includes(s) || !c.slots.includes(s)) continue;
            const m = center.members.find((x) => x.member_id === c.member_id)!;
            expect(fits(center, m, [...mine, s])).toBe(false);
          }
          // A slot fewer people can work than it needs is always uncovered.
        }
        for (const s of j.slots) {
          const able = result.candidates.filter((c) => c.slots.includes(s)).length;
          if (able < need(s)) expect(result.team.uncovered_slots).toContain(s);
        }
        // A backup is outside the team and can work its slot.
        for (const b of result.team.backups) {
          expect(ids).not.toContain(b.member_id);
          expect(byId.get(b.member_id)!.slots).toContain(b.slot);
        }
      }
    }), { numRuns: 300 });
  });
});
