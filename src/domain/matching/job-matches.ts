import { MATCH_STATUS, type MatchStatus } from '../enums';
import type { Match } from '../schema/tabs';
import { dayNumber } from './day-number';
import { bucketOf, civilOfDayNumber, INDEX_BUCKETS } from './member-index';
import { slotMask, slotsOf } from './slot-bits';

// The jobs' matches in the candidate index (matching.md "The candidate index", "A job's matches"):
// every row of マッチング that names a job, kept in the index tab's 仕事 column in the row of the
// job's bucket (the member buckets' hash of the 仕事ID), so that the candidate list of a job takes
// its matches — who is already proposed, in interview or placed, the places they hold — from the
// index it has read whole, instead of one getValues per row of マッチング found. Keyed by job, not
// member: a match naming no member of 会員 (an ID typed wrong) is kept as any other.

/** What the list, the job's capacity and its placements read of a match. */
export type JobMatch = Pick<Match, 'match_id' | 'job_id' | 'member_id' | 'status' | 'placed_on' | 'ended_on' | 'slots'>;

/** A bucket's jobs: each job's matches in the order of their rows in マッチング. */
export type JobBucket = Map<string, JobMatch[]>;

/** Where the rebuild found a job's row of 仕事 and its client's row of 業務提供先 (sheet rows; client
 *  null when the job names none found). Only a hint: the ranking reads the row at it and checks
 *  its ID, and searches by key as before when the ID is not the one asked (rows sorted, inserted
 *  or deleted by hand since), so a stale hint costs a search, never a wrong answer. */
export interface JobRowHint {
  readonly job: number;
  readonly client: number | null;
}
export type JobRowHints = Map<string, JobRowHint>;

export function jobMatchOf(m: Match): JobMatch {
  return { match_id: m.match_id, job_id: m.job_id, member_id: m.member_id, status: m.status, placed_on: m.placed_on, ended_on: m.ended_on, slots: m.slots };
}

/** Every job bucket from the matches read (a rebuild), rows in their order. */
export function jobBucketsOf(matches: readonly Match[]): JobBucket[] {
  const out: JobBucket[] = Array.from({ length: INDEX_BUCKETS }, () => new Map());
  for (const m of matches) {
    if (m.job_id === null || m.job_id === '') continue;
    const bucket = out[bucketOf(m.job_id)];
    const list = bucket?.get(m.job_id);
    if (list) list.push(jobMatchOf(m)); else bucket?.set(m.job_id, [jobMatchOf(m)]);
  }
  return out;
}

// The JSON: [[仕事ID, {"r":仕事's row,"c":業務提供先's row}?, [マッチングID, 会員ID, status code, 成立日 | null,
// 終了日 | null, 担当枠 mask], …], …], jobs in ID order (the same text for the same matches and hints);
// '' for a bucket without jobs. The row hint is optional (a cell written before hints lacks it):
// a job with a hint and no match is kept for its hint.
const STATUS_CODES: readonly MatchStatus[] = MATCH_STATUS.codes;

/** The most characters Sheets holds in one cell ("up to 50,000 characters", Google Drive Help,
 *  "Files you can store in Google Drive"): a setValues with a longer string throws, which would
 *  fail the rebuild (every ranking) or a write of マッチング half-way. */
export const CELL_CHARS_MAX = 50_000;
/** What a bucket's 仕事 cell holds when its jobs' matches do not fit in a cell (a job with over a
 *  thousand matches): not a list, so unpackJobBucket answers null and the ranking reads those jobs'
 *  rows of マッチング by key (list-candidates.ts), as for a cell typed over; the writes leave it as
 *  it is, and the nightly rebuild packs the bucket again. */
export const JOB_BUCKET_OVERFLOW = '{"over":true}';

export function packJobBucket(bucket: ReadonlyMap<string, readonly JobMatch[]>, hints: ReadonlyMap<string, JobRowHint> = new Map()): string {
  const jobs = [...new Set([...bucket.keys(), ...hints.keys()])].filter((j) => (bucket.get(j)?.length ?? 0) > 0 || hints.has(j)).sort();
  if (jobs.length === 0) return '';
  const hintOf = (j: string): { r: number; c?: number }[] => {
    const h = hints.get(j);
    return h ? [h.client === null ? { r: h.job } : { r: h.job, c: h.client }] : [];
  };
  const json = JSON.stringify(jobs.map((j) => [j, ...hintOf(j), ...(bucket.get(j) ?? []).map((m) => [
    m.match_id, m.member_id, STATUS_CODES.indexOf(m.status), m.placed_on === null ? null : dayNumber(m.placed_on),
    m.ended_on === null ? null : dayNumber(m.ended_on), slotMask(m.slots),
  ])]));
  // JavaScript's length counts a character past U+FFFF twice: never under what Sheets counts.
  return json.length > CELL_CHARS_MAX ? JOB_BUCKET_OVERFLOW : json;
}

const dayOrNull = (v: unknown): string | null | undefined => (v === null ? null : typeof v === 'number' && Number.isInteger(v) ? civilOfDayNumber(v) : undefined);

/** A bucket's jobs; null when the cell is not one (typed over by a person): the reader rebuilds. */
export function unpackJobBucket(cell: string): JobBucket | null {
  return unpackJobBucketAndHints(cell)?.jobs ?? null;
}

const rowOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 2 ? v : null);

/** unpackJobBucket, and the jobs' row hints (a hint that does not read is left out: only a hint). */
export function unpackJobBucketAndHints(cell: string): { jobs: JobBucket; hints: JobRowHints } | null {
  const out: JobBucket = new Map();
  const hints: JobRowHints = new Map();
  if (cell.trim() === '') return { jobs: out, hints };
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  for (const job of parsed) {
    if (!Array.isArray(job) || typeof job[0] !== 'string') return null;
    const jobId = job[0];
    const list: JobMatch[] = [];
    let rest: unknown[] = job.slice(1);
    const hint: unknown = rest[0];
    if (typeof hint === 'object' && hint !== null && !Array.isArray(hint)) {
      rest = rest.slice(1);
      const r = rowOrNull('r' in hint ? hint.r : undefined);
      if (r !== null) hints.set(jobId, { job: r, client: rowOrNull('c' in hint ? hint.c : undefined) });
    }
    for (const m of rest) {
      if (!Array.isArray(m) || typeof m[0] !== 'string' || typeof m[1] !== 'string' || typeof m[5] !== 'number') return null;
      const status = typeof m[2] === 'number' ? STATUS_CODES[m[2]] : undefined;
      const placed = dayOrNull(m[3]);
      const ended = dayOrNull(m[4]);
      if (status === undefined || placed === undefined || ended === undefined) return null;
      list.push({ match_id: m[0], job_id: jobId, member_id: m[1], status, placed_on: placed, ended_on: ended, slots: slotsOf(m[5]) });
    }
    out.set(jobId, list);
  }
  return { jobs: out, hints };
}

/** `bucket` with the matches `written` as they now stand: each replaces the row of the same
 *  マッチングID and 会員ID in its job (the k-th written of a pair the k-th held), or is added after
 *  the job's last (a new row, appended to マッチング). */
export function withWrittenMatches(bucket: ReadonlyMap<string, readonly JobMatch[]>, written: readonly JobMatch[]): JobBucket {
  const out: JobBucket = new Map([...bucket].map(([j, list]) => [j, [...list]]));
  const used = new Map<string, number>();
  for (const m of written) {
    if (m.job_id === null || m.job_id === '') continue;
    const list = out.get(m.job_id) ?? [];
    const pair = `${m.match_id}\u0000${m.member_id}`;
    const skip = used.get(pair) ?? 0;
    used.set(pair, skip + 1);
    let seen = 0;
    const at = list.findIndex((x) => x.match_id === m.match_id && x.member_id === m.member_id && seen++ === skip);
    if (at >= 0) list[at] = m; else list.push(m);
    out.set(m.job_id, list);
  }
  return out;
}
