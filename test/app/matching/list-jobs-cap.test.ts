import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import type { ApiResult } from '../../../src/app/shared/api-types';
import type { TableStore } from '../../../src/app/ports';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import type { Cell } from '../../../src/domain/cell';
import { sidebarPorts, sidebarTables } from '../sidebar/sidebar-fixture';

const d = (date: string): Cell => ({ date });

// listJobs without a query (the picker's 「充足・終了も表示」 at a small center) answers at most
// 設定 仕事一覧の上限 jobs: past it the answer is `cut` with no job, and the picker searches instead.
// It must never read more at a bigger center (issue 15: it answered every job, 277 KB and 440,008
// cells at 50,000 members): past the limit of open jobs it reads no tab at all (the stored picker
// sizes say so), otherwise 仕事's last limit + 1 rows, and マッチング only for a list it sends.
const quiet = (): void => undefined;
function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}

/** The fixture with more jobs in 仕事: `closed` 終了 ones after J001 and J002 (both 募集中). */
function withClosedJobs(closed: number): MemoryTableStore {
  const tables = sidebarTables().map((t) => (t.name !== '仕事' ? t : {
    ...t,
    rows: [...t.rows, ...Array.from({ length: closed }, (_, i) => [`J1${String(i).padStart(2, '0')}`, 'C001', `古い仕事 ${i}`, '清掃', '請負', null, '月AM', 1, '柏', d('2024-06-01'), null, '', false, '終了', d('2024-05-20'), null])],
  }));
  return MemoryTableStore.from(tables);
}

/** Which tabs a call reads, and how (the memory store's own reads, counted by name). */
function counting(store: MemoryTableStore): { store: MemoryTableStore; reads: string[] } {
  const reads: string[] = [];
  const wrap = <K extends 'read' | 'readColumns' | 'readTail' | 'findRows' | 'readFrom'>(key: K): void => {
    const original = store[key] as unknown as ((...a: unknown[]) => unknown) | undefined;
    if (!original) return;
    (store as unknown as Record<K, unknown>)[key] = (...args: unknown[]) => {
      reads.push(`${key} ${String((args[0] as readonly string[])[0])}`);
      return original.apply(store, args);
    };
  };
  (['read', 'readColumns', 'readTail', 'findRows', 'readFrom'] as const).forEach(wrap);
  return { store, reads };
}

describe('listJobs without a query: at most 仕事一覧の上限 jobs, cut past it', () => {
  test('below the limit: every open job, or every job, with its places (as before)', () => {
    const api = createSidebarApi(sidebarPorts(undefined, withClosedJobs(1)), quiet);
    expect(ok(api.listJobs()).jobs.map((j) => [j.id, j.places_left])).toEqual([['J002', 1], ['J001', 2]]);
    expect(ok(api.listJobs()).cut).toBeUndefined();
    expect(ok(api.listJobs({ include_all: true })).jobs.map((j) => [j.id, j.status])).toEqual([['J002', 'open'], ['J001', 'open'], ['J100', 'closed']]);
  });

  test('more open jobs than the limit: cut, and no tab read (the stored picker sizes tell)', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quiet, { jobListLimit: 1 });
    ok(api.sidebarBootstrap()); // the stored figures, as the sidebar's open leaves them
    const { reads } = counting(ports.store);
    const out = ok(api.listJobs());
    expect(out).toEqual({ jobs: [], total: 2, cut: true });
    expect(reads.filter((r) => !r.includes('設定') && !r.includes('コーディネータ'))).toEqual([]);
  });

  test('every job asked, more than the limit: cut after 仕事\'s last limit + 1 rows, マッチング never read', () => {
    const ports = sidebarPorts(undefined, withClosedJobs(1));
    const api = createSidebarApi(ports, quiet, { jobListLimit: 2 });
    ok(api.sidebarBootstrap());
    const { reads } = counting(ports.store);
    // Two jobs not 終了: the bootstrap's list is sent, and the open ones are answered.
    expect(ok(api.listJobs()).jobs.map((j) => j.id)).toEqual(['J002', 'J001']);
    reads.length = 0;
    // With 終了: three jobs past a limit of two — cut, from the tail of 仕事 alone.
    expect(ok(api.listJobs({ include_all: true }))).toEqual({ jobs: [], total: 3, cut: true });
    expect(reads.filter((r) => !r.includes('設定') && !r.includes('コーディネータ'))).toEqual(['readTail 仕事']);
  });

  test('rows above the window (a small center whose 終了 jobs piled up): cut, whatever the open jobs', () => {
    const ports = sidebarPorts(undefined, withClosedJobs(5));
    const api = createSidebarApi(ports, quiet, { jobListLimit: 2 });
    ok(api.sidebarBootstrap());
    // Two open jobs, at the top of 仕事: not among its last three rows, so the list cannot be told whole.
    expect(ok(api.listJobs())).toMatchObject({ jobs: [], cut: true });
    expect(ok(api.listJobs({ include_all: true }))).toMatchObject({ jobs: [], cut: true });
  });

  test('a center\'s own column filled down past the jobs: the jobs are still listed, not cut', () => {
    // 仕事 with a 備考（センター） formula column dragged to row 300: the tab's last rows hold no job.
    const tables = sidebarTables().map((t) => (t.name !== '仕事' ? t : {
      ...t,
      header: [...t.header, '備考（センター）'],
      rows: [...t.rows.map((r) => [...r, ...Array.from({ length: Math.max(0, t.header.length - r.length) }, () => null), '=""']),
        ...Array.from({ length: 300 }, () => [...t.header.map(() => null), '=""'])],
    }));
    const ports = sidebarPorts(undefined, MemoryTableStore.from(tables));
    const api = createSidebarApi(ports, quiet, { jobListLimit: 200 });
    ok(api.sidebarBootstrap());
    const out = ok(api.listJobs());
    expect(out.cut).toBeUndefined();
    expect(out.jobs.map((j) => j.id)).toEqual(['J002', 'J001']);
    expect(ok(api.listJobs({ include_all: true })).jobs.map((j) => j.id)).toEqual(['J002', 'J001']);
  });

  test('a store that only reads whole tabs (a test\'s wrapper) answers the same', () => {
    const inner = withClosedJobs(1);
    const plain: TableStore = {
      read: (n) => inner.read(n), header: (n) => inner.header(n), replace: (...a) => inner.replace(...a), appendCells: (...a) => inner.appendCells(...a),
      writeCells: (...a) => inner.writeCells(...a), flush: () => inner.flush(), tabNames: () => inner.tabNames(),
    };
    const ports = { ...sidebarPorts(undefined, inner), store: plain };
    const api = createSidebarApi(ports, quiet, { jobListLimit: 2 });
    expect(ok(api.listJobs({ include_all: true }))).toEqual({ jobs: [], total: 3, cut: true });
    expect(ok(api.listJobs()).jobs.map((j) => j.id)).toEqual(['J002', 'J001']);
  });
});
