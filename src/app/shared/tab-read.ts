import type { Language } from '../../domain/enums';
import { wordText } from '../../domain/messages/catalog';
import { parseTable, type ParsedTable } from '../../domain/parse/parse-table';
import type { RecordOf } from '../../domain/schema/column';
import { tabNames, type TabDef } from '../../domain/schema/tabs';
import type { TableStore } from '../ports';
import { ApiError } from './api-error';

// A tab read whole for an in-place update (one read): its name as found, its records, their
// sheet rows and the column positions, which is what updateRecord needs to write changed cells.

export interface TabRead<T> {
  readonly name: string;
  readonly parsed: ParsedTable<T>;
}

/** `def`'s tab read whole, or ApiError('bad_workbook') when it or a required header is missing. */
export function readWholeTab<D extends TabDef>(store: TableStore, def: D, lang: Language): TabRead<RecordOf<D['columns']>> {
  const raw = store.read(tabNames(def, lang));
  if (!raw) throw new ApiError('bad_workbook', { detail: wordText(lang).missingTab(def) });
  return checked(raw.name, parseTable(def, raw) as ParsedTable<RecordOf<D['columns']>>);
}

/** `parsed`, or ApiError('bad_workbook') naming the required headers it lacks. */
export function checked<T>(name: string, parsed: ParsedTable<T>): TabRead<T> {
  const missing = parsed.problems.filter((p) => p.code === 'missing_header');
  if (missing.length > 0) throw new ApiError('bad_workbook', { detail: missing.map((p) => `${p.tab}: ${String(p.params.header)}`).join(', ') });
  return { name, parsed };
}
