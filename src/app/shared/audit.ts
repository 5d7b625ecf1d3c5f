import type { Cell } from '../../domain/cell';
import type { Language } from '../../domain/enums';
import { AUDIT_LOG_TAB, headerName, tabName, tabNames } from '../../domain/schema/tabs';
import { neutraliseRow } from '../../domain/text/neutralise-formula';
import type { TableStore } from '../ports';

// The 監査ログ / AuditLog tab: who did what to which record. It is the add-in's own tab (setup
// protects it), so its columns are in schema order and no header read is needed: one write.
export interface AuditInput {
  /** `YYYY-MM-DDTHH:MM:SS` in the center's zone. */
  readonly at: string;
  readonly user: string;
  /** A code such as `log_activity` or `match_place`: stable across languages. */
  readonly action: string;
  /** The tab written (its name as found in the workbook). */
  readonly sheet: string;
  readonly recordId: string;
  /** What changed, by codes and IDs only: never a name, phone, address or note text. */
  readonly detail: string;
}

export function auditRow(entry: AuditInput): Cell[] {
  return neutraliseRow<Cell>([{ date: entry.at }, entry.user, entry.action, entry.sheet, entry.recordId, entry.detail]);
}

/** Appends one audit row (one write). Only when that fails do we look for the tab (either
 *  language's name) and create it when it is truly missing, so a passing failure of Google can
 *  never lead to the log being replaced. */
export function writeAudit(store: TableStore, lang: Language, entry: AuditInput): void {
  const row = auditRow(entry);
  const names = tabNames(AUDIT_LOG_TAB, lang);
  // The log's own columns, in schema order (setup lays the tab out so and protects it).
  const cells = { columns: row.map((_, i) => i), rows: [row] };
  try {
    store.appendCells(names[0], cells);
  } catch (error) {
    const found = store.header(names);
    if (found && found.name !== names[0]) store.appendCells(found.name, cells);
    else if (!found) store.replace(tabName(AUDIT_LOG_TAB, lang), AUDIT_LOG_TAB.columns.map((c) => headerName(c, lang)), [row]);
    else throw error;
  }
}
