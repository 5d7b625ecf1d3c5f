import type { Language } from '../../domain/enums';
import { jobCapacity, statusAfter, type CapacityChange, type JobCapacity } from '../../domain/jobs/capacity';
import { wordText } from '../../domain/messages/catalog';
import { JOBS_TAB, MATCHES_TAB, type Job, type Match } from '../../domain/schema/tabs';
import { readWholeTab, type TabRead } from '../shared/tab-read';
import { readRowsByKey, readRowsByKeys, readRowsByNumber, type KeyOf } from '../shared/find-rows';
import type { JobRowHint } from '../../domain/matching/job-matches';
import type { AuditInput } from '../shared/audit';
import type { CallContext } from '../shared/call-context';
import { updateRecord } from '../shared/record-writes';
import { keyJobStatus } from './job-search-index';
import type { TableStore } from '../ports';
import { ApiError } from '../shared/api-error';
import type { JobFill, JobOption } from '../shared/api-types';

// A job's fill as the sidebar shows it, and the automatic 募集中 ⇄ 充足 of workbook.md
// "Capacity, slot by slot", shared by every use case that places, ends or undoes a placement.

export function jobFillOf(job: Job, capacity: JobCapacity): JobFill {
  return {
    id: job.job_id, status: job.status, slots: capacity.fill.map((f) => f.slot), headcount: capacity.headcount,
    open_slots: capacity.open, places_left: capacity.places_left,
  };
}

export function jobOptionOf(job: Job, clientName: string, capacity: JobCapacity): JobOption {
  return { ...jobFillOf(job, capacity), title: job.title, client_id: job.client_id ?? '', client_name: clientName };
}

export type { TabRead };

export const readJobs = (store: TableStore, lang: Language): TabRead<Job> => readWholeTab(store, JOBS_TAB, lang);
export const readMatches = (store: TableStore, lang: Language): TabRead<Match> => readWholeTab(store, MATCHES_TAB, lang);

/** The rows of 仕事 of these jobs, found by 仕事ID (not the whole tab). */
export const readJobRows = (store: TableStore, jobIds: readonly string[], lang: Language): TabRead<Job> =>
  readRowsByKey(store, JOBS_TAB, 'job_id', [...new Set(jobIds)], lang);

/** readJobRows, but when the one job asked has a row hint (the candidate index's, read by the
 *  caller: candidate-index.ts readJobBucket) its row is read there (one getValues, no search) and
 *  taken only when it holds that 仕事ID, as the ranking takes it (list-candidates.ts); a row holding
 *  another ID (rows sorted, inserted or deleted by hand since), a row past the grid, several jobs
 *  asked or a store that cannot read given rows: found by key as before. */
export function readJobRowsAt(store: TableStore, jobIds: readonly string[], hint: JobRowHint | null, lang: Language): TabRead<Job> {
  const wanted = [...new Set(jobIds)];
  const only = wanted.length === 1 ? wanted[0] : undefined;
  if (only !== undefined && hint && store.readRows) {
    try {
      const read = readRowsByNumber(store, JOBS_TAB, [hint.job], lang);
      if (read.parsed.records.length === 1 && read.parsed.records[0]?.job_id === only) return read;
    } catch {
      // Past the tab's grid (rows deleted by hand; getRange refuses it): searched for below.
    }
  }
  return readJobRows(store, wanted, lang);
}

/** The rows of マッチング of a job and those of a member (either may be null), found by key in one
 *  search of both key columns, in sheet order, each row once: what a status change needs — the
 *  job's places and the member's open match and work load — whatever the size of the tab. */
export function readMatchRows(store: TableStore, jobId: string | null, memberId: string | null, lang: Language): TabRead<Match> {
  return readMatchRowsAndIds(store, jobId, memberId, [], lang).matches;
}

/** readMatchRows, and in the same search whether the match IDs `freeIds` (the counter's next
 *  ones, a new match's) are free: which of them a row of マッチング already holds. A row found
 *  only by its ID (another job's, another member's) is left out of `matches`. One TextFinder
 *  search for all three key columns instead of a second search of マッチングID. */
export function readMatchRowsAndIds(
  store: TableStore, jobId: string | null, memberId: string | null, freeIds: readonly string[], lang: Language,
): { matches: TabRead<Match>; taken: ReadonlySet<string> } {
  const searches: KeyOf<typeof MATCHES_TAB>[] = [];
  if (jobId !== null) searches.push({ key: 'job_id', keys: [jobId] });
  if (memberId !== null) searches.push({ key: 'member_id', keys: [memberId] });
  if (searches.length === 0) throw new Error('readMatchRows: neither a job nor a member');
  if (freeIds.length > 0) searches.push({ key: 'match_id', keys: freeIds });
  const read = readRowsByKeys(store, MATCHES_TAB, searches, lang);
  if (freeIds.length === 0) return { matches: read, taken: new Set() };
  const asked = new Set(freeIds);
  const records = read.parsed.records;
  const taken = new Set(records.filter((m) => asked.has(m.match_id)).map((m) => m.match_id));
  if (taken.size === 0) return { matches: read, taken };
  const kept = records.flatMap((m, i) => (m.job_id === jobId || m.member_id === memberId || !asked.has(m.match_id) ? [{ m, row: read.parsed.rowNumbers[i] ?? 0 }] : []));
  const parsed = { ...read.parsed, records: kept.map((k) => k.m), rowNumbers: kept.map((k) => k.row) };
  return { matches: { name: read.name, parsed }, taken };
}

/** The rows of `jobId` in `matches` (read by readMatchRowsAndIds, which finds every row of the
 *  job by 仕事ID) in their order as now written: the record at `at` (-1: none) replaced by
 *  `replaced`, then `appended` below the last. What the candidate index keeps of the job
 *  (writeJobMatches' `whole`). */
export function jobRowsAsWritten(matches: TabRead<Match>, jobId: string, at: number, replaced: Match | null, appended: readonly Match[] = []): Match[] {
  const rows = matches.parsed.records
    .map((m, i) => ({ m: i === at && replaced ? replaced : m, row: matches.parsed.rowNumbers[i] ?? 0 }))
    .filter((x) => x.m.job_id === jobId)
    .sort((a, b) => a.row - b.row)
    .map((x) => x.m);
  return [...rows, ...appended.filter((m) => m.job_id === jobId)];
}

/** The job `jobId` and its row, or ApiError('not_found'). */
export function findJob(jobs: TabRead<Job>, jobId: string, lang: Language): { job: Job; row: number } {
  const at = jobs.parsed.records.findIndex((j) => j.job_id === jobId);
  const job = jobs.parsed.records[at];
  if (!job) throw new ApiError('not_found', { what: wordText(lang).things.job, id: jobId });
  return { job, row: jobs.parsed.rowNumbers[at] ?? 0 };
}

/**
 * After `change` to the job's placements (`matches`: the tab as it now stands), writes 状態 when
 * it moves between 募集中 and 充足 (one cell), and answers the job as it now is, its capacity,
 * and the audit row of the move (null when the status stayed).
 */
export function settleJobStatus(
  store: TableStore, ctx: CallContext, jobs: TabRead<Job>, job: Job, row: number, matches: Iterable<Match>, day: string, change: CapacityChange,
): { job: Job; capacity: JobCapacity; audit: AuditInput | null } {
  const capacity = jobCapacity(job, matches, day);
  const status = statusAfter(job.status, capacity, change);
  if (status === job.status) return { job, capacity, audit: null };
  const next: Job = { ...job, status };
  updateRecord(store, JOBS_TAB, { tab: jobs.name, index: jobs.parsed.columnIndex, row }, job, next, ctx.lang);
  // The picker's key re-marked with the new status (job-search-index.ts).
  keyJobStatus(store, row, job, next, ctx.lang);
  ctx.figures?.record('jobs', { jobs: [job] }, { jobs: [next] });
  return {
    job: next, capacity,
    audit: { at: ctx.now, user: ctx.email, action: 'job_status_auto', sheet: jobs.name, recordId: job.job_id, detail: `status=${job.status ?? ''}->${status ?? ''} placed=${capacity.placed}` },
  };
}
