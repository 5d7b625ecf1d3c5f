import type { Cell, OwnedCells, RawTable } from '../domain/cell';

export type { OwnedCells } from '../domain/cell';

/** TableStore.findRows' answer: the rows found, and the sheet row of the tab's last row. */
export type FoundRows = RawTable & { readonly lastRow: number };

/** Header rows a store may take from beyond its run instead of reading row 1 (the desk cache, or the
 *  header the add-in writes to its own tab: src/app/shared/cached-header-store.ts), by the names a
 *  caller asks a tab with and the name of the tab found. */
export interface HeaderMemo {
  recall(names: readonly string[], found: string): { readonly name: string; readonly header: readonly string[] } | null;
  keep(names: readonly string[], found: { readonly name: string; readonly header: readonly string[] }): void;
}

/** One key column of TableStore.findRows (0-based; -1 when the tab lacks it) and the keys looked for in it. */
export interface KeySearch { readonly column: number; readonly keys: readonly string[] }

// The ports of the architecture (design/README.md). Use cases take these as arguments; the
// Google side (src/gas) and the local side (src/local) each implement them.

/** The workbook's tabs. Every method is one round trip at most per tab: adapters read a whole
 *  tab with one call and write with one call, never a call per row. */
export interface TableStore {
  /** The first of `names` that exists, read whole (header + data rows); null when none exists. */
  read(names: readonly string[]): RawTable | null;
  /** Only the header row of the first of `names` that exists (cheap: one small read); null when none. */
  header(names: readonly string[]): { name: string; header: string[] } | null;
  /** Some columns of the first of `names` that exists: the header row is read, `pick` says which
   *  columns (0-based) are wanted, and only those are read, down to the last row. The answer is
   *  shaped as `read` would answer (the whole header, rows as wide as it) with every cell of the
   *  other columns null. Sheets: the header, then ONE getValues per run of adjacent wanted columns
   *  (design/README.md says why runs and not one covering block). Optional: read-part.ts falls back
   *  to `read` for a store without it (a test's counting wrapper, the demo's versioned store). */
  readColumns?(names: readonly string[], pick: (header: readonly string[]) => readonly number[]): RawTable | null;
  /** The header and the last `count` data rows of the first of `names` that exists (fewer when the
   *  tab is shorter); `firstRow` of the answer is the sheet row of its first row. With `pick`, only
   *  those columns are read (the others null), as readColumns. Sheets: the header, getLastRow, ONE
   *  getValues (with `pick`, one per run of adjacent wanted columns). Optional, as readColumns. */
  readTail?(names: readonly string[], count: number, pick?: (header: readonly string[]) => readonly number[]): RawTable | null;
  /** The rows of the first of `names` whose cell in a key column is one of that column's keys
   *  (`searches(header)`: 0-based columns, -1 when the tab lacks it; spaces around the cell's text
   *  ignored, case kept), whole and in sheet order, each row once, with the sheet row of each in
   *  `rowNumbers`; shaped as `read` answers. Sheets: the header (once a run, or the desk cache's),
   *  getLastRow (once a run), ONE TextFinder search over the key columns for every key at once, then
   *  ONE getValues per block of rows found close together (rows between two found ones are read
   *  and dropped when that costs less than a round trip) — the calls depend on the rows found,
   *  never on the tab's size. `lastRow` is the sheet row of the tab's last row (1 when the tab holds
   *  only its header), so a caller can tell whether a row found is among the tab's last ones
   *  (correctActivity's window) without reading them. Optional, as readColumns (find-rows.ts
   *  reads a store without it whole). With `lastRows`, only among the tab's last `lastRows` data
   *  rows (the candidate index's window of 就業実績; Sheets asks getLastRow for it). `largeCells`: as readRows'
   *  (only rows found are read, adjacent ones together: `_活動集計`'s day rows, the index's buckets). */
  findRows?(names: readonly string[], searches: (header: readonly string[]) => readonly KeySearch[], lastRows?: number, largeCells?: boolean): FoundRows | null;
  /** The sheet rows (≥ 2) of the first of `names` whose cell in column `column` (0-based) matches
   *  the regular expression `pattern` somewhere in the text it shows, case kept (RE2, as Sheets'
   *  TextFinder reads it; the add-in sends only what RE2 and JavaScript read alike), in sheet order:
   *  the first `limit` of them in `rows`, how many in all in `total`. Sheets: ONE TextFinder search
   *  of the column, getRow of the first `limit` cells found only; no cell is read. Optional, as
   *  readColumns (rows-by-number.ts reads a store without it whole). The member picker's search of
   *  its stored keys (src/app/members/member-search-index.ts). `fromEnd`: the last `limit` cells
   *  found instead (still in sheet order): the job picker's newest (matching/job-search-index.ts). */
  matchRows?(names: readonly string[], column: number, pattern: string, limit: number, fromEnd?: boolean): { readonly rows: readonly number[]; readonly total: number } | null;
  /** The cells of the columns `pick` chooses of the given sheet rows (≥ 2) of the first of `names`,
   *  shaped as `read` answers (the other cells null), in the order asked, with `rowNumbers`; a row
   *  below the tab's last reads blank. Sheets: the header (once a run, or the desk cache's), then
   *  ONE getValues per block of rows asked close together (as findRows: the rows between read and
   *  dropped when that costs less than a round trip), over the columns from the first picked to the
   *  last: for a few rows (the picker's ≤ 20), a count that depends on the rows asked, never on the
   *  tab. `largeCells`: the rows' cells are too large for the cost model's price of a cell (the
   *  candidate index's packed buckets, ~7 KB each at 50,000 members), so only adjacent rows share a
   *  getValues and the rows between are never read. Optional, as readColumns. */
  readRows?(names: readonly string[], rowNumbers: readonly number[], pick: (header: readonly string[]) => readonly number[], largeCells?: boolean): RawTable | null;
  /** The header and the first `dataRows` data rows of the first of `names` that exists, `width`
   *  columns from A, as they stand (blank rows kept, the other columns not read), for a tab whose
   *  shape the add-in knows (the candidate index: its header, the stamp and 1,024 buckets). Sheets:
   *  ONE getValues of that rectangle, no size question; a rectangle past the tab's grid (rows
   *  deleted by hand) is refused: it throws, and the caller checks the cells it got in any case.
   *  When row 1's last cell read is blank, the header ends inside the rectangle and is kept as
   *  `read` keeps it (the desk cache: _継続支援's searches after listFollowUps read no row 1).
   *  Optional, as readColumns (rows-by-number.ts reads a store without it whole). */
  readTop?(names: readonly string[], dataRows: number, width: number): RawTable | null;
  /** The header and the data rows from sheet row `firstRow` (≥ 2) down to the last, `firstRow` of
   *  the answer set (an empty answer's is the last row + 1). With `pick`, only those columns, as
   *  readColumns. Sheets: the header, getLastRow, ONE getValues per run of adjacent wanted columns.
   *  The weekly run reads 活動記録 below the rows its stored totals count (activity-totals-store.ts).
   *  Optional, as readColumns. */
  readFrom?(names: readonly string[], firstRow: number, pick?: (header: readonly string[]) => readonly number[]): RawTable | null;
  /** Replaces the tab's content (header and rows), creating the tab if it is missing. Rows
   *  below the new content are cleared. Only for a tab that does not exist yet, or for one the
   *  caller owns cell by cell (the in-memory store of a test or the demo): a writer of a center's
   *  tab uses writeCells/appendCells, which never touch a column the writer does not own. */
  replace(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void;
  /** Adds rows after the last row of an existing tab, writing only the cells of `cells.columns`;
   *  the other cells of the new rows are left to the sheet (a formula the center fills down keeps
   *  working). */
  appendCells(name: string, cells: OwnedCells): void;
  /** Writes the cells of `cells.columns` in the rows from sheet row `firstRow` (1-based, 2 = first
   *  data row) down, in place; every other cell of those rows is neither read nor written. */
  writeCells(name: string, firstRow: number, cells: OwnedCells): void;
  /** Makes every write so far visible to the next execution (SpreadsheetApp.flush). The write
   *  boundary calls it before it releases the lock: Sheets batches writes, and another run's
   *  getLastRow may not see an unflushed row. */
  flush(): void;
  /** The names of all tabs, in order. */
  tabNames(): string[];
}

export interface MailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** A name for the sender shown in mail clients (the center's name). */
  readonly senderName?: string;
  readonly replyTo?: string;
}

export interface Mailer {
  /** Mails the center may still send today (MailApp.getRemainingDailyQuota). */
  remainingQuota(): number;
  send(message: MailMessage): void;
}

export interface Clock {
  /** The current instant. */
  now(): Date;
}

export interface Lock {
  /** Waits up to `ms` for the lock; false when another run holds it. */
  tryLock(ms: number): boolean;
  release(): void;
  /** Ends the locked section as `release` does, but leaves the lock to the end of the run, which
   *  frees it: for a section after which the run takes the lock no more and has no service work
   *  that needs it freed sooner (src/app/shared/write-boundary.ts `lastSection`). Only a lock whose
   *  run ends by itself has it (Apps Script's: src/gas/script-lock.ts); others release. */
  leaveToRunEnd?(): void;
}

/** Small per-document key/value memory (PropertiesService document properties). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** Several keys in one round trip (Google: one getProperties), the missing ones left out.
   *  Optional: `get` per key otherwise (the candidate index reads its two stamps with it). */
  getMany?(keys: readonly string[]): Record<string, string>;
}

/**
 * A short-lived cache every run of the desk on this document shares (CacheService's document
 * cache; a memory twin locally). Values are JSON; an entry lives at most `ttlSeconds` and may vanish
 * sooner, so every reader must cope with a miss. Limits are CacheService's: a key of at most 250
 * characters, at most 100 KB of JSON a value (an entry over either is left out, never an error).
 * Each method is one round trip, whatever the number of keys; a failing cache answers nothing and
 * throws nothing (it only costs a fresh read).
 */
export interface SharedCache {
  /** The cached values among `keys` (misses left out). */
  getAll(keys: readonly string[]): Record<string, unknown>;
  putAll(entries: Readonly<Record<string, unknown>>, ttlSeconds: number): void;
  removeAll(keys: readonly string[]): void;
}

/** Who is calling (Session.getActiveUser().getEmail()); '' when Google does not say. */
export interface UserIdentity {
  email(): string;
}

export interface TriggerSpec {
  readonly handler: string;
  /** on_edit / on_change: the spreadsheet's installable edit and change triggers. */
  readonly kind: 'weekly' | 'daily' | 'form_submit' | 'nightly' | 'on_edit' | 'on_change';
  /** weekly: 0 = Monday … 6 = Sunday. */
  readonly weekday?: number;
  readonly hour?: number;
  /** IANA zone the weekday and hour are meant in (the center's 設定 タイムゾーン); default: the script's. */
  readonly timeZone?: string;
}

/** Who installed the desk's triggers and when (an ISO instant). Apps Script triggers belong to the
 *  person who installed them and run as them; getProjectTriggers lists only the caller's own. */
export interface TriggerOwner {
  readonly email: string;
  readonly at: string;
}

export interface Triggers {
  /** Handler names of the project's installed triggers (the current user's: Apps Script lists no one else's). */
  list(): TriggerSpec[];
  /** Installs `spec`, first removing any trigger with the same handler (never a duplicate). */
  replace(spec: TriggerSpec): void;
  remove(handler: string): void;
  /** Who installed the desk's triggers, as recorded in the document when they were installed
   *  (null: never recorded). Optional: a test's triggers may have no owner. */
  owner?(): TriggerOwner | null;
  /** Records `owner` as the installer of the desk's triggers (document properties, for everyone). */
  recordOwner?(owner: TriggerOwner): void;
}

/** One-off runs of a handler (ScriptApp timeBased().after(ms)), beside its regular trigger: a
 *  weekly run that found the lock busy tries again later the same day. */
export interface OneOffRuns {
  /** One more run of `handler` in `afterMs`, replacing a one-off of it already there (a fired
   *  one stays listed until deleted); the handler's regular triggers stay. */
  later(handler: string, afterMs: number): void;
  /** Deletes `handler`'s one-off triggers, fired or not. */
  clearLater(handler: string): void;
}

/** Many document properties at once (PropertiesService getProperties / setProperties: one call
 *  each), for state a trigger must read cheaply, such as the sign-up ledger. */
export interface PropertyBag {
  getAll(): Record<string, string>;
  /** Sets these entries, leaving every other property as it is. */
  setAll(entries: Readonly<Record<string, string>>): void;
  delete(keys: readonly string[]): void;
}

/** Whether the public can answer a Google Form (forms.md "The sign-up form: who can answer"). */
export interface FormAccess {
  /** published: Google's publishing model, published (now: by this run); legacy: a form without
   *  that model, reachable whenever it accepts answers; unpublished: it could not be published. */
  readonly publishing: 'published' | 'published_now' | 'legacy' | 'unpublished';
  /** Whether answering needs a sign-in to the center's Google Workspace domain: off, turned_off
   *  (by this run), on (it could not be turned off), unknown (the form does not say). */
  readonly signIn: 'off' | 'turned_off' | 'on' | 'unknown';
  /** Whether it takes answers now (closed while no session has a place). */
  readonly accepting: boolean;
  readonly publishedUrl: string;
  readonly editUrl: string;
}

/** The sign-up form in Google Forms (src/gas/form-signup.ts; a memory twin locally). */
export interface SignupForms {
  /** Creates the form with the spreadsheet as its response destination. */
  create(spec: import('../domain/signup/form-spec').SignupFormSpec): { formId: string; sessionItemId: string; publishedUrl: string };
  /** Offers exactly `choices` in the session question; with none, stops accepting answers and
   *  shows `closedMessage`. Returns the session item's ID (found by title when `sessionItemId` is ''). */
  setSessions(formId: string, sessionItemId: string, choices: readonly string[], closedMessage: string): string;
  /** Publishes the form and lifts a sign-in requirement where Google allows, and says what holds
   *  now. Optional: the local twin has nobody to open it to. */
  openToRespondents?(formId: string): FormAccess;
}
