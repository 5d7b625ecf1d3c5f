// CacheService's limits (developers.google.com/apps-script/reference/cache/cache): a key of at most
// 250 characters, at most 100 KB of data a key, a life of 1 second to 6 hours. Both SharedCache
// adapters (src/gas/document-cache.ts, src/local/memory-shared-cache.ts) leave out an entry that
// does not fit instead of failing the run: a cache miss only costs a fresh read.

import { utf8Length } from '../../domain/text/utf8-length';

export const CACHE_KEY_MAX_CHARS = 250;
/** 100 KB read strictly: 100,000 bytes of UTF-8 (a kana is 3), under either reading of Google's "100KB". */
export const CACHE_VALUE_MAX_BYTES = 100_000;
export const CACHE_TTL_MIN_SECONDS = 1;
export const CACHE_TTL_MAX_SECONDS = 21_600;

/** The entries that fit, each value as its JSON text. */
export function cacheableEntries(entries: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (key.length === 0 || key.length > CACHE_KEY_MAX_CHARS) continue;
    const text = JSON.stringify(value);
    if (text === undefined || utf8Length(text) > CACHE_VALUE_MAX_BYTES) continue;
    out[key] = text;
  }
  return out;
}

/** `seconds` as a whole number inside CacheService's range. */
export function cacheTtl(seconds: number): number {
  const whole = Math.floor(Number.isFinite(seconds) ? seconds : CACHE_TTL_MIN_SECONDS);
  return Math.min(CACHE_TTL_MAX_SECONDS, Math.max(CACHE_TTL_MIN_SECONDS, whole));
}

/** A cached JSON text back as a value; undefined when it does not parse (treated as a miss). */
export function parseCached(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
