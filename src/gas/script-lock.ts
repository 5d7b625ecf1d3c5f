import type { Lock } from '../app/ports';

type LockSource = () => GoogleAppsScript.Lock.Lock | null;

/** A LockService lock, fetched on first use. */
class ServiceLock implements Lock {
  private lock: GoogleAppsScript.Lock.Lock | null = null;
  constructor(private readonly source: LockSource) {}

  private get(): GoogleAppsScript.Lock.Lock {
    // getDocumentLock answers null in a script not bound to a document; the script lock is then
    // the narrowest lock that still keeps two runs apart.
    this.lock ??= this.source() ?? LockService.getScriptLock();
    return this.lock;
  }

  tryLock(ms: number): boolean {
    return this.get().tryLock(ms);
  }

  release(): void {
    if (this.lock) this.lock.releaseLock();
  }

  /** No call: Google's Lock.releaseLock documentation says "The lock is automatically released
   *  when the script terminates" (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()),
   *  so a run whose locked section is its last (a sidebar call's write, flushed) leaves it to that. */
  leaveToRunEnd(): void {
    return undefined;
  }
}

/** One lock for every run of the script (triggers, menus, sidebar calls): the default. */
export function scriptLock(): Lock {
  return new ServiceLock(() => LockService.getScriptLock());
}

/** One lock per spreadsheet the add-in is bound to. No writer uses it: they all hold the script
 *  lock (src/app/shared/write-boundary.ts), since a second lock would not keep a trigger run and
 *  a sidebar save apart. */
export function documentLock(): Lock {
  return new ServiceLock(() => LockService.getDocumentLock());
}
