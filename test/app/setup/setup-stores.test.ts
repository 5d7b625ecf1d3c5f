import { runSetup, type SetupPorts } from '../../../src/app/setup/run-setup';
import { allSetupTabs } from '../../../src/domain/setup/output-tabs';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { MemorySetupSurface } from '../../../src/local/memory-setup-surface';
import { MemoryKeyValueStore } from '../../../src/local/memory-key-value-store';
import { readCandidateIndex } from '../../../src/app/matching/candidate-index';
import { parseTotalsTab } from '../../../src/domain/weekly/activity-totals-tab';

// Setup makes the add-in's stores (workbook.md "Written by the add-in"): `_候補索引` and `_活動集計`
// besides `_継続支援`, built at once so the first ranking and the first weekly run read them
// instead of making them, protected with a warning like the other add-in tabs; a second run
// changes nothing, and a store that is already there (made by its first reader on a desk set up
// before) is left as it is — only its protection is added, once.
const NOW = new Date('2015-03-20T00:00:00Z');

/** The memory surface remembers frozen rows and protection as Sheets does: one per workbook. */
const surfaces = new WeakMap<MemoryTableStore, { surface: MemorySetupSurface; properties: MemoryKeyValueStore }>();

function ports(inner: MemoryTableStore): { p: SetupPorts; surface: MemorySetupSurface; writes: string[] } {
  const kept = surfaces.get(inner) ?? { surface: new MemorySetupSurface(inner), properties: new MemoryKeyValueStore() };
  surfaces.set(inner, kept);
  const { surface, properties } = kept;
  // Each run's own count of format steps.
  surface.calls.applyFormats = 0;
  const writes: string[] = [];
  const store = Object.assign(Object.create(Object.getPrototypeOf(inner) as object) as MemoryTableStore, inner);
  for (const m of ['replace', 'appendCells', 'writeCells'] as const) {
    const original = inner[m].bind(inner) as (...a: unknown[]) => void;
    (store as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => { writes.push(`${m} ${String(a[0])}`); original(...a); };
  }
  for (const m of ['read', 'header', 'tabNames', 'readColumns', 'readTail', 'findRows', 'readFrom', 'flush'] as const) {
    const original = (inner[m] as (...a: unknown[]) => unknown).bind(inner);
    (store as unknown as Record<string, unknown>)[m] = original;
  }
  return { p: { surface, store, properties, user: { email: () => 'kanri@kashiwa-silver.example' }, clock: { now: () => NOW } }, surface, writes };
}

describe('setup makes the add-in\'s stores', () => {
  test('an empty workbook: _候補索引 and _活動集計 built, hidden names, protected, in the center\'s language', () => {
    const inner = new MemoryTableStore();
    const { p, surface } = ports(inner);
    runSetup(p, { tabs: allSetupTabs(), initial: { centerName: 'Kashiwa', language: 'en', weeklyDay: 0, weeklyHour: 8 } });
    expect(inner.tabNames().filter((n) => n.startsWith('_'))).toEqual(['_FollowUps', '_会員検索', '_仕事検索', '_候補索引', '_ActivityTotals']);
    // The index: its stamp row and every bucket, readable as the ranking reads it.
    const index = readCandidateIndex(inner, '2015-03-20');
    expect(index).toMatchObject({ ok: true, built: '2015-03-20', entries: [] });
    expect(inner.read(['_候補索引'])?.header).toEqual(['区分', '会員数', '索引', '仕事']);
    // The totals: English header, the mark of no row counted yet, counted today.
    const totals = inner.read(['_ActivityTotals']);
    expect(totals?.header).toEqual(['key', 'value']);
    expect(parseTotalsTab(totals)?.mark).toMatchObject({ row: 1, recounted: '2015-03-20', stale: false });
    for (const name of ['_FollowUps', '_候補索引', '_ActivityTotals']) expect(surface.protectedTabs.has(name)).toBe(true);
  });

  test('run twice: the second run writes nothing to them (nor anything else)', () => {
    const inner = new MemoryTableStore();
    const first = ports(inner);
    runSetup(first.p, { tabs: allSetupTabs() });
    const before = JSON.stringify(['_候補索引', '_活動集計'].map((n) => inner.read([n])));
    const second = ports(inner);
    const again = runSetup(second.p, { tabs: allSetupTabs() });
    expect(again.changed).toBe(false);
    expect(second.writes).toEqual([]);
    expect(JSON.stringify(['_候補索引', '_活動集計'].map((n) => inner.read([n])))).toBe(before);
  });

  test('a desk whose stores their readers made: left as they are, protected by the next setup, once', () => {
    const inner = new MemoryTableStore();
    const first = ports(inner);
    // Set up before setup made them: every tab but the two stores.
    runSetup(first.p, { tabs: allSetupTabs().filter((t) => t.key !== 'candidate_index' && t.key !== 'activity_totals') });
    // Their first readers made them (content that is theirs, yesterday's index).
    inner.replace('_候補索引', ['区分', '会員数', '索引', '仕事'], [['#', 0, '{"v":3,"built":"2015-03-19","buckets":1024}', '']]);
    inner.replace('_活動集計', ['キー', '値'], [['mark', '{"v":1,"row":1,"id":"","recounted":"2015-03-19","stale":false,"problems":0}']]);
    const before = JSON.stringify(['_候補索引', '_活動集計'].map((n) => inner.read([n])));
    const second = ports(inner);
    runSetup(second.p, { tabs: allSetupTabs() });
    expect(second.writes.filter((w) => w.includes('_'))).toEqual([]);
    expect(JSON.stringify(['_候補索引', '_活動集計'].map((n) => inner.read([n])))).toBe(before);
    expect([...second.surface.protectedTabs].filter((n) => n.startsWith('_')).sort()).toEqual(['_会員検索', '_仕事検索', '_候補索引', '_活動集計', '_継続支援'].sort());
    expect(second.surface.calls.applyFormats).toBe(2);
    const third = ports(inner);
    runSetup(third.p, { tabs: allSetupTabs() });
    expect(third.surface.calls.applyFormats ?? 0).toBe(0);
  });
});
