import { cellText, type RawTable } from '../../domain/cell';
import { daysBetween, type CivilDate } from '../../domain/civil-date';
import type { Language } from '../../domain/enums';
import {
  ACTIVITY_TOTAL_COLUMNS, emptyTotals, foldActivityColumns, type ActivityTotals,
} from '../../domain/kpi/activity-totals';
import type { Problem } from '../../domain/messages/problem';
import { locateColumns } from '../../domain/parse/parse-table';
import { ACTIVITIES_TAB } from '../../domain/schema/tabs';
import {
  ACTIVITY_TOTALS_HEADER, ACTIVITY_TOTALS_HEADER_EN, ACTIVITY_TOTALS_TAB, parseTotalsTab, totalsDifference, totalsTabRows, TOTALS_VERSION, type TotalsMark,
} from '../../domain/weekly/activity-totals-tab';
import type { KeyValueStore, TableStore } from '../ports';
import { readColumnsOf, readFromOf } from '../shared/read-part';
import type { WeeklyWorkbook } from './weekly-reads';
import { missingMemberReferences } from '../../domain/kpi/activity-totals';

// 活動記録's figures for the weekly run (issue 15 item 3): the totals stored in `_活動集計`
// plus the rows appended since its mark — at 500,000 activities a week adds a few thousand rows,
// so the run reads those instead of 4 million cells. The whole tab is counted again (and the
// stored totals checked against that count) when the totals are missing or not what the add-in
// wrote, when their mark no longer stands where it was (rows deleted, inserted or sorted above
// it), when a person edited 活動記録 since (the on-edit trigger's stamp, TOTALS_EDITED_PROPERTY),
// when a correction could not be followed by a delta (stale), and every RECOUNT_DAYS days anyway
// (a center's own script writing into the tab fires no trigger). Either way the figures are those
// a count of every row gives: the model test (test/app/weekly/count-activities.property.test.ts)
// holds incremental runs to a full count after random appends, corrections, withdrawals and edits.

/** A full count at least this often, whatever the stamps say. */
export const RECOUNT_DAYS = 28;
/** Document property set by the on-edit / on-change trigger when a person changes 活動記録 (or
 *  any tab's rows: the change event does not say where); the next weekly run counts again. */
export const TOTALS_EDITED_PROPERTY = 'ikigai.activityTotals.edited';

export type RecountReason = 'missing' | 'stale' | 'edited' | 'moved' | 'due';

export interface CountedActivities {
  readonly totals: ActivityTotals;
  /** 活動記録's header problems (a missing or doubled column), as the parse reports them. */
  readonly headerProblems: readonly Problem[];
  /** null: the stored totals and the rows after their mark; else why the tab was counted whole. */
  readonly recount: RecountReason | null;
  /** On a recount of totals that existed: the days (and whether the members named or the problem
   *  count) where the stored totals differed from the count. */
  readonly differed: { readonly days: readonly CivilDate[]; readonly members: boolean; readonly problems: boolean } | null;
  /** Data rows of 活動記録 read by this run. */
  readonly rowsRead: number;
  /** Whether `_活動集計` was written. */
  readonly written: boolean;
}

/** What readWorkbook says of a missing 活動記録 (a required tab): the run stops on it. */
function missingTab(): Problem[] {
  return [{ tab: ACTIVITIES_TAB.ja, cell: '', code: 'missing_tab', params: { tab: ACTIVITIES_TAB.ja, en: ACTIVITIES_TAB.en } }];
}

function idColumn(raw: RawTable): number {
  return locateColumns(ACTIVITIES_TAB, raw.name, raw.header).index.get('activity_id') ?? -1;
}

/** The mark of the last row of `raw` (rows read from raw.firstRow). */
function markAfter(raw: RawTable, recounted: CivilDate): TotalsMark {
  const firstRow = raw.firstRow ?? 2;
  const last = raw.rows.length - 1;
  const at = idColumn(raw);
  const row = raw.rows[last];
  return {
    v: TOTALS_VERSION, row: last >= 0 ? firstRow + last : Math.max(1, firstRow - 1),
    id: last >= 0 && at >= 0 && row ? cellText(row[at]) : '', recounted, stale: false,
  };
}

function sameRows(raw: RawTable | null, rows: readonly (readonly unknown[])[]): boolean {
  if (!raw || raw.rows.length !== rows.length) return false;
  return rows.every((r, i) => {
    const old = raw.rows[i];
    return old !== undefined && cellText(old[0]) === r[0] && (old[1] ?? '') === r[1];
  });
}

export function countActivities(input: {
  readonly store: TableStore;
  readonly properties?: KeyValueStore;
  readonly today: CivilDate;
  readonly language: Language;
  readonly log?: (line: string) => void;
}): CountedActivities {
  const { store, today } = input;
  const log = input.log ?? ((): void => undefined);
  const tab = store.read([ACTIVITY_TOTALS_TAB.ja, ACTIVITY_TOTALS_TAB.en]);
  const stored = parseTotalsTab(tab);
  const edited = input.properties?.get(TOTALS_EDITED_PROPERTY) ?? null;
  let recount: RecountReason | null =
    stored === null ? 'missing'
      : stored.mark.stale ? 'stale'
        : edited !== null ? 'edited'
          : daysBetween(stored.mark.recounted, today) >= RECOUNT_DAYS ? 'due' : null;

  let totals: ActivityTotals = emptyTotals();
  let headerProblems: Problem[] = [];
  let mark: TotalsMark | null = null;
  let rowsRead = 0;
  let differed: CountedActivities['differed'] = null;

  if (recount === null && stored) {
    // From the mark's own row: its 活動ID must still be there, or rows moved above it.
    const tail = readFromOf(store, ACTIVITIES_TAB, Math.max(2, stored.mark.row), ACTIVITY_TOTAL_COLUMNS);
    if (!tail) return { totals, headerProblems: missingTab(), recount: null, differed: null, rowsRead: 0, written: false };
    const at = idColumn(tail);
    const first = tail.rows[0];
    const holds = stored.mark.row < 2
      ? true
      : (tail.firstRow ?? 2) === stored.mark.row && first !== undefined && at >= 0 && cellText(first[at]) === stored.mark.id;
    if (holds) {
      totals = stored.totals;
      headerProblems = foldActivityColumns(tail, totals, stored.mark.row < 2 ? 0 : 1);
      rowsRead = tail.rows.length;
      mark = tail.rows.length > 0 ? markAfter(tail, stored.mark.recounted) : stored.mark;
    } else {
      recount = 'moved';
    }
  }
  if (recount !== null) {
    const whole = readColumnsOf(store, ACTIVITIES_TAB, ACTIVITY_TOTAL_COLUMNS);
    if (!whole) return { totals, headerProblems: missingTab(), recount, differed: null, rowsRead: 0, written: false };
    rowsRead = whole.rows.length;
    totals = emptyTotals();
    if (stored) {
      // The rows the stored totals counted first, then compared; then the rest.
      const counted = Math.min(whole.rows.length, Math.max(0, stored.mark.row - 1));
      headerProblems = foldActivityColumns({ ...whole, rows: whole.rows.slice(0, counted) }, totals);
      const d = totalsDifference(stored.totals, totals);
      if (d.days.length > 0 || d.members || d.problems) differed = d;
      foldActivityColumns(whole, totals, counted);
    } else {
      headerProblems = foldActivityColumns(whole, totals);
    }
    mark = markAfter(whole, today);
    log(`weekly: 活動記録 counted whole (${recount}), ${rowsRead} rows` + (differed
      ? `; the stored totals differed on ${differed.days.length} days (${differed.days.slice(0, 5).join(', ')}${differed.days.length > 5 ? ', …' : ''})` +
        `${differed.members ? ', in the members named' : ''}${differed.problems ? ', in the problem count' : ''}: corrected`
      : stored ? '; the stored totals were right' : ''));
  }

  let written = false;
  // A tab whose header is broken is counted but not stored: the run fails on it anyway.
  if (mark && !headerProblems.some((p) => p.code === 'missing_header' || p.code === 'duplicate_header')) {
    const rows = totalsTabRows({ mark, totals });
    if (!sameRows(tab, rows)) {
      const name = tab?.name ?? (input.language === 'en' ? ACTIVITY_TOTALS_TAB.en : ACTIVITY_TOTALS_TAB.ja);
      store.replace(name, input.language === 'en' ? [...ACTIVITY_TOTALS_HEADER_EN] : [...ACTIVITY_TOTALS_HEADER], rows);
      written = true;
    }
    if (edited !== null) input.properties?.delete(TOTALS_EDITED_PROPERTY);
  }
  return { totals, headerProblems, recount, differed, rowsRead, written };
}

/** The problems the weekly mail counts: the other tabs' (their parse and references), 活動記録's
 *  header, its cells (counted by the fold) and its 会員ID naming no member — as many as a parse of
 *  every row reports (the weekly parse leaves duplicate IDs to `ikigai check`: weekly-reads.ts). */
export function weeklyProblemCount(workbook: Pick<WeeklyWorkbook, 'problems' | 'memberIds'>, counted: Pick<CountedActivities, 'totals' | 'headerProblems'>): number {
  return workbook.problems.length + counted.headerProblems.length + counted.totals.problems +
    (workbook.memberIds ? missingMemberReferences(counted.totals, workbook.memberIds) : 0);
}
