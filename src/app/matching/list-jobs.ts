import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import type { JobStatus } from '../../domain/enums';
import { jobCapacity } from '../../domain/jobs/capacity';
import { JOBS_TAB, MATCHES_TAB, type Job } from '../../domain/schema/tabs';
import { matchRank, searchKey } from '../../domain/text/search-key';
import type { TableStore } from '../ports';
import type { CallContext } from '../shared/call-context';
import { readRowsByKey } from '../shared/find-rows';
import { loadWorkbookPart, readColumnsOf, readTailOf } from '../shared/read-part';
import type { RawTable } from '../../domain/cell';
import { parseTable } from '../../domain/parse/parse-table';
import { JOB_PICKER_COLUMNS, JOB_PLACES_COLUMNS, JOB_SEARCH_READS } from '../sidebar/read-plans';
import type { Workbook } from '../../domain/workbook';
import type { JobOption, ListJobsInput, ListJobsOutput } from '../shared/api-types';
import { jobOptionOf } from './job-fill';
import type { JobMatch } from '../../domain/matching/job-matches';

// The job picker of the マッチング panel (and the bootstrap's job list): each job with its client's
// name, slots and places left, so six jobs called 夜間巡回 are told apart and a full one is seen to
// be full. Open jobs (募集中) by default; `include_all` adds 提案中, 充足 and 終了.

export const LIST_JOBS_INPUT = lazySchema(() => z.optional(z.strictObject({
  include_all: z.optional(z.boolean()),
  query: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))),
})));

/** Jobs a search answers: a person narrows the query rather than scrolls (≈ 2.7 KB). */
export const JOB_SEARCH_LIMIT = 20;

/** The picker's order: 募集中 first, then 提案中, 充足, 終了; newest first within each; then ID. */
export const ORDER: Readonly<Record<JobStatus | 'none', number>> = { open: 0, proposed: 1, none: 1, filled: 2, closed: 3 };

/** Every job's option from one read of 仕事, 業務提供先's names and マッチング (matches grouped by job once). */
export function jobOptions(
  workbook: Pick<Workbook, 'jobs' | 'clients'> & { readonly matches: readonly JobMatch[] }, today: string, keep: (status: JobStatus | null) => boolean, sorted = true,
): JobOption[] {
  const clientName = new Map(workbook.clients.map((c) => [c.client_id, c.name]));
  const byJob = new Map<string, JobMatch[]>();
  for (const m of workbook.matches) {
    if (!m.job_id) continue;
    const list = byJob.get(m.job_id);
    if (list) list.push(m); else byJob.set(m.job_id, [m]);
  }
  const kept = workbook.jobs.filter((j) => keep(j.status));
  if (sorted) kept.sort((a, b) => ORDER[a.status ?? 'none'] - ORDER[b.status ?? 'none'] || (b.created_on ?? '').localeCompare(a.created_on ?? '') || a.job_id.localeCompare(b.job_id));
  return kept.map((j) => jobOptionOf(j, clientName.get(j.client_id ?? '') ?? '', jobCapacity(j, byJob.get(j.job_id) ?? [], today)));
}

export function listJobs(workbook: Pick<Workbook, 'jobs' | 'clients' | 'matches'>, today: string, input: ListJobsInput = {}): ListJobsOutput {
  const all = input.include_all === true;
  return { jobs: jobOptions(workbook, today, (s) => all || s === 'open'), total: workbook.jobs.length };
}

/**
 * The job list without a query, as the sidebar asks it (「充足・終了も表示」 at a small center):
 * never more than `limit` (設定 仕事一覧の上限) jobs, and never a read that grows with the center.
 * Past the limit the answer is `cut` and holds no job (the picker then searches: searchJobs), so
 * what is read is only what tells the cut apart:
 * - open jobs only (the default): the stored picker sizes (`jobsNotClosed`, stored-headline.ts)
 *   past the limit are the cut, and nothing of the tabs is read;
 * - then 仕事's last `limit + 1` rows (the picker's columns: header, getLastRow and one getValues
 *   per run of columns, whatever the tab's length): rows above them, or more than `limit` jobs
 *   among them, are the cut too (a small center whose 終了 jobs piled up); if its last row holds
 *   no job (a center's column filled down past the jobs), the picker columns are read whole;
 * - only a list that is sent reads the clients' names and マッチング's columns for the places.
 * Which of the three is taken depends on the counts alone, so the calls are those of that path
 * at any size (bench/size-independence.ts).
 */
export function listJobsUpTo(
  store: TableStore, ctx: Pick<CallContext, 'today' | 'settings'>, input: ListJobsInput, limit: number, jobsNotClosed: number,
): ListJobsOutput {
  const all = input.include_all === true;
  if (!all && jobsNotClosed > limit) return { jobs: [], total: jobsNotClosed, cut: true };
  const tail = readTailOf(store, JOBS_TAB, limit + 1, JOB_PICKER_COLUMNS);
  if (!tail) return { jobs: [], total: 0 };
  // A center's own column filled down past the jobs (a formula dragged to row 1,000) moves the
  // tab's last row below the last job: the tail then holds no job at its end and says nothing of
  // the rows above, so 仕事's picker columns are read whole — the one path that grows with the
  // tab, taken only for such a tab (a large center past the limit is cut before any read).
  const raw = (tail.firstRow ?? 2) > 2 && endsWithoutJob(tail) ? readColumnsOf(store, JOBS_TAB, JOB_PICKER_COLUMNS) ?? tail : tail;
  const jobs = parseTable(JOBS_TAB, raw, JOB_PICKER_COLUMNS).records;
  const kept = jobs.filter((j) => all || j.status === 'open');
  if ((raw.firstRow ?? 2) > 2 || kept.length > limit) return { jobs: [], total: jobs.length, cut: true };
  const rest = loadWorkbookPart(store, { clients: { columns: ['client_id', 'name'] }, matches: { columns: JOB_PLACES_COLUMNS } }, ctx.settings);
  return listJobs({ jobs, clients: rest.clients, matches: rest.matches }, ctx.today, input);
}

/** Whether the last row read holds no job (nothing of 仕事's own columns: a center's column below the jobs). */
function endsWithoutJob(raw: RawTable): boolean {
  const last = raw.rows.length - 1;
  if (last < 0) return false;
  return parseTable(JOBS_TAB, { ...raw, rows: raw.rows.slice(last), firstRow: (raw.firstRow ?? 2) + last }, JOB_PICKER_COLUMNS).records.length === 0;
}

/** The job picker's order of found jobs: the match's rank, then the status, newest, ID. */
export function byPickerOrder(a: { job: Job; rank: number }, b: { job: Job; rank: number }): number {
  return a.rank - b.rank || ORDER[a.job.status ?? 'none'] - ORDER[b.job.status ?? 'none']
    || (b.job.created_on ?? '').localeCompare(a.job.created_on ?? '') || a.job.job_id.localeCompare(b.job.job_id);
}

/**
 * The job picker's search over 仕事 read by column: the jobs whose ID starts with the query or
 * whose 仕事名 or client's name holds it (forgiving as the member search:
 * domain/text/search-key.ts), open ones unless `include_all`, best matches first, at most
 * JOB_SEARCH_LIMIT. Reads 仕事's picker columns and 業務提供先's names whole, then the places of
 * only the jobs answered: their rows of マッチング by 仕事ID (one search). What searchJobs
 * (search-jobs.ts) does when its stored keys cannot be had, and what they are held to
 * (test/app/matching/job-search-index.property.test.ts).
 */
export function searchJobsInTab(
  store: TableStore, ctx: Pick<CallContext, 'today' | 'lang' | 'settings'>, input: ListJobsInput & { readonly query: string },
): ListJobsOutput {
  const key = searchKey(input.query);
  const workbook = loadWorkbookPart(store, JOB_SEARCH_READS, ctx.settings);
  const all = input.include_all === true;
  const clientName = new Map(workbook.clients.map((c) => [c.client_id, c.name]));
  const found: { job: Job; rank: number }[] = [];
  for (const job of workbook.jobs) {
    if (!all && job.status !== 'open') continue;
    const rank = key === '' ? null : matchRank(key, job.job_id, job.title, clientName.get(job.client_id ?? '') ?? '');
    if (rank !== null) found.push({ job, rank });
  }
  found.sort(byPickerOrder);
  const shown = found.slice(0, JOB_SEARCH_LIMIT).map((f) => f.job);
  const matches = shown.length === 0 ? [] : readRowsByKey(store, MATCHES_TAB, 'job_id', shown.map((j) => j.job_id), ctx.lang).parsed.records;
  return {
    jobs: jobOptions({ jobs: shown, clients: workbook.clients, matches }, ctx.today, () => true, false),
    total: workbook.jobs.length,
    more: found.length > JOB_SEARCH_LIMIT,
  };
}
