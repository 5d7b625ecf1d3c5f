import fc from 'fast-check';
import type { ActivityView, LogActivityInput } from '../../src/app/shared/api-types';
import { ACTIVITY_KIND, AREA } from '../../src/domain/enums';
import { changedFields, isEmptyActivity } from '../../src/sidebar/panels/activity';
import { telHref } from '../../src/sidebar/panels/follow-ups';

// The sidebar's own checks before a call: what a correction sends (the changed fields only),
// the empty-activity rule (the server's, so no call is made to be refused), and tel: links.

type Draft = Required<LogActivityInput>;

const draftArb: fc.Arbitrary<Draft> = fc.record({
  date: fc.constantFrom('2025-06-09', '2025-06-10', '2025-06-11'),
  area: fc.constantFrom(...AREA.codes),
  kind: fc.option(fc.constantFrom(...ACTIVITY_KIND.codes), { nil: null }),
  member_id: fc.constantFrom('', 'M001', 'M002'),
  client_id: fc.constantFrom('', 'C001'),
  job_id: fc.constantFrom('', 'J001'),
  minutes: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  outcome: fc.constantFrom('', ' ', '不在', '=1+1'),
  notes: fc.constantFrom('', '折り返し'),
});

const entryOf = (d: Draft): ActivityView => ({ activity_id: 'A000007', coordinator: 'tanaka@example.jp', status: 'active', ...d });

describe('a correction sends the changed fields only', () => {
  it('applied to the entry, they give the form; an unchanged field is never sent', () => {
    fc.assert(fc.property(draftArb, draftArb, (before, form) => {
      const changed = changedFields(entryOf(before), form);
      expect({ ...before, ...changed }).toEqual(form);
      for (const [key, value] of Object.entries(changed)) expect(before[key as keyof Draft]).not.toEqual(value);
    }));
  });

  it('sends nothing when nothing changed', () => {
    fc.assert(fc.property(draftArb, (d) => { expect(changedFields(entryOf(d), d)).toEqual({}); }));
  });
});

describe('the empty-activity rule, before the call', () => {
  it('is empty exactly when there is no member, client, job, minutes ≥ 1 or text', () => {
    fc.assert(fc.property(draftArb, (d) => {
      const something = d.member_id !== '' || d.client_id !== '' || d.job_id !== '' || (d.minutes ?? 0) >= 1 || d.outcome.trim() !== '' || d.notes.trim() !== '';
      expect(isEmptyActivity(d)).toBe(!something);
    }));
    expect(isEmptyActivity({ date: '2025-06-11', area: 'follow_up', kind: 'call', member_id: '', client_id: '', job_id: '', minutes: 0, outcome: '  ', notes: '' })).toBe(true);
  });
});

describe('a phone number as a tel: link', () => {
  it('keeps the digits and a leading +, and gives none for a number too short to call', () => {
    expect(telHref('04-0000-0003')).toBe('tel:0400000003');
    expect(telHref('０９０（１２３４）５６７８')).toBe('tel:09012345678');
    expect(telHref('+81 4-7100-0000')).toBe('tel:+81471000000');
    expect(telHref('')).toBeNull();
    expect(telHref('なし')).toBeNull();
  });
});
