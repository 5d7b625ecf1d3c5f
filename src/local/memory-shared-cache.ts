import type { Clock, SharedCache } from '../app/ports';
import { cacheableEntries, cacheTtl, parseCached } from '../app/shared/cache-limits';

/** The SharedCache in memory, for local runs and tests: the same limits as CacheService, values
 *  kept as JSON text (so a reader gets a copy, as from Google), time from `clock`. */
export class MemorySharedCache implements SharedCache {
  private readonly entries = new Map<string, { text: string; expires: number }>();

  constructor(private readonly clock: Clock) {}

  getAll(keys: readonly string[]): Record<string, unknown> {
    const now = this.clock.now().getTime();
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      if (entry.expires <= now) {
        this.entries.delete(key);
        continue;
      }
      const value = parseCached(entry.text);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  putAll(entries: Readonly<Record<string, unknown>>, ttlSeconds: number): void {
    const expires = this.clock.now().getTime() + cacheTtl(ttlSeconds) * 1000;
    for (const [key, text] of Object.entries(cacheableEntries(entries))) this.entries.set(key, { text, expires });
  }

  removeAll(keys: readonly string[]): void {
    for (const key of keys) this.entries.delete(key);
  }
}
