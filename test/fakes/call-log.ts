// Every call on every fake Google object is counted here, so tests can hold code to a call
// budget (design/README.md, "service calls"). Two numbers matter: the total number of calls on
// Google objects, and the "data round trips" among them — the calls that move data to or from
// Google's servers (reading or writing cells, flushing pending writes, mail, properties, cache,
// locks, triggers). The rest are cheap handle lookups and builders (getActiveSpreadsheet,
// getSheetByName, getRange, getLastRow…). A third number charges the sheet's size questions
// (getLastRow, getMaxRows, getLastColumn, getMaxColumns, getDataRange) as round trips too:
// published measurements put them at tens of milliseconds each, not a lookup's 1 ms.

/** The calls that cost a round trip to Google's servers. Anything not listed is a lookup. */
export const DATA_ROUND_TRIPS: ReadonlySet<string> = new Set([
  'Range.getValues', 'Range.getValue', 'Range.getDisplayValues', 'Range.getFormulas',
  'Range.setValues', 'Range.setValue', 'Range.clearContent',
  'Range.setDataValidation', 'Range.setNumberFormat', 'Range.insertCheckboxes',
  // A search runs on Google's servers and answers the cells found (test/fakes/text-finder.ts).
  'TextFinder.findAll', 'TextFinder.findNext',
  'Sheet.appendRow', 'Sheet.deleteRows', 'Sheet.insertRowsAfter', 'Sheet.insertColumnsAfter',
  'Sheet.setFrozenRows', 'Sheet.clear', 'Sheet.protect', 'Sheet.hideSheet',
  'Spreadsheet.insertSheet', 'Spreadsheet.deleteSheet', 'Spreadsheet.toast',
  // Sends the run's batched writes to the server and waits for them (the write boundary calls
  // it before every lock release).
  'SpreadsheetApp.flush',
  'MailApp.sendEmail', 'MailApp.getRemainingDailyQuota',
  'User.getEmail',
  'Properties.getProperty', 'Properties.setProperty', 'Properties.deleteProperty',
  'Properties.getProperties', 'Properties.setProperties', 'Properties.deleteAllProperties', 'Properties.getKeys',
  'Cache.get', 'Cache.getAll', 'Cache.put', 'Cache.putAll', 'Cache.remove', 'Cache.removeAll',
  'Lock.tryLock', 'Lock.waitLock', 'Lock.releaseLock',
  'ScriptApp.getProjectTriggers', 'ScriptApp.deleteTrigger',
  'ClockTriggerBuilder.create', 'SpreadsheetTriggerBuilder.create',
  'Ui.alert', 'Ui.showSidebar', 'Ui.showModalDialog', 'Menu.addToUi',
]);

/** The sheet's size questions: answered by the server (a getLastRow inside a loop measured ~160 ms
 *  a call, bugbugnow.net 2019; bench/README.md's cost model), counted as lookups in `roundTrips`
 *  and as round trips in `roundTripsWithMetadata`. */
export const METADATA_CALLS: ReadonlySet<string> = new Set([
  'Sheet.getLastRow', 'Sheet.getMaxRows', 'Sheet.getLastColumn', 'Sheet.getMaxColumns', 'Sheet.getDataRange',
]);

export interface CallBudget {
  /** Every call on a Google object. */
  readonly total: number;
  /** Calls listed in DATA_ROUND_TRIPS. */
  readonly roundTrips: number;
  /** total − roundTrips: handle lookups and builders. */
  readonly lookups: number;
  /** roundTrips + the calls in METADATA_CALLS (the stricter count). */
  readonly roundTripsWithMetadata: number;
  readonly cellsRead: number;
  readonly cellsWritten: number;
}

export interface CallSnapshot extends CallBudget {
  /** Counts by "Service.method", only methods called at least once. */
  readonly byMethod: Readonly<Record<string, number>>;
}

/** The time spent inside the fakes' own code (their outermost calls), when `timing` is on. */
export interface FakeTime {
  readonly wallMs: number;
  /** Process CPU (user + system, all threads) during those calls. */
  readonly cpuMs: number;
}

export class CallLog {
  private counts = new Map<string, number>();
  private order: string[] = [];
  cellsRead = 0;
  cellsWritten = 0;
  /** Times every outermost fake call (the bench turns it on): what the bundle spent inside the
   *  fakes — copying cells, searching — is not Apps Script's work of ours, and comes off the
   *  call's time (bench/measure-bundle.ts). Off, a call costs nothing more than its count. */
  timing = false;
  /** The wall clock the timing reads (a test hands a clock it moves itself: a loaded machine's
   *  scheduling must not decide whether the sums are right). */
  wallClock: () => number = () => performance.now();
  private depth = 0;
  private fakeWallMs = 0;
  private fakeCpuMs = 0;

  record(call: string): void {
    this.counts.set(call, (this.counts.get(call) ?? 0) + 1);
    this.order.push(call);
  }

  /** Records `call` and runs the fake's method; with `timing`, the outermost call is timed
   *  (a fake calling another guarded fake is inside its caller's time). */
  call<T>(call: string, run: () => T): T {
    if (!this.timing || this.depth > 0) {
      this.record(call);
      this.depth += 1;
      try { return run(); } finally { this.depth -= 1; }
    }
    const wall0 = this.wallClock();
    const cpu0 = process.cpuUsage();
    this.depth = 1;
    try {
      this.record(call);
      return run();
    } finally {
      this.depth = 0;
      const cpu = process.cpuUsage(cpu0);
      this.fakeCpuMs += (cpu.user + cpu.system) / 1000;
      this.fakeWallMs += this.wallClock() - wall0;
    }
  }

  /** The fakes' own time since the last reset (zero unless `timing` is on). */
  fakeTime(): FakeTime {
    return { wallMs: this.fakeWallMs, cpuMs: this.fakeCpuMs };
  }

  count(call: string): number {
    return this.counts.get(call) ?? 0;
  }

  /** The calls in the order they were made ("Service.method"). */
  sequence(): string[] {
    return [...this.order];
  }

  total(): number {
    return this.order.length;
  }

  budget(): CallBudget {
    const total = this.order.length;
    const roundTrips = this.order.filter((c) => DATA_ROUND_TRIPS.has(c)).length;
    const metadata = this.order.filter((c) => METADATA_CALLS.has(c)).length;
    return {
      total, roundTrips, lookups: total - roundTrips, roundTripsWithMetadata: roundTrips + metadata,
      cellsRead: this.cellsRead, cellsWritten: this.cellsWritten,
    };
  }

  snapshot(): CallSnapshot {
    const byMethod: Record<string, number> = {};
    for (const [k, v] of [...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b))) byMethod[k] = v;
    return { ...this.budget(), byMethod };
  }

  reset(): void {
    this.counts = new Map();
    this.order = [];
    this.cellsRead = 0;
    this.cellsWritten = 0;
    this.fakeWallMs = 0;
    this.fakeCpuMs = 0;
  }

  /** Runs `fn` and returns what it returned with the calls it made (the log is reset first). */
  measure<T>(fn: () => T): { result: T; calls: CallSnapshot } {
    this.reset();
    const result = fn();
    return { result, calls: this.snapshot() };
  }
}
