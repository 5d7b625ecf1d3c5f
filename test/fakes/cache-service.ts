import { guard, type Guarded } from './guard';

type GCacheService = GoogleAppsScript.Cache.CacheService;
type GCache = GoogleAppsScript.Cache.Cache;

// CacheService as Apps Script documents it (developers.google.com/apps-script/reference/cache/cache):
// string values only; a key of at most 250 characters ("Argument too large: key"); at most 100 KB
// of data per key ("Argument too large: value"; counted here in UTF-8 bytes, the stricter reading
// for Japanese text); an expiration of 1 to 21,600 seconds (6 hours), 600 by default; null for a
// miss and getAll leaving misses out; at most 1,000 entries, above which the 900 farthest from
// expiry are kept. Time is the fakes' clock (the bundle's frozen clock in the harness), so a test
// moves past a TTL with setNow. Entries can also vanish early (evictAll), as Google warns.

export const CACHE_KEY_MAX = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_TTL_MAX_SECONDS = 21600;
export const CACHE_TTL_DEFAULT_SECONDS = 600;
export const CACHE_MAX_ENTRIES = 1000;
const CACHE_KEEP_ENTRIES = 900;

interface Entry { readonly value: string; readonly expires: number }

/** Bytes of `text` in UTF-8, by Node's own encoder: the fake measures as Google would, independently
 *  of the add-in's hand-written counter (src/domain/text/utf8-length.ts) that it is there to check. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

class CacheImpl implements Pick<GCache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  readonly _entries = new Map<string, Entry>();
  constructor(private readonly _ctx: Guarded, private readonly _now: () => number) {}

  private fail(message: string): Error {
    return new this._ctx.realm.Error(message);
  }

  private checkKey(key: unknown): string {
    if (typeof key !== 'string') throw this.fail('Invalid argument: key');
    if (key.length > CACHE_KEY_MAX) throw this.fail('Argument too large: key');
    return key;
  }

  private checkValue(value: unknown): string {
    if (typeof value !== 'string') throw this.fail('Invalid argument: value');
    if (utf8Bytes(value) > CACHE_VALUE_MAX_BYTES) throw this.fail('Argument too large: value');
    return value;
  }

  private ttl(seconds: unknown): number {
    if (seconds === undefined) return CACHE_TTL_DEFAULT_SECONDS;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > CACHE_TTL_MAX_SECONDS) {
      throw this.fail('Invalid argument: expirationInSeconds');
    }
    return seconds;
  }

  private live(key: string): Entry | null {
    const e = this._entries.get(key);
    if (!e) return null;
    if (e.expires <= this._now()) {
      this._entries.delete(key);
      return null;
    }
    return e;
  }

  private store(entries: readonly [string, string][], seconds: number): void {
    const expires = this._now() + seconds * 1000;
    for (const [k, v] of entries) this._entries.set(k, { value: v, expires });
    if (this._entries.size > CACHE_MAX_ENTRIES) {
      const kept = [...this._entries].sort(([, a], [, b]) => b.expires - a.expires).slice(0, CACHE_KEEP_ENTRIES);
      this._entries.clear();
      for (const [k, e] of kept) this._entries.set(k, e);
    }
  }

  get(key: string): string | null {
    return this.live(this.checkKey(key))?.value ?? null;
  }

  getAll(keys: string[]): { [key: string]: string } {
    if (!Array.isArray(keys)) throw this.fail('Invalid argument: keys');
    const out: Record<string, string> = {};
    for (const k of keys.map((key) => this.checkKey(key))) {
      const e = this.live(k);
      if (e) out[k] = e.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    // Every argument is checked before anything is stored, as one server call would.
    const entry: [string, string] = [this.checkKey(key), this.checkValue(value)];
    this.store([entry], this.ttl(expirationInSeconds));
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds?: number): void {
    if (typeof values !== 'object' || values === null) throw this.fail('Invalid argument: values');
    const entries = Object.entries(values).map(([k, v]): [string, string] => [this.checkKey(k), this.checkValue(v)]);
    this.store(entries, this.ttl(expirationInSeconds));
  }

  remove(key: string): void {
    this._entries.delete(this.checkKey(key));
  }

  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) throw this.fail('Invalid argument: keys');
    for (const k of keys.map((key) => this.checkKey(key))) this._entries.delete(k);
  }
}

export interface CacheHandles {
  /** What the document cache holds now (unexpired entries), as plain data. */
  documentEntries(): Record<string, string>;
  /** Google may drop any entry before its time: every entry of every cache goes. */
  evictAll(): void;
}

export class CacheServiceImpl implements Pick<GCacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'> {
  private readonly _document: { impl: CacheImpl; self: GCache };
  private readonly _script: { impl: CacheImpl; self: GCache };
  private readonly _users = new Map<string, { impl: CacheImpl; self: GCache }>();

  constructor(private readonly _ctx: Guarded, private readonly _bound: boolean, private readonly _now: () => number, private readonly _user: () => string) {
    this._document = this.make();
    this._script = this.make();
  }

  private make(): { impl: CacheImpl; self: GCache } {
    const impl = new CacheImpl(this._ctx, this._now);
    return { impl, self: guard<GCache>(impl, 'Cache', this._ctx) };
  }

  /** `now`: milliseconds since the epoch, the fakes' clock; `user`: who runs the script now. */
  static create(ctx: Guarded, bound: boolean, now: () => number, user: () => string): { service: GCacheService; handles: CacheHandles } {
    const impl = new CacheServiceImpl(ctx, bound, now, user);
    const handles: CacheHandles = {
      documentEntries: () => impl._document.impl.getAll([...impl._document.impl._entries.keys()]),
      evictAll: () => {
        for (const c of [impl._document, impl._script, ...impl._users.values()]) c.impl._entries.clear();
      },
    };
    return { service: guard<GCacheService>(impl, 'CacheService', ctx), handles };
  }

  /** Null in a script not bound to a document, as in Apps Script. Shared by every user of the document. */
  getDocumentCache(): GCache { return (this._bound ? this._document.self : null) as GCache; }
  getScriptCache(): GCache { return this._script.self; }
  /** One per user: the effective user of the run. */
  getUserCache(): GCache {
    const user = this._user();
    let c = this._users.get(user);
    if (!c) {
      c = this.make();
      this._users.set(user, c);
    }
    return c.self;
  }
}
