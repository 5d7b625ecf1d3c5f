import type { Lock, TableStore } from '../ports';

// The one way anything changes the workbook, on Google and locally alike: the script lock is
// taken (one writer at a time, whoever started the run: a sidebar click, a trigger, a menu), the
// use case runs, the store is flushed, and only then is the lock released. Sheets batches a run's
// writes; without the flush the next run to take the lock may not see this run's last row yet,
// and two saves land on the same row (Google's LockService documentation says to flush first).
// A run that cannot get the lock changes nothing and says so.

/** How long a writer waits for another person's save before saying "busy". */
export const LOCK_WAIT_MS = 5000;

export interface WritePorts {
  readonly lock: Lock;
  readonly store: Pick<TableStore, 'flush'>;
}

export type Locked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly busy: true };

/** `lastSection`: the run takes the lock no more after this section and does nothing that needs
 *  it freed sooner (a sidebar call's write: one google.script.run call is one execution, and it
 *  only answers after its write), so the lock may be left to the run's end, which frees it
 *  (`Lock.leaveToRunEnd`; a lock without it is released). */
export function underWriteLock<T>(ports: WritePorts, body: () => T, waitMs: number = LOCK_WAIT_MS, lastSection = false): Locked<T> {
  if (!ports.lock.tryLock(waitMs)) return { ok: false, busy: true };
  try {
    return { ok: true, value: body() };
  } finally {
    // Flushed even when the use case failed half-way: what it did write must be seen by the
    // next holder, never land after it.
    try {
      ports.store.flush();
    } finally {
      if (lastSection && ports.lock.leaveToRunEnd) ports.lock.leaveToRunEnd();
      else ports.lock.release();
    }
  }
}
