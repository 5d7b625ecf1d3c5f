import { columnLetter, type RawTable } from './cell';
import type { Column, RecordOf } from './schema/column';
import {
  ACTIVITIES_TAB, CLIENTS_TAB, COORDINATORS_TAB, DATA_TABS, EVENTS_TAB, JOBS_TAB, MATCHES_TAB, MEMBERS_TAB,
  MONTHLY_CLOSE_TAB, REGISTRATIONS_TAB, SETTINGS_TAB, SKILLS_TAB, SURVEYS_TAB, WORK_LOG_TAB, WORK_REPORTS_TAB, type Activity, type Client,
  type Coordinator, type EventRecord, type Job, type Match, type Member, type MonthlyClose, type Registration,
  type Skill, type SurveyDef, type TabDef, type WorkRecord, type WorkReportRow,
} from './schema/tabs';
import { parseTable, type ParsedTable } from './parse/parse-table';
import { parseSettings, type Settings } from './settings';
import { matchingTabs } from './schema/tab-lookup';
import { unpricedWorkProblems } from './work/unpriced-work';
import type { Problem } from './messages/problem';

// The whole center as typed records, read from whichever tabs exist, with every problem of
// every tab and the cross-tab checks (duplicate IDs, dangling references) of workbook.md.
export interface Workbook {
  readonly settings: Settings;
  readonly coordinators: Coordinator[];
  readonly members: Member[];
  readonly clients: Client[];
  readonly jobs: Job[];
  readonly activities: Activity[];
  readonly matches: Match[];
  readonly events: EventRecord[];
  readonly registrations: Registration[];
  readonly surveys: SurveyDef[];
  /** 就業実績: one member's work on one job on one day (empty when the tab is absent). */
  readonly workLog: WorkRecord[];
  /** 就業報告: form answers kept for a coordinator (要確認, 記録済, 見送り). */
  readonly workReports: WorkReportRow[];
  /** 月次締め: the months closed (and reopened). */
  readonly monthlyCloses: MonthlyClose[];
  /** 技能: the skills vocabulary (empty when the tab is absent). */
  readonly skills: Skill[];
  /** The parsed tables, for callers that need row numbers or column positions to write back. */
  readonly tables: Readonly<Record<string, ParsedTable<unknown> | undefined>>;
  readonly problems: Problem[];
}

/** Looks a tab up by its names (Japanese, English); null when the workbook has neither. */
export type TabLookup = (names: readonly [string, string]) => RawTable | null;

/** The tabs read for a workbook: the data tabs of workbook.md. */
export const READ_TABS = [
  COORDINATORS_TAB, MEMBERS_TAB, CLIENTS_TAB, JOBS_TAB, ACTIVITIES_TAB, MATCHES_TAB, EVENTS_TAB, REGISTRATIONS_TAB, SURVEYS_TAB,
  WORK_LOG_TAB, WORK_REPORTS_TAB, MONTHLY_CLOSE_TAB, SKILLS_TAB,
] as const;

/** How much checking a reader of the workbook asks for. `ikigai check`, setup and the sidebar read
 *  with the defaults (every column of what was read, every check of workbook.md). */
export interface ReadOptions {
  /** Per tab key, the only columns to parse (the required ones are always added): a reader that
   *  read only those columns (the weekly run) saves the readers of the others' empty cells. */
  readonly columns?: Readonly<Partial<Record<string, readonly string[]>>>;
  /** false: no duplicate-ID check (references to missing records are still found). The weekly run
   *  (500,000 activity IDs in a Map used only for that) leaves duplicates to `ikigai check`, setup
   *  and the sidebar, which read with the default. */
  readonly duplicateIds?: boolean;
  /** Per tab key, the IDs of a tab the caller parsed itself (the weekly run folds 会員 from its
   *  columns: parse-table.ts parseColumns), with its name as found: references to it are checked
   *  against these (its own rows and checks are the caller's); null: the tab is missing, and
   *  references to it are not checked, as when this read finds a tab missing. */
  readonly knownIds?: Readonly<Partial<Record<string, { readonly tab: string; readonly ids: ReadonlySet<string> } | null>>>;
}

function readTab<Cols extends readonly Column[]>(def: TabDef<Cols>, lookup: TabLookup, problems: Problem[], options: ReadOptions): ParsedTable<RecordOf<Cols>> | undefined {
  const raw = lookup([def.ja, def.en]);
  if (!raw) {
    if (def.required) problems.push({ tab: def.ja, cell: '', code: 'missing_tab', params: { tab: def.ja, en: def.en } });
    return undefined;
  }
  const parsed = parseTable(def, raw, options.columns?.[def.key]);
  problems.push(...parsed.problems);
  return parsed;
}

/**
 * Reads the workbook through `lookup`. `tabNames`, the names of every tab (TableStore.tabNames),
 * lets it also name two tabs that stand for one table (`会員` and `Members`); the lookup reads
 * the first of them, as it would without the names.
 */
export function readWorkbook(lookup: TabLookup, tabNames?: readonly string[], options: ReadOptions = {}): Workbook {
  const problems: Problem[] = tabNames ? duplicateTabProblems(tabNames) : [];
  const settingsRaw = lookup([SETTINGS_TAB.ja, SETTINGS_TAB.en]);
  const { settings, problems: settingProblems } = parseSettings(settingsRaw);
  problems.push(...settingProblems);

  const coordinators = readTab(COORDINATORS_TAB, lookup, problems, options);
  const members = readTab(MEMBERS_TAB, lookup, problems, options);
  const clients = readTab(CLIENTS_TAB, lookup, problems, options);
  const jobs = readTab(JOBS_TAB, lookup, problems, options);
  const activities = readTab(ACTIVITIES_TAB, lookup, problems, options);
  const matches = readTab(MATCHES_TAB, lookup, problems, options);
  const events = readTab(EVENTS_TAB, lookup, problems, options);
  const registrations = readTab(REGISTRATIONS_TAB, lookup, problems, options);
  const surveys = readTab(SURVEYS_TAB, lookup, problems, options);
  const workLog = readTab(WORK_LOG_TAB, lookup, problems, options);
  const workReports = readTab(WORK_REPORTS_TAB, lookup, problems, options);
  const monthlyCloses = readTab(MONTHLY_CLOSE_TAB, lookup, problems, options);
  const skills = readTab(SKILLS_TAB, lookup, problems, options);

  const tables: Record<string, ParsedTable<unknown> | undefined> = {
    coordinators, members, clients, jobs, activities, matches, events, registrations, surveys,
    work_log: workLog, work_reports: workReports, monthly_close: monthlyCloses, skills,
  };
  problems.push(...crossTabProblems(tables, options.duplicateIds ?? true, options.knownIds ?? {}));
  problems.push(...recordRuleProblems(members, matches));
  problems.push(...unpricedWorkProblems(workLog, jobs));

  return {
    settings,
    coordinators: coordinators?.records ?? [],
    members: members?.records ?? [],
    clients: clients?.records ?? [],
    jobs: jobs?.records ?? [],
    activities: activities?.records ?? [],
    matches: matches?.records ?? [],
    events: events?.records ?? [],
    registrations: registrations?.records ?? [],
    surveys: surveys?.records ?? [],
    workLog: workLog?.records ?? [],
    workReports: workReports?.records ?? [],
    monthlyCloses: monthlyCloses?.records ?? [],
    skills: skills?.records ?? [],
    tables,
    problems,
  };
}

/** One problem for each tab beyond the first that a table's names match (workbook.md: one tab
 *  per table), naming the tab that is read and the one that is not; for the tabs of DATA_TABS
 *  (設定, the data tabs and 監査ログ, which the add-in appends to). */
export function duplicateTabProblems(tabNames: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const def of DATA_TABS) {
    const [read, ...others] = matchingTabs(tabNames, [def.ja, def.en]);
    if (read === undefined) continue;
    for (const other of others) problems.push({ tab: read, cell: '', code: 'duplicate_tab', params: { tab: read, other } });
  }
  return problems;
}

const DEF_BY_KEY: Readonly<Record<string, TabDef>> = Object.fromEntries(READ_TABS.map((d) => [d.key, d]));

function primaryColumn(def: TabDef): Column | undefined {
  return def.columns.find((c) => c.primary);
}

function cellOf(parsed: Pick<ParsedTable<unknown>, 'columnIndex' | 'rowNumbers'>, key: string, i: number): string {
  const col = parsed.columnIndex.get(key) ?? -1;
  const letter = col >= 0 ? columnLetter(col) : '';
  return `${letter}${parsed.rowNumbers[i] ?? ''}`;
}

/** The tabs some column refers to: only their IDs are needed for the reference check. */
const REFERENCED = new Set(READ_TABS.flatMap((d) => d.columns.flatMap((c: Column) => (c.ref ? [c.ref] : []))));

/** IDs of a tab, for the reference check alone (no row kept: duplicates are not looked for). */
export function idsOf(parsed: ParsedTable<unknown>, key: string): ReadonlySet<string> {
  const ids = new Set<string>(parsed.droppedIds);
  for (const rec of parsed.records) {
    const id = (rec as Record<string, unknown>)[key];
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/** Duplicate IDs (naming both rows; unless `duplicates` is false) and references to records that do not exist. */
function crossTabProblems(tables: Record<string, ParsedTable<unknown> | undefined>, duplicates: boolean, known: NonNullable<ReadOptions['knownIds']>): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, { has(id: string): boolean }>();
  for (const def of READ_TABS) {
    const given = known[def.key];
    if (given !== undefined) { if (given !== null) ids.set(def.key, given.ids); continue; }
    const parsed = tables[def.key];
    const primary = primaryColumn(def);
    if (!parsed || !primary || def.key === 'coordinators') continue;
    if (!duplicates) {
      if (REFERENCED.has(def.key)) ids.set(def.key, idsOf(parsed, primary.key));
      continue;
    }
    // First row of each ID; also the tab's set of IDs for the reference check below (one map, not
    // a map and a set: at 500,000 activities the second copy cost a tenth of the parse).
    const seen = new Map<string, number>();
    parsed.records.forEach((rec, i) => {
      const id = (rec as Record<string, unknown>)[primary.key];
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push({ tab: parsed.tab, cell: cellOf(parsed, primary.key, i), code: 'duplicate_id', params: { id, other: `${parsed.tab}!${cellOf(parsed, primary.key, first)}` } });
      } else {
        seen.set(id, i);
      }
    });
    for (const id of parsed.droppedIds) if (!seen.has(id)) seen.set(id, -1);
    ids.set(def.key, seen);
  }
  for (const def of READ_TABS) {
    const parsed = tables[def.key];
    if (!parsed) continue;
    for (const column of def.columns) {
      if (!column.ref) continue;
      const targetIds = ids.get(column.ref);
      const targetDef = DEF_BY_KEY[column.ref];
      if (!targetIds || !targetDef) continue;
      const targetName = known[column.ref]?.tab ?? tables[column.ref]?.tab ?? targetDef.ja;
      parsed.records.forEach((rec, i) => {
        const p = missingReference(parsed, i, column, (rec as Record<string, unknown>)[column.key], targetIds, targetName);
        if (p) problems.push(p);
      });
    }
  }
  return problems;
}

/** workbook.md: an ID in a column that refers to another tab (`column.ref`) names a record of it
 *  (the `i`th usable row of `parsed`; a blank cell refers to nothing). */
export function missingReference(parsed: Pick<ParsedTable<unknown>, 'tab' | 'columnIndex' | 'rowNumbers'>, i: number, column: Column, id: unknown,
  targetIds: { has(id: string): boolean }, targetName: string): Problem | null {
  return typeof id === 'string' && id !== '' && !targetIds.has(id)
    ? { tab: parsed.tab, cell: cellOf(parsed, column.key, i), code: 'missing_reference', params: { header: column.ja, id, target: targetName } }
    : null;
}

/** workbook.md: a placed or ended match has a placed-on day, and ends no earlier (the `i`th usable row of `matches`). */
export function matchRuleProblems(matches: Pick<ParsedTable<unknown>, 'tab' | 'columnIndex' | 'rowNumbers'>, i: number,
  status: Match['status'], placedOn: string | null, endedOn: string | null): Problem[] {
  const problems: Problem[] = [];
  if ((status === 'placed' || status === 'ended') && placedOn === null) {
    problems.push({ tab: matches.tab, cell: cellOf(matches, 'placed_on', i), code: 'placed_without_date', params: {} });
  }
  if (placedOn !== null && endedOn !== null && endedOn < placedOn) {
    problems.push({ tab: matches.tab, cell: cellOf(matches, 'ended_on', i), code: 'ended_before_placed', params: { ended: endedOn, placed: placedOn } });
  }
  return problems;
}

/** workbook.md: a member cannot leave before joining (the `i`th usable row of `members`). */
export function leftBeforeJoined(members: Pick<ParsedTable<unknown>, 'tab' | 'columnIndex' | 'rowNumbers'>, i: number, joinedOn: string, leftOn: string | null): Problem | null {
  return leftOn !== null && leftOn < joinedOn
    ? { tab: members.tab, cell: cellOf(members, 'left_on', i), code: 'left_before_joined', params: { left: leftOn, joined: joinedOn } }
    : null;
}

/** Rules inside one record that the column types cannot say. */
function recordRuleProblems(members: ParsedTable<Member> | undefined, matches: ParsedTable<Match> | undefined): Problem[] {
  const problems: Problem[] = [];
  members?.records.forEach((m, i) => {
    const p = leftBeforeJoined(members, i, m.joined_on, m.left_on);
    if (p) problems.push(p);
  });
  matches?.records.forEach((m, i) => {
    problems.push(...matchRuleProblems(matches, i, m.status, m.placed_on, m.ended_on));
  });
  return problems;
}
