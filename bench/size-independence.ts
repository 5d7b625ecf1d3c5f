import { startKindOf, type OperationName } from './measure-bundle';
import type { SizeResult } from './run-size';

// Issue 15: a sidebar call must cost the same at any center size. Call counts are checked for
// every operation (callDrift); cells read are checked here for the calls whose rows are found by
// key, and every other sidebar call is listed with the reason it still reads more at a bigger
// center, so a new call must be put in one list or the other.

/** Sidebar calls whose cells read do not grow with the center. */
export const SIZE_INDEPENDENT: readonly OperationName[] = [
  'logActivity', 'logFollowUp', // appends only (headers from the desk cache)
  'placeMatch', 'undoPlace', 'setJobStatus', // the job's and the member's rows found by key (findRows)
  'getMember', 'saveMemberEdit', 'leaveMember', // the member's rows found by key
  'saveMemberNew', // the members' counter, the new ID checked free by one search
  'correctActivity', 'withdrawActivity', // the activity's row found by its ID (the 5,000-row window a rule on its position)
  // The candidate index (1,025 buckets: the same cells at any size, their bytes growing with the
  // members: bench/README.md), the job's, its matches' and its client's rows found by key.
  'rankCandidates',
  'proposeTeam', // the job's row and its matches found by key, the new IDs checked free by one search
  'sidebarOpen', // the 今週 figures stored, the recent entries from 活動記録's last 500 rows, no picker list past 設定's limits
];

/** Sidebar calls that still read more at a bigger center, and why (issue 15 items not built yet). */
export const KNOWN_GROWING: Readonly<Partial<Record<OperationName, string>>> = {
  listJobs: 'three runs of 仕事 and seven columns of マッチング for every open job\'s fill',
  searchMembers: 'seven columns of 会員 searched in memory (no server-side index)',
  searchJobs: '仕事\'s picker columns and 業務提供先\'s names searched in memory (they grow with the jobs and clients, not with members; the places of the ≤ 20 jobs answered found by key)',
  listFollowUps: '会員, 仕事 and マッチング by column, to name the people on the worklist',
};

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
  return [...ops].filter((op) => startKindOf(op) === 'sidebar' && !SIZE_INDEPENDENT.includes(op) && KNOWN_GROWING[op] === undefined);
}
