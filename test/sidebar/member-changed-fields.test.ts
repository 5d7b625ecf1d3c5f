import fc from 'fast-check';
import type { MemberView } from '../../src/app/shared/api-types';
import { GENDER, JOIN_ROUTE, MOTIVATION } from '../../src/domain/enums';
import { ALL_SLOTS } from '../../src/domain/slots';
import { changedFields } from '../../src/sidebar/panels/members';

// What the 会員 form sends when an opened member is saved: the fields whose value differs from
// what was opened, and no other (saveMember writes the cells of the fields given). Lists compare
// as sets, since the server keeps its own order (slots in week order, each word once).
type FormValues = Parameters<typeof changedFields>[1];

const viewArb: fc.Arbitrary<MemberView> = fc.record({
  member_id: fc.constant('M001'),
  name: fc.constantFrom('青木 一郎', '=HYPERLINK("x")'),
  kana: fc.constantFrom('', 'アオキ イチロウ'),
  gender: fc.option(fc.constantFrom(...GENDER.codes), { nil: null }),
  birth_date: fc.option(fc.constantFrom('1950-04-01', '1948-01-01'), { nil: null }),
  age: fc.constant(null),
  joined_on: fc.constantFrom('2020-04-01', '2025-06-11'),
  left_on: fc.constant(null),
  leave_reason: fc.constant(null),
  join_route: fc.option(fc.constantFrom(...JOIN_ROUTE.codes), { nil: null }),
  district: fc.constantFrom('', '柏'),
  phone: fc.constantFrom('', '04-0000-0001'),
  email: fc.constantFrom('', 'a@example.jp'),
  skills: fc.uniqueArray(fc.constantFrom('清掃', '調理', '植木'), { maxLength: 3 }),
  preferred_categories: fc.uniqueArray(fc.constantFrom('清掃', '植木'), { maxLength: 2 }),
  availability: fc.uniqueArray(fc.constantFrom(...ALL_SLOTS), { maxLength: 14 }),
  max_days_per_week: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
  motivations: fc.uniqueArray(fc.constantFrom(...MOTIVATION.codes), { maxLength: 6 }),
  consent: fc.boolean(),
  notes: fc.constantFrom('', 'メモ'),
  enrolled: fc.constant(true),
});

/** The form as filled from `m` (what fill() puts in the controls), lists in another order. */
function formOf(m: MemberView): FormValues {
  return {
    name: m.name, kana: m.kana, gender: m.gender, birth_date: m.birth_date, joined_on: m.joined_on, join_route: m.join_route,
    district: m.district, phone: m.phone, email: m.email, skills: [...m.skills].reverse(),
    preferred_categories: [...m.preferred_categories].reverse(), availability: [...m.availability].reverse(),
    max_days_per_week: m.max_days_per_week, motivations: [...m.motivations].reverse(), consent: m.consent, notes: m.notes,
  };
}

describe('the 会員 form\'s changed fields', () => {
  it('are none for a member saved as opened, whatever order the lists come back in', () => {
    fc.assert(fc.property(viewArb, (m) => { expect(changedFields(m, formOf(m))).toEqual([]); }));
  });

  it('are exactly the one field edited', () => {
    fc.assert(fc.property(viewArb, (m) => {
      expect(changedFields(m, { ...formOf(m), phone: `${m.phone}9` })).toEqual(['phone']);
      expect(changedFields(m, { ...formOf(m), consent: !m.consent })).toEqual(['consent']);
      const slots = m.availability.includes('Sun-PM') ? m.availability.filter((s) => s !== 'Sun-PM') : [...m.availability, 'Sun-PM' as const];
      expect(changedFields(m, { ...formOf(m), availability: slots })).toEqual(['availability']);
    }));
  });
});
