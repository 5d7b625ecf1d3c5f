import { dateCell, type Cell } from '../../domain/cell';
import { labelOf, type Language } from '../../domain/enums';
import { normalizeHeader } from '../../domain/parse/parse-table';
import type { Column } from '../../domain/schema/column';
import type { TabDef } from '../../domain/schema/tabs';
import { slotLabel, type Slot } from '../../domain/slots';

// A typed record back into the cells a person would type: enumeration labels in the sheet's
// language, dates as date cells, lists joined with `、`. The inverse of parseTable, for the
// parts of the demo that load a center's existing data rather than going through a use case.
function cellOf(column: Column, value: unknown, lang: Language): Cell {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'enum':
      return labelOf(column.enumeration, value as string, lang);
    case 'enum_list':
      return (value as string[]).map((c) => labelOf(column.enumeration, c, lang)).join('、') || null;
    case 'slots':
      return (value as Slot[]).map((s) => slotLabel(s, lang)).join('、') || null;
    case 'list':
      return (value as string[]).join('、') || null;
    case 'date':
    case 'timestamp':
      return dateCell(value as string);
    default:
      return value === '' ? null : (value as Cell);
  }
}

/** The record laid out under `header` (either language); columns the tab lacks are skipped. */
export function recordRow(def: TabDef, header: readonly string[], record: object, lang: Language): Cell[] {
  const values = record as Record<string, unknown>;
  return header.map((h) => {
    const n = normalizeHeader(h);
    const column = def.columns.find((c) => normalizeHeader(c.ja) === n || c.key === n);
    return column ? cellOf(column, values[column.key], lang) : null;
  });
}
