import type { KeyValueStore, Lock } from '../app/ports';
import { STORED_HEADLINE_KEY } from '../app/weekly/stored-headline';

type Properties = GoogleAppsScript.Properties.Properties;

/** The ID counters (next-id.ts: `ikigai.last_id.*`), written only through this store, under the lock. */
const COUNTER_PREFIX = 'ikigai.last_id.';

/** Also held: the stored 今週 figures (src/app/weekly/stored-headline.ts), written only through
 *  this store and under the lock too (every write moves them at its end: no second round trip). */
const HELD_KEYS: ReadonlySet<string> = new Set([STORED_HEADLINE_KEY]);
const isHeld = (key: string): boolean => key.startsWith(COUNTER_PREFIX) || HELD_KEYS.has(key);

/**
 * The spreadsheet's document properties: one call per get, set or delete, but for the ID
 * counters while the script lock is held (`whileLocked`): the first counter read reads every
 * property in one getProperties and the run's later counter reads answer from it. A status change
 * reads two counters (matches and activities), a team proposal four, each a round trip (~50 ms)
 * otherwise. Only under the lock, because the counters change only under it (a value read before
 * the lock was taken may be another run's old one: the snapshot starts empty at every tryLock and
 * ends at release), and only the counters, which no other adapter writes (the trigger owner and
 * the sign-up ledger are written through PropertiesService elsewhere and are always read afresh).
 * Sets and deletes are written at once, as before, and kept in the snapshot.
 */
export class DocumentProperties implements KeyValueStore {
  private props: Properties | null = null;
  private locked = false;
  private held: Map<string, string> | null = null;

  private p(): Properties {
    // Null only in a script not bound to a document; the script's own properties stand in then.
    this.props ??= PropertiesService.getDocumentProperties() ?? PropertiesService.getScriptProperties();
    return this.props;
  }

  get(key: string): string | null {
    if (!this.locked || !isHeld(key)) return this.p().getProperty(key);
    this.held ??= new Map(Object.entries(this.p().getProperties()));
    return this.held.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.p().setProperty(key, value);
    this.held?.set(key, value);
  }

  delete(key: string): void {
    this.p().deleteProperty(key);
    this.held?.delete(key);
  }

  /** `lock`, telling these properties when it is held: from a successful tryLock to release. */
  whileLocked(lock: Lock): Lock {
    return {
      tryLock: (ms) => {
        this.held = null;
        this.locked = lock.tryLock(ms);
        return this.locked;
      },
      release: () => {
        this.locked = false;
        this.held = null;
        lock.release();
      },
    };
  }
}
