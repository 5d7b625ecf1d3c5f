import { cellText, isDateCell, type Cell, type RawTable } from '../cell';
import { labelOf, type Language } from '../enums';
import type { Report } from '../kpi/report';
import { normalizeHeader } from '../parse/parse-table';
import { parseCivilDate, type CivilDate } from '../civil-date';
import { SEND_STATUS, sendStatusOf, type SendStatus } from './send-status';
import { WEEKLY_FIGURE_COLUMNS } from './weekly-columns';
import type { Period } from './week-period';

// 週次KPI / WeeklyKPI: one row per week. The use case reads it once, replaces the week's row
// (or adds one), and writes the whole tab back once; columns a center added are kept as they are.
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

/** The whole tab after writing the week's row: the existing header with any missing columns
 *  added at the right (named in the tab's language), the week's row replaced in place or added
 *  at the end, and every other cell as it was. */
export function withWeekRow(
  table: RawTable | null, values: ReadonlyMap<string, Cell>, lang: Language,
): { name: string; header: string[]; rows: Cell[][] } {
  const tabLang: Language = table ? (table.name === WEEKLY_KPI_TAB.en ? 'en' : table.name === WEEKLY_KPI_TAB.ja ? 'ja' : lang) : lang;
  const name = table?.name ?? (lang === 'ja' ? WEEKLY_KPI_TAB.ja : WEEKLY_KPI_TAB.en);
  const header = table ? table.header.map((h) => String(h ?? '')) : [];
  const index = headerIndex(header);
  for (const column of WEEKLY_KPI_COLUMNS) {
    if (!index.has(column.key)) {
      index.set(column.key, header.length);
      header.push(tabLang === 'ja' ? column.ja : column.key);
    }
  }
  const rows: Cell[][] = (table?.rows ?? []).map((r) => {
    const row = [...r];
    while (row.length < header.length) row.push(null);
    return row;
  });
  const start = values.get('week_start');
  const from = start !== undefined ? dayOf(start) : null;
  const found = from === null ? null : findWeekRow(table, from);
  const row: Cell[] = found ? [...(rows[found.index] ?? [])] : new Array<Cell>(header.length).fill(null);
  for (const [key, value] of values) {
    const at = index.get(key);
    if (at !== undefined) row[at] = value;
  }
  if (found) rows[found.index] = row; else rows.push(row);
  return { name, header, rows };
}

/** True when writing `next` would leave the tab exactly as `table` is (so the run skips the write). */
export function sameTable(table: RawTable | null, next: { name: string; header: readonly string[]; rows: readonly (readonly Cell[])[] }): boolean {
  if (!table) return false;
  const norm = (rows: readonly (readonly Cell[])[], width: number): string =>
    JSON.stringify(rows.map((r) => Array.from({ length: width }, (_, i) => normCell(r[i]))));
  return table.name === next.name
    && JSON.stringify(table.header.map(String)) === JSON.stringify(next.header.map(String))
    && norm(table.rows, next.header.length) === norm(next.rows, next.header.length);
}

function normCell(c: Cell | undefined): Cell {
  if (c === undefined || c === '') return null;
  return c;
}
