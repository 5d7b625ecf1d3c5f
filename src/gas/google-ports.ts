import type { Clock, KeyValueStore, Lock, Mailer, TableStore, Triggers, UserIdentity } from '../app/ports';
import { CachedHeaderStore, deskHeaderMemo } from '../app/shared/cached-header-store';
import { DeskCache } from '../app/shared/desk-cache';
import { ListBoundStore } from '../app/follow-ups/list-bound';
import { SystemClock } from './clock';
import { DocumentCache } from './document-cache';
import { DocumentProperties } from './document-properties';
import { MailAppMailer } from './mail-app-mailer';
import { scriptLock } from './script-lock';
import { ScriptAppTriggers } from './script-app-triggers';
import { SessionUser } from './session-user';
import { SheetsTableStore } from './sheets-table-store';

export interface GooglePorts {
  /** The spreadsheet's tabs, header rows through the desk cache (src/app/shared/cached-header-store.ts). */
  readonly store: TableStore;
  /** This run's view of the document cache: 設定, コーディネータ and header rows for a few minutes
   *  (src/app/shared/desk-cache.ts); commit() once at the end of the run. */
  readonly deskCache: DeskCache;
  readonly mailer: Mailer;
  readonly clock: Clock;
  /** The script lock: one run at a time, whoever starts it (every writer takes it through
   *  src/app/shared/write-boundary.ts). */
  readonly lock: Lock;
  readonly properties: KeyValueStore;
  readonly user: UserIdentity;
  readonly triggers: Triggers;
}

/**
 * The ports over the Apps Script globals, for entry points to pass to use cases. Building them
 * makes no service call: each adapter reaches Google on first use, so an entry point that only
 * needs the store pays for nothing else.
 */
export function googlePorts(): GooglePorts {
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  const active = (): GoogleAppsScript.Spreadsheet.Spreadsheet => {
    spreadsheet ??= SpreadsheetApp.getActiveSpreadsheet();
    return spreadsheet;
  };
  const deskCache = new DeskCache(new DocumentCache());
  const properties = new DocumentProperties();
  return {
    // The ID counters set under the lock are written ahead of the rows that carry them.
    // And the bound of _継続支援's rows moved by every append to it (follow-ups/list-bound.ts).
    store: new ListBoundStore(new CachedHeaderStore(new SheetsTableStore(active, deskHeaderMemo(deskCache), () => properties.beforeSheetWrite()), deskCache), properties),
    deskCache,
    mailer: new MailAppMailer(),
    clock: new SystemClock(),
    // The ID counters are read in one getProperties while the lock is held (document-properties.ts).
    lock: properties.whileLocked(scriptLock()),
    properties,
    user: new SessionUser(),
    triggers: new ScriptAppTriggers(() => active().getSpreadsheetTimeZone(), active),
  };
}
