import type { Cell, OwnedCells } from '../cell';
import { labelOf, type Language } from '../enums';
import { slotLabel, parseSlot } from '../slots';
import type { Column } from './column';
import type { TabDef } from './tabs';

// The one record → cells codec every writer uses: a field's value (as the record types of
// column.ts hold it: codes, arrays, `YYYY-MM-DD` strings) becomes the cell a person would type
// in the tab's language. parse-table.ts is its inverse; a round-trip property test holds the two
// together. Writers then place only the columns they own (ownedCells).

/** The column keys of a tab: a typo in a writer's key list is a type error. */
export type ColumnKey<D extends TabDef> = D['columns'][number]['key'];

/** Cells by column key, as a writer hands them over. */
export type CellsByKey<D extends TabDef> = Partial<Record<ColumnKey<D>, Cell>>;

/** How a list is written: what a person of that language types (the parser reads `,` `、` `・`). */
export function listSeparator(lang: Language): string {
  return lang === 'ja' ? '、' : ', ';
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)).filter((v) => v !== '') : [];
}

/** One field's value as the cell of `column`, in `lang`. */
export function encodeValue(column: Column, value: unknown, lang: Language): Cell {
  const cell = encodeAny(column, value, lang);
  // Blank is blank: an empty text or list leaves the cell empty rather than holding ''.
  return cell === '' ? null : cell;
}

function encodeAny(column: Column, value: unknown, lang: Language): Cell {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'enum':
      return typeof value === 'string' && column.enumeration.codes.includes(value) ? labelOf(column.enumeration, value, lang) : null;
    case 'enum_list':
      return texts(value).filter((c) => column.enumeration.codes.includes(c)).map((c) => labelOf(column.enumeration, c, lang)).join(listSeparator(lang));
    case 'list':
      return texts(value).join(listSeparator(lang));
    case 'slots':
      return texts(value).map((s) => parseSlot(s)).flatMap((s) => (s ? [slotLabel(s, lang)] : [])).join(listSeparator(lang));
    case 'date':
    case 'timestamp':
      return typeof value === 'string' && value !== '' ? { date: value } : null;
    case 'boolean':
      return value === true;
    case 'int':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    default:
      return String(value);
  }
}

/** The cells of the fields `record` has (a field absent from it is not written). */
export function encodeRecord<D extends TabDef>(def: D, record: Readonly<Partial<Record<ColumnKey<D>, unknown>>>, lang: Language): CellsByKey<D> {
  const out: Partial<Record<string, Cell>> = {};
  const fields: Partial<Record<string, unknown>> = record;
  for (const column of def.columns) {
    if (Object.prototype.hasOwnProperty.call(fields, column.key)) out[column.key] = encodeValue(column, fields[column.key], lang);
  }
  return out;
}

/** The owned cells of `rows` at the tab's positions (`index`: key → 0-based column, -1 absent):
 *  the columns `keys` names that the tab has, in position order. */
export function ownedCells<D extends TabDef>(
  index: ReadonlyMap<string, number>, keys: readonly ColumnKey<D>[], rows: readonly CellsByKey<D>[],
): OwnedCells {
  const placed = [...new Set<string>(keys)]
    .map((key) => ({ key, at: index.get(key) ?? -1 }))
    .filter((k) => k.at >= 0)
    .sort((a, b) => a.at - b.at);
  const byKey = (row: CellsByKey<D>): Partial<Record<string, Cell>> => row;
  return {
    columns: placed.map((k) => k.at),
    rows: rows.map((row) => placed.map((k) => byKey(row)[k.key] ?? null)),
  };
}

function sameCell(a: Cell, b: Cell): boolean {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return a.date === b.date;
  return a === b;
}

/** The keys whose cell differs between two versions of a record, and the new cells: what an
 *  in-place update writes (a field left as it was is not written, so a hand edit made since
 *  the read is not undone). */
export function changedCells<D extends TabDef>(
  def: D, before: Readonly<Partial<Record<ColumnKey<D>, unknown>>>, after: Readonly<Partial<Record<ColumnKey<D>, unknown>>>, lang: Language,
): { keys: ColumnKey<D>[]; cells: CellsByKey<D> } {
  const old: Partial<Record<string, Cell>> = encodeRecord(def, before, lang);
  const next: Partial<Record<string, Cell>> = encodeRecord(def, after, lang);
  const keys = def.columns.map((c): ColumnKey<D> => c.key).filter((k) => !sameCell(old[k] ?? null, next[k] ?? null));
  return { keys, cells: next };
}
