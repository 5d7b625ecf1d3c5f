import { JOB_STATUS_MARKS, anyJobKeyPattern, jobKeyPatterns, type JobMark } from '../../domain/jobs/job-search-key';
import { parseTable } from '../../domain/parse/parse-table';
import { CLIENTS_TAB, JOBS_TAB, tabNames, type Client, type Job } from '../../domain/schema/tabs';
import type { Language } from '../../domain/enums';
import type { JobRowHint } from '../../domain/matching/job-matches';
import { matchRank, searchKey } from '../../domain/text/search-key';
import { locateColumns } from '../../domain/parse/parse-table';
import type { KeyValueStore, Lock, TableStore } from '../ports';
import type { CallContext } from '../shared/call-context';
import { readRowsByKey, readRowsByNumber } from '../shared/find-rows';
import { matchRowsOf, readRowsOf } from '../shared/rows-by-number';
import type { ListJobsInput, ListJobsOutput } from '../shared/api-types';
import { JOB_PICKER_COLUMNS } from '../sidebar/read-plans';
import { JOB_SEARCH_LIMIT, byPickerOrder, jobOptions, searchJobsInTab } from './list-jobs';
import { JOB_SEARCH_PROPERTY, JOB_SEARCH_TAB, jobSearchFresh, rebuildJobSearchLocked } from './job-search-index';
import { indexedPlacesFirst, readJobsPlaces } from './job-places';
import { readIndexStamps, type IndexStamps } from './candidate-index';

// The job picker of a large center (past 設定 仕事一覧の上限, list-jobs.ts listJobsUpTo): the jobs
// whose ID starts with the query or whose 仕事名 or client's name holds it, open ones unless
// `include_all`, best matches first, at most JOB_SEARCH_LIMIT — the answer of searchJobsInTab,
// found through the stored, folded keys (_仕事検索, job-search-index.ts): one getProperties (its
// stamp and the candidate index's), two TextFinders of the keys (the matches; every job, for `total`), the ≤ 20 rows found
// read from 仕事 by row number, their clients' names and their matches (job-places.ts: the
// candidate index's 仕事 cells when trusted, else their rows of マッチング by key; only shown, nobody
// is placed from them). Jobs in one bucket of the index (one job typed by its ID) read it first,
// and their clients' rows at its hints. The same at any size.

type Ports = { store: TableStore; props: KeyValueStore; lock: Lock };
type Ctx = Pick<CallContext, 'today' | 'lang' | 'settings'>;

const LEVELS = ['exact', 'starting', 'any'] as const;

/**
 * Past JOB_SEARCH_LIMIT matches, the rows to read: the picker's order is the match's rank, then
 * the status, so the buckets (exact, starting, containing) × (募集中, 提案中, 充足, 終了) are asked
 * in that order, each a TextFinder of its keys (a bucket is its level's keys less the tighter
 * levels' of the same status, all of them already taken: fewer than the limit), until the limit
 * is reached. Within the last bucket the newest are its last rows: registerJob appends each job
 * on the day it is created, so sheet order is 作成日's order (a 作成日 typed back by hand past 20
 * matches of one rank and status may show another of them; the answer says `more` either way).
 */
function rowsPastLimit(store: TableStore, key: string, all: boolean): number[] | null {
  const marks: readonly JobMark[] = all ? JOB_STATUS_MARKS : [''];
  const taken: number[] = [];
  const takenOf = new Map<JobMark, Set<number>>(marks.map((m) => [m, new Set<number>()]));
  for (const level of LEVELS) {
    for (const mark of marks) {
      const need = JOB_SEARCH_LIMIT - taken.length;
      if (need <= 0) return taken;
      const before = takenOf.get(mark) ?? new Set<number>();
      const found = matchRowsOf(store, [JOB_SEARCH_TAB], 0, jobKeyPatterns(key, [mark])[level], JOB_SEARCH_LIMIT + before.size, true);
      if (!found) return null;
      if (found.total <= before.size) continue;
      const fresh = found.rows.filter((r) => !before.has(r));
      for (const r of fresh.slice(Math.max(0, fresh.length - need))) { before.add(r); taken.push(r); }
    }
  }
  return taken;
}

/** The jobs' clients: read at the rows the index's rebuild found them in (`hints`), each taken
 *  when it holds the ID asked; the others (no hint, rows moved by hand since) found by key. */
function clientsOf(store: TableStore, lang: Language, jobs: readonly Job[], hints: ReadonlyMap<string, JobRowHint> | undefined): Client[] {
  const wanted = new Set(jobs.map((j) => j.client_id ?? '').filter((c) => c !== ''));
  if (wanted.size === 0) return [];
  const rows = [...new Set(jobs.flatMap((j) => {
    const at = hints?.get(j.job_id)?.client;
    return j.client_id && at !== undefined && at !== null ? [at] : [];
  }))];
  const atHints = rows.length === 0 ? [] : atRows(() => readRowsByNumber(store, CLIENTS_TAB, rows, lang).parsed.records.filter((c) => wanted.has(c.client_id)));
  const missing = [...wanted].filter((id) => !atHints.some((c) => c.client_id === id));
  return missing.length === 0 ? atHints : [...atHints, ...readRowsByKey(store, CLIENTS_TAB, 'client_id', missing, lang).parsed.records];
}

/** A read at hinted rows, or none when it throws (rows deleted by hand since the rebuild put a
 *  hint past the tab's grid, which Sheets' getRange refuses): the caller finds them by key. */
function atRows<T>(read: () => T[]): T[] {
  try {
    return read();
  } catch {
    return [];
  }
}

/** The search through the stored keys, or 'out_of_step' when they are missing or a key found a
 *  row of 仕事 that does not match (the tabs no longer line up, a status changed by hand). */
function searchByKeys(ports: Ports, ctx: Ctx, key: string, all: boolean, stamps: IndexStamps): ListJobsOutput | 'out_of_step' {
  const { store } = ports;
  const names = [JOB_SEARCH_TAB];
  const any = matchRowsOf(store, names, 0, jobKeyPatterns(key, all ? null : ['']).any, JOB_SEARCH_LIMIT);
  if (!any) return 'out_of_step';
  const total = matchRowsOf(store, names, 0, anyJobKeyPattern(), 0)?.total ?? 0;
  if (any.total === 0) return { jobs: [], total, more: false };
  const rows = any.total > JOB_SEARCH_LIMIT ? rowsPastLimit(store, key, all) : [...any.rows];
  if (!rows) return 'out_of_step';
  const wanted = (header: readonly string[]): number[] => {
    const { index } = locateColumns(JOBS_TAB, '', header);
    return JOB_PICKER_COLUMNS.map((k) => index.get(k) ?? -1).filter((i) => i >= 0);
  };
  const raw = readRowsOf(store, tabNames(JOBS_TAB, ctx.lang), [...rows].sort((a, b) => a - b), wanted);
  if (!raw) return 'out_of_step';
  const jobs = parseTable(JOBS_TAB, raw, JOB_PICKER_COLUMNS).records;
  if (jobs.length !== rows.length) return 'out_of_step';
  // One job typed by its ID (one bucket): the index first, for its places and its client's row.
  const indexed = indexedPlacesFirst(store, stamps, ctx.today, jobs.map((j) => j.job_id));
  const clients = clientsOf(store, ctx.lang, jobs, indexed?.hints);
  const clientName = new Map(clients.map((c) => [c.client_id, c.name]));
  const found: { job: Job; rank: number }[] = [];
  for (const job of jobs) {
    const rank = matchRank(key, job.job_id, job.title, clientName.get(job.client_id ?? '') ?? '');
    if (rank === null || (!all && job.status !== 'open')) return 'out_of_step';
    found.push({ job, rank });
  }
  found.sort(byPickerOrder);
  const shown = found.slice(0, JOB_SEARCH_LIMIT).map((f) => f.job);
  const matches = indexed ? shown.flatMap((j) => indexed.matches.get(j.job_id) ?? []) : readJobsPlaces(ports, ctx, shown.map((j) => j.job_id), stamps);
  return { jobs: jobOptions({ jobs: shown, clients, matches }, ctx.today, () => true, false), total, more: any.total > JOB_SEARCH_LIMIT };
}

/** The job picker's search (searchJobsInTab's answer) through _仕事検索: rebuilt first when its
 *  stamp is not fresh, and once more when a key finds a row out of step; 仕事 read by column when
 *  the keys cannot be had (another run holds the lock a rebuild needs). */
export function searchJobs(ports: Ports, ctx: Ctx, input: ListJobsInput & { readonly query: string }): ListJobsOutput {
  const key = searchKey(input.query);
  const { store } = ports;
  if (key === '') return searchJobsInTab(store, ctx, input);
  const all = input.include_all === true;
  const rebuilt = (): boolean => rebuildJobSearchLocked(ports, ctx.today) !== null;
  // The keys' stamp read with the candidate index's (the shown jobs' places: job-places.ts) in one
  // round trip; neither moves for what this call writes (a rebuild of the keys stamps only theirs).
  const { stamps, alongside } = readIndexStamps(ports.props, [JOB_SEARCH_PROPERTY]);
  if (!jobSearchFresh(alongside.get(JOB_SEARCH_PROPERTY) ?? null, ctx.today) && !rebuilt()) return searchJobsInTab(store, ctx, input);
  const first = searchByKeys(ports, ctx, key, all, stamps);
  if (first !== 'out_of_step') return first;
  const again = rebuilt() ? searchByKeys(ports, ctx, key, all, stamps) : 'out_of_step';
  return again === 'out_of_step' ? searchJobsInTab(store, ctx, input) : again;
}
