import type { CivilDate } from '../../domain/civil-date';
import { jobMark, jobSearchKey } from '../../domain/jobs/job-search-key';
import { searchKey } from '../../domain/text/search-key';
import type { Language } from '../../domain/enums';
import { FIELD_MARK, NO_ID_KEY } from '../../domain/text/folded-key';
import { parseTable } from '../../domain/parse/parse-table';
import { CLIENTS_TAB, JOBS_TAB, type Job } from '../../domain/schema/tabs';
import type { KeyValueStore, Lock, TableStore } from '../ports';
import { readColumnsOf } from '../shared/read-part';
import { readRowsOf } from '../shared/rows-by-number';
import { readRowsByKey } from '../shared/find-rows';
import { appendKey, keyTabFresh, rebuildKeyTab, rebuildKeyTabLocked, writeKey, type FoldedKeyTab } from '../shared/folded-key-tab';
import { JOB_PICKER_COLUMNS } from '../sidebar/read-plans';

// The job picker's stored keys (the hidden tab _仕事検索, a folded-key tab: shared/folded-key-tab.ts;
// sidebar-calls.md "The job picker"): row n holds the key of 仕事's row n (job-search-key.ts:
// the status's mark, 仕事ID, 仕事名 and the client's 名称), rebuilt from 仕事's picker columns and
// 業務提供先's names; a new job (registerJob) appends a key, a change of status (setJobStatus, a
// placement that fills or reopens a job) writes the key of the job's row. A client's name is
// written by no sidebar call; a person's edit of 業務提供先 stamps the keys stale (cache-triggers.ts).

export const JOB_SEARCH_TAB = '_仕事検索';
export const JOB_SEARCH_PROPERTY = 'ikigai.jobSearch';

/** The key of every row of 仕事, in its rows' order (row 2 first): a row the picker would not list
 *  (no 仕事ID, a cell it cannot read) keeps the key no search matches. */
function keysOfJobs(store: TableStore): string[] | null {
  const raw = readColumnsOf(store, JOBS_TAB, JOB_PICKER_COLUMNS);
  if (!raw) return null;
  const clients = readColumnsOf(store, CLIENTS_TAB, ['client_id', 'name']);
  const clientName = new Map(clients ? parseTable(CLIENTS_TAB, clients, ['client_id', 'name']).records.map((c) => [c.client_id, c.name]) : []);
  const parsed = parseTable(JOBS_TAB, raw, JOB_PICKER_COLUMNS);
  const keys = raw.rows.map((): string => NO_ID_KEY);
  const first = raw.firstRow ?? 2;
  parsed.records.forEach((j, i) => {
    const at = (parsed.rowNumbers[i] ?? 0) - first;
    if (at >= 0 && at < keys.length) keys[at] = jobKeyOf(j, clientName.get(j.client_id ?? '') ?? '');
  });
  return keys;
}

function jobKeyOf(job: Pick<Job, 'job_id' | 'title' | 'status'>, client: string): string {
  return jobSearchKey(job.job_id, job.title ?? '', client, job.status);
}

export const JOB_SEARCH: FoldedKeyTab = { tab: JOB_SEARCH_TAB, property: JOB_SEARCH_PROPERTY, version: 1, keys: keysOfJobs };

/** Whether the stamp `value` says the keys can be searched `today`. */
export function jobSearchFresh(value: string | null, today: CivilDate): boolean {
  return keyTabFresh(JOB_SEARCH, value, today);
}

/** Rebuilds _仕事検索 from 仕事 and 業務提供先 (caller holds the write lock). */
export function rebuildJobSearch(store: TableStore, props: KeyValueStore, today: CivilDate): number | null {
  return rebuildKeyTab(JOB_SEARCH, store, props, today);
}

/** rebuildJobSearch under its own hold of the write lock: null when another run holds it or there is no 仕事. */
export function rebuildJobSearchLocked(ports: { store: TableStore; props: KeyValueStore; lock: Lock }, today: CivilDate): number | null {
  return rebuildKeyTabLocked(JOB_SEARCH, ports, today);
}

/** A job just appended to 仕事 (registerJob): its key appended, one appendCells, inside its boundary. */
export function keyNewJob(store: TableStore, job: Pick<Job, 'job_id' | 'title' | 'status'>, client: string): void {
  appendKey(JOB_SEARCH, store, jobKeyOf(job, client));
}

/** A job's row `row` of 仕事 rewritten with another status (setJobStatus, a placement that fills
 *  or reopens it): the key of that row re-marked, one read of its cell (the tab row-aligned with
 *  仕事: the row the job was found at, no search, no header read) and one writeCells — only
 *  when the mark changes (and the keys were built: a blank cell is left to the first search). A cell that does not hold this job's key (rows moved by hand) is written
 *  whole, the client's name found by key (one search of 業務提供先). Inside the write's boundary. */
export function keyJobStatus(store: TableStore, row: number, before: Pick<Job, 'job_id' | 'title' | 'status' | 'client_id'>, after: Pick<Job, 'status'>, lang: Language): void {
  const was = jobMark(before.status);
  const mark = jobMark(after.status);
  // The tab's header is the add-in's own (desk-cache.ts WRITTEN_HEADERS): asking for it costs no
  // round trip, only the lookup that finds the tab.
  if (row < 2 || was === mark || store.header([JOB_SEARCH_TAB]) === null) return;
  let cell: unknown = null;
  try {
    cell = readRowsOf(store, [JOB_SEARCH_TAB], [row], () => [0])?.rows[0]?.[0];
  } catch {
    // Past the tab's grid (Sheets refuses the range): the keys were never built this far, as a blank cell.
    cell = null;
  }
  const stored = typeof cell === 'string' ? cell : '';
  // A blank cell: the keys were never built this far (setup's empty tab): the first search builds them.
  if (stored === '') return;
  const head = `${FIELD_MARK}${searchKey(before.job_id)}${FIELD_MARK}`;
  const at = stored.indexOf(head);
  let key: string;
  if (at >= 0 && at <= 1 && searchKey(before.job_id) !== '') key = `${mark}${stored.slice(at)}`;
  else {
    const client = before.client_id ? readRowsByKey(store, CLIENTS_TAB, 'client_id', [before.client_id], lang).parsed.records.at(-1)?.name ?? '' : '';
    key = jobKeyOf({ ...before, status: after.status }, client);
  }
  writeKey(JOB_SEARCH, store, row, stored, key);
}
