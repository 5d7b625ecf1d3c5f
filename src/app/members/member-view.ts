import type { Language } from '../../domain/enums';
import { enrolledOn } from '../../domain/matching/hard-rules';
import { ageOn } from '../../domain/members/age';
import { wordText } from '../../domain/messages/catalog';
import { MEMBERS_TAB, type Member } from '../../domain/schema/tabs';
import type { TableStore } from '../ports';
import { ApiError } from '../shared/api-error';
import type { MemberView } from '../shared/api-types';
import type { TabRead } from '../shared/tab-read';
import { readRowsByKey } from '../shared/find-rows';

// A member as the 会員 panel shows and edits it: the record's fields as codes and arrays, its age
// and whether the member is enrolled today.

export function memberViewOf(m: Member, today: string): MemberView {
  return {
    member_id: m.member_id, name: m.name, kana: m.kana, gender: m.gender, birth_date: m.birth_date, age: ageOn(m.birth_date, today),
    joined_on: m.joined_on, left_on: m.left_on, leave_reason: m.leave_reason, join_route: m.join_route, district: m.district,
    phone: m.phone, email: m.email, skills: m.skills, preferred_categories: m.preferred_categories, availability: m.availability,
    max_days_per_week: m.max_days_per_week, motivations: m.motivations, consent: m.consent, notes: m.notes, enrolled: enrolledOn(m, today),
  };
}


/** The row of 会員 of the member `memberId` found by its ID (not the whole tab: at 50,000 members
 *  that is a million cells), as a TabRead findMember and updateRecord use. */
export function readMemberRow(store: TableStore, memberId: string, lang: Language): TabRead<Member> {
  return readRowsByKey(store, MEMBERS_TAB, 'member_id', [memberId.trim()], lang);
}

/** The member `memberId` and their sheet row, or ApiError('not_found'). */
export function findMember(members: TabRead<Member>, memberId: string, lang: Language): { member: Member; row: number } {
  const wanted = memberId.trim();
  const at = members.parsed.records.findIndex((m) => m.member_id === wanted);
  const member = members.parsed.records[at];
  if (!member) throw new ApiError('not_found', { what: wordText(lang).things.member, id: memberId });
  return { member, row: members.parsed.rowNumbers[at] ?? 0 };
}
