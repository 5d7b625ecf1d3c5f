import { holdsPlace, jobCapacity, placementTake, statusAfter, wantedSlots } from '../../../src/domain/jobs/capacity';
import { slotMask } from '../../../src/domain/matching/slot-bits';
import { job, placement } from '../matching/fixtures';

// workbook.md "Capacity, slot by slot", worked by hand on 2025-06-11.
const DAY = '2025-06-11';

describe('a job\'s fill', () => {
  const J = job({ job_id: 'J1', slots: ['Mon-AM', 'Wed-AM', 'Fri-AM'], headcount: 2 });

  it('counts each placement holding its place on the slots of its 担当枠, all of them when blank', () => {
    const c = jobCapacity(J, [
      placement({ match_id: 'X1', member_id: 'A', job_id: 'J1', placed_on: '2025-05-01' }), // blank: all three
      placement({ match_id: 'X2', member_id: 'B', job_id: 'J1', placed_on: '2025-05-01', slots: ['Mon-AM', 'Tue-AM'] }), // 火AM is not the job's
      placement({ match_id: 'X3', member_id: 'C', job_id: 'J1', placed_on: '2025-05-01', status: 'ended', ended_on: '2025-06-10', slots: ['Fri-AM'] }), // over
      placement({ match_id: 'X4', member_id: 'D', job_id: 'J1', placed_on: '2025-07-01', slots: ['Fri-AM'] }), // starts later: holds already
      placement({ match_id: 'X5', member_id: 'E', job_id: 'J2', placed_on: '2025-05-01' }), // another job
    ], DAY);
    // 月AM: A, B = 2 (full); 水AM: A = 1; 金AM: A, D = 2 (full). Places left: 0 + 1 + 0.
    expect(c).toEqual({
      job_id: 'J1', headcount: 2, fill: [{ slot: 'Mon-AM', filled: 2 }, { slot: 'Wed-AM', filled: 1 }, { slot: 'Fri-AM', filled: 2 }],
      full: ['Mon-AM', 'Fri-AM'], open: ['Wed-AM'], places_left: 1, placed: 3, covered: false,
    });
  });

  it('reads a placement ended today as still holding today (its last day), and an ended one without a date as over', () => {
    expect(holdsPlace({ status: 'ended', ended_on: DAY }, DAY)).toBe(true);
    expect(holdsPlace({ status: 'ended', ended_on: null }, DAY)).toBe(false);
    expect(holdsPlace({ status: 'placed', ended_on: null }, DAY)).toBe(true);
    expect(holdsPlace({ status: 'proposed', ended_on: null }, DAY)).toBe(false);
  });

  it('treats a job without slots as one slot of its own', () => {
    const none = job({ job_id: 'J9', slots: [], headcount: 2 });
    const one = jobCapacity(none, [placement({ match_id: 'X', member_id: 'A', job_id: 'J9', placed_on: DAY })], DAY);
    expect([one.places_left, one.covered, placementTake(one, 0)]).toEqual([1, false, { ok: true, take: 0 }]);
    const two = jobCapacity(none, ['A', 'B'].map((m) => placement({ match_id: m, member_id: m, job_id: 'J9', placed_on: DAY })), DAY);
    expect([two.covered, placementTake(two, 0)]).toEqual([true, { ok: false, full: [] }]);
  });
});

describe('a new placement', () => {
  const J = job({ job_id: 'J1', slots: ['Mon-AM', 'Wed-AM'], headcount: 1 });
  const full = jobCapacity(J, [placement({ match_id: 'X1', member_id: 'A', job_id: 'J1', placed_on: DAY, slots: ['Mon-AM'] })], DAY);

  it('takes the wanted slots that have room, or names the full ones', () => {
    expect(placementTake(full, slotMask(['Mon-AM', 'Wed-AM']))).toEqual({ ok: true, take: slotMask(['Wed-AM']) });
    expect(placementTake(full, slotMask(['Mon-AM']))).toEqual({ ok: false, full: ['Mon-AM'] });
  });

  it('wants the planned slots, else the member\'s among the job\'s, else (none given) all of the job\'s', () => {
    expect(wantedSlots(J, ['Wed-AM', 'Sat-AM'], ['Mon-AM'])).toBe(slotMask(['Wed-AM']));
    expect(wantedSlots(J, [], ['Mon-AM', 'Tue-AM'])).toBe(slotMask(['Mon-AM']));
    expect(wantedSlots(J, [], [])).toBe(slotMask(['Mon-AM', 'Wed-AM']));
    expect(wantedSlots(J, [], ['Tue-AM'])).toBe(0);
  });

  it('moves 募集中 to 充足 once covered and back when released; 提案中 and 終了 stay', () => {
    expect(statusAfter('open', { covered: true }, 'fill')).toBe('filled');
    expect(statusAfter('open', { covered: false }, 'fill')).toBe('open');
    expect(statusAfter('filled', { covered: false }, 'release')).toBe('open');
    expect(statusAfter('filled', { covered: true }, 'release')).toBe('filled');
    for (const s of ['proposed', 'closed'] as const) {
      expect(statusAfter(s, { covered: true }, 'fill')).toBe(s);
      expect(statusAfter(s, { covered: false }, 'release')).toBe(s);
    }
  });
});
