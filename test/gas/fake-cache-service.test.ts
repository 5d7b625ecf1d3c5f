import { CACHE_KEY_MAX, CACHE_VALUE_MAX_BYTES, installFakes, type FakeHandles } from '../fakes';
import { utf8Bytes } from '../fakes/cache-service';

// The fake CacheService holds the adapters to Google's documented limits (Cache reference page):
// strings only, keys ≤ 250 characters, ≤ 100 KB a value, 1 s … 6 h of life (10 min by default),
// null for a miss, at most 1,000 entries; and it keeps the fakes' time, so a TTL runs out only
// when the clock moves.
describe('the fake CacheService', () => {
  let fakes: FakeHandles;
  let now = Date.parse('2026-12-07T00:00:00Z');
  beforeEach(() => {
    now = Date.parse('2026-12-07T00:00:00Z');
    fakes = installFakes(globalThis, { clock: () => now });
  });
  afterEach(() => fakes.uninstall());

  it('answers null for a miss, and getAll leaves misses out', () => {
    const cache = CacheService.getDocumentCache()!;
    expect(cache.get('nothing')).toBeNull();
    cache.put('a', '1');
    cache.putAll({ b: '2', c: '3' });
    expect(cache.getAll(['a', 'b', 'x', 'c'])).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('forgets an entry when its time is up, not a millisecond before', () => {
    const cache = CacheService.getDocumentCache()!;
    cache.put('k', 'v', 300);
    now += 299_999;
    expect(cache.get('k')).toBe('v');
    now += 1;
    expect(cache.get('k')).toBeNull();
    // No expiration given: 600 s.
    cache.putAll({ d: 'x' });
    now += 599_000;
    expect(cache.getAll(['d'])).toEqual({ d: 'x' });
    now += 1_000;
    expect(cache.getAll(['d'])).toEqual({});
  });

  it('removes one entry or many', () => {
    const cache = CacheService.getDocumentCache()!;
    cache.putAll({ a: '1', b: '2', c: '3' }, 60);
    cache.remove('a');
    cache.removeAll(['b', 'not-there']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  it('refuses a key over 250 characters, a value over 100 KB, a non-string value and a life outside 1 s … 6 h, storing nothing', () => {
    const cache = CacheService.getDocumentCache()!;
    const key250 = 'k'.repeat(CACHE_KEY_MAX);
    cache.put(key250, 'ok');
    expect(cache.get(key250)).toBe('ok');
    expect(() => cache.put(`${key250}k`, 'v')).toThrow('Argument too large: key');
    expect(() => cache.get(`${key250}k`)).toThrow('Argument too large: key');
    // 100 KB of ASCII fits; 34,134 kana are 102,402 bytes in UTF-8 (3 each): too large.
    cache.put('ascii', 'a'.repeat(CACHE_VALUE_MAX_BYTES));
    const kana = 'ア'.repeat(34_134);
    expect(utf8Bytes(kana)).toBe(102_402);
    expect(() => cache.put('kana', kana)).toThrow('Argument too large: value');
    // putAll checks every entry first: one bad value stores none of them.
    expect(() => cache.putAll({ fine: 'x', big: kana })).toThrow('Argument too large: value');
    expect(cache.get('fine')).toBeNull();
    expect(() => cache.put('n', 5 as unknown as string)).toThrow('Invalid argument: value');
    expect(() => cache.put('t', 'v', 0)).toThrow('Invalid argument: expirationInSeconds');
    expect(() => cache.put('t', 'v', 21_601)).toThrow('Invalid argument: expirationInSeconds');
    cache.put('t', 'v', 21_600);
    expect(fakes.cache.documentEntries()).toEqual({ [key250]: 'ok', ascii: 'a'.repeat(CACHE_VALUE_MAX_BYTES), t: 'v' });
  });

  it('keeps the 900 entries farthest from expiry once more than 1,000 are written', () => {
    const cache = CacheService.getScriptCache();
    for (let i = 0; i < 1000; i += 1) cache.put(`k${i}`, 'v', 100 + i);
    expect(Object.keys(cache.getAll(Array.from({ length: 1000 }, (_, i) => `k${i}`)))).toHaveLength(1000);
    cache.put('last', 'v', 5000);
    const left = cache.getAll([...Array.from({ length: 1000 }, (_, i) => `k${i}`), 'last']);
    expect(Object.keys(left)).toHaveLength(900);
    // 1,001 entries: 'last' (5,000 s) and k0…k999 (100 … 1,099 s). The 900 farthest from expiry are
    // 'last' and k999 down to k101 (899 of them); k100 and below go.
    expect(left.last).toBe('v');
    expect(left.k101).toBe('v');
    expect(left.k100).toBeUndefined();
  });

  it('shares the document cache between users, keeps one user cache each, and has no document cache unbound', () => {
    CacheService.getDocumentCache()!.put('shared', 'yes');
    CacheService.getUserCache().put('mine', 'a');
    fakes.actAs('other@example.org');
    expect(CacheService.getDocumentCache()!.get('shared')).toBe('yes');
    expect(CacheService.getUserCache().get('mine')).toBeNull();
    fakes.uninstall();
    fakes = installFakes(globalThis, { bound: false });
    expect(CacheService.getDocumentCache()).toBeNull();
  });

  it('may lose everything before its time, as Google warns, and counts every call as a round trip', () => {
    fakes.log.reset();
    const cache = CacheService.getDocumentCache()!;
    cache.putAll({ a: '1' }, 300);
    cache.getAll(['a']);
    fakes.cache.evictAll();
    expect(cache.get('a')).toBeNull();
    expect(fakes.log.budget()).toMatchObject({ total: 4, roundTrips: 3 });
    expect(fakes.log.snapshot().byMethod).toEqual({ 'Cache.get': 1, 'Cache.getAll': 1, 'Cache.putAll': 1, 'CacheService.getDocumentCache': 1 });
  });
});
