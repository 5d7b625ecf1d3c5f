import type { MatchStatus } from '../../domain/enums';
import { MATCHES_TAB } from '../../domain/schema/tabs';
import { readRowsByKey } from '../shared/find-rows';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import type { GetMemberOutput } from '../shared/api-types';
import { findMember, memberViewOf, readMemberRow } from './member-view';

// 会員 panel: open a member to edit (the form's every field) with their open matches and
// placements, so 退会 can say what it will end. The member's row of 会員 and their rows of
// マッチング, each found by the member's ID (TableStore.findRows): the same calls and about the
// same cells at any center size.
const OPEN: ReadonlySet<MatchStatus> = new Set(['candidate', 'proposed', 'interview', 'placed']);
const SHOWN_MATCHES = 20;

export function getMember(ports: Pick<SidebarPorts, 'store'>, ctx: CallContext, memberId: string): GetMemberOutput {
  const { member } = findMember(readMemberRow(ports.store, memberId, ctx.lang), memberId, ctx.lang);
  const matches = readRowsByKey(ports.store, MATCHES_TAB, 'member_id', [member.member_id], ctx.lang).parsed.records
    .filter((m) => m.member_id === member.member_id && OPEN.has(m.status) && m.job_id);
  return {
    member: memberViewOf(member, ctx.today),
    matches: matches.reverse().slice(0, SHOWN_MATCHES).map((m) => ({ match_id: m.match_id, job_id: m.job_id ?? '', status: m.status, placed_on: m.placed_on })),
  };
}
