import { daysBetween, type CivilDate } from '../../domain/civil-date';
import { isBlank, type Cell, type RawTable } from '../../domain/cell';
import { findRawRows } from '../shared/find-rows';
import type { Language } from '../../domain/enums';
import {
  FOLLOW_UP_REASONS, groupOf, worklistOrder, type FollowUpGroup, type FollowUpItem, type FollowUpReason,
} from '../../domain/follow-up/worklist';
import { locateColumns, parseTable } from '../../domain/parse/parse-table';
import { encodeRecord, ownedCells, type ColumnKey } from '../../domain/schema/record-cells';
import { FOLLOW_UP_LIST_TAB, headerName, tabName, tabNames, type FollowUpListRow } from '../../domain/schema/tabs';
import type { KeySearch, TableStore } from '../ports';

// 継続支援's stored worklist, the hidden tab _継続支援 (workbook.md): the members due a follow-up,
// each once, with what the panel shows. listFollowUps reads it instead of 会員, 仕事, マッチング
// and 活動記録 (875,086 cells at 50,000 members): the cells read are the list's, capped, never
// the center's. This module is the tab's codec: rows to items and back, its row of counts, and
// finding a member's rows by key.

/** The most rows a group (placements, waiting, no contact) keeps: the panel shows 20 / 10 / 10,
 *  the rest are there so that members cleared during the day leave the next ones to show. */
export const STORED_PER_GROUP = 200;

/** A member on the stored list: the item and what the panel says about them. */
export interface StoredItem extends FollowUpItem {
  readonly name: string;
  readonly kana: string;
  readonly phone: string;
  /** The placement's job title (milestones only). */
  readonly job_title: string;
  readonly placed_on: CivilDate | null;
  readonly joined_on: CivilDate | null;
}

export interface StoredList {
  /** The day of the last full rebuild (null: the tab has no row of counts). */
  readonly builtOn: CivilDate | null;
  /** What the rebuild counted per reason, before the cap. */
  readonly builtCounts: Readonly<Record<FollowUpReason, number>> | null;
  /** The groups the rebuild found more members in than it kept. */
  readonly capped: readonly FollowUpGroup[];
  /** The members on the list, in its order, `days` counted to `today`. */
  readonly items: readonly StoredItem[];
}

const BUILT = 'built';
const COLUMN_KEYS: readonly ColumnKey<typeof FOLLOW_UP_LIST_TAB>[] = FOLLOW_UP_LIST_TAB.columns.map((c) => c.key);

export function listTabName(lang: Language): string {
  return tabName(FOLLOW_UP_LIST_TAB, lang);
}

export function listHeader(lang: Language): string[] {
  return FOLLOW_UP_LIST_TAB.columns.map((c) => headerName(c, lang));
}

const isReason = (s: string): s is FollowUpReason => (FOLLOW_UP_REASONS as readonly string[]).includes(s);

/** The row of one stored item. */
export function rowOf(item: StoredItem): FollowUpListRow {
  return {
    member_id: item.member_id, reason: item.reason, since: item.since, match_id: item.match_id ?? '', job_id: item.job_id ?? '',
    last_contact: item.last_contact, name: item.name, kana: item.kana, phone: item.phone, job_title: item.job_title,
    placed_on: item.placed_on, joined_on: item.joined_on, counts: '',
  };
}

/** The list's own row: the day it was rebuilt and what it counted. */
export function builtRowOf(day: CivilDate, counts: Readonly<Record<FollowUpReason, number>>): FollowUpListRow {
  return {
    member_id: '', reason: BUILT, since: day, match_id: '', job_id: '', last_contact: null, name: '', kana: '', phone: '',
    job_title: '', placed_on: null, joined_on: null,
    counts: [...FOLLOW_UP_REASONS.map((r) => `${r}=${counts[r]}`), `cap=${STORED_PER_GROUP}`].join(';'),
  };
}

/** The cells of `rows` in the tab's column order (the tab is the add-in's own, laid out by it). */
export function encodeRows(rows: readonly FollowUpListRow[], lang: Language): readonly (readonly Cell[])[] {
  const index = new Map(FOLLOW_UP_LIST_TAB.columns.map((c, i) => [c.key, i]));
  return ownedCells<typeof FOLLOW_UP_LIST_TAB>(index, COLUMN_KEYS, rows.map((r) => encodeRecord(FOLLOW_UP_LIST_TAB, r, lang))).rows;
}

function itemOf(row: FollowUpListRow, today: CivilDate): StoredItem | null {
  if (!row.member_id || !isReason(row.reason) || !row.since) return null;
  return {
    member_id: row.member_id, reason: row.reason, since: row.since, days: daysBetween(row.since, today),
    match_id: row.match_id || null, job_id: row.job_id || null, last_contact: row.last_contact,
    name: row.name, kana: row.kana, phone: row.phone, job_title: row.job_title, placed_on: row.placed_on, joined_on: row.joined_on,
  };
}

function countsOf(text: string): Record<FollowUpReason, number> | null {
  const out: Record<FollowUpReason, number> = { placed_1w: 0, placed_1m: 0, placed_3m: 0, waiting: 0, no_contact: 0 };
  let any = false;
  for (const part of text.split(';')) {
    const [key, value] = part.split('=');
    const n = Number(value);
    if (key !== undefined && isReason(key) && Number.isInteger(n) && n >= 0) { out[key] = n; any = true; }
  }
  return any ? out : null;
}

/** The stored list out of the tab's cells (`raw`: read whole), `days` counted to `today`. */
export function storedListOf(raw: RawTable, today: CivilDate): StoredList {
  const parsed = parseTable(FOLLOW_UP_LIST_TAB, raw);
  let builtOn: CivilDate | null = null;
  let builtCounts: Record<FollowUpReason, number> | null = null;
  const items: StoredItem[] = [];
  const seen = new Set<string>();
  for (const row of parsed.records) {
    if (row.reason === BUILT && !row.member_id) {
      if (row.since && (builtOn === null || row.since > builtOn)) { builtOn = row.since; builtCounts = countsOf(row.counts); }
      continue;
    }
    const item = itemOf(row, today);
    // A member is on the list once; a second row (typed in by hand) is not shown twice.
    if (item && !seen.has(item.member_id)) { seen.add(item.member_id); items.push(item); }
  }
  items.sort(worklistOrder);
  const capped = builtCounts === null ? [] : (['placed', 'waiting', 'no_contact'] as const).filter((g) =>
    FOLLOW_UP_REASONS.filter((r) => groupOf(r) === g).reduce((n, r) => n + (builtCounts?.[r] ?? 0), 0) > STORED_PER_GROUP);
  return { builtOn, builtCounts, capped, items };
}

/** The stored list, read whole (one read: the list's size, capped, never the center's); null
 *  when the tab does not exist yet. */
export function readStoredList(store: TableStore, lang: Language, today: CivilDate): StoredList | null {
  return readWholeList(store, lang, today)?.list ?? null;
}

/** readStoredList, with the sheet row of the list's last row holding something (the tab's header
 *  row when it holds no row): the bound its writers keep (list-bound.ts), found exactly. */
export function readWholeList(store: TableStore, lang: Language, today: CivilDate): { list: StoredList; lastRow: number } | null {
  const raw = store.read(tabNames(FOLLOW_UP_LIST_TAB, lang));
  return raw ? { list: storedListOf(raw, today), lastRow: raw.rows.length + 1 } : null;
}

/**
 * The stored list read at the size its writers keep (`bound`: the sheet row they reached at most,
 * list-bound.ts), with no size question: rows 1 to bound + 1 of the list's columns in one read.
 * Trusted only when what it read is the list as they left it — row 1 the list's header, and the
 * row below the bound blank (a row typed below the list by hand, rows inserted, a bound left behind
 * by a run killed before its release: there is more below, or the read passed the tab's grid) —
 * else null, and the caller reads the list whole as before.
 */
export function readStoredListWithin(store: TableStore, lang: Language, today: CivilDate, bound: number): StoredList | null {
  if (!store.readTop || bound < 1) return null;
  const header = listHeader(lang);
  const width = header.length;
  // One column more than the list's: blank in row 1, the header is the list's alone (and the
  // store may keep it for the searches of the list that follow, as a whole read would).
  let raw: RawTable | null;
  try {
    raw = store.readTop(tabNames(FOLLOW_UP_LIST_TAB, lang), bound, width + 1);
  } catch {
    // Past the tab's grid (rows deleted by hand, or the list grown to its grid's end): read whole.
    return null;
  }
  if (!raw || header.some((h, i) => raw.header[i] !== h) || (raw.header[width] ?? '') !== '') return null;
  const rows = raw.rows.map((r) => r.slice(0, width));
  const below = rows.pop();
  if (rows.length !== bound - 1 || below === undefined || !below.every(isBlank)) return null;
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every(isBlank)) rows.pop();
  return storedListOf({ name: raw.name, header, rows }, today);
}

/** The rows of the stored list naming `memberIds` (found by key), with their sheet rows; null
 *  when the tab does not exist (nothing to keep true until it is built). */
export interface ListRows {
  readonly name: string;
  readonly index: ReadonlyMap<string, number>;
  readonly rows: readonly { readonly row: number; readonly record: FollowUpListRow }[];
}

export function findListRows(store: TableStore, lang: Language, memberIds: readonly string[]): ListRows | null {
  const names = tabNames(FOLLOW_UP_LIST_TAB, lang);
  const searches = (header: readonly string[]): KeySearch[] => [{ column: locateColumns(FOLLOW_UP_LIST_TAB, '', header).index.get('member_id') ?? -1, keys: memberIds }];
  const raw = findRawRows(store, names, searches);
  if (!raw) return null;
  const parsed = parseTable(FOLLOW_UP_LIST_TAB, raw);
  const wanted = new Set(memberIds);
  const rows = parsed.records
    .map((record, i) => ({ row: parsed.rowNumbers[i] ?? 0, record }))
    .filter((r) => wanted.has(r.record.member_id ?? ''));
  return { name: raw.name, index: parsed.columnIndex, rows };
}

/** What to write for one member: their new row, or null when they are due nothing now. */
export type MemberUpdate = { readonly member_id: string; readonly row: FollowUpListRow | null };

/**
 * Writes `updates` into the stored list (its rows found by `findListRows`): a member's row is
 * rewritten in the cells that changed, blanked when they left the list (the nightly rebuild
 * compacts the tab), or appended when they joined it. One write per row changed, one append.
 */
export function writeListUpdates(store: TableStore, lang: Language, found: ListRows, updates: readonly MemberUpdate[]): number {
  const added: FollowUpListRow[] = [];
  let written = 0;
  for (const u of updates) {
    const mine = found.rows.filter((r) => r.record.member_id === u.member_id);
    mine.forEach((r, i) => {
      const next = i === 0 ? u.row : null;
      const before = encodeRecord(FOLLOW_UP_LIST_TAB, r.record, lang);
      const after = next ? encodeRecord(FOLLOW_UP_LIST_TAB, next, lang) : null;
      const changed = COLUMN_KEYS.filter((k) => !sameCell(before[k] ?? null, after ? after[k] ?? null : null));
      if (changed.length === 0) return;
      // A row blanked is written whole: one run of cells, one setValues.
      const keys = after ? changed : COLUMN_KEYS;
      const cells = after ?? Object.fromEntries(COLUMN_KEYS.map((k) => [k, null]));
      store.writeCells(found.name, r.row, ownedCells<typeof FOLLOW_UP_LIST_TAB>(found.index, keys, [cells]));
      written++;
    });
    if (mine.length === 0 && u.row) added.push(u.row);
  }
  if (added.length > 0) {
    store.appendCells(found.name, ownedCells<typeof FOLLOW_UP_LIST_TAB>(found.index, COLUMN_KEYS, added.map((r) => encodeRecord(FOLLOW_UP_LIST_TAB, r, lang))));
    written += added.length;
  }
  return written;
}

function sameCell(a: Cell, b: Cell): boolean {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return a.date === b.date;
  return (a ?? '') === (b ?? '');
}
