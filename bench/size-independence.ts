import { startKindOf, type OperationName } from './measure-bundle';
import type { SizeResult } from './run-size';
import { CELL_READ_US_PESSIMISTIC, ROUND_TRIP_US } from '../src/gas/read-cost';

// Issue 15: a sidebar call must cost the same at any center size. Call counts are checked for
// every operation (callDrift); cells read are checked here for the calls whose rows are found by
// key, and every other sidebar call is listed with the reason it still reads more at a bigger
// center, so a new call must be put in one list or the other.

/** Sidebar calls whose cells read do not grow with the center. */
export const SIZE_INDEPENDENT: readonly OperationName[] = [
  'logActivity', 'logFollowUp', // appends, and the member's row of the stored 継続支援 list found by key
  'placeMatch', 'undoPlace', 'setJobStatus', // the job's and the member's rows found by key (findRows)
  'getMember', 'saveMemberEdit', 'leaveMember', // the member's rows found by key
  'saveMemberNew', // the members' counter, the new ID checked free by one search
  'correctActivity', 'withdrawActivity', // the activity's row found by its ID (the 5,000-row window a rule on its position)
  // The candidate index (1,025 buckets: the same cells at any size, their bytes growing with the
  // members: bench/README.md), the job's, its matches' and its client's rows found by key.
  'rankCandidates',
  // After a hand edit of one member: the index, and the members the edit named re-packed from their
  // rows found by key (their bucket written), where it rebuilt the whole index (447,259 cells at M).
  'rankAfterHandEdit',
  'proposeTeam', // the job's row and its matches found by key, the new IDs checked free by one search
  'sidebarOpen', // the 今週 figures stored, the recent entries from 活動記録's last 300 rows, no picker list past 設定's limits
  // Without a query, past 設定 仕事一覧の上限: cut, from the stored picker sizes alone (no tab read);
  // below it 仕事's last limit + 1 rows and the list's places (matching/list-jobs.ts listJobsUpTo).
  'listJobs',
  // The stored search keys (_会員検索) searched by one TextFinder (no cell read), the ≤ 20 rows
  // found read from 会員 (src/app/members/search-members.ts).
  'searchMembers',
  // The same for jobs: _仕事検索's keys searched by TextFinder (the matches, and every job for the
  // total), the ≤ 20 rows found read from 仕事, their clients and matches by key (search-jobs.ts).
  'searchJobs',
];

/** Sidebar calls that read a stored list capped whatever the center's size: at most this many
 *  cells (the list grows with the center until its cap, never past it). */
export const SIZE_CAPPED: Readonly<Partial<Record<OperationName, number>>> = {
  // _継続支援: 13 columns × (header + row of counts + 3 groups × STORED_PER_GROUP 200), and the
  // members a write added during the day: allowed 50 more rows.
  listFollowUps: 13 * (2 + 3 * 200 + 50),
  // The same list, after a contact typed into a new row of 活動記録 (its 会員ID the last cell):
  // the member it names re-counted from her rows found by key (the bench gives member 1 the same
  // few rows at every size) before the list is read — allowed 200 cells of her rows more.
  listAfterTypedRow: 13 * (2 + 3 * 200 + 50) + 200,
};

/** The capped calls that read more cells than their cap at some size. */
export function overCap(results: readonly SizeResult[]): Growth[] {
  const over: Growth[] = [];
  for (const [op, cap] of Object.entries(SIZE_CAPPED) as [OperationName, number][]) {
    const cells = results.map((r) => r.measures.find((m) => m.op === op)?.calls.cellsRead ?? Number.NaN);
    if (cells.some((c) => Number.isNaN(c) || c > cap)) over.push({ op, cells });
  }
  return over;
}

/** Sidebar calls that still read more at a bigger center, and why (issue 15 items not built yet). */
export const KNOWN_GROWING: Readonly<Partial<Record<OperationName, string>>> = {};

export interface Growth {
  readonly op: OperationName;
  readonly cells: readonly number[];
}

/** How many more cells a bigger center may read in a size-independent call: fewer than one round
 *  trip's worth at the pessimistic end (50 ms / 31 µs, src/gas/read-cost.ts: 1,612 cells). The Sheets
 *  store reads rows asked close together in one getValues, the rows between them read and dropped
 *  (rowBlocks), so a call's cells follow where its rows happen to sit: the member picker's 20 hits of
 *  やま lie as close together at any size (a share of the members, not a number of rows), but they are
 *  other members, drawn otherwise (1,899 cells at q1, 2,106 at q2, 1,512 at S). A tab or a column
 *  read whole grows with the center (×3 here: a column of 会員 alone is 2,400 cells more), and one
 *  round trip more would be caught by callDrift. */
export const BLOCK_SLACK_CELLS = Math.floor((ROUND_TRIP_US - 1) / CELL_READ_US_PESSIMISTIC);

/** The size-independent calls whose cells read grew from one size to the next by BLOCK_SLACK_CELLS or more. */
export function cellGrowth(results: readonly SizeResult[]): Growth[] {
  const grown: Growth[] = [];
  for (const op of SIZE_INDEPENDENT) {
    const cells = results.map((r) => r.measures.find((m) => m.op === op)?.calls.cellsRead ?? Number.NaN);
    if (cells.some((c, i) => Number.isNaN(c) || (i > 0 && c > (cells[i - 1] as number) + BLOCK_SLACK_CELLS))) grown.push({ op, cells });
  }
  return grown;
}

/** Sidebar calls in neither list (a new call must be classified). */
export function unclassified(results: readonly SizeResult[]): OperationName[] {
  const ops = new Set(results.flatMap((r) => r.measures.map((m) => m.op)));
  return [...ops].filter((op) => startKindOf(op) === 'sidebar' && !SIZE_INDEPENDENT.includes(op) && SIZE_CAPPED[op] === undefined && KNOWN_GROWING[op] === undefined);
}
