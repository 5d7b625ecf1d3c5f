import type { Language } from '../../domain/enums';
import { locateColumns } from '../../domain/parse/parse-table';
import { ownedCells, type CellsByKey } from '../../domain/schema/record-cells';
import { AUDIT_LOG_TAB, headerName, tabName, tabNames } from '../../domain/schema/tabs';
import type { TableStore } from '../ports';

// The 監査ログ / AuditLog tab: who did what to which record. It is the add-in's own tab (setup
// protects it, warning only), but a center may still add or move a column: the row goes under
// the tab's own headers, as every writer's does.
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

/** The entry's cells by column key (the store neutralises every text it writes). */
export function auditValues(entry: AuditInput): CellsByKey<typeof AUDIT_LOG_TAB> {
  return { at: { date: entry.at }, user: entry.user, action: entry.action, sheet: entry.sheet, record_id: entry.recordId, detail: entry.detail };
}

/** Appends one audit row under 監査ログ's own headers (one small header read, one append): a
 *  column a center put among them is left to the sheet. Only a tab that is truly missing is
 *  created (with the row), so a passing failure of Google can never lead to the log being replaced. */
export function writeAudit(store: TableStore, lang: Language, entry: AuditInput): void {
  writeAudits(store, lang, [entry]);
}

/** Several audit rows in one append (one header read, one write): a call that changes several
 *  records at once (a team proposed, a member's placements ended) logs each. */
export function writeAudits(store: TableStore, lang: Language, entries: readonly AuditInput[]): void {
  if (entries.length === 0) return;
  const rows = entries.map(auditValues);
  const names = tabNames(AUDIT_LOG_TAB, lang);
  const found = store.header(names);
  if (!found) {
    store.replace(tabName(AUDIT_LOG_TAB, lang), AUDIT_LOG_TAB.columns.map((c) => headerName(c, lang)), rows.map((values) => AUDIT_LOG_TAB.columns.map((c) => values[c.key] ?? null)));
    return;
  }
  const { index } = locateColumns(AUDIT_LOG_TAB, found.name, found.header);
  store.appendCells(found.name, ownedCells<typeof AUDIT_LOG_TAB>(index, AUDIT_LOG_TAB.columns.map((c) => c.key), rows));
}
