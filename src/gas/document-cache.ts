import type { SharedCache } from '../app/ports';
import { cacheableEntries, cacheTtl, parseCached } from '../app/shared/cache-limits';

type Cache = GoogleAppsScript.Cache.Cache;

/**
 * The desk's SharedCache: CacheService.getDocumentCache(), shared by every person and trigger run
 * on this spreadsheet. Values go in as JSON text; an entry over CacheService's limits is left out.
 * CacheService failing (or a script with no document) costs a fresh read, never the call: every
 * method answers as a miss and logs. Each method is one call: getAll, putAll, removeAll.
 */
export class DocumentCache implements SharedCache {
  private cache: Cache | null | undefined;

  private handle(): Cache | null {
    if (this.cache === undefined) {
      try {
        this.cache = CacheService.getDocumentCache();
      } catch (error) {
        console.warn(`CacheService unavailable: ${String(error)}`);
        this.cache = null;
      }
    }
    return this.cache;
  }

  getAll(keys: readonly string[]): Record<string, unknown> {
    const cache = this.handle();
    if (!cache || keys.length === 0) return {};
    try {
      const found = cache.getAll([...keys]) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const value = parseCached(found[key]);
        if (value !== undefined) out[key] = value;
      }
      return out;
    } catch (error) {
      console.warn(`CacheService getAll failed: ${String(error)}`);
      return {};
    }
  }

  putAll(entries: Readonly<Record<string, unknown>>, ttlSeconds: number): void {
    const cache = this.handle();
    const texts = cacheableEntries(entries);
    if (!cache || Object.keys(texts).length === 0) return;
    try {
      cache.putAll(texts, cacheTtl(ttlSeconds));
    } catch (error) {
      console.warn(`CacheService putAll failed: ${String(error)}`);
    }
  }

  removeAll(keys: readonly string[]): void {
    const cache = this.handle();
    if (!cache || keys.length === 0) return;
    try {
      cache.removeAll([...keys]);
    } catch (error) {
      // The entries then live out their TTL: the bound the design gives (design/README.md).
      console.warn(`CacheService removeAll failed: ${String(error)}`);
    }
  }
}
