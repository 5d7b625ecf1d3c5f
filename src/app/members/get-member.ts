import type { MatchStatus } from '../../domain/enums';
import { MATCHES_TAB } from '../../domain/schema/tabs';
import { parseTable } from '../../domain/parse/parse-table';
import { readColumnsOf } from '../shared/read-part';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import type { GetMemberOutput } from '../shared/api-types';
import { findMember, memberViewOf, readMembers } from './member-view';

// 会員 panel: open a member to edit (the form's every field) with their open matches and
// placements, so 退会 can say what it will end. Reads 会員 whole and a few columns of マッチング.
const OPEN: ReadonlySet<MatchStatus> = new Set(['candidate', 'proposed', 'interview', 'placed']);
const SHOWN_MATCHES = 20;

export function getMember(ports: Pick<SidebarPorts, 'store'>, ctx: CallContext, memberId: string): GetMemberOutput {
  const { member } = findMember(readMembers(ports.store, ctx.lang), memberId, ctx.lang);
  const raw = readColumnsOf(ports.store, MATCHES_TAB, ['match_id', 'job_id', 'member_id', 'status', 'placed_on']);
  const matches = raw ? parseTable(MATCHES_TAB, raw).records.filter((m) => m.member_id === member.member_id && OPEN.has(m.status) && m.job_id) : [];
  return {
    member: memberViewOf(member, ctx.today),
    matches: matches.reverse().slice(0, SHOWN_MATCHES).map((m) => ({ match_id: m.match_id, job_id: m.job_id ?? '', status: m.status, placed_on: m.placed_on })),
  };
}
