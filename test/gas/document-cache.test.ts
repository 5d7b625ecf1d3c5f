import { installFakes, type FakeHandles } from '../fakes';
import { DocumentCache } from '../../src/gas/document-cache';

// The Google adapter of SharedCache over the fake CacheService: JSON in and out, one call per
// method, an entry over Google's limits left out (never an error), and a cache that fails or is
// missing answering as a miss, so the desk reads fresh instead of failing the call.
describe('DocumentCache', () => {
  let fakes: FakeHandles;
  let now = 0;
  beforeEach(() => {
    now = Date.parse('2026-12-07T00:00:00Z');
    fakes = installFakes(globalThis, { clock: () => now });
  });
  afterEach(() => fakes.uninstall());

  it('keeps JSON values for the TTL asked for, one call each for getAll, putAll and removeAll', () => {
    const cache = new DocumentCache();
    fakes.log.reset();
    cache.putAll({ a: { name: '設定', header: ['項目', '値'], rows: [['言語', 'ja'], ['日', { date: '2026-12-07' }]] }, b: 1 }, 300);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ a: { name: '設定', header: ['項目', '値'], rows: [['言語', 'ja'], ['日', { date: '2026-12-07' }]] }, b: 1 });
    expect(fakes.cache.documentEntries().b).toBe('1');
    cache.removeAll(['a']);
    expect(fakes.log.snapshot().byMethod).toEqual({ 'CacheService.getDocumentCache': 1, 'Cache.putAll': 1, 'Cache.getAll': 1, 'Cache.removeAll': 1 });
    now += 300_000;
    expect(cache.getAll(['a', 'b'])).toEqual({});
  });

  it('leaves out what Google would refuse and stores the rest', () => {
    const cache = new DocumentCache();
    // 34,000 kana are 102,000 bytes: over Google's 100 KB as the fake counts it, and over the adapter's 100,000.
    cache.putAll({ ['k'.repeat(251)]: 1, big: 'ア'.repeat(34_000), fine: 'ok' }, 60);
    expect(fakes.cache.documentEntries()).toEqual({ fine: '"ok"' });
    // A life outside 1 s … 6 h is brought inside it.
    cache.putAll({ long: 1 }, 99_999);
    cache.putAll({ short: 1 }, 0);
    now += 1_000;
    expect(cache.getAll(['long', 'short'])).toEqual({ long: 1 });
  });

  it('answers a miss when the cache fails, holds text that is not JSON, or the script has no document', () => {
    const cache = new DocumentCache();
    CacheService.getDocumentCache()!.put('bad', '{not json');
    expect(cache.getAll(['bad'])).toEqual({});
    const fail = (): never => { throw new Error('Service error: CacheService'); };
    const broken = { getAll: fail, putAll: fail, removeAll: fail };
    (globalThis as { CacheService: unknown }).CacheService = { getDocumentCache: () => broken };
    const failing = new DocumentCache();
    expect(failing.getAll(['a'])).toEqual({});
    expect(() => failing.putAll({ a: 1 }, 60)).not.toThrow();
    expect(() => failing.removeAll(['a'])).not.toThrow();
    fakes.uninstall();
    fakes = installFakes(globalThis, { bound: false });
    const unbound = new DocumentCache();
    unbound.putAll({ a: 1 }, 60);
    expect(unbound.getAll(['a'])).toEqual({});
  });
});
