import type { MatchStatus } from '../../domain/enums';
import { rankCandidates } from '../../domain/matching/rank-candidates';
import { exclusionText, reasonText } from '../../domain/matching/reasons';
import { EXCLUSIONS } from '../../domain/matching/hard-rules';
import type { Workbook } from '../../domain/workbook';
import type { CallContext } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import { wordText } from '../../domain/messages/catalog';
import { jobOption } from '../sidebar/bootstrap';
import type { CandidatesOutput } from '../shared/api-types';

// The マッチング panel's list: ranked candidates with their reasons in the user's language,
// the mosaic team, and the matches already recorded for the job (so the buttons fit each row).
const SHOWN = 30;
const OPEN: ReadonlySet<MatchStatus> = new Set(['candidate', 'proposed', 'interview', 'placed']);

export function candidatesOf(workbook: Workbook, ctx: CallContext, jobId: string): CandidatesOutput {
  const job = workbook.jobs.find((j) => j.job_id === jobId);
  const result = job ? rankCandidates(workbook, jobId, ctx.today, { limit: SHOWN }) : null;
  if (!job || !result) throw new ApiError('not_found', { what: wordText(ctx.lang).things.job, id: jobId });
  const byId = new Map(workbook.members.map((m) => [m.member_id, m]));
  const jobMatches = workbook.matches.filter((m) => m.job_id === jobId);
  const openOf = new Map(jobMatches.filter((m) => OPEN.has(m.status)).map((m) => [m.member_id, { match_id: m.match_id, status: m.status }]));
  return {
    job: jobOption(job),
    candidates: result.candidates.map((c) => ({
      member_id: c.member_id, kana: byId.get(c.member_id)?.kana ?? '', name: byId.get(c.member_id)?.name ?? '',
      score: c.score, slots: c.slots, reasons: c.reasons.map((r) => reasonText(r, ctx.lang)), match: openOf.get(c.member_id) ?? null,
    })),
    team: { members: result.team.members, backups: result.team.backups, uncovered_slots: result.team.uncovered_slots },
    matches: jobMatches.map((m) => ({ match_id: m.match_id, member_id: m.member_id, status: m.status })),
    excluded: EXCLUSIONS
      .filter((rule) => (result.excluded[rule] ?? 0) > 0)
      .map((rule) => `${exclusionText(rule, ctx.lang)}: ${result.excluded[rule] ?? 0}`),
  };
}
