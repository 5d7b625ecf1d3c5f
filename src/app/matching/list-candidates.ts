import type { MatchStatus } from '../../domain/enums';
import { jobCapacity } from '../../domain/jobs/capacity';
import { rankCandidates } from '../../domain/matching/rank-candidates';
import { exclusionText, reasonText } from '../../domain/matching/reasons';
import { EXCLUSIONS } from '../../domain/matching/hard-rules';
import { ageOn } from '../../domain/members/age';
import type { Workbook } from '../../domain/workbook';
import type { CallContext } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import { wordText } from '../../domain/messages/catalog';
import type { CandidatesOutput } from '../shared/api-types';
import { jobOptionOf } from './job-fill';

// The マッチング panel's list: the best CANDIDATES_SHOWN candidates with what a coordinator needs to
// call them (kanji name, age, district, phone, days worked in the last 90) and their reasons in
// the user's language, how many qualify in all, the mosaic team as a compact slot grid (each member
// with the slots they would take), and the matches already recorded for the job (so the buttons
// fit each row). Names and phones are for staff: authorize has turned everyone else away, and
// nothing of this answer is logged.
export const CANDIDATES_SHOWN = 30;
const OPEN: ReadonlySet<MatchStatus> = new Set(['candidate', 'proposed', 'interview', 'placed']);

export function candidatesOf(workbook: Workbook, ctx: CallContext, jobId: string): CandidatesOutput {
  const job = workbook.jobs.find((j) => j.job_id === jobId);
  const result = job ? rankCandidates(workbook, jobId, ctx.today) : null;
  if (!job || !result) throw new ApiError('not_found', { what: wordText(ctx.lang).things.job, id: jobId });
  const byId = new Map(workbook.members.map((m) => [m.member_id, m]));
  const jobMatches = workbook.matches.filter((m) => m.job_id === jobId);
  const openOf = new Map(jobMatches.filter((m) => OPEN.has(m.status)).map((m) => [m.member_id, { match_id: m.match_id, status: m.status }]));
  const clientName = workbook.clients.find((c) => c.client_id === job.client_id)?.name ?? '';
  return {
    job: jobOptionOf(job, clientName, jobCapacity(job, jobMatches, ctx.today)),
    candidates: result.candidates.slice(0, CANDIDATES_SHOWN).map((c) => {
      const m = byId.get(c.member_id);
      return {
        member_id: c.member_id, kana: m?.kana ?? '', name: m?.name ?? '', age: ageOn(m?.birth_date ?? null, ctx.today),
        district: m?.district ?? '', phone: m?.phone ?? '', recent_work_days: c.recent_work_days,
        score: c.score, slots: c.slots, reasons: c.reasons.map((r) => reasonText(r, ctx.lang)), match: openOf.get(c.member_id) ?? null,
      };
    }),
    qualified: result.candidates.length,
    team: {
      members: result.team.members.map((t) => ({ member_id: t.member_id, name: byId.get(t.member_id)?.name ?? '', slots: t.slots })),
      backups: result.team.backups,
      uncovered_slots: result.team.uncovered_slots,
    },
    matches: jobMatches.map((m) => ({ match_id: m.match_id, member_id: m.member_id, status: m.status, placed_on: m.placed_on })),
    excluded: EXCLUSIONS
      .filter((rule) => (result.excluded[rule] ?? 0) > 0)
      .map((rule) => `${exclusionText(rule, ctx.lang)}: ${result.excluded[rule] ?? 0}`),
  };
}
