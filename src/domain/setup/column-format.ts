import { labelOf, type Language } from '../enums';
import type { Column } from '../schema/column';

// How setup dresses one column so people type what the readers accept: a dropdown of the
// enumeration's labels, a checkbox for booleans, a number format for dates and times, plain
// text for IDs and phone numbers (so `0471…` keeps its leading zero and `M00001` stays text).
export type ColumnFormat =
  | { readonly kind: 'dropdown'; readonly values: readonly string[] }
  | { readonly kind: 'checkbox' }
  | { readonly kind: 'number_format'; readonly pattern: string };

/** A format placed on a column of the sheet (1-based, as Sheets counts). */
export interface PlacedFormat {
  readonly column: number;
  readonly format: ColumnFormat;
}

export const DATE_PATTERN = 'yyyy-mm-dd';
export const TIMESTAMP_PATTERN = 'yyyy-mm-dd hh:mm';
export const TIME_PATTERN = 'hh:mm';
export const TEXT_PATTERN = '@';

/** Columns holding phone numbers: text, or Sheets drops the leading zero. */
const TEXT_KEYS = new Set(['phone']);

export function formatOf(column: Column, lang: Language): ColumnFormat | null {
  switch (column.type) {
    case 'enum':
      // A list of several values (生きがい志向) cannot be a single-choice dropdown: enum_list is left free.
      return { kind: 'dropdown', values: column.enumeration.codes.map((c) => labelOf(column.enumeration, c, lang)) };
    case 'boolean':
      return { kind: 'checkbox' };
    case 'date':
      return { kind: 'number_format', pattern: DATE_PATTERN };
    case 'timestamp':
      return { kind: 'number_format', pattern: TIMESTAMP_PATTERN };
    case 'time':
      return { kind: 'number_format', pattern: TIME_PATTERN };
    case 'id':
      return { kind: 'number_format', pattern: TEXT_PATTERN };
    default:
      return TEXT_KEYS.has(column.key) ? { kind: 'number_format', pattern: TEXT_PATTERN } : null;
  }
}
