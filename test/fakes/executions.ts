// Apps Script batches a run's spreadsheet writes and sends them when it must: before the same run
// reads (a run always sees its own writes), on SpreadsheetApp.flush(), and when the run ends. So
// a row written just before LockService's releaseLock may not be there yet for the next run that
// takes the lock: Google's Lock documentation says to flush first. The fake models that once a
// test begins naming executions (begin); until then every write lands at once, as before.
export class Executions {
  private current = 'main';
  private deferring = false;
  private readonly pending = new Map<string, (() => void)[]>();
  /** What each execution started by `run` does when it ends, innermost last. */
  private readonly runs: (() => void)[][] = [];

  /**
   * `body` as one execution of the script (a bundle function called as Apps Script calls it: the
   * harness runs each so): what it left for its end happens when it returns or throws — the locks
   * it still holds are freed, as Google's Lock.releaseLock documentation says ("The lock is
   * automatically released when the script terminates",
   * https://developers.google.com/apps-script/reference/lock/lock#releaseLock()). A run inside a
   * run is another execution meanwhile (a second person's call while the first one's runs).
   */
  run<T>(body: () => T): T {
    this.runs.push([]);
    try {
      return body();
    } finally {
      for (const atEnd of this.runs.pop() ?? []) atEnd();
    }
  }

  /** For the end of the execution `run` is running (outside any, a test's own calls, whose
   *  execution never ends: nothing). */
  atEnd(f: () => void): void {
    this.runs[this.runs.length - 1]?.push(f);
  }

  /** From now on writes are held per execution; `id` is the one running. */
  begin(id: string): void {
    this.deferring = true;
    this.current = id;
  }

  /** The run `id` ends: Apps Script sends whatever it still held. */
  end(id: string): void {
    this.commit(id);
  }

  /** A write of the running execution: applied now, or held until it flushes, reads or ends. */
  write(apply: () => void): void {
    if (!this.deferring) { apply(); return; }
    const list = this.pending.get(this.current) ?? [];
    list.push(apply);
    this.pending.set(this.current, list);
  }

  /** Before any read: the running execution sees its own writes. */
  beforeRead(): void {
    this.commit(this.current);
  }

  flush(): void {
    this.commit(this.current);
  }

  /** Writes still held for `id` (a test's assertion that a run flushed before releasing). */
  held(id: string): number {
    return this.pending.get(id)?.length ?? 0;
  }

  private commit(id: string): void {
    const list = this.pending.get(id);
    if (!list) return;
    this.pending.delete(id);
    for (const apply of list) apply();
  }
}
