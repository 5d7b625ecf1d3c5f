import fc from 'fast-check';
import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import { KEPT_CURRENT, parseStoredHeadline, recountHeadline, STORED_HEADLINE_KEY } from '../../../src/app/weekly/stored-headline';
import { NOW, sidebarPorts } from '../sidebar/sidebar-fixture';

// The stored 今週 figures (src/app/weekly/stored-headline.ts) are kept current by the writes
// themselves, not recounted on every open. After any sequence of sidebar writes — activities
// logged, corrected and withdrawn, members joining and leaving, matches proposed, placed, ended
// and undone, jobs registered, closed and reopened — every figure the writes keep must equal a
// recount from the sheet. A write that failed (refused) must leave them equal too.

const TODAY = '2025-06-11'; // Wednesday, in Tokyo (NOW)
const DAYS = ['2025-06-02', '2025-06-06', '2025-06-08', '2025-06-09', '2025-06-10', '2025-06-11', '2025-05-20'];
const quiet = (): void => undefined;

type Op =
  | { op: 'log'; date: string; minutes: number; member: string }
  | { op: 'correct'; nth: number; date: string; minutes: number }
  | { op: 'note'; nth: number; notes: string }
  | { op: 'edit'; member: string; district: string; skills: boolean }
  | { op: 'withdraw'; nth: number }
  | { op: 'join'; joined: string }
  | { op: 'leave'; member: string; date: string }
  | { op: 'match'; action: 'propose' | 'place' | 'end' | 'undo_place' | 'decline'; job: string; member: string }
  | { op: 'job'; title: string }
  | { op: 'status'; job: string; status: 'closed' | 'open' };

const member = fc.constantFrom('M001', 'M002', 'M003', 'M004');
const job = fc.constantFrom('J001', 'J002');
const day = fc.constantFrom(...DAYS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('log' as const), date: day, minutes: fc.integer({ min: 0, max: 120 }), member }),
  fc.record({ op: fc.constant('correct' as const), nth: fc.nat(5), date: day, minutes: fc.integer({ min: 1, max: 90 }) }),
  fc.record({ op: fc.constant('withdraw' as const), nth: fc.nat(5) }),
  // Writes whose rows count the same before and after (no property read nor written for them,
  // figure-changes.ts): a note corrected, a member's 地区 or 技能 retyped — to a 地区 in use or a
  // new one, which the dropdowns' list must then hold.
  fc.record({ op: fc.constant('note' as const), nth: fc.nat(5), notes: fc.constantFrom('y', 'z') }),
  fc.record({ op: fc.constant('edit' as const), member, district: fc.constantFrom('柏', '我孫子', '新しい地区', '東口'), skills: fc.boolean() }),
  fc.record({ op: fc.constant('join' as const), joined: day }),
  fc.record({ op: fc.constant('leave' as const), member, date: day }),
  fc.record({ op: fc.constant('match' as const), action: fc.constantFrom('propose' as const, 'place' as const, 'end' as const, 'undo_place' as const, 'decline' as const), job, member }),
  fc.record({ op: fc.constant('job' as const), title: fc.constantFrom('草取り', '配膳') }),
  fc.record({ op: fc.constant('status' as const), job, status: fc.constantFrom('closed' as const, 'open' as const) }),
);

describe('the stored 今週 figures', () => {
  test('equal a recount from the sheet after any sequence of sidebar writes', () => {
    fc.assert(fc.property(fc.array(opArb, { minLength: 1, maxLength: 12 }), (ops) => {
      const ports = sidebarPorts();
      const api = createSidebarApi(ports, quiet);
      const boot = api.sidebarBootstrap();
      if (!boot.ok) throw new Error(boot.message);
      const logged: string[] = [];
      for (const o of ops) {
        if (o.op === 'log') {
          const r = api.logActivity({ date: o.date, area: 'support', member_id: o.member, minutes: o.minutes, notes: 'x' });
          if (r.ok) logged.push(r.data.activity.activity_id);
        } else if (o.op === 'correct') {
          const id = logged[o.nth % Math.max(1, logged.length)];
          if (id) api.correctActivity({ activity_id: id, date: o.date, minutes: o.minutes });
        } else if (o.op === 'note') {
          const id = logged[o.nth % Math.max(1, logged.length)];
          if (id) api.correctActivity({ activity_id: id, notes: o.notes });
        } else if (o.op === 'edit') {
          api.saveMember({ member_id: o.member, district: o.district, ...(o.skills ? { skills: ['清掃'] } : {}) });
        } else if (o.op === 'withdraw') {
          const id = logged[o.nth % Math.max(1, logged.length)];
          if (id) api.withdrawActivity(id);
        } else if (o.op === 'join') {
          api.saveMember({ name: '新 会員', joined_on: o.joined, gender: 'female', join_route: 'window' });
        } else if (o.op === 'leave') {
          api.leaveMember({ member_id: o.member, date: o.date, reason: 'health' });
        } else if (o.op === 'match') {
          api.changeMatchStatus({ action: o.action, job_id: o.job, member_id: o.member });
        } else if (o.op === 'job') {
          api.registerJob({ client_id: 'C001', title: o.title, slots: ['Mon-AM'], headcount: 1 });
        } else {
          api.setJobStatus({ job_id: o.job, status: o.status });
        }
        const stored = parseStoredHeadline(ports.props.get(STORED_HEADLINE_KEY));
        expect(stored?.day).toBe(TODAY);
        const recount = recountHeadline(loadWorkbook(ports.store), TODAY, '');
        for (const key of KEPT_CURRENT) expect([o.op, key, stored?.figures[key]]).toEqual([o.op, key, recount.figures[key]]);
        expect(stored?.sizes).toEqual(recount.sizes);
        // Every 地区 in use is in the dropdowns' list (a word no longer used stays until the night).
        for (const d of recount.districts ?? []) expect([o.op, stored?.districts?.includes(d)]).toEqual([o.op, true]);
      }
    }), { numRuns: 60 });
    expect(NOW.toISOString()).toBe('2025-06-11T01:00:00.000Z');
  });
});
