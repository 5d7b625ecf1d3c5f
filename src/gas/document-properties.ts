import type { KeyValueStore, Lock } from '../app/ports';
import { STORED_HEADLINE_KEY } from '../app/weekly/stored-headline';
import { FOLLOW_UPS_ROWS_PROPERTY } from '../app/follow-ups/list-bound';

type Properties = GoogleAppsScript.Properties.Properties;

/** The ID counters (next-id.ts: `ikigai.last_id.*`), written only through this store, under the lock. */
const COUNTER_PREFIX = 'ikigai.last_id.';

/** Also held: the stored 今週 figures (src/app/weekly/stored-headline.ts), written only through
 *  this store and under the lock too (every write moves them at its end: no second round trip),
 *  and how far down _継続支援's writers have written it (src/app/follow-ups/list-bound.ts: an append
 *  to the list moves it, written with the figures at the release). */
const HELD_KEYS: ReadonlySet<string> = new Set([STORED_HEADLINE_KEY, FOLLOW_UPS_ROWS_PROPERTY]);
const isHeld = (key: string): boolean => key.startsWith(COUNTER_PREFIX) || HELD_KEYS.has(key);

/**
 * The spreadsheet's document properties: one call per get, set or delete, but for the ID
 * counters and the stored figures while the script lock is held (`whileLocked`): the first of
 * them read reads every property in one getProperties and the run's later reads answer from it,
 * and what the run sets of them is written in ONE setProperties just before the lock is released
 * (a status change reads two counters and sets them and the figures: six round trips of ~50 ms
 * otherwise, two now). Only under the lock, because these change only under it (a value read
 * before the lock was taken may be another run's old one: the snapshot starts empty at every
 * tryLock and ends at release, and the next holder reads what this one wrote, since the write
 * precedes the release), and only these keys, which no other adapter writes (the trigger owner and
 * the sign-up ledger are written through PropertiesService elsewhere and are always read afresh).
 * The write at release happens also when the run failed half-way (as its rows do: the write
 * boundary flushes them all the same). But a run can end with its rows written and no release
 * run: killed at the execution time limit (no `finally` runs; Apps Script frees the lock itself),
 * or its setProperties failing (a Properties outage, the quota). A counter behind the IDs in the
 * tabs would then issue them again, and 活動記録 has no free-ID check besides it. So counters set
 * under the lock are written ahead of the first sheet write after them (`beforeSheetWrite`, which
 * the spreadsheet's store calls: src/gas/google-ports.ts), in one setProperties with whatever
 * else is pending, as the counter used to be written before the row; the figures, set after the
 * run's rows, wait for the release — unless the writer moved them ahead of its rows
 * (app/shared/figure-changes.ts `ahead`), when they go out with the counter and the release has
 * nothing left to write. A run that issues IDs and moves a figure after its rows pays two
 * setProperties; one that fails or is killed after its rows leaves a gap in the IDs, never a twin.
 * Deletes, and sets of any other key, are written at once.
 */
export class DocumentProperties implements KeyValueStore {
  private props: Properties | null = null;
  private locked = false;
  private held: Map<string, string> | null = null;
  /** Held keys set under the lock, written at release. */
  private readonly pending = new Map<string, string>();

  private p(): Properties {
    // Null only in a script not bound to a document; the script's own properties stand in then.
    this.props ??= PropertiesService.getDocumentProperties() ?? PropertiesService.getScriptProperties();
    return this.props;
  }

  get(key: string): string | null {
    if (!this.locked || !isHeld(key)) return this.p().getProperty(key);
    if (this.pending.has(key)) return this.pending.get(key) ?? null;
    this.held ??= new Map(Object.entries(this.p().getProperties()));
    return this.held.get(key) ?? null;
  }

  /** One getProperties whatever the number of keys (a getProperty each would be a round trip
   *  each), always read afresh (the keys asked may be written outside the lock: the edit
   *  trigger's stamps); a held key this run set under the lock answers what it set. Under the lock
   *  that read is also the held keys' snapshot when none was taken yet, so a later get of one (the
   *  stored figures, moved at the write's end) needs no second read. */
  getMany(keys: readonly string[]): Record<string, string> {
    const all = this.p().getProperties();
    if (this.locked) this.held ??= new Map(Object.entries(all));
    const out: Record<string, string> = {};
    for (const k of keys) {
      const mine = this.locked && isHeld(k) ? this.pending.get(k) : undefined;
      if (mine !== undefined) out[k] = mine;
      else if (Object.prototype.hasOwnProperty.call(all, k)) out[k] = String(all[k]);
    }
    return out;
  }

  set(key: string, value: string): void {
    if (this.locked && isHeld(key)) {
      this.pending.set(key, value);
      return;
    }
    this.p().setProperty(key, value);
    this.held?.set(key, value);
  }

  delete(key: string): void {
    this.pending.delete(key);
    this.p().deleteProperty(key);
    this.held?.delete(key);
  }

  /** What the run set of the held keys, in one setProperties (none when it set nothing); kept in
   *  the snapshot, so the run's later reads answer what was written. A setProperties that fails
   *  leaves them pending, still what the run's reads answer, and sent again at the release: the
   *  figures moved ahead of a write that then fails are moved back from what was set (figure-changes.ts),
   *  not from the value before it. */
  private writePending(): void {
    if (this.pending.size === 0) return;
    const entries = Object.fromEntries(this.pending);
    this.p().setProperties(entries);
    this.pending.clear();
    for (const [k, v] of Object.entries(entries)) this.held?.set(k, v);
  }

  /** Before a write of the spreadsheet: a counter set since the last write goes first (with
   *  whatever else is pending), so no row carries an ID its counter is behind. */
  beforeSheetWrite(): void {
    if (!this.locked) return;
    for (const key of this.pending.keys()) {
      if (key.startsWith(COUNTER_PREFIX)) {
        this.writePending();
        return;
      }
    }
  }

  /** `lock`, telling these properties when it is held: from a successful tryLock to release (or
   *  to the section's end when the lock is left to the run's end: what is pending is written then,
   *  before the run ends and frees the lock). */
  whileLocked(lock: Lock): Lock {
    const end = (free: () => void): void => {
      try {
        this.writePending();
      } finally {
        this.locked = false;
        this.held = null;
        this.pending.clear();
        free();
      }
    };
    const leave = lock.leaveToRunEnd?.bind(lock);
    return {
      tryLock: (ms) => {
        this.held = null;
        this.pending.clear();
        this.locked = lock.tryLock(ms);
        return this.locked;
      },
      release: () => end(() => lock.release()),
      ...(leave ? { leaveToRunEnd: () => end(leave) } : {}),
    };
  }
}
