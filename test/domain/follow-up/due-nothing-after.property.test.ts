import fc from 'fast-check';
import { addDays } from '../../../src/domain/civil-date';
import { dueNothingAfter, followUpOfMember } from '../../../src/domain/follow-up/worklist';
import type { MatchStatus } from '../../../src/domain/enums';
import type { Match } from '../../../src/domain/schema/tabs';
import type { Slot } from '../../../src/domain/slots';
import { member, placement } from '../matching/fixtures';

// dueNothingAfter lets a status change that has just logged a contact skip reading the member's
// 会員 row and 活動記録 (app/follow-ups/keep-list.ts refreshFollowUps). It may only say so when
// followUpOfMember answers null for EVERY member row and every history consistent with that
// contact: a last contact on the contact's day or later (never after today), any 継続支援 call.
const TODAY = '2025-06-11';
const day = fc.integer({ min: -400, max: 30 }).map((n) => addDays(TODAY, -n));
const status = fc.constantFrom<MatchStatus>('candidate', 'proposed', 'interview', 'placed', 'ended', 'declined', 'rejected');
const matchArb = fc.record({ status, placed: day, proposed: fc.option(day, { nil: null }), ended: fc.option(day, { nil: null }), job: fc.constantFrom('J1', 'J2', '') });

describe('dueNothingAfter', () => {
  it('is true only when the member is due nothing whatever their 会員 row and their other contacts', () => {
    fc.assert(fc.property(
      fc.array(matchArb, { maxLength: 4 }), day, fc.nat(40), fc.option(day, { nil: null }),
      fc.record({ consent: fc.boolean(), availability: fc.constantFrom<Slot[]>([], ['Mon-AM']), joined: day, left: fc.option(day, { nil: null }) }),
      fc.boolean(),
      (rows, contact, later, followUp, m, hasRow) => {
        const matches: Match[] = rows.map((r, i) => placement({
          match_id: `X${i}`, member_id: 'M1', job_id: r.job, status: r.status, placed_on: r.placed, proposed_on: r.proposed, ended_on: r.ended,
        }));
        if (!dueNothingAfter('M1', matches, contact, TODAY)) return;
        // Any last contact from the contact's day up to today.
        const last = addDays(contact, later) <= TODAY ? addDays(contact, later) : TODAY;
        const row = hasRow ? member({ member_id: 'M1', consent: m.consent, availability: m.availability, joined_on: m.joined, left_on: m.left }) : undefined;
        expect(followUpOfMember('M1', row, matches, { last_contact: last, last_follow_up: followUp !== null && followUp <= TODAY ? followUp : null }, TODAY)).toBeNull();
      },
    ), { numRuns: 2000, seed: 15_15 });
  });

  it('is false for a contact older than 14 days, a future one, or a placement at its milestone', () => {
    expect(dueNothingAfter('M1', [], TODAY, TODAY)).toBe(true);
    expect(dueNothingAfter('M1', [], addDays(TODAY, -13), TODAY)).toBe(true);
    expect(dueNothingAfter('M1', [], addDays(TODAY, -14), TODAY)).toBe(false);
    expect(dueNothingAfter('M1', [], addDays(TODAY, 1), TODAY)).toBe(false);
    const placed = (daysAgo: number): Match => placement({ match_id: 'X1', member_id: 'M1', job_id: 'J1', placed_on: addDays(TODAY, -daysAgo) });
    // Placed today or 6 days ago: no milestone yet; 7 days: the 1-week milestone may be due.
    expect(dueNothingAfter('M1', [placed(0)], TODAY, TODAY)).toBe(true);
    expect(dueNothingAfter('M1', [placed(6)], TODAY, TODAY)).toBe(true);
    expect(dueNothingAfter('M1', [placed(7)], TODAY, TODAY)).toBe(false);
    // Another member's placement is not theirs.
    expect(dueNothingAfter('M2', [placed(7)], TODAY, TODAY)).toBe(true);
  });
});
