import { followUpWorklist } from '../../../src/domain/follow-up/worklist';
import type { Activity } from '../../../src/domain/schema/tabs';
import { member, placement } from '../matching/fixtures';

// Who to call today (src/domain/follow-up/worklist.ts), worked by hand. Today is 2025-06-11.
const TODAY = '2025-06-11';
const call = (member_id: string, date: string, area: Activity['area'] = 'follow_up') => ({ member_id, date, area });

describe('the 継続支援 worklist', () => {
  it('lists a placement at its latest milestone with no follow-up since, the longest overdue first', () => {
    const members = ['M1', 'M2', 'M3', 'M4', 'M5'].map((id) => member({ member_id: id, joined_on: '2020-04-01', availability: ['Mon-AM'] }));
    const matches = [
      // 2025-06-01: 10 days → the 1-week milestone (since 06-08, 3 days overdue).
      placement({ match_id: 'X1', member_id: 'M1', job_id: 'J1', placed_on: '2025-06-01' }),
      // 2025-05-01: 41 days → 1 month (since 05-31, 11 days); called on 05-29 (2 days early: counts).
      placement({ match_id: 'X2', member_id: 'M2', job_id: 'J1', placed_on: '2025-05-01' }),
      // 2025-03-01: 102 days → 3 months (since 05-30, 12 days); last called 05-20, before it.
      placement({ match_id: 'X3', member_id: 'M3', job_id: 'J1', placed_on: '2025-03-01' }),
      // 2025-06-08: 3 days, no milestone yet.
      placement({ match_id: 'X4', member_id: 'M4', job_id: 'J1', placed_on: '2025-06-08' }),
      // 2024-10-01: 253 days, past day 180: no longer listed as a milestone.
      placement({ match_id: 'X5', member_id: 'M5', job_id: 'J1', placed_on: '2024-10-01' }),
    ];
    const list = followUpWorklist({ members, matches, activities: [call('M2', '2025-05-29'), call('M3', '2025-05-20')], today: TODAY });
    const placed = list.items.filter((i) => i.reason.startsWith('placed'));
    expect(placed.map((i) => [i.member_id, i.reason, i.since, i.days])).toEqual([
      ['M3', 'placed_3m', '2025-05-30', 12], ['M1', 'placed_1w', '2025-06-08', 3],
    ]);
    expect(list.counts).toMatchObject({ placed_1w: 1, placed_1m: 0, placed_3m: 1 });
  });

  it('lists waiting members, longest wait first, unless contacted in the last 14 days; then the oldest last contact', () => {
    const members = [
      member({ member_id: 'W1', joined_on: '2024-01-10', availability: ['Mon-AM'] }),
      member({ member_id: 'W2', joined_on: '2023-05-01', availability: ['Tue-AM'] }),
      member({ member_id: 'W3', joined_on: '2022-04-01', availability: ['Tue-AM'] }),
      // No availability: not waiting for work; last contact 2025-01-01 (161 days): no_contact.
      member({ member_id: 'N1', joined_on: '2021-04-01' }),
      // No consent, never contacted: no_contact since joining (2024-12-01 → 192 days).
      member({ member_id: 'N2', joined_on: '2024-12-01', consent: false, availability: ['Mon-AM'] }),
      // Contacted 30 days ago: not yet 90 days.
      member({ member_id: 'N3', joined_on: '2021-04-01', consent: false }),
      // Left: on no list.
      member({ member_id: 'L1', joined_on: '2020-04-01', left_on: '2025-03-31', availability: ['Mon-AM'] }),
    ];
    // W2 ended a placement on 2025-01-31 (more than 90 days ago): waiting since then, 131 days.
    const matches = [placement({ match_id: 'X9', member_id: 'W2', job_id: 'J1', placed_on: '2024-06-01', status: 'ended', ended_on: '2025-01-31' })];
    const activities = [call('W3', '2025-06-05', 'recruitment'), call('N1', '2025-01-01', 'matching'), call('N3', '2025-05-12', 'recruitment')];
    const list = followUpWorklist({ members, matches, activities, today: TODAY });
    // W1: joined 2024-01-10 → 518 days. W2: 131 days. W3 was called 6 days ago: left out.
    expect(list.items.map((i) => [i.member_id, i.reason, i.since, i.days, i.last_contact])).toEqual([
      ['W1', 'waiting', '2024-01-10', 518, null], ['W2', 'waiting', '2025-01-31', 131, null],
      ['N2', 'no_contact', '2024-12-01', 192, null], ['N1', 'no_contact', '2025-01-01', 161, '2025-01-01'],
    ]);
    expect(list.counts).toEqual({ placed_1w: 0, placed_1m: 0, placed_3m: 0, waiting: 2, no_contact: 2 });
  });

  it('names each member once, under the first reason, and keeps to the limits while counting all', () => {
    const members = Array.from({ length: 5 }, (_, i) => member({ member_id: `M${i}`, joined_on: '2020-04-01', availability: ['Mon-AM'] }));
    const matches = [placement({ match_id: 'X0', member_id: 'M0', job_id: 'J1', placed_on: '2025-06-01' })];
    const list = followUpWorklist({ members, matches, activities: [], today: TODAY }, { placed: 5, waiting: 2, no_contact: 1 });
    // M0 at its 1-week milestone; M1…M4 waiting since 2020-04-01 (2 shown of 4). The two waiting
    // members not shown stay under their first reason, waiting, and are not listed again as
    // no_contact: a member's reason is their own rows' (followUpOfMember), which is what lets the
    // stored list be kept true member by member.
    expect(list.items.map((i) => [i.member_id, i.reason])).toEqual([['M0', 'placed_1w'], ['M1', 'waiting'], ['M2', 'waiting']]);
    expect(list.counts).toMatchObject({ placed_1w: 1, waiting: 4, no_contact: 0 });
  });
});
