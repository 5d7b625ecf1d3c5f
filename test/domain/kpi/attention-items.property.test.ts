import fc from 'fast-check';
import { matchColumnsOf } from '../../../src/domain/kpi/placements';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import { addDays, daysBetween, type CivilDate } from '../../../src/domain/civil-date';
import type { Cell } from '../../../src/domain/cell';
import { attentionItems, type AttentionItems, type UrgentItem } from '../../../src/domain/kpi/attention-items';
import { computeReport } from '../../../src/domain/kpi/compute-report';
import { memberColumnsOf } from '../../../src/domain/kpi/members';
import type { Report } from '../../../src/domain/kpi/report';
import type { Job, Match, Member } from '../../../src/domain/schema/tabs';
import { weekHolding } from '../../../src/domain/weekly/week-period';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { BENCH_TODAY, generateBenchCenter } from '../../../bench/generate-center';

// The attention lists keep only the most urgent items the mail shows (issue 15 item 4: sorting
// ~12,000 waiting members to show ten was a tenth of the steady weekly run). The old code, kept
// here as it was, is the reference: on random generated centers (rows typed twice, so IDs repeat
// and ties happen), any week, any limit, each list is the old list's first `limit` items.

function byUrgency(a: UrgentItem, b: UrgentItem): number {
  return b.days - a.days || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One pass over jobs, matches and members each; `report` is the week's. */
function attentionItemsBefore(
  data: { readonly jobs: readonly Job[]; readonly matches: readonly Match[]; readonly members: readonly Member[] },
  report: Report,
): AttentionItems {
  const to = report.period.to;
  const days = (from: CivilDate | null): number => (from === null ? 0 : Math.max(0, daysBetween(from, to)));
  const jobs = new Map(data.jobs.map((j) => [j.job_id, j]));
  const title = (jobId: string | null): string | null => (jobId === null ? null : jobs.get(jobId)?.title?.trim() || null);

  const stale = new Set(report.work.stale_open_jobs);
  const due = new Set(report.activities.follow_ups_due);
  const waiting = new Set(report.activities.waiting_members);
  const placedByJob = new Map<string, number>();
  const lastContact = new Map<string, CivilDate>();
  const followUps: UrgentItem[] = [];
  for (const m of data.matches) {
    if (m.job_id !== null && m.status === 'placed' && m.placed_on !== null && m.placed_on <= to) {
      placedByJob.set(m.job_id, (placedByJob.get(m.job_id) ?? 0) + 1);
    }
    if (due.has(m.match_id)) {
      followUps.push({ id: m.match_id, days: days(m.placed_on), jobTitle: title(m.job_id), memberId: m.member_id, filled: null });
    }
    // A waiting member's last day with the desk: the latest of a match's days up to `to`.
    if (waiting.has(m.member_id)) {
      for (const d of [m.ended_on, m.placed_on, m.proposed_on]) {
        if (d === null || d > to) continue;
        const seen = lastContact.get(m.member_id);
        if (seen === undefined || d > seen) lastContact.set(m.member_id, d);
      }
    }
  }
  const staleOpenJobs = data.jobs.filter((j) => stale.has(j.job_id)).map((j): UrgentItem => ({
    id: j.job_id, days: days(j.created_on), jobTitle: title(j.job_id), memberId: null,
    filled: { placed: placedByJob.get(j.job_id) ?? 0, headcount: j.headcount ?? 1 },
  }));
  const waitingMembers = data.members.filter((m) => waiting.has(m.member_id)).map((m): UrgentItem => {
    const contact = lastContact.get(m.member_id);
    const since = contact !== undefined && (m.joined_on === null || contact > m.joined_on) ? contact : m.joined_on;
    return { id: m.member_id, days: days(since), jobTitle: null, memberId: null, filled: null, fromJoining: since === m.joined_on };
  });
  return {
    staleOpenJobs: staleOpenJobs.sort(byUrgency),
    followUpsDue: followUps.sort(byUrgency),
    waitingMembers: waitingMembers.sort(byUrgency),
  };
}

function firstOf(items: AttentionItems, limit: number): AttentionItems {
  const cut = (list: readonly UrgentItem[]): readonly UrgentItem[] => list.slice(0, limit);
  return { staleOpenJobs: cut(items.staleOpenJobs), followUpsDue: cut(items.followUpsDue), waitingMembers: cut(items.waitingMembers) };
}

function copyRows(rows: Cell[][], picks: readonly number[]): void {
  for (const p of picks) {
    const row = rows[p % Math.max(1, rows.length)];
    if (row) rows.push([...row]);
  }
}

describe('the attention lists cut to the most urgent', () => {
  it('are the first items of the whole sorted lists, for any center, week and limit', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 40, max: 400 }), fc.integer({ min: 0, max: 60 }),
      fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(0, 1, 3, 10, 50, Infinity),
      (seed, members, weeksBack, picks, limit) => {
        const center = generateBenchCenter({ name: 'p', members, activities: 200 }, seed);
        const tables = center.tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
        for (const name of ['会員', '仕事', 'マッチング']) {
          const tab = tables.find((t) => t.name === name);
          if (tab) copyRows(tab.rows, picks);
        }
        const wb = loadWorkbook(MemoryTableStore.from(tables));
        const week = weekHolding(addDays(BENCH_TODAY, -7 * weeksBack));
        const report = computeReport(wb, week);
        const before = attentionItemsBefore(wb, report);
        expect(attentionItems({ ...wb, members: memberColumnsOf(wb.members), matches: matchColumnsOf(wb.matches) }, report, limit)).toEqual(firstOf(before, limit));
        expect(attentionItems({ ...wb, members: memberColumnsOf(wb.members), matches: matchColumnsOf(wb.matches) }, report)).toEqual(before);
      },
    ), { numRuns: 25 });
  });
});
