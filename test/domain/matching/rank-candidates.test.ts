import { matchContext, rankCandidates, rankForJob } from '../../../src/domain/matching/rank-candidates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { readWorkbook } from '../../../src/domain/workbook';
import type { Job, Match, Member } from '../../../src/domain/schema/tabs';
import { job, member, placement } from './fixtures';

const AS_OF = '2016-01-15';
const rank = (members: Member[], jobs: Job[], matches: Match[], target: Job) =>
  rankForJob(target, matchContext({ members, jobs, matches, settings: DEFAULT_SETTINGS }), AS_OF);

describe('ranking candidates for a job', () => {
  const J = job({ job_id: 'J1', slots: ['Mon-AM', 'Tue-AM'] });

  test('orders by score, then fewer recent work days, then member ID', () => {
    const other = job({ job_id: 'J2', slots: ['Fri-PM'] });
    const members = [
      member({ member_id: 'M3', availability: ['Mon-AM'] }),
      member({ member_id: 'M2', availability: ['Mon-AM'] }),
      member({ member_id: 'M1', availability: ['Mon-AM'] }),
      member({ member_id: 'M9', availability: ['Mon-AM', 'Tue-AM'] }),
    ];
    // M1 worked Fridays 2016-01-01 and 01-08 (2 days): fairness 15 × 43/45 = 14.33 vs 15, yet
    // both round to the same score: skills 30 + slots 12.5 + 0 + 0 + fairness → 56.83 → 57 and
    // 57.5 → 58? No: 30 + 12.5 + 15 = 57.5 rounds to 58, 30 + 12.5 + 14.33 = 56.83 rounds to 57.
    // So M2, M3 (58, 0 days, by ID) come before M1 (57); M9 covers both slots: 30 + 25 + 15 = 70.
    const matches = [placement({ match_id: 'X1', member_id: 'M1', job_id: 'J2', placed_on: '2016-01-01', ended_on: '2016-01-10', status: 'ended' })];
    const result = rank(members, [J, other], matches, J);
    expect(result.candidates.map((c) => [c.member_id, c.score])).toEqual([['M9', 70], ['M2', 58], ['M3', 58], ['M1', 57]]);
    expect(result.candidates[3]!.recent_work_days).toBe(2);
  });

  test('breaks an equal score by fewer recent work days before member ID', () => {
    const other = job({ job_id: 'J2', slots: ['Fri-PM'] });
    // One Friday (2016-01-08) worked: fairness 15 × 44/45 = 14.67 → 30 + 12.5 + 14.67 = 57.17 → 57.
    // M0 with 2 Fridays: 57 too (56.83 → 57). Same score, so M5 (1 day) before M0 (2 days).
    const members = [member({ member_id: 'M0', availability: ['Mon-AM'] }), member({ member_id: 'M5', availability: ['Mon-AM'] })];
    const matches = [
      placement({ match_id: 'X0', member_id: 'M0', job_id: 'J2', placed_on: '2016-01-01', ended_on: '2016-01-10', status: 'ended' }),
      placement({ match_id: 'X5', member_id: 'M5', job_id: 'J2', placed_on: '2016-01-05', ended_on: '2016-01-10', status: 'ended' }),
    ];
    const result = rank(members, [J, other], matches, J);
    expect(result.candidates.map((c) => [c.member_id, c.score, c.recent_work_days])).toEqual([['M5', 57, 1], ['M0', 57, 2]]);
  });

  test('counts each turned-away member under the first rule broken', () => {
    const members = [
      member({ member_id: 'A', left_on: '2016-01-01', consent: false }),
      member({ member_id: 'B', consent: false }),
      member({ member_id: 'C', availability: ['Sun-PM'] }),
      member({ member_id: 'D', availability: ['Mon-AM'] }),
    ];
    const result = rank(members, [J], [], J);
    expect(result.excluded).toEqual({
      not_enrolled: 1, no_consent: 1, already_placed: 0, no_shared_slot: 1, slots_full: 0, slots_busy: 0,
      weekly_hours: 0, max_days_per_week: 0, monthly_days: 0,
    });
    expect(result.candidates.map((c) => c.member_id)).toEqual(['D']);
  });

  test('counts members already placed on the job towards its headcount', () => {
    const J2 = job({ job_id: 'J2', slots: ['Mon-AM'], headcount: 2 });
    const members = [member({ member_id: 'P', availability: ['Mon-AM'] }), member({ member_id: 'Q', availability: ['Mon-AM'] })];
    const result = rank(members, [J2], [placement({ match_id: 'X', member_id: 'P', job_id: 'J2', placed_on: '2016-01-01' })], J2);
    expect(result.placed).toEqual(['P']);
    expect(result.need).toBe(1);
    expect(result.team.members).toEqual([{ member_id: 'Q', slots: ['Mon-AM'] }]);
  });

  test('answers null for a job the workbook does not have', () => {
    expect(rankCandidates(readWorkbook(() => null), 'J404', AS_OF)).toBeNull();
  });
});
