import type { TableStore } from './ports';
import { readWorkbook, type Workbook } from '../domain/workbook';

/** Reads every data tab once (one read per tab) and returns the typed workbook with its problems. */
export function loadWorkbook(store: TableStore): Workbook {
  return readWorkbook((names) => store.read(names));
}
