import type { ApiResult } from '../shared/api-types';
import type { SidebarPorts } from '../shared/call-context';
import { guardedCall, parseArgs } from '../shared/guarded-call';
import { CONFIRM_WORK_INPUT, confirmWork, type ConfirmWorkOutput } from './confirm-work';
import { MEMBER_WORK_INPUT, listMemberWork, type MemberWorkOutput } from './member-work';
import { RECORD_MEMBER_WORK_INPUT, recordMemberWork, type RecordMemberWorkOutput } from './record-member-work';

// The 就業実績 panel's server side (issue 13 item 1): a member's placements and rows of a month,
// recording their work for a day or a month at once, ticking rows 確認. The sidebar's rules
// (guardedCall): a viewer may read, only an active coordinator or manager may write, writes hold
// the script lock, arguments are checked before it, every failure is a sentence in the caller's
// language, the audit rows carry IDs only.

export interface WorkApi {
  listMemberWork(input: unknown): ApiResult<MemberWorkOutput>;
  recordWork(input: unknown): ApiResult<RecordMemberWorkOutput>;
  confirmWork(input: unknown): ApiResult<ConfirmWorkOutput>;
}

export function createWorkApi(ports: SidebarPorts, log?: (detail: unknown) => void): WorkApi {
  return {
    listMemberWork: (input) => guardedCall(ports, 'read', () => parseArgs(MEMBER_WORK_INPUT, input), (ctx, a) => listMemberWork(ports.store, ctx, a), log),
    recordWork: (input) => guardedCall(ports, 'write', () => parseArgs(RECORD_MEMBER_WORK_INPUT, input), (ctx, a) => recordMemberWork(ports, ctx, a), log),
    confirmWork: (input) => guardedCall(ports, 'write', () => parseArgs(CONFIRM_WORK_INPUT, input), (ctx, a) => confirmWork(ports.store, ctx, a), log),
  };
}
