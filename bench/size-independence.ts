import { startKindOf, type OperationName } from './measure-bundle';
import type { SizeResult } from './run-size';

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
  'sidebarOpen', // the 今週 figures stored, the recent entries from 活動記録's last 500 rows, no picker list past 設定's limits
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

/** The size-independent calls whose cells read grew from one size to the next. */
export function cellGrowth(results: readonly SizeResult[]): Growth[] {
  const grown: Growth[] = [];
  for (const op of SIZE_INDEPENDENT) {
    const cells = results.map((r) => r.measures.find((m) => m.op === op)?.calls.cellsRead ?? Number.NaN);
    if (cells.some((c, i) => Number.isNaN(c) || (i > 0 && c > (cells[i - 1] as number)))) grown.push({ op, cells });
  }
  return grown;
}

/** Sidebar calls in neither list (a new call must be classified). */
export function unclassified(results: readonly SizeResult[]): OperationName[] {
  const ops = new Set(results.flatMap((r) => r.measures.map((m) => m.op)));
  return [...ops].filter((op) => startKindOf(op) === 'sidebar' && !SIZE_INDEPENDENT.includes(op) && SIZE_CAPPED[op] === undefined && KNOWN_GROWING[op] === undefined);
}
