import type { MatchStatus } from '../../domain/enums';
import { jobCapacity } from '../../domain/jobs/capacity';
import { rankCandidates } from '../../domain/matching/rank-candidates';
import { exclusionText, reasonText } from '../../domain/matching/reasons';
import { EXCLUSIONS } from '../../domain/matching/hard-rules';
import { ageOn } from '../../domain/members/age';
import type { Workbook } from '../../domain/workbook';
import { rankForJob } from '../../domain/matching/rank-candidates';
import { contextOfEntries } from '../../domain/matching/member-index';
import { indexPlacements } from '../../domain/matching/placements';
import type { MatchResult } from '../../domain/matching/types';
import { CLIENTS_TAB, JOBS_TAB, MATCHES_TAB, type Job, type Member } from '../../domain/schema/tabs';
import type { JobMatch } from '../../domain/matching/job-matches';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { readRowsByKey, readRowsByNumber } from '../shared/find-rows';
import { loadWorkbookPart } from '../shared/read-part';
import { CANDIDATE_READS } from '../sidebar/read-plans';
import { candidateIndexEntries } from './candidate-index';
import { ApiError } from '../shared/api-error';
import { wordText } from '../../domain/messages/catalog';
import type { CandidatesOutput } from '../shared/api-types';
import { jobOptionOf, readJobRows } from './job-fill';

// The マッチング panel's list: the best CANDIDATES_SHOWN candidates with what a coordinator needs to
// call them (kanji name, age, district, phone, days worked in the last 90) and their reasons in
// the user's language, how many qualify in all, the mosaic team as a compact slot grid (each member
// with the slots they would take), and the matches already recorded for the job (so the buttons
// fit each row). Names and phones are for staff: authorize has turned everyone else away, and
// nothing of this answer is logged.
export const CANDIDATES_SHOWN = 30;
const OPEN: ReadonlySet<MatchStatus> = new Set(['candidate', 'proposed', 'interview', 'placed']);

/** What the list shows of a member beyond the ranking: as 会員 holds it, or as the index keeps it. */
export type ShownMember = Pick<Member, 'member_id' | 'kana' | 'name' | 'birth_date' | 'district' | 'phone'>;

/** The list from everything read whole (`ikigai match`'s way, the tests' reference, and the
 *  sidebar's when the index cannot be had: another run held the lock to rebuild it). */
export function candidatesOf(workbook: Workbook, ctx: CallContext, jobId: string): CandidatesOutput {
  const job = workbook.jobs.find((j) => j.job_id === jobId);
  const result = job ? rankCandidates(workbook, jobId, ctx.today) : null;
  if (!job || !result) throw new ApiError('not_found', { what: wordText(ctx.lang).things.job, id: jobId });
  const clientName = workbook.clients.find((c) => c.client_id === job.client_id)?.name ?? '';
  return candidatesAnswer(ctx, job, result, workbook.members, workbook.matches.filter((m) => m.job_id === jobId), clientName);
}

/**
 * The sidebar's list, the same at any center size: the candidate index read whole (member-index.ts;
 * rebuilt first when missing or stale) — its members and the job's matches (job-matches.ts: who is
 * proposed, in interview or placed, and the places held, without one getValues per row of マッチング
 * found) — the job's row of 仕事 and its client's row of 業務提供先 read at the rows the index's rebuild found
 * them in (checked by ID; found by key when they moved), and the 技能 tab
 * (a short vocabulary) — never 会員 or マッチング. The ranking is the same as from the tabs
 * (test/app/matching/candidate-index.property.test.ts).
 */
export function listCandidates(ports: SidebarPorts, ctx: CallContext, jobId: string): CandidatesOutput {
  const { store } = ports;
  const lang = ctx.lang;
  const index = candidateIndexEntries(ports, ctx.settings, ctx.today);
  if (!index) return candidatesOf(loadWorkbookPart(store, CANDIDATE_READS, ctx.settings), ctx, jobId);
  // The rows at the index's hints, each taken only when it holds the ID asked (rows sorted or
  // inserted by hand since the rebuild move them): else found by key, as without a hint.
  // A store that cannot read given rows (rows-by-number.ts would read the tab whole) searches.
  const hint = store.readRows ? index.jobRowHint(jobId) : null;
  const atHint = hint ? atRow(() => readRowsByNumber(store, JOBS_TAB, [hint.job], lang).parsed.records.find((j) => j.job_id === jobId)) : undefined;
  const job = atHint ?? readJobRows(store, [jobId], lang).parsed.records.find((j) => j.job_id === jobId);
  if (!job) throw new ApiError('not_found', { what: wordText(lang).things.job, id: jobId });
  const { entries } = index;
  // The job's cell typed over (unreadable): its rows of マッチング by key, as before the index kept them.
  const jobMatches = index.jobMatches(job.job_id) ?? readRowsByKey(store, MATCHES_TAB, 'job_id', [job.job_id], lang).parsed.records;
  const clientId = job.client_id;
  const clientRow = hint?.client ?? null;
  const clientAt = clientId && clientRow !== null
    ? atRow(() => readRowsByNumber(store, CLIENTS_TAB, [clientRow], lang).parsed.records.find((c) => c.client_id === clientId))
    : undefined;
  const client = clientAt ?? (clientId ? readRowsByKey(store, CLIENTS_TAB, 'client_id', [clientId], lang).parsed.records[0] : undefined);
  const { skills } = loadWorkbookPart(store, { skills: { whole: true } }, ctx.settings);
  const context = contextOfEntries(entries, ctx.settings, skills);
  // A match of this job naming no member of 会員 (a 会員ID typed over in 会員, or typed wrong into
  // マッチング) still holds its place, as the tabs read whole count it (matchContext): the index
  // packs members of 会員 only, so such placements come from the job's own matches it keeps.
  const indexed = new Set(entries.map((e) => e.member.member_id));
  const orphans = jobMatches.filter((m) => !indexed.has(m.member_id));
  const placements = orphans.length === 0 ? context.placements : new Map([...context.placements, ...indexPlacements(orphans, [job])]);
  const result = rankForJob(job, { ...context, placements }, ctx.today);
  return candidatesAnswer(ctx, job, result, entries.map((e) => e.member), jobMatches, client?.name ?? '');
}

/** A read at a hinted row, or nothing when it throws (rows deleted by hand since the rebuild put
 *  the hint past the tab's grid, which Sheets' getRange refuses): the caller searches by key. */
function atRow<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function candidatesAnswer(
  ctx: CallContext, job: Job, result: MatchResult, members: readonly ShownMember[], jobMatches: readonly JobMatch[], clientName: string,
): CandidatesOutput {
  const byId = new Map(members.map((m) => [m.member_id, m]));
  const openOf = new Map(jobMatches.filter((m) => OPEN.has(m.status)).map((m) => [m.member_id, { match_id: m.match_id, status: m.status }]));
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
