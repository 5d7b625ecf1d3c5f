import { MATCHES_TAB, MEMBERS_TAB, SETTINGS_TAB, tabNames } from '../../domain/schema/tabs';
import { parseSettings } from '../../domain/settings';
import { idsOf, leftBeforeJoined, matchRuleProblems, missingReference, type Workbook } from '../../domain/workbook';
import type { TableStore } from '../ports';
import { loadWorkbookPart, parsedColumnsOf, readColumnsOf, type WorkbookPlan } from '../shared/read-part';
import type { ReadOptions } from '../../domain/workbook';
import { MEMBER_FIGURE_KEYS, type MemberColumns } from '../../domain/kpi/members';
import { MATCH_FIGURE_KEYS, type MatchColumns } from '../../domain/kpi/placements';
import { parseColumns } from '../../domain/parse/parse-table';
import type { Problem } from '../../domain/messages/problem';

// What the weekly run reads (read-part.ts), column by column. Reading every tab whole cost
// 8.0 million cells at 50,000 members / 500,000 activities, ≈ 80 s of projected Apps Script time
// (bench/README.md) against a 60 s target; the figures use about half of those cells. Every row is
// still read: the weekly figures, unlike the sidebar's headline, count every activity.
// A tab's required columns are always added by loadWorkbookPart, so its rows parse as before.

/** The columns computeReport (src/domain/kpi/*) and the weekly mail read, tab by tab. */
export const WEEKLY_READS: WorkbookPlan = {
  // recipients and failure notices (email, role, active), names in the mail's bars (name): a few rows
  coordinators: { whole: true },
  // members.ts (gender, joined_on, left_on, join_route); waiting members (availability, consent)
  // (not parsed into records: folded from these columns, loadWeeklyWorkbook)
  members: { columns: MEMBER_FIGURE_KEYS },
  // jobs developed by sector, clients developed
  clients: { columns: ['client_id', 'sector', 'developed_on'] },
  // jobs developed, open and stale open jobs
  // (engagement, unit_price, unit: 契約金額 of work.actual, and the unpriced-work check)
  // (title: the long-open jobs and follow-ups of the attention lists; coordinator: jobs developed per coordinator)
  jobs: { columns: ['job_id', 'client_id', 'title', 'status', 'headcount', 'created_on', 'coordinator', 'engagement', 'unit_price', 'unit'] },
  // 活動記録 is not read here: its figures come from the stored totals and the rows after them
  // (count-activities.ts), read by column (ACTIVITY_TOTAL_COLUMNS) and folded without records.
  // placements, working members, stale jobs' fill, follow-ups due, waiting members
  // (coordinator: proposals and placements per coordinator)
  // (folded from these columns too, as 会員 is)
  matches: { columns: MATCH_FIGURE_KEYS },
  // events held and upcoming use every column but the venue: a few hundred rows, one getValues
  events: { whole: true },
  // per-event tallies; never the applicants' names or contacts
  registrations: { columns: ['registration_id', 'event_id', 'status', 'attended', 'member_id'] },
  // work.actual: the week's 就業延人員 and the members over a cap (every row: a fiscal year's figures too)
  work_log: { columns: ['work_id', 'date', 'member_id', 'job_id', 'hours', 'amount'] },
  // surveys: not in the figures; the mail's survey section reads アンケート and each response tab's
  // time column apart (weekly-surveys.ts)
};

/** How the weekly run parses what it read (issue 15 item 4; bench/README.md has the times): only
 *  the columns of WEEKLY_READS (a store that answers with whole rows gets the others ignored, not
 *  parsed), and no duplicate-ID check — `ikigai check`, setup and the sidebar's problem list read
 *  with every check; a duplicate ID changes no weekly figure. */
export const WEEKLY_PARSE: ReadOptions = { columns: parsedColumnsOf(WEEKLY_READS), duplicateIds: false };

/** The weekly run's workbook: `members` and `matches` are empty, 会員 and マッチング being folded from their columns instead. */
export interface WeeklyWorkbook extends Workbook {
  /** 会員's usable rows, as the figures read them (weeklySummary's context.members). */
  readonly memberColumns: MemberColumns;
  /** Every 会員ID of the tab (usable rows and those left out for a bad required cell), for the
   *  references to members (null: no 会員 tab, references not checked, as readWorkbook does). */
  readonly memberIds: ReadonlySet<string> | null;
  /** マッチング's usable rows, as the figures read them (weeklySummary's context.matches). */
  readonly matchColumns: MatchColumns;
}

/** Not 会員 and マッチング: loadWeeklyWorkbook reads and folds them apart. */
const { members: _members, matches: _matches, ...OTHER_READS } = WEEKLY_READS;

/**
 * The workbook the weekly run needs: 設定 whole (with its problems, as readWorkbook gives them),
 * then the columns of WEEKLY_READS. Its problems are those of what was read and parsed: a bad cell
 * in a column the figures do not use (a phone number, say), and a duplicate ID, are left to
 * `ikigai check`, setup and the sidebar. 会員 and マッチング make no record per row (20,000 records
 * each of 19 and 12 fields, and their garbage, at a mid-sized center): their columns are folded by
 * parseColumns, with the same problems parseTable finds in them and the rules readWorkbook checks
 * (a member leaving before joining, a placement's days), 会員's IDs check the references to
 * members (マッチング's among them) and 仕事's those of マッチング, as readWorkbook would.
 */
export function loadWeeklyWorkbook(store: TableStore): WeeklyWorkbook {
  const { settings, problems } = parseSettings(store.read(tabNames(SETTINGS_TAB)));
  const raw = readColumnsOf(store, MEMBERS_TAB, MEMBER_FIGURE_KEYS);
  const memberProblems: Problem[] = [];
  let memberColumns: MemberColumns = { count: 0, member_id: [], gender: [], joined_on: [], left_on: [], join_route: [], availability: [], consent: [] };
  let memberIds: Set<string> | null = null;
  if (raw) {
    const parsed = parseColumns(MEMBERS_TAB, raw, MEMBER_FIGURE_KEYS);
    memberColumns = { count: parsed.count, ...parsed.columns };
    memberProblems.push(...parsed.problems);
    const { joined_on: joined, left_on: left, member_id: ids } = parsed.columns;
    for (let i = 0; i < parsed.count; i++) {
      const p = leftBeforeJoined(parsed, i, joined[i] as string, left[i] ?? null);
      if (p) memberProblems.push(p);
    }
    memberIds = new Set<string>(parsed.droppedIds);
    for (const id of ids) memberIds.add(id);
  } else if (MEMBERS_TAB.required) {
    memberProblems.push({ tab: MEMBERS_TAB.ja, cell: '', code: 'missing_tab', params: { tab: MEMBERS_TAB.ja, en: MEMBERS_TAB.en } });
  }
  const part = loadWorkbookPart(store, OTHER_READS, settings, {
    ...WEEKLY_PARSE, knownIds: { members: raw && memberIds ? { tab: raw.name, ids: memberIds } : null },
  });
  const matches = foldMatches(store, part, raw && memberIds ? { tab: raw.name, ids: memberIds } : null);
  return {
    ...part, problems: [...problems, ...memberProblems, ...part.problems, ...matches.problems],
    memberColumns, memberIds, matchColumns: matches.columns,
  };
}

/** マッチング's columns, with the problems readWorkbook finds in them: its cells', its rules', and
 *  its references to 仕事 and 会員 (`members`: 会員's IDs; null, no 会員 tab: not checked). */
function foldMatches(store: TableStore, part: Workbook, members: { readonly tab: string; readonly ids: ReadonlySet<string> } | null): { columns: MatchColumns; problems: Problem[] } {
  const raw = readColumnsOf(store, MATCHES_TAB, MATCH_FIGURE_KEYS);
  if (!raw) {
    const columns: MatchColumns = { count: 0, match_id: [], job_id: [], member_id: [], engagement: [], status: [], proposed_on: [], placed_on: [], ended_on: [], coordinator: [] };
    const missing: Problem[] = MATCHES_TAB.required ? [{ tab: MATCHES_TAB.ja, cell: '', code: 'missing_tab', params: { tab: MATCHES_TAB.ja, en: MATCHES_TAB.en } }] : [];
    return { columns, problems: missing };
  }
  const parsed = parseColumns(MATCHES_TAB, raw, MATCH_FIGURE_KEYS);
  const problems = [...parsed.problems];
  const { status, placed_on: placedOn, ended_on: endedOn } = parsed.columns;
  // readWorkbook's order: the references (column by column), then the rules.
  const jobs = part.tables.jobs;
  const targets = [
    { key: 'job_id' as const, target: jobs ? { tab: jobs.tab, ids: idsOf(jobs, 'job_id') } : null },
    { key: 'member_id' as const, target: members },
  ];
  for (const { key, target } of targets) {
    const column = MATCHES_TAB.columns.find((c) => c.key === key);
    if (!target || !column) continue;
    const values = parsed.columns[key];
    for (let i = 0; i < parsed.count; i++) {
      const p = missingReference(parsed, i, column, values[i], target.ids, target.tab);
      if (p) problems.push(p);
    }
  }
  for (let i = 0; i < parsed.count; i++) problems.push(...matchRuleProblems(parsed, i, status[i] as MatchColumns['status'][number], placedOn[i] ?? null, endedOn[i] ?? null));
  return { columns: { count: parsed.count, ...parsed.columns }, problems };
}
