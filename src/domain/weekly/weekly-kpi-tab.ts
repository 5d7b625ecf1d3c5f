import { cellText, isDateCell, type Cell, type OwnedCells, type RawTable } from '../cell';
import { labelOf, type Language } from '../enums';
import type { Report } from '../kpi/report';
import { normalizeHeader } from '../parse/parse-table';
import { parseCivilDate, type CivilDate } from '../civil-date';
import { SEND_STATUS, sendStatusOf, type SendStatus } from './send-status';
import { WEEKLY_FIGURE_COLUMNS } from './weekly-columns';
import type { Period } from './week-period';

// 週次KPI / WeeklyKPI: one row per week. The use case reads it once and writes only the week's
// cells that change (weekRowWrite); columns a center added, and its formulas, are never written.
export const WEEKLY_KPI_TAB = { ja: '週次KPI', en: 'WeeklyKPI' } as const;

interface TabColumn {
  readonly key: string;
  readonly ja: string;
}

const LEADING: readonly TabColumn[] = [
  { key: 'week_start', ja: '週開始' },
  { key: 'week_end', ja: '週終了' },
];
const TRAILING: readonly TabColumn[] = [
  { key: 'status', ja: '状態' },
  { key: 'sent_at', ja: '送信日時' },
  { key: 'recipients', ja: '送信先数' },
];

/** Every column the add-in writes, in the order a new tab gets them. */
export const WEEKLY_KPI_COLUMNS: readonly TabColumn[] = [...LEADING, ...WEEKLY_FIGURE_COLUMNS, ...TRAILING];

/** How the week's mail went, as recorded in the row. */
export interface WeekSending {
  readonly status: SendStatus | null;
  /** `YYYY-MM-DDTHH:MM:SS` in the center's time zone; null when no mail went out. */
  readonly sentAt: string | null;
  readonly recipients: number;
}

/** The week's row as found in the tab, when there is one. */
export interface WeekRowFound {
  readonly index: number;
  readonly sending: WeekSending;
}

function headerIndex(header: readonly string[]): Map<string, number> {
  const normalized = header.map((h) => normalizeHeader(String(h ?? '')));
  const index = new Map<string, number>();
  for (const column of WEEKLY_KPI_COLUMNS) {
    const at = normalized.findIndex((h) => h === normalizeHeader(column.ja) || h === column.key);
    if (at >= 0) index.set(column.key, at);
  }
  return index;
}

function dayOf(cell: Cell | undefined): CivilDate | null {
  if (cell === undefined || cell === null) return null;
  if (isDateCell(cell)) return cell.date.slice(0, 10);
  return parseCivilDate(cellText(cell).slice(0, 10));
}

/** The row of the week starting `from`, and what the tab says about its mail. */
export function findWeekRow(table: RawTable | null, from: CivilDate): WeekRowFound | null {
  if (!table) return null;
  const index = headerIndex(table.header);
  const startAt = index.get('week_start');
  if (startAt === undefined) return null;
  const i = table.rows.findIndex((row) => dayOf(row[startAt]) === from);
  if (i < 0) return null;
  const row = table.rows[i] ?? [];
  const at = (key: string): Cell | undefined => {
    const c = index.get(key);
    return c === undefined ? undefined : row[c];
  };
  const sentCell = at('sent_at');
  const sentAt = sentCell === undefined || sentCell === null || cellText(sentCell) === '' ? null
    : isDateCell(sentCell) ? sentCell.date : cellText(sentCell);
  const recipients = Number(cellText(at('recipients')));
  return {
    index: i,
    sending: { status: sendStatusOf(cellText(at('status'))), sentAt, recipients: Number.isFinite(recipients) ? recipients : 0 },
  };
}

/** The figures of every week the tab holds, by the week's first day: `keys` are figure column
 *  keys; a blank or non-numeric cell (or a column the tab lacks) is null. One pass over the rows. */
export function weekFigures(table: RawTable | null, keys: readonly string[]): Map<CivilDate, Map<string, number | null>> {
  const weeks = new Map<CivilDate, Map<string, number | null>>();
  if (!table) return weeks;
  const index = headerIndex(table.header);
  const startAt = index.get('week_start');
  if (startAt === undefined) return weeks;
  for (const row of table.rows) {
    const from = dayOf(row[startAt]);
    if (from === null) continue;
    const figures = new Map<string, number | null>();
    for (const key of keys) {
      const at = index.get(key);
      const cell = at === undefined ? null : row[at];
      const text = cell === undefined || cell === null || typeof cell === 'object' ? '' : cellText(cell);
      const n = text === '' ? NaN : Number(text);
      figures.set(key, Number.isFinite(n) ? n : null);
    }
    weeks.set(from, figures);
  }
  return weeks;
}

/** The values of the week's row, keyed by column key. */
export function weekRowValues(week: Period, report: Report, sending: WeekSending, lang: Language): Map<string, Cell> {
  const values = new Map<string, Cell>();
  values.set('week_start', { date: week.from });
  values.set('week_end', { date: week.to });
  for (const column of WEEKLY_FIGURE_COLUMNS) values.set(column.key, column.value(report));
  values.set('status', sending.status === null ? '' : labelOf(SEND_STATUS, sending.status, lang));
  values.set('sent_at', sending.sentAt === null ? null : { date: sending.sentAt });
  values.set('recipients', sending.recipients);
  return values;
}

/** What writing the week's row changes, cell by cell: the tab's header cells that are missing
 *  (added at the right, named in the tab's language), and the row's cells whose value differs
 *  (the week's row in place, or a new row at the end). Nothing else of the tab is written: a
 *  center's own columns, formulas and other weeks are left as they are. */
export interface WeekRowWrite {
  readonly name: string;
  /** The whole header of a tab that does not exist yet (then `row` is its first data row). */
  readonly create: readonly string[] | null;
  /** Header cells to add to an existing tab. */
  readonly header: OwnedCells;
  /** The sheet row of the week (1-based), and whether it is a new row. */
  readonly row: number;
  readonly append: boolean;
  readonly cells: OwnedCells;
}

export function weekRowWrite(table: RawTable | null, values: ReadonlyMap<string, Cell>, lang: Language): WeekRowWrite {
  const tabLang: Language = table ? (table.name === WEEKLY_KPI_TAB.en ? 'en' : table.name === WEEKLY_KPI_TAB.ja ? 'ja' : lang) : lang;
  const name = table?.name ?? (lang === 'ja' ? WEEKLY_KPI_TAB.ja : WEEKLY_KPI_TAB.en);
  const header = table ? table.header.map((h) => String(h ?? '')) : [];
  const index = headerIndex(header);
  const added: { at: number; text: string }[] = [];
  for (const column of WEEKLY_KPI_COLUMNS) {
    if (!index.has(column.key)) {
      index.set(column.key, header.length);
      added.push({ at: header.length, text: tabLang === 'ja' ? column.ja : column.key });
      header.push(tabLang === 'ja' ? column.ja : column.key);
    }
  }
  const start = values.get('week_start');
  const from = start !== undefined ? dayOf(start) : null;
  const found = from === null ? null : findWeekRow(table, from);
  const before: readonly Cell[] = found ? table?.rows[found.index] ?? [] : [];
  const changed = [...values]
    .map(([key, value]) => ({ at: index.get(key) ?? -1, value }))
    .filter(({ at, value }) => at >= 0 && !sameCell(before[at], value))
    .sort((x, y) => x.at - y.at);
  return {
    name,
    create: table ? null : header,
    header: table ? { columns: added.map((a) => a.at), rows: added.length > 0 ? [added.map((a) => a.text)] : [] } : { columns: [], rows: [] },
    row: found ? found.index + 2 : (table?.rows.length ?? 0) + 2,
    append: !found,
    cells: { columns: changed.map((c) => c.at), rows: changed.length > 0 ? [changed.map((c) => c.value)] : [] },
  };
}

/** Whether the write changes nothing at all (a re-run of a week already written). */
export function writesNothing(write: WeekRowWrite): boolean {
  return write.create === null && write.header.columns.length === 0 && write.cells.columns.length === 0;
}

function sameCell(a: Cell | undefined, b: Cell): boolean {
  const x = a === undefined || a === '' ? null : a;
  const y = b === '' ? null : b;
  if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object') return x.date === y.date;
  return x === y;
}
