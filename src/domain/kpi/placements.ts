import type { CivilDate } from '../civil-date';
import type { Match } from '../schema/tabs';

// What "a placed match" means across kpi.md: status placed (成立) or ended (終了), with a placed-on day.

/** The fields of マッチング every report reads (the work figures, the follow-ups due, the waiting
 *  members, the attention lists, the per-coordinator figures): the weekly run reads only these
 *  columns (weekly-reads.ts). */
export const MATCH_FIGURE_KEYS = ['match_id', 'job_id', 'member_id', 'engagement', 'status', 'proposed_on', 'placed_on', 'ended_on', 'coordinator'] as const;
type MatchFigureKey = (typeof MATCH_FIGURE_KEYS)[number];

/** The matches as the figures read them: one array per field, a match's at one index. The weekly
 *  run folds them straight from マッチング's columns (parseColumns: no record per row); other
 *  callers have records (matchColumnsOf). */
export type MatchColumns = { readonly count: number } & { readonly [K in MatchFigureKey]: readonly Match[K][] };

export function matchColumnsOf(matches: readonly Match[]): MatchColumns {
  return {
    count: matches.length,
    match_id: matches.map((m) => m.match_id), job_id: matches.map((m) => m.job_id), member_id: matches.map((m) => m.member_id),
    engagement: matches.map((m) => m.engagement), status: matches.map((m) => m.status), proposed_on: matches.map((m) => m.proposed_on),
    placed_on: matches.map((m) => m.placed_on), ended_on: matches.map((m) => m.ended_on), coordinator: matches.map((m) => m.coordinator),
  };
}

export function isPlacement(m: Match): m is Match & { placed_on: CivilDate } {
  return placedStatus(m.status) && m.placed_on !== null;
}

/** isPlacement's status half (a placement also has a placed-on day). */
export function placedStatus(status: Match['status']): boolean {
  return status === 'placed' || status === 'ended';
}

/** A placement is active on at least one day of [from, to] when placed_on <= to and
 *  (ended_on blank or ended_on >= from). */
export function isActiveBetween(m: Match, from: CivilDate, to: CivilDate): boolean {
  return activeBetween(m.status, m.placed_on, m.ended_on, from, to);
}

/** isActiveBetween of a match's status and days. */
export function activeBetween(status: Match['status'], placedOn: CivilDate | null, endedOn: CivilDate | null, from: CivilDate, to: CivilDate): boolean {
  return placedStatus(status) && placedOn !== null && placedOn <= to && (endedOn === null || endedOn >= from);
}
