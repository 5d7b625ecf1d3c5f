import type { TableStore } from '../ports';
import { readWorkbook, type Workbook } from '../../domain/workbook';

/** Reads every data tab once (one read per tab) and returns the typed workbook with its problems,
 *  two tabs for one table (会員 and Members) among them (tabNames, one call). */
export function loadWorkbook(store: TableStore): Workbook {
  return readWorkbook((names) => store.read(names), store.tabNames());
}
