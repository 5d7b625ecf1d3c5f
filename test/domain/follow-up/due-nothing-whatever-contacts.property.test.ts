import fc from 'fast-check';
import { addDays } from '../../../src/domain/civil-date';
import { dueNothingWhateverContacts, followUpOfMember } from '../../../src/domain/follow-up/worklist';
import type { MatchStatus } from '../../../src/domain/enums';
import type { Match } from '../../../src/domain/schema/tabs';
import type { Slot } from '../../../src/domain/slots';
import { member, placement } from '../matching/fixtures';

// dueNothingWhateverContacts lets the re-count of a member who has left (leaveMember on the day
// or earlier) skip their 活動記録 rows (app/follow-ups/keep-list.ts refreshFollowUps). It may only
// say so when followUpOfMember answers null for EVERY last contact and 継続支援 call they may have.
const TODAY = '2025-06-11';
const day = fc.integer({ min: -400, max: 30 }).map((n) => addDays(TODAY, -n));
const status = fc.constantFrom<MatchStatus>('candidate', 'proposed', 'interview', 'placed', 'ended', 'declined', 'rejected');
const matchArb = fc.record({ status, placed: day, proposed: fc.option(day, { nil: null }), ended: fc.option(day, { nil: null }), job: fc.constantFrom('J1', 'J2', '') });
const pastDay = day.map((d) => (d <= TODAY ? d : TODAY));

describe('dueNothingWhateverContacts', () => {
  it('is true only when the member is due nothing whatever their contacts', () => {
    let held = 0;
    fc.assert(fc.property(
      fc.array(matchArb, { maxLength: 4 }),
      fc.record({ consent: fc.boolean(), availability: fc.constantFrom<Slot[]>([], ['Mon-AM']), joined: day, left: fc.option(day, { nil: null }) }),
      fc.boolean(), fc.option(pastDay, { nil: null }), fc.option(pastDay, { nil: null }),
      (rows, m, hasRow, lastContact, lastFollowUp) => {
        const matches: Match[] = rows.map((r, i) => placement({
          match_id: `X${i}`, member_id: 'M1', job_id: r.job, status: r.status, placed_on: r.placed, proposed_on: r.proposed, ended_on: r.ended,
        }));
        const row = hasRow ? member({ member_id: 'M1', consent: m.consent, availability: m.availability, joined_on: m.joined, left_on: m.left }) : undefined;
        if (!dueNothingWhateverContacts('M1', row, matches, TODAY)) return;
        held += 1;
        expect(followUpOfMember('M1', row, matches, { last_contact: lastContact, last_follow_up: lastFollowUp }, TODAY)).toBeNull();
        // …and with no contact at all, the case a silent member would be on the list for.
        expect(followUpOfMember('M1', row, matches, { last_contact: null, last_follow_up: null }, TODAY)).toBeNull();
      },
    ), { numRuns: 2000, seed: 15_16 });
    expect(held).toBeGreaterThan(100);
  });

  it('is false for a member enrolled today, or with a placement at its milestone', () => {
    const left = (on: string | null) => member({ member_id: 'M1', joined_on: '2024-01-01', left_on: on });
    expect(dueNothingWhateverContacts('M1', left(TODAY), [], TODAY)).toBe(true);
    expect(dueNothingWhateverContacts('M1', left(addDays(TODAY, 1)), [], TODAY)).toBe(false);
    expect(dueNothingWhateverContacts('M1', left(null), [], TODAY)).toBe(false);
    expect(dueNothingWhateverContacts('M1', undefined, [], TODAY)).toBe(true);
    // A placement still running 7 days in, of a member whose 会員 row says they left: it counts.
    const placed = placement({ match_id: 'X1', member_id: 'M1', job_id: 'J1', placed_on: addDays(TODAY, -7) });
    expect(dueNothingWhateverContacts('M1', left(TODAY), [placed], TODAY)).toBe(false);
    expect(dueNothingWhateverContacts('M1', undefined, [placed], TODAY)).toBe(false);
  });
});
