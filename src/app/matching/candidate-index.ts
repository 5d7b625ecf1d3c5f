import { addDays, civilDateIn, type CivilDate } from '../../domain/civil-date';
import type { Cell, RawTable } from '../../domain/cell';
import type { Language } from '../../domain/enums';
import {
  CANDIDATE_INDEX_TAB, INDEX_HEADER, bucketOf, bucketsOf, entryOf, INDEX_BUCKETS, INDEX_VERSION, packBucket, unpackBucket, withPlacements, withWork, type IndexEntry,
} from '../../domain/matching/member-index';
import type { WorkedRow } from '../../domain/matching/worked-load';
import { CLIENTS_TAB, JOBS_TAB, MATCHES_TAB, MEMBERS_TAB, type Job, type Match, type Member } from '../../domain/schema/tabs';
import {
  JOB_BUCKET_OVERFLOW, jobBucketsOf, jobMatchOf, packJobBucket, unpackJobBucket, unpackJobBucketAndHints, withWrittenMatches,
  type JobBucket, type JobMatch, type JobRowHint, type JobRowHints,
} from '../../domain/matching/job-matches';
import type { Settings } from '../../domain/settings';
import type { Clock, KeyValueStore, Lock, TableStore } from '../ports';
import { readSettings } from '../shared/call-context';
import { findRawRows, findRowsInTail, readRowsByKey } from '../shared/find-rows';
import { locateColumns, parseTable } from '../../domain/parse/parse-table';
import { WORK_LOG_TAB } from '../../domain/schema/tabs';
import { INDEX_EDITED_PROPERTY, INDEX_TOUCHED_PROPERTY, parseTouched, type IndexTouched } from './index-hand-edits';
import { loadWorkbookPart, readColumnsOf, type WorkbookPlan } from '../shared/read-part';
import { readTopOf } from '../shared/rows-by-number';
import { underWriteLock } from '../shared/write-boundary';
import { CANDIDATE_WORK_ROWS } from '../sidebar/read-plans';

// The candidate index's tab (`_候補索引`, workbook.md "Written by the add-in"; matching.md "The
// candidate index"): the add-in's own, one row per bucket of member-index.ts plus a stamp row.
// - read whole by a ranking (one getValues of its known 1,026 × 4 cells, no size question, at any
//   center size: readCandidateIndex checks what it finds there);
// - a write of a member, a match or a work row re-packs the buckets of the members it changed,
//   read where the rebuild put them (bucket b at row b + 3: one getValues a bucket; found by key
//   when rows were moved), one writeCells per run; a write of マッチング re-packs the 仕事 cell of
//   the bucket of each job it wrote a match of (writeJobMatches: one getValues, one writeCells);
// - rebuilt from the tabs (会員, 仕事 and マッチング by column, 就業実績's last rows) by the nightly
//   trigger, the manager's menu item, and the first reader that finds it missing, unreadable or
//   older than yesterday (a nightly run missed): what a person typed into 会員 is caught there.

export { CANDIDATE_INDEX_TAB, INDEX_HEADER };
/** The stamp row's key (row 2): its 索引 cell is `{"v":…,"built":"YYYY-MM-DD","buckets":…}`. */
const STAMP_KEY = '#';
// The hand edits' stamps (the full one and the list of members touched) are index-hand-edits.ts's.
export { INDEX_EDITED_PROPERTY } from './index-hand-edits';

export const bucketKey = (b: number): string => `K${String(b).padStart(4, '0')}`;

/** What a rebuild reads: the member fields the index keeps, of 仕事 the slots, of マッチング what
 *  placements need, and the work rows the ranking has always counted (read-plans.ts). */
export const INDEX_READS: WorkbookPlan = {
  members: {
    columns: ['member_id', 'kana', 'name', 'birth_date', 'phone', 'district', 'joined_on', 'left_on', 'consent', 'availability',
      'max_days_per_week', 'skills', 'motivations', 'preferred_categories'],
  },
  jobs: { columns: ['job_id', 'slots'] },
  matches: { columns: ['match_id', 'job_id', 'member_id', 'status', 'placed_on', 'ended_on', 'slots'] },
  work_log: { tail: CANDIDATE_WORK_ROWS },
};

export interface RebuildResult {
  readonly members: number;
  /** Characters of JSON in the buckets (what a reader then reads, less the stamp). */
  readonly chars: number;
  /** False when the tab already held exactly this. */
  readonly written: boolean;
}

function sameTable(raw: { header: readonly Cell[]; rows: readonly (readonly Cell[])[] } | null, rows: readonly (readonly Cell[])[]): boolean {
  if (!raw || raw.rows.length !== rows.length || INDEX_HEADER.some((h, i) => String(raw.header[i] ?? '') !== h)) return false;
  return rows.every((r, i) => r.every((c, j) => String(raw.rows[i]?.[j] ?? '') === String(c ?? '')));
}

/** Rebuilds the whole tab from the tabs (caller holds the write lock). */
export function rebuildCandidateIndex(store: TableStore, settings: Settings, today: CivilDate, edited: string | null = null): RebuildResult {
  // The edit stamp is read before the tabs: an edit while they are read leaves a newer stamp.
  const wb = loadWorkbookPart(store, INDEX_READS, settings);
  const buckets = bucketsOf(wb.members, wb.matches, wb.jobs, wb.workLog, today);
  const jobBuckets = jobBucketsOf(wb.matches);
  const hints = rowHintsOf(store);
  let chars = 0;
  const rows: Cell[][] = [[STAMP_KEY, wb.members.length, JSON.stringify({ v: INDEX_VERSION, built: today, buckets: INDEX_BUCKETS, ...(edited === null ? {} : { seen: edited }) }), '']];
  buckets.forEach((entries, b) => {
    const json = packBucket(entries);
    const jobs = packJobBucket(jobBuckets[b] ?? new Map(), hints[b]);
    chars += json.length + jobs.length;
    rows.push([bucketKey(b), entries.length, json, jobs]);
  });
  // The tab is the add-in's cell by cell: replaced whole (workbook.md) — unless it already holds
  // exactly this (a second run the same day, the trigger fired twice): then nothing is written.
  const written = !sameTable(store.read([CANDIDATE_INDEX_TAB]), rows);
  if (written) store.replace(CANDIDATE_INDEX_TAB, [...INDEX_HEADER], rows);
  return { members: wb.members.length, chars, written };
}

/** Each job's row hint (job-matches.ts JobRowHint), by bucket: the sheet rows of 仕事's 仕事ID and
 *  業務提供先's 提供先ID cells as read by column (the first row of an ID typed twice), IDs trimmed
 *  as the ID readers trim them. A tab missing: no hints (the ranking searches by key). */
function rowHintsOf(store: TableStore): JobRowHints[] {
  const out: JobRowHints[] = Array.from({ length: INDEX_BUCKETS }, () => new Map());
  const jobs = readColumnsOf(store, JOBS_TAB, ['job_id', 'client_id']);
  if (!jobs) return out;
  const clients = readColumnsOf(store, CLIENTS_TAB, ['client_id']);
  const clientRows = new Map<string, number>();
  if (clients) {
    const c = locateColumns(CLIENTS_TAB, clients.name, clients.header).index.get('client_id') ?? -1;
    clients.rows.forEach((r, i) => {
      const id = c < 0 ? '' : String(r[c] ?? '').trim();
      if (id !== '' && !clientRows.has(id)) clientRows.set(id, (clients.firstRow ?? 2) + i);
    });
  }
  const { index } = locateColumns(JOBS_TAB, jobs.name, jobs.header);
  const j = index.get('job_id') ?? -1;
  const c = index.get('client_id') ?? -1;
  if (j < 0) return out;
  jobs.rows.forEach((r, i) => {
    const id = String(r[j] ?? '').trim();
    const bucket = id === '' ? undefined : out[bucketOf(id)];
    if (!bucket || bucket.has(id)) return;
    const client = c < 0 ? '' : String(r[c] ?? '').trim();
    bucket.set(id, { job: (jobs.firstRow ?? 2) + i, client: clientRows.get(client) ?? null });
  });
  return out;
}

/** The index as a ranking uses it: every member's entry, and a job's matches (job-matches.ts) —
 *  unpacked for the job asked only (the ranking wants one: ~50,000 matches at L are not parsed for
 *  it); null when the job's cell does not read (typed over: the caller reads the rows instead, and
 *  the next rebuild writes the cell again). */
export interface CandidateIndex {
  readonly entries: IndexEntry[];
  jobMatches(jobId: string): readonly JobMatch[] | null;
  /** Where the last rebuild found the job's row and its client's (null: no hint held). */
  jobRowHint(jobId: string): JobRowHint | null;
}

/** A job's row hint from the 仕事 cells as read. */
function jobRowHintIn(cells: readonly string[]): (jobId: string) => JobRowHint | null {
  return (jobId) => unpackJobBucketAndHints(cells[bucketOf(jobId)] ?? '')?.hints.get(jobId) ?? null;
}

/** A job's matches from the 仕事 cells as read (one a bucket, in bucket order). */
function jobMatchesIn(cells: readonly string[]): (jobId: string) => readonly JobMatch[] | null {
  return (jobId) => {
    const held = unpackJobBucket(cells[bucketOf(jobId)] ?? '');
    return held ? held.get(jobId) ?? [] : null;
  };
}

export type IndexRead =
  | ({ readonly ok: true; readonly built: CivilDate } & CandidateIndex)
  | { readonly ok: false; readonly why: 'missing' | 'stale' | 'unreadable' | 'edited' };

/** The index's entries, or why not: missing, another version or layout, a cell typed over, built
 *  before yesterday (the nightly rebuild missed a night), or a person edited the tabs since it was
 *  built (`edited`: INDEX_EDITED_PROPERTY's value, null when no edit was ever stamped). */
export function readCandidateIndex(store: TableStore, today: CivilDate, edited: string | null = null): IndexRead {
  return readIndexRows(store, today, edited).read;
}

/** readCandidateIndex, and the rectangle it read when the index reads (every bucket at its row,
 *  its 区分 checked): what a re-pack under the same lock takes instead of reading the buckets again. */
function readIndexRows(store: TableStore, today: CivilDate, edited: string | null): { read: IndexRead; raw: RawTable | null } {
  const done = (read: IndexRead, rows: RawTable | null = null): { read: IndexRead; raw: RawTable | null } => ({ read, raw: rows });
  // The shape the rebuild writes, read as one rectangle (TableStore.readTop): no size question.
  // What a person may have done to the tab shows in the cells read, checked below: a row deleted
  // leaves the grid short of the rectangle (Sheets refuses it) or a bucket out of its row, a row
  // inserted moves a bucket out of its row, a header or stamp typed over no longer reads; each
  // answers 'unreadable', and the caller rebuilds as for a missing tab.
  let raw: RawTable | null;
  try {
    raw = readTopOf(store, [CANDIDATE_INDEX_TAB], INDEX_BUCKETS + 1, INDEX_HEADER.length);
  } catch {
    return done({ ok: false, why: 'unreadable' });
  }
  if (!raw) return done({ ok: false, why: 'missing' });
  if (INDEX_HEADER.some((h, i) => raw?.header[i] !== h)) return done({ ok: false, why: 'unreadable' });
  const stamp = stampOf(raw.rows[0], today, edited);
  if (!stamp.ok) return done(stamp);
  const { built } = stamp;
  if (raw.rows.length !== INDEX_BUCKETS + 1) return done({ ok: false, why: 'unreadable' });
  const entries: IndexEntry[] = [];
  const jobCells: string[] = [];
  for (let b = 0; b < INDEX_BUCKETS; b++) {
    const row = raw.rows[b + 1];
    if (!row || String(row[0] ?? '') !== bucketKey(b)) return done({ ok: false, why: 'unreadable' });
    const got = unpackBucket(String(row[2] ?? ''));
    if (!got) return done({ ok: false, why: 'unreadable' });
    for (const e of got) entries.push(e);
    jobCells.push(String(row[3] ?? ''));
  }
  return done({ ok: true, entries, jobMatches: jobMatchesIn(jobCells), jobRowHint: jobRowHintIn(jobCells), built }, raw);
}

/** The stamp row's verdict (row 2: `#`, then the build's JSON): readable, of this version and
 *  size, built yesterday or later, and built after the last hand edit stamped (`edited`). */
function stampOf(stamp: readonly Cell[] | undefined, today: CivilDate, edited: string | null):
  { readonly ok: true; readonly built: CivilDate } | { readonly ok: false; readonly why: 'stale' | 'unreadable' | 'edited' } {
  if (!stamp || String(stamp[0] ?? '') !== STAMP_KEY) return { ok: false, why: 'unreadable' };
  let meta: unknown;
  try {
    meta = JSON.parse(String(stamp[2] ?? ''));
  } catch {
    return { ok: false, why: 'unreadable' };
  }
  if (typeof meta !== 'object' || meta === null) return { ok: false, why: 'unreadable' };
  const { v, built, buckets, seen } = meta as Record<string, unknown>;
  if (v !== INDEX_VERSION || buckets !== INDEX_BUCKETS || typeof built !== 'string') return { ok: false, why: 'stale' };
  if (built < addDays(today, -1)) return { ok: false, why: 'stale' };
  if (edited !== null && seen !== edited) return { ok: false, why: 'edited' };
  return { ok: true, built };
}

/**
 * The matches of the jobs `jobIds` as the index holds them (their 仕事 cells), with their row
 * hints, for a call that needs only the jobs' places (setJobStatus, the job picker's search): the
 * stamp row and the jobs' bucket rows read where the rebuild put them (TableStore.readRows, no
 * search), instead of one getValues per row of マッチング found. Null — the caller reads マッチング — when the index would
 * not be read for a ranking either (missing, stale, a hand edit stamped since it was built, a row
 * out of place, a cell typed over) or a hand edit of マッチング named one of the jobs and no
 * ranking has re-packed it yet (the touched list).
 */
export function indexedJobMatches(
  store: TableStore, stamps: IndexStamps, today: CivilDate, jobIds: readonly string[],
): IndexedJobs | null {
  // The stamps (readIndexStamps) read by the caller. Under the write lock (setJobStatus) they
  // cannot move while the cells are read (the hand-edit triggers write them under it); a reader
  // without it (the picker's search) may meet an edit half-way, which the caller's count of rows
  // found catches when a row was added or removed — what it shows is then as old as the read.
  const { edited, touched } = stamps;
  const named = parseTouched(touched);
  if (named === 'unreadable' || jobIds.some((j) => named?.jobs.includes(j))) return null;
  const buckets = [...new Set(jobIds.map(bucketOf))].sort((a, b) => a - b);
  let raw: RawTable | null;
  try {
    raw = store.readRows?.([CANDIDATE_INDEX_TAB], [2, ...buckets.map(bucketRow)], () => [0, 1, 2, 3], true) ?? null;
  } catch {
    return null;
  }
  if (!raw || !stampOf(raw.rows[0], today, edited).ok) return null;
  const held = new Map<number, JobBucket>();
  const hints: JobRowHints = new Map();
  for (const [i, b] of buckets.entries()) {
    const row = raw.rows[i + 1];
    if (!row || String(row[0] ?? '') !== bucketKey(b)) return null;
    const cell = unpackJobBucketAndHints(String(row[3] ?? ''));
    if (!cell) return null;
    held.set(b, cell.jobs);
    for (const j of jobIds) {
      const hint = cell.hints.get(j);
      if (hint && bucketOf(j) === b) hints.set(j, hint);
    }
  }
  return { matches: new Map(jobIds.map((j) => [j, [...(held.get(bucketOf(j))?.get(j) ?? [])]])), hints };
}

/** What indexedJobMatches answers: the jobs' matches, and where the last rebuild found their rows
 *  of 仕事 and their clients' of 業務提供先 (only hints: a reader checks the ID it finds there). */
export interface IndexedJobs {
  readonly matches: ReadonlyMap<string, readonly JobMatch[]>;
  readonly hints: ReadonlyMap<string, JobRowHint>;
}

/** The candidate index's two stamps: the full one (INDEX_EDITED_PROPERTY), and the list of members
 *  and jobs hand edits touched (INDEX_TOUCHED_PROPERTY). */
export interface IndexStamps {
  readonly edited: string | null;
  readonly touched: string | null;
}

/** The two stamps in one round trip (one getProperties on Google), with the document properties
 *  `alongside` a caller reads anyway (the job picker's stamp: one round trip for the three). */
export function readIndexStamps(
  props: KeyValueStore | undefined, alongside: readonly string[] = [],
): { readonly stamps: IndexStamps; readonly alongside: ReadonlyMap<string, string | null> } {
  if (!props) return { stamps: { edited: null, touched: null }, alongside: new Map(alongside.map((k) => [k, null])) };
  const keys = [INDEX_EDITED_PROPERTY, INDEX_TOUCHED_PROPERTY, ...alongside];
  const got: Record<string, string | null> = props.getMany ? props.getMany(keys) : Object.fromEntries(keys.map((k) => [k, props.get(k)]));
  return {
    stamps: { edited: got[INDEX_EDITED_PROPERTY] ?? null, touched: got[INDEX_TOUCHED_PROPERTY] ?? null },
    alongside: new Map(alongside.map((k) => [k, got[k] ?? null])),
  };
}

function readStamps(props: KeyValueStore | undefined): IndexStamps {
  return readIndexStamps(props).stamps;
}

/** The index read with the buckets `repacked` names replaced by what was written. */
function patched(index: CandidateIndex, repacked: Repacked): CandidateIndex {
  const jobMatches = (jobId: string): readonly JobMatch[] | null => repacked.jobs.get(jobId) ?? index.jobMatches(jobId);
  const { jobRowHint } = index;
  if (repacked.members.size === 0) return { entries: [...index.entries], jobMatches, jobRowHint };
  const out = index.entries.filter((e) => !repacked.members.has(bucketOf(e.member.member_id)));
  for (const bucket of repacked.members.values()) for (const e of bucket) out.push(e);
  return { entries: out, jobMatches, jobRowHint };
}

/** The entries a ranking uses: the index as read, else rebuilt first under the write lock (the
 *  first reader of a day the nightly run missed, or of a new desk, or after a hand edit no key
 *  names), or — after hand edits that named their members (index-hand-edits.ts) — those members'
 *  buckets re-packed from their rows found by key, under the lock, and the list deleted. null:
 *  another run holds the lock (the caller ranks from the tabs instead). */
export function candidateIndexEntries(
  ports: { store: TableStore; lock: Lock; props?: KeyValueStore }, settings: Settings, today: CivilDate,
): CandidateIndex | null {
  // One getProperties a ranking: the price of seeing a hand edit of 会員 in the next list.
  const { edited, touched } = readStamps(ports.props);
  // With no hand edit listed the index is read as it stands; with some, it is read under the lock
  // below, after the list is read again, so the buckets the re-pack needs are those cells (no
  // second read of them) and what another reader re-packed meanwhile is what is read.
  const before = touched === null ? readCandidateIndex(ports.store, today, edited) : null;
  if (before?.ok) return before;
  const props = ports.props;
  const locked = underWriteLock(ports, (): CandidateIndex | null => {
    // Read again under the lock: another reader may have re-packed them, a trigger added some.
    const now = readStamps(props);
    const list = parseTouched(now.touched);
    // An index that did not read before the lock is rebuilt; one not read yet is read now.
    const read = before ? null : readIndexRows(ports.store, today, now.edited);
    if (read?.read.ok && list !== 'unreadable') {
      // No list left: another reader re-packed them meanwhile, and the index read holds that.
      if (list === null) return read.read;
      const repacked = repackTouched(ports.store, settings.language, today, list, read.raw);
      if (repacked) {
        props?.delete(INDEX_TOUCHED_PROPERTY);
        return patched(read.read, repacked);
      }
    }
    rebuildCandidateIndex(ports.store, settings, today, now.edited);
    // The rebuild read every tab after the list was read under this lock: it holds them all.
    if (now.touched !== null) props?.delete(INDEX_TOUCHED_PROPERTY);
    const rebuilt = readCandidateIndex(ports.store, today, now.edited);
    return rebuilt.ok ? rebuilt : null;
  });
  return locked.ok ? locked.value : null;
}

/** The nightly trigger's rebuild (and the menu's): under its own write lock, 設定 read for the
 *  center's day; the list of members hand edits touched deleted (the rebuild holds them). Answers
 *  what was written, or null when another run held the lock (the next reader finding the stamp old
 *  rebuilds then). */
export function rebuildCandidateIndexLocked(ports: { store: TableStore; lock: Lock; clock: Clock; properties?: KeyValueStore }): RebuildResult | null {
  const settings = readSettings(ports.store);
  const today = civilDateIn(ports.clock.now(), settings.timeZone);
  const locked = underWriteLock(ports, () => {
    const { edited, touched } = readStamps(ports.properties);
    const result = rebuildCandidateIndex(ports.store, settings, today, edited);
    if (touched !== null) ports.properties?.delete(INDEX_TOUCHED_PROPERTY);
    return result;
  });
  return locked.ok ? locked.value : null;
}

/** What repackTouched wrote: the members' buckets, and the matches of each job it named (empty:
 *  the job has none now). */
export interface Repacked {
  readonly members: Map<number, IndexEntry[]>;
  readonly jobs: Map<string, JobMatch[]>;
}

/**
 * The buckets of the members `touched` names (and of the members with a match on a job it names),
 * re-packed from their rows found by key, and the 仕事 cells of the jobs it names from the job's
 * rows of マッチング found by 仕事ID (the on-edit trigger names the job of every row of マッチング
 * edited, index-hand-edits.ts) (the buckets read where the rebuild put them, as the
 * writes read theirs: bucketRows) — 会員 and マッチング by 会員ID, 仕事 by the 仕事ID their
 * placements name, 就業実績 among the rows a rebuild reads (its last CANDIDATE_WORK_ROWS) — exactly
 * as a rebuild would pack them; a bucket's other members kept as the tab holds them now (read
 * under the caller's lock, so no write of another run is lost). One writeCells per run of
 * adjacent buckets whose JSON changed (none when a trigger fired twice). Answers the buckets as
 * written, or null when the tab or one of the buckets cannot be read (the caller rebuilds).
 */
export function repackTouched(store: TableStore, lang: Language, today: CivilDate, touched: IndexTouched, index: RawTable | null = null): Repacked | null {
  const ids = new Set(touched.members);
  // A job's 勤務枠 counts in the placements of every member placed on it; its rows are its matches.
  const jobRows = touched.jobs.length > 0 ? readRowsByKey(store, MATCHES_TAB, 'job_id', touched.jobs, lang).parsed.records : [];
  for (const m of jobRows) if (m.member_id) ids.add(m.member_id);
  const out: Repacked = { members: new Map(), jobs: new Map() };
  if (ids.size === 0 && touched.jobs.length === 0) return out;
  const wanted = [...ids];
  const buckets = [...new Set(wanted.map(bucketOf))];
  const jobBuckets = [...new Set(touched.jobs.map(bucketOf))];
  // The buckets as the caller read them under this lock (the index's rectangle, every bucket's 区分
  // checked at its row), else read where the rebuild put them.
  const all = [...new Set([...buckets, ...jobBuckets])];
  const found = index ? bucketsIn(index, all) : bucketRows(store, all, true);
  if (!found) return null;
  // A 仕事 cell too long for a cell (JOB_BUCKET_OVERFLOW) is held as no list: its jobs are told to
  // the ranking as read, the cell left as it is; any other cell that does not read is a rebuild.
  const held = new Map<string, { row: number; entries: IndexEntry[]; json: string; jobs: JobBucket | null; hints: JobRowHints; jobsJson: string }>();
  found.rows.forEach((r, i) => {
    const json = String(r[2] ?? '');
    const jobsJson = String(r[3] ?? '');
    const entries = unpackBucket(json);
    const got = unpackJobBucketAndHints(jobsJson);
    const jobs = got?.jobs ?? null;
    if (entries && (jobs || jobsJson === JOB_BUCKET_OVERFLOW)) {
      held.set(String(r[0] ?? ''), { row: found.rowNumbers?.[i] ?? 0, entries, json, jobs, hints: got?.hints ?? new Map(), jobsJson });
    }
  });
  if ([...buckets, ...jobBuckets].some((b) => !held.has(bucketKey(b)))) return null;

  // The jobs named: their matches as the rows found by 仕事ID hold them now, in their order.
  const jobCells: { row: number; json: string }[] = [];
  for (const b of jobBuckets) {
    const bucket = held.get(bucketKey(b));
    if (!bucket) return null;
    const next: JobBucket = new Map(bucket.jobs ?? []);
    for (const j of touched.jobs) {
      if (bucketOf(j) !== b) continue;
      const list = jobRows.filter((m) => m.job_id === j).map(jobMatchOf);
      next.set(j, list);
      out.jobs.set(j, list);
    }
    if (!bucket.jobs) continue;
    // The row hints kept as found: only the rebuild reads the rows they point at.
    const json = packJobBucket(next, bucket.hints);
    if (json !== bucket.jobsJson) jobCells.push({ row: bucket.row, json });
  }
  writeJobCells(store, jobCells);
  if (ids.size === 0) return out;

  const members = readRowsByKey(store, MEMBERS_TAB, 'member_id', wanted, lang).parsed.records;
  const matches = readRowsByKey(store, MATCHES_TAB, 'member_id', wanted, lang).parsed.records;
  const jobIds = [...new Set(matches.filter((m) => (m.status === 'placed' || m.status === 'ended') && m.job_id).map((m) => m.job_id ?? ''))];
  const jobs = jobIds.length > 0 ? readRowsByKey(store, JOBS_TAB, 'job_id', jobIds, lang).parsed.records : [];
  const workRaw = findRowsInTail(store, WORK_LOG_TAB, [{ key: 'member_id', keys: wanted }], lang, CANDIDATE_WORK_ROWS);
  const work = workRaw ? parseTable(WORK_LOG_TAB, workRaw).records : [];
  // The rows found by key hold only these members (TextFinder matches whole cells): packed as a rebuild packs them.
  const fresh = bucketsOf(members.filter((m) => ids.has(m.member_id)), matches, jobs, work.filter((w) => ids.has(w.member_id)), today);

  const changed: { row: number; entries: IndexEntry[] }[] = [];
  for (const b of buckets) {
    const bucket = held.get(bucketKey(b));
    if (!bucket) return null;
    const entries = [...bucket.entries.filter((e) => !ids.has(e.member.member_id)), ...(fresh[b] ?? [])];
    out.members.set(b, entries);
    if (packBucket(entries) !== bucket.json) changed.push({ row: bucket.row, entries });
  }
  writeBuckets(store, changed);
  return out;
}

/** What one write changed of a member: each part given is the member's as it now stands. */
export interface IndexChange {
  readonly memberId: string;
  /** Their row of 会員 as written (saveMember, leaveMember). */
  readonly member?: Member;
  /** Every match of the member as written (a status change, leaveMember), and the jobs those name
   *  (for a blank 担当枠); the jobs not given are read by key. */
  readonly matches?: readonly Match[];
  readonly jobs?: readonly Pick<Job, 'job_id' | 'slots'>[];
  /** Work rows just added (recordWork). */
  readonly work?: readonly WorkedRow[];
}

/**
 * Re-packs the entries of the members `changes` name, in their buckets found by key, one
 * writeCells per run of adjacent bucket rows (one for one member). Called by the use cases that
 * write 会員, マッチング or 就業実績, inside their write boundary. A member without an entry yet
 * (new, or typed in by hand since the last rebuild) is packed from their rows found by key; their
 * work rows are the ones this write adds (the nightly rebuild counts the others). No tab: nothing
 * to keep (the first reader builds it).
 */
export function refreshCandidateIndex(store: TableStore, lang: Language, today: CivilDate, changes: readonly IndexChange[]): void {
  if (changes.length === 0) return;
  const found = bucketRows(store, [...new Set(changes.map((c) => bucketOf(c.memberId)))]);
  if (!found) return;
  const rows = new Map<string, { row: number; entries: IndexEntry[] }>();
  found.rows.forEach((r, i) => {
    const entries = unpackBucket(String(r[2] ?? ''));
    // A cell typed over: left for the reader, which finds it unreadable and rebuilds.
    if (entries) rows.set(String(r[0] ?? ''), { row: found.rowNumbers?.[i] ?? 0, entries });
  });

  const byId = new Map<string, IndexChange>();
  for (const c of changes) byId.set(c.memberId, { ...byId.get(c.memberId), ...c, work: [...(byId.get(c.memberId)?.work ?? []), ...(c.work ?? [])] });
  const old = (id: string): IndexEntry[] => rows.get(bucketKey(bucketOf(id)))?.entries.filter((e) => e.member.member_id === id) ?? [];
  // What is neither given nor in an entry is read by key, for every member at once.
  const needRow = [...byId.values()].filter((c) => !c.member && old(c.memberId).length === 0).map((c) => c.memberId);
  const memberRows = needRow.length > 0 ? readRowsByKey(store, MEMBERS_TAB, 'member_id', needRow, lang).parsed.records : [];
  const needMatches = [...byId.values()].filter((c) => !c.matches && old(c.memberId).length === 0).map((c) => c.memberId);
  const matchRows = needMatches.length > 0 ? readRowsByKey(store, MATCHES_TAB, 'member_id', needMatches, lang).parsed.records : [];
  const given = new Map<string, Pick<Job, 'job_id' | 'slots'>>();
  for (const c of byId.values()) for (const j of c.jobs ?? []) given.set(j.job_id, j);
  const wantedJobs = new Set<string>();
  for (const c of byId.values()) {
    const ms = c.matches ?? (old(c.memberId).length === 0 ? matchRows.filter((m) => m.member_id === c.memberId) : []);
    for (const m of ms) if (m.job_id && !given.has(m.job_id) && (m.status === 'placed' || m.status === 'ended')) wantedJobs.add(m.job_id);
  }
  const jobs = [...given.values(), ...(wantedJobs.size > 0 ? readRowsByKey(store, JOBS_TAB, 'job_id', [...wantedJobs], lang).parsed.records : [])];

  const touched = new Set<string>();
  for (const c of byId.values()) {
    const key = bucketKey(bucketOf(c.memberId));
    const bucket = rows.get(key);
    if (!bucket) continue;
    const before = old(c.memberId);
    const members = c.member ? [c.member] : memberRows.filter((m) => m.member_id === c.memberId);
    let next: IndexEntry[];
    if (members.length > 0) {
      // The row as now written; placements and work kept from the entry unless given.
      const matches = c.matches ?? (before.length === 0 ? matchRows : null);
      next = members.map((m) => {
        const fresh = entryOf(m, matches ?? [], jobs, before[0]?.work ?? [], today);
        return matches ? fresh : { ...fresh, placements: before[0]?.placements ?? [] };
      });
    } else {
      next = before;
    }
    if (c.matches && members.length === 0) next = next.map((e) => withPlacements(e, c.matches ?? [], jobs, today));
    if (c.work && c.work.length > 0) next = next.map((e) => withWork(e, c.work ?? [], today));
    bucket.entries = [...bucket.entries.filter((e) => e.member.member_id !== c.memberId), ...next];
    touched.add(key);
  }
  writeBuckets(store, [...touched].map((k) => rows.get(k)).filter((b): b is { row: number; entries: IndexEntry[] } => b !== undefined));
}

/** The rows of `buckets` in the index's rectangle as readCandidateIndex read it (row 2 the stamp,
 *  bucket b at row b + 3), as bucketRows answers them. */
function bucketsIn(index: RawTable, buckets: readonly number[]): RawTable {
  return { name: index.name, header: index.header, rows: buckets.map((b) => index.rows[b + 1] ?? []), rowNumbers: buckets.map(bucketRow) };
}

/** Where the rebuild puts bucket `b`: after the header and the stamp row. */
const bucketRow = (b: number): number => b + 3;

/** The rows of `buckets`: read where the rebuild put them (TableStore.readRows: one getValues a
 *  bucket, no search), each checked by its 区分 cell; when one is not there (rows moved or deleted
 *  by hand, the tab shorter than the grid asked, a store without readRows) found by key instead, as
 *  before (a search and the rows it finds). */
function bucketRows(store: TableStore, buckets: readonly number[], withJobs = false): RawTable | null {
  let at: RawTable | null = null;
  try {
    // Each bucket alone (adjacent ones together): a bucket's packed 索引 is ~7 KB at 50,000 members,
    // so the rows between two buckets are never worth reading to save a round trip.
    // The 仕事 cell too only when asked (a write of a member's entry leaves the jobs' matches alone).
    at = store.readRows?.([CANDIDATE_INDEX_TAB], buckets.map(bucketRow), () => (withJobs ? [0, 1, 2, 3] : [0, 1, 2]), true) ?? null;
  } catch {
    // Past the tab's grid (Sheets refuses the range): rows were deleted; searched for below.
    at = null;
  }
  const inPlace = at?.rows.every((r, i) => String(r[0] ?? '') === bucketKey((at?.rowNumbers?.[i] ?? 0) - 3));
  if (at && inPlace && at.rows.length === buckets.length) return at;
  const keys = buckets.map(bucketKey);
  // Found by key (rows moved by hand): still each bucket alone, as above.
  return findRawRows(store, [CANDIDATE_INDEX_TAB], () => [{ column: 0, keys }], true);
}

/**
 * The matches `written` (rows of マッチング a use case has just written or appended, as they now
 * stand) into the 仕事 cells of their jobs' buckets (job-matches.ts withWrittenMatches): the
 * bucket rows read where the rebuild put them, one writeCells per run of adjacent rows whose JSON
 * changed. Called by every use case that writes マッチング, inside its write boundary. No tab, or a
 * bucket's row or cell not as the rebuild left it: nothing written (the reader finds the tab
 * unreadable and rebuilds).
 * `whole`: the jobs whose every row the writer read (found by 仕事ID), each with its rows in their
 * order as now written — those jobs' matches are replaced whole instead of patched, so a pair held
 * twice (a row copied by hand, マッチングID and all) or a cell stale for any reason is set right.
 */
export function writeJobMatches(
  store: TableStore, written: readonly Match[], whole: ReadonlyMap<string, readonly Match[]> = new Map(), held?: HeldJobBucket, jobRows: ReadonlyMap<string, number> = new Map(),
): void {
  const list = written.filter((m) => m.job_id !== null && m.job_id !== '' && !whole.has(m.job_id)).map(jobMatchOf);
  if (list.length === 0 && whole.size === 0) return;
  const buckets = [...new Set([...list.map((m) => bucketOf(m.job_id ?? '')), ...[...whole.keys()].map(bucketOf)])];
  // The bucket the writer read before the job's row (readJobBucket), under the same lock: not read again.
  const found = held && buckets.length === 1 && buckets[0] === held.bucket ? held.found : bucketRows(store, buckets, true);
  if (!found) return;
  const cells: { row: number; json: string }[] = [];
  found.rows.forEach((r, i) => {
    const b = buckets.find((x) => bucketKey(x) === String(r[0] ?? ''));
    const json = String(r[3] ?? '');
    const got = unpackJobBucketAndHints(json);
    if (b === undefined || !got) return;
    const jobs = withWrittenMatches(got.jobs, list.filter((m) => bucketOf(m.job_id ?? '') === b));
    for (const [jobId, rows] of whole) if (bucketOf(jobId) === b) jobs.set(jobId, rows.filter((m) => m.job_id === jobId).map(jobMatchOf));
    // The row hints kept as found (a write of マッチング moves no row of 仕事 or 業務提供先), but a
    // job's row of 仕事 the writer has just read holding its ID (`jobRows`) is where the hint points
    // from now on: a job added since the rebuild, or moved by hand, is read at its row by the next
    // ranking. Its client's hint is kept (only the rebuild reads 業務提供先; checked where read).
    const hints = new Map(got.hints);
    for (const [jobId, row] of jobRows) {
      const before = hints.get(jobId);
      if (bucketOf(jobId) === b && row >= 2 && before?.job !== row) hints.set(jobId, { job: row, client: before?.client ?? null });
    }
    const next = packJobBucket(jobs, hints);
    if (next !== json) cells.push({ row: found.rowNumbers?.[i] ?? 0, json: next });
  });
  writeJobCells(store, cells);
}

/** A job's bucket row of the index (all four cells) read by a write of マッチング before the job's
 *  row of 仕事, where writeJobMatches would read it anyway: its row hint lets the job's row be read
 *  at it (job-fill.ts readJobRowsAt: no search), and writeJobMatches re-packs the cell as read, under
 *  the same lock, instead of reading it again. `found` null: no index tab. */
export interface HeldJobBucket {
  readonly bucket: number;
  readonly found: RawTable | null;
}

export function readJobBucket(store: TableStore, jobId: string): HeldJobBucket {
  const bucket = bucketOf(jobId);
  return { bucket, found: bucketRows(store, [bucket], true) };
}

/** The job's row hint in the bucket read (null: none held, or the cell does not read). */
export function heldJobRowHint(held: HeldJobBucket, jobId: string): JobRowHint | null {
  const row = held.found?.rows.find((r) => String(r[0] ?? '') === bucketKey(held.bucket));
  return row ? unpackJobBucketAndHints(String(row[3] ?? ''))?.hints.get(jobId) ?? null : null;
}

/** One writeCells per run of adjacent rows (仕事 only). */
function writeJobCells(store: TableStore, cells: readonly { row: number; json: string }[]): void {
  const sorted = [...cells].filter((c) => c.row >= 2).sort((a, b) => a.row - b.row);
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && (sorted[j]?.row ?? 0) === (sorted[j - 1]?.row ?? 0) + 1) j++;
    const run = sorted.slice(i, j);
    store.writeCells(CANDIDATE_INDEX_TAB, run[0]?.row ?? 2, { columns: [3], rows: run.map((c) => [c.json]) });
    i = j;
  }
}

/** One writeCells per run of adjacent rows (会員数 and 索引 only). */
function writeBuckets(store: TableStore, buckets: readonly { row: number; entries: IndexEntry[] }[]): void {
  const sorted = [...buckets].filter((b) => b.row >= 2).sort((a, b) => a.row - b.row);
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && (sorted[j]?.row ?? 0) === (sorted[j - 1]?.row ?? 0) + 1) j++;
    const run = sorted.slice(i, j);
    store.writeCells(CANDIDATE_INDEX_TAB, run[0]?.row ?? 2, { columns: [1, 2], rows: run.map((b) => [b.entries.length, packBucket(b.entries)]) });
    i = j;
  }
}

