import fc from 'fast-check';
import { addDays } from '../../../src/domain/civil-date';
import type { Cell } from '../../../src/domain/cell';
import { dayNumber } from '../../../src/domain/matching/day-number';
import { bucketsOf, type IndexEntry } from '../../../src/domain/matching/member-index';
import { RECENT_DAYS } from '../../../src/domain/matching/work-load';
import { WORKED_WINDOW_DAYS } from '../../../src/domain/matching/worked-load';
import type { Slot } from '../../../src/domain/slots';
import { slotLabel } from '../../../src/domain/slots';
import { CANDIDATE_INDEX_TAB, readCandidateIndex, rebuildCandidateIndex } from '../../../src/app/matching/candidate-index';
import { candidatesOf } from '../../../src/app/matching/list-candidates';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import type { CallContext } from '../../../src/app/shared/call-context';
import { recordWork } from '../../../src/app/work/record-work';
import { MemoryKeyValueStore } from '../../../src/local/memory-key-value-store';
import type { MemoryTableStore } from '../../../src/local/memory-table-store';
import { COORDINATOR } from '../sidebar/sidebar-fixture';
import { desk, ok, TODAY } from '../day-fixture';

// The candidate index (matching.md "The candidate index") held to a recount: after any sequence of
// the writes that keep it (saveMember new and edited, leaveMember, 成立 / 終了 / undo / 提案,
// recordWork) and of hand edits of 会員 followed by a rebuild, with days passing, (1) the index equals
// the one rebuilt from the tabs, member by member, and (2) the sidebar's list from the index equals
// the list ranked from every tab read whole — same candidates in the same order, same reasons,
// same team, same counts of members turned away.

const SLOTS: readonly Slot[] = ['Mon-AM', 'Mon-PM', 'Tue-AM', 'Wed-AM', 'Fri-AM'];
const JOBS = ['J001', 'J002', 'J003', 'J004'];

const commandArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('place' as const, 'place' as const, 'end' as const, 'undo_place' as const, 'propose' as const), m: fc.nat({ max: 3 }), j: fc.nat({ max: 1 }) }) },
  {
    weight: 2, arbitrary: fc.record({
      kind: fc.constant('edit' as const), m: fc.nat(), availability: fc.subarray([...SLOTS]), consent: fc.boolean(),
      district: fc.constantFrom('柏', '松戸', '我孫子'), skills: fc.subarray(['清掃', '草刈り', '配膳']), days: fc.option(fc.integer({ min: 1, max: 7 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('new' as const), availability: fc.subarray([...SLOTS]) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), m: fc.nat(), back: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('work' as const), m: fc.nat(), j: fc.nat(), back: fc.integer({ min: 1, max: 35 }), hours: fc.constantFrom(2, 3.5, 4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hand' as const), m: fc.nat(), availability: fc.subarray([...SLOTS]), consent: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), days: fc.integer({ min: 1, max: 3 }) }) },
);

/** An entry as a ranking on `today` can count it: what both sides keep may differ only in rows or
 *  placements that can no longer count (one side pruned on an earlier day). */
function counted(e: IndexEntry, today: string): IndexEntry {
  const day = dayNumber(today);
  return {
    member: e.member,
    placements: e.placements.filter((p) => p.toDay === null || p.toDay >= day - RECENT_DAYS - 1),
    work: e.work.filter((w) => w.day >= day - WORKED_WINDOW_DAYS).slice().sort((a, b) => a.day - b.day || a.hours - b.hours),
  };
}

function byMember(entries: readonly IndexEntry[], today: string): Map<string, IndexEntry> {
  return new Map(entries.map((e) => [e.member.member_id, counted(e, today)]));
}

function contextOf(store: MemoryTableStore, today: string): CallContext {
  const wb = loadWorkbook(store);
  const coordinator = wb.coordinators.find((c) => c.email === COORDINATOR);
  if (!coordinator) throw new Error('fixture: no coordinator');
  return { settings: wb.settings, lang: 'ja', email: COORDINATOR, coordinator, canWrite: true, now: `${today}T10:00:00`, today };
}

/** Writes one cell of 会員 by hand, as a person typing into the tab would. */
function typeInto(store: MemoryTableStore, memberId: string, header: string, value: Cell): void {
  const raw = store.read(['会員']);
  if (!raw) throw new Error('no 会員');
  const rows = raw.rows.map((r) => [...r]);
  const at = raw.header.indexOf(header);
  const row = rows.find((r) => r[0] === memberId);
  if (!row || at < 0) return;
  row[at] = value;
  store.replace('会員', raw.header, rows);
}

describe('the candidate index over any sequence of writes', () => {
  it('equals the index rebuilt from the tabs, and ranks every job as the tabs read whole do', () => {
    const seen = new Map<string, number>();
    fc.assert(fc.property(fc.array(commandArb, { minLength: 1, maxLength: 14 }), (commands) => {
      const d = desk();
      let today = TODAY;
      d.day(today);
      const work = { store: d.store, props: new MemoryKeyValueStore(), lock: { tryLock: () => true, release: () => undefined } };
      // The first list builds the index (the tab is missing).
      ok(d.api().listCandidates('J001'));
      expect(d.store.tabNames()).toContain(CANDIDATE_INDEX_TAB);
      const members = (): string[] => (d.store.read(['会員'])?.rows ?? []).map((r) => String(r[0]));
      let lastPlaced: { job_id: string; member_id: string } | null = null;
      for (const cmd of commands) {
        const api = d.api();
        const ids = members();
        const pick = (n: number): string => ids[n % ids.length] ?? 'M001';
        let r: { ok: boolean } = { ok: true };
        if (cmd.kind === 'tick') {
          today = addDays(today, cmd.days);
          d.day(today);
        } else if (cmd.kind === 'edit') {
          r = api.saveMember({
            member_id: pick(cmd.m), availability: cmd.availability, consent: cmd.consent, district: cmd.district, skills: cmd.skills,
            max_days_per_week: cmd.days,
          });
        } else if (cmd.kind === 'new') {
          r = api.saveMember({ name: '新 会員', kana: 'シン カイイン', availability: cmd.availability, consent: true, joined_on: addDays(today, -1) });
        } else if (cmd.kind === 'leave') {
          r = api.leaveMember({ member_id: pick(cmd.m), date: addDays(today, -cmd.back), reason: 'health' });
        } else if (cmd.kind === 'work') {
          r = recordWork(work, { lang: 'ja', now: `${today}T10:00:00`, user: COORDINATOR }, [{
            date: addDays(today, -cmd.back), member_id: pick(cmd.m), job_id: JOBS[cmd.j % JOBS.length] ?? 'J001', hours: cmd.hours,
          }]);
        } else if (cmd.kind === 'hand') {
          // A person types into 会員; the index learns it from a rebuild (nightly, the menu, a stale stamp).
          typeInto(d.store, pick(cmd.m), '就業可能枠', cmd.availability.map((s) => slotLabel(s, 'ja')).join(','));
          typeInto(d.store, pick(cmd.m), '個人情報同意', cmd.consent);
          rebuildCandidateIndex(d.store, loadWorkbook(d.store).settings, today);
        } else {
          // 終了 and undo mostly of the last placement made, so that both are reached.
          const target: { job_id: string; member_id: string } = (cmd.kind === 'end' || cmd.kind === 'undo_place') && lastPlaced
            ? lastPlaced
            : { job_id: JOBS[cmd.j % JOBS.length] ?? 'J001', member_id: pick(cmd.m) };
          r = api.changeMatchStatus({ action: cmd.kind, ...target });
          if (r.ok && cmd.kind === 'place') lastPlaced = target;
        }
        const key = `${cmd.kind} ${r.ok ? 'ok' : 'refused'}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }

      // (2) first, so that a stale stamp after the ticks is rebuilt by the reader, as in the sidebar.
      const ctx = contextOf(d.store, today);
      const full = loadWorkbook(d.store);
      for (const jobId of JOBS) expect(ok(d.api().listCandidates(jobId))).toEqual(candidatesOf(full, ctx, jobId));
      // (1) member by member.
      const index = readCandidateIndex(d.store, today);
      if (!index.ok) throw new Error(`index not readable: ${index.why}`);
      const rebuilt = bucketsOf(full.members, full.matches, full.jobs, full.workLog, today).flat();
      expect(byMember(index.entries, today)).toEqual(byMember(rebuilt, today));
      expect(index.entries.length).toBe(full.members.length);
      return true;
    }), { numRuns: 60, seed: 20251201 });
    // eslint-disable-next-line no-console
    console.log(`candidate index: ${JSON.stringify(Object.fromEntries([...seen].sort()))}`);
    for (const k of ['place ok', 'end ok', 'edit ok', 'new ok', 'leave ok', 'work ok', 'hand ok']) expect([k, (seen.get(k) ?? 0) > 0]).toEqual([k, true]);
  });
});
