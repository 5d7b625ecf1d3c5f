import { refreshFollowUps } from '../follow-ups/keep-list';
import { keyEditedMember } from './member-search-index';
import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { refreshCandidateIndex, writeJobMatches } from '../matching/candidate-index';
import { addDays } from '../../domain/civil-date';
import { LEAVE_REASON, MATCH_STATUS, labelOf, type MatchStatus } from '../../domain/enums';
import { MATCHES_TAB, MEMBERS_TAB, type Job, type Match } from '../../domain/schema/tabs';
import { civilDateArg, recordId } from '../shared/arg-schemas';
import { writeAudits, type AuditInput } from '../shared/audit';
import { updateRecord } from '../shared/record-writes';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import type { JobFill, LeaveMemberInput, LeaveMemberOutput } from '../shared/api-types';
import { appendActivityRows, type ActivityDraft } from '../activities/append-activities';
import { jobFillOf, settleJobStatus } from '../matching/job-fill';
import { readRowsByKey, readRowsByKeyBesides } from '../shared/find-rows';
import { JOBS_TAB } from '../../domain/schema/tabs';
import { findMember, memberViewOf, readMemberRow } from './member-view';

// 退会: a member leaves on a day for a reason (workbook.md 退会理由). The caller holds the lock.
// 退会日 and 退会理由 are written. A member is not enrolled on their 退会日 (kpi.md), so their
// placements still running end the day before (終了, 終了日 = their last day as a member), one
// that was to start on the day or later never started and becomes 辞退, and their matches still in
// progress (候補・提案・面接) become 辞退, each logging its マッチング activity; a job whose places
// this frees goes back from 充足 to 募集中 on the leaving day itself (the place is free that day). Leaving again with another day or reason
// corrects the first. Service use, the same at any center size: the member's row of 会員 and their
// rows of マッチング found by ID (TableStore.findRows); only when a placement ends, the rows of
// 仕事 and マッチング of the jobs it frees (by 仕事ID, for their places); the changed cells of the
// member, of each match and of each job reopened, one append of the activities, one audit append
// of every row of it, IDs and codes only.

export const LEAVE_MEMBER_INPUT = lazySchema(() => z.strictObject({
  member_id: recordId,
  date: civilDateArg,
  reason: z.enum(LEAVE_REASON.codes),
}));

const IN_PROGRESS: ReadonlySet<MatchStatus> = new Set(['candidate', 'proposed', 'interview']);

export function leaveMember(ports: SidebarPorts, ctx: CallContext, input: LeaveMemberInput): LeaveMemberOutput {
  const { store } = ports;
  const lang = ctx.lang;
  const members = readMemberRow(store, input.member_id, lang);
  const { member: before, row } = findMember(members, input.member_id, lang);
  if (input.date < before.joined_on) throw new ApiError('leave_before_join', { date: input.date, joined_on: before.joined_on });
  const after = { ...before, left_on: input.date, leave_reason: input.reason };
  const changed = updateRecord(store, MEMBERS_TAB, { tab: members.name, index: members.parsed.columnIndex, row }, before, after, lang);
  ctx.figures?.record('members', { members: [before] }, { members: [after] });
  // Left by today: the picker's key marked so (member-search-index.ts), one writeCells.
  if (changed.length > 0) keyEditedMember(store, row, before, after, ctx.today);
  const audits: AuditInput[] = [{
    at: ctx.now, user: ctx.email, action: 'member_leave', sheet: members.name, recordId: before.member_id,
    detail: `left_on=${input.date} reason=${input.reason}${changed.length === 0 ? ' unchanged' : ''}`,
  }];

  const matches = readRowsByKey(store, MATCHES_TAB, 'member_id', [before.member_id], lang);
  const records = [...matches.parsed.records];
  const ended: { match_id: string; job_id: string }[] = [];
  const declined: { match_id: string; job_id: string }[] = [];
  const drafts: ActivityDraft[] = [];
  const freed = new Set<string>();
  const lastDay = addDays(input.date, -1);
  records.forEach((m, i) => {
    if (m.member_id !== before.member_id) return;
    let next: Match | null = null;
    if (m.status === 'placed' && (m.ended_on === null || m.ended_on > lastDay)) {
      if (m.placed_on !== null && m.placed_on >= input.date) {
        // A placement that was to start on the leaving day or later never started (the member
        // is no longer enrolled then): it is declined, so it holds no place and is no 就労者.
        next = { ...m, status: 'declined' };
        declined.push({ match_id: m.match_id, job_id: m.job_id ?? '' });
      } else {
        // A member is not enrolled on their 退会日 (kpi.md), so the placement's last day is the
        // day before: the place is free on the leaving day itself.
        next = { ...m, status: 'ended', ended_on: lastDay };
        if (m.job_id) ended.push({ match_id: m.match_id, job_id: m.job_id });
      }
      if (m.job_id) freed.add(m.job_id);
    } else if (IN_PROGRESS.has(m.status)) {
      next = { ...m, status: 'declined' };
      declined.push({ match_id: m.match_id, job_id: m.job_id ?? '' });
    }
    if (!next) return;
    updateRecord(store, MATCHES_TAB, { tab: matches.name, index: matches.parsed.columnIndex, row: matches.parsed.rowNumbers[i] ?? 0 }, m, next, lang);
    records[i] = next;
    audits.push({
      at: ctx.now, user: ctx.email, action: next.status === 'ended' ? 'match_end' : 'match_decline', sheet: matches.name, recordId: m.match_id,
      detail: `job=${m.job_id ?? ''} member=${m.member_id} status=${m.status}->${next.status} member_leave`,
    });
    drafts.push({
      date: input.date, area: 'matching', member_id: m.member_id, job_id: m.job_id ?? '', outcome: labelOf(MATCH_STATUS, next.status, lang),
    });
  });

  // The jobs' matches the candidate index keeps: on each job with a row just ended or declined,
  // every row of the member, in their order (the k-th of a マッチングID held twice — a row copied
  // by hand — is then the k-th in the job's cell; the changed rows alone took the first for it).
  const changedJobs = new Set(records.filter((m, i) => m !== matches.parsed.records[i]).map((m) => m.job_id));
  writeJobMatches(store, records.filter((m) => m.member_id === before.member_id && changedJobs.has(m.job_id)));
  // Every match of the member (found by 会員ID), as they were and as they are now.
  const own = (list: readonly Match[]): Match[] => list.filter((m) => m.member_id === before.member_id);
  ctx.figures?.record('memberMatches', { memberMatches: own(matches.parsed.records) }, { memberMatches: own(records) });

  // The jobs whose places were freed: 充足 → 募集中 once no longer covered.
  const reopened: string[] = [];
  const fills: JobFill[] = [];
  let freedJobs: readonly Job[] = [];
  if (freed.size > 0) {
    const jobIds = [...freed];
    const jobs = readRowsByKey(store, JOBS_TAB, 'job_id', jobIds, lang);
    freedJobs = jobs.parsed.records;
    // Each freed job's places count every match of the job, the member's as just changed (their
    // rows, read and written above, are not read again).
    const jobMatches = [...readRowsByKeyBesides(store, MATCHES_TAB, 'job_id', jobIds, lang, new Set(matches.parsed.rowNumbers)).parsed.records, ...own(records)];
    for (const jobId of jobIds) {
      const at = jobs.parsed.records.findIndex((j) => j.job_id === jobId);
      const job: Job | undefined = jobs.parsed.records[at];
      if (!job) continue;
      const settled = settleJobStatus(store, ctx, jobs, job, jobs.parsed.rowNumbers[at] ?? 0, jobMatches, input.date, 'release');
      fills.push(jobFillOf(settled.job, settled.capacity));
      if (settled.audit) { audits.push(settled.audit); reopened.push(jobId); }
    }
  }
  // 退会日 and the ended placements: the member is no candidate from the leaving day on.
  refreshCandidateIndex(store, lang, ctx.today, [{ memberId: before.member_id, member: after, matches: records.filter((m) => m.member_id === before.member_id), jobs: freedJobs }]);
  const logged = appendActivityRows(ports, ctx, drafts);
  // Leaving (and the placements it ended): the member's place on the stored 継続支援 list, from the
  // rows this call has just read and written — their 会員 row, every match of theirs (found by
  // 会員ID) and the freed jobs — so only their activities are looked up.
  refreshFollowUps(store, ctx, [after.member_id], { members: [after], matches: own(records), jobs: freedJobs });
  writeAudits(store, lang, [...audits, ...logged.audits]);
  return { member: memberViewOf(after, ctx.today), ended, declined, reopened_jobs: reopened, jobs: fills };
}
