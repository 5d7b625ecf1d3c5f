import { recountHeadline } from '../../../src/app/weekly/stored-headline';
import type { Cell } from '../../../src/domain/cell';
import type { TableStore } from '../../../src/app/ports';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import { bootstrapOf } from '../../../src/app/sidebar/bootstrap';
import { candidatesOf } from '../../../src/app/matching/list-candidates';
import { openContext, readSettings, type CallContext, type SidebarPorts } from '../../../src/app/shared/call-context';
import { HEADLINE_ACTIVITY_ROWS, RECENT_ACTIVITY_ROWS } from '../../../src/app/sidebar/read-plans';
import { weekHeadlineOf } from '../../../src/app/weekly/week-headline';
import type { ApiResult } from '../../../src/app/shared/api-types';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { BENCH_NOW, BENCH_USER, QUICK_SIZES, generateBenchCenter } from '../../../bench/generate-center';
import { COORDINATOR, MemoryLock, MemoryProps, NOW, sidebarPorts } from './sidebar-fixture';

// The sidebar reads only the columns and rows it shows (src/app/sidebar/read-plans.ts). Its answers
// must be the ones reading the whole workbook gives, as long as the activities the headline
// needs are among the last rows of 活動記録; the oracle below reads everything (loadWorkbook).

type Read = { tab: string; how: 'whole' | 'columns' | 'tail' | 'key' | 'rows' };

/** Records how each tab was read. */
function spied(inner: MemoryTableStore): { store: TableStore; reads: Read[] } {
  const reads: Read[] = [];
  const store: TableStore = {
    read: (n) => { reads.push({ tab: n[0] ?? '', how: 'whole' }); return inner.read(n); },
    readColumns: (n, pick) => { reads.push({ tab: n[0] ?? '', how: 'columns' }); return inner.readColumns(n, pick); },
    readTail: (n, count) => { reads.push({ tab: n[0] ?? '', how: 'tail' }); return inner.readTail(n, count); },
    findRows: (n, searches) => { reads.push({ tab: n[0] ?? '', how: 'key' }); return inner.findRows(n, searches); },
    readRows: (n, rows, pick) => { reads.push({ tab: n[0] ?? '', how: 'rows' }); return inner.readRows(n, rows, pick); },
    header: (n) => inner.header(n),
    tabNames: () => inner.tabNames(),
    replace: (...a) => inner.replace(...a),
    appendCells: (...a) => inner.appendCells(...a),
    writeCells: (...a) => inner.writeCells(...a), flush: () => undefined,
  };
  return { store, reads };
}

function benchPorts(): { ports: SidebarPorts; reads: Read[]; ctx: () => CallContext; store: MemoryTableStore } {
  // 300 members, 2,000 activities: every activity is in the headline's tail.
  // Without the quick check's low picker limits: every list is sent, as at a Kashiwa-sized center.
  const center = generateBenchCenter({ name: 'q1', members: QUICK_SIZES[0]?.members ?? 300, activities: QUICK_SIZES[0]?.activities ?? 2_000 });
  const inner = MemoryTableStore.from(center.tables);
  const { store, reads } = spied(inner);
  const ports: SidebarPorts = {
    store, lock: new MemoryLock(), clock: { now: () => new Date(BENCH_NOW) }, user: { email: () => BENCH_USER }, props: new MemoryProps(),
  };
  const ctx = (): CallContext => openContext({ ...ports, store: inner }, readSettings(inner), 'read');
  return { ports, reads, ctx, store: inner };
}

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`call failed: ${r.code} ${r.message}`);
  return r.data;
}

describe('the sidebar reads only what it shows', () => {
  test('opens with the same pick lists, recent entries, headline and problems as reading every tab', () => {
    const { ports, ctx, store } = benchPorts();
    expect(store.read(['活動記録'])?.rows.length).toBeLessThanOrEqual(HEADLINE_ACTIVITY_ROWS);
    const got = ok(createSidebarApi(ports).sidebarBootstrap());
    const whole = loadWorkbook(store);
    const stored = recountHeadline(whole, ctx().today, ctx().now.slice(0, 16));
    expect(got).toEqual(bootstrapOf(whole, ctx(), { stored, memberSearch: false, jobSearch: false, clientSearch: false }));
    // The comparison means something: the lists and figures are not empty.
    expect(got.members.length).toBeGreaterThan(200);
    expect(got.week.figures.find((f) => f.key === 'activities')?.previous).toBeGreaterThan(0);
  });

  test('ranks the same candidates as reading every tab', () => {
    const { ports, ctx, store } = benchPorts();
    const got = ok(createSidebarApi(ports).listCandidates('J00001'));
    expect(got).toEqual(candidatesOf(loadWorkbook(store), ctx(), 'J00001'));
    expect(got.candidates.length).toBeGreaterThan(0);
  });

  test('gives the same week headline as reading every tab', () => {
    const { ports, ctx, store } = benchPorts();
    const { as_of: asOf, ...figures } = ok(createSidebarApi(ports).weekHeadline());
    expect(figures).toEqual(weekHeadlineOf(loadWorkbook(store), ctx().today));
    // Recounted just now (no stored figures yet); the two figures no write keeps current are said to be as of then.
    expect(asOf).toEqual({ at: ctx().now.slice(0, 16), figures: ['follow_ups_due', 'waiting_members'] });
  });

  test('opens without reading 活動記録 whole, nor 申込, イベント or アンケート, and reads members by column', () => {
    const { ports, reads } = benchPorts();
    // The first open finds no stored 今週 figures and recounts them (活動記録's last 5,000 rows);
    // every open after reads the stored figures and only the recent entries' short tail.
    ok(createSidebarApi(ports).sidebarBootstrap());
    reads.length = 0;
    ok(createSidebarApi(ports).sidebarBootstrap());
    const how = (tab: string): string[] => reads.filter((r) => r.tab === tab).map((r) => r.how);
    expect(how('活動記録')).toEqual(['tail']);
    expect(how('会員')).toEqual(['columns']);
    expect(how('マッチング')).toEqual(['columns']);
    expect(how('申込')).toEqual([]);
    expect(how('イベント')).toEqual([]);
    expect(how('アンケート')).toEqual([]);
  });

  test('ranks candidates without reading activities, registrations or events; the first list builds the index from 会員 by column', () => {
    const { ports, reads } = benchPorts();
    ok(createSidebarApi(ports).listCandidates('J00001'));
    const tabs = new Set(reads.map((r) => r.tab));
    for (const tab of ['活動記録', '申込', 'イベント']) expect(tabs.has(tab)).toBe(false);
    // The first list builds the candidate index: 会員 by column, never whole.
    expect(reads.filter((r) => r.tab === '会員').map((r) => r.how)).toEqual(['columns']);
  });

  test('ranks from the candidate index once it is built: its matches the index\'s, the job and its client read at the rows it hints, 会員 and マッチング not read', () => {
    const { ports, reads } = benchPorts();
    const api = createSidebarApi(ports);
    ok(api.listCandidates('J00001'));
    reads.length = 0;
    ok(api.listCandidates('J00002'));
    const how = (tab: string): string[] => reads.filter((r) => r.tab === tab).map((r) => r.how);
    expect(how('会員')).toEqual([]);
    expect(how('_候補索引')).toEqual(['whole']);
    expect(how('仕事')).toEqual(['rows']);
    expect(how('マッチング')).toEqual([]);
    expect(how('業務提供先')).toEqual(['rows']);
    expect(how('就業実績')).toEqual([]);
  });

  test('leaves out of the headline an activity typed in above the last rows (the weekly mail still counts it)', () => {
    const ports = sidebarPorts();
    const d = (date: string): Cell => ({ date });
    // The fixture's one activity (2025-06-09, this week) is followed by HEADLINE_ACTIVITY_ROWS
    // older ones, so it is no longer among the last rows the headline reads.
    const old = Array.from({ length: HEADLINE_ACTIVITY_ROWS }, (_, i): Cell[] => [
      `A9${String(i).padStart(5, '0')}`, d('2025-01-06'), 'tanaka@example.jp', '開拓', '訪問', '', 'C001', '', 30, '', '', d('2025-01-06T10:00:00'),
    ]);
    ports.store.append('活動記録', old);
    const headline = ok(createSidebarApi(ports).weekHeadline());
    // Today is the fixture's 2025-06-11 (Wednesday), so this week is 2025-06-09 ..
    const full = weekHeadlineOf(loadWorkbook(ports.store), '2025-06-11');
    expect(NOW.toISOString().slice(0, 10)).toBe('2025-06-11');
    const activities = (h: typeof headline): number | undefined => h.figures.find((f) => f.key === 'activities')?.current;
    expect(activities(full)).toBe(1);
    expect(activities(headline)).toBe(0);
  });

  test('my recent entries: my last ten among 活動記録\'s last RECENT_ACTIVITY_ROWS rows, newest first; one just above them is not read', () => {
    const d = (date: string): Cell => ({ date });
    const row = (id: string, who: string): Cell[] => [id, d('2025-06-10'), who, '開拓', '訪問', '', 'C001', '', 30, '', '', d('2025-06-10T10:00:00')];
    /** The fixture's A000007 (mine), then A100000 (mine), `others` rows of someone else's and two
     *  of mine at the end, the last as typed: `  Tanaka@…`. */
    const recent = (others: number): string[] => {
      const ports = sidebarPorts();
      ports.store.append('活動記録', [
        row('A100000', COORDINATOR),
        ...Array.from({ length: others }, (_, i) => row(`A2${String(i).padStart(5, '0')}`, 'sato@example.jp')),
        row('A300001', COORDINATOR), row('A300002', `  ${COORDINATOR.replace('t', 'T')}`),
      ]);
      return ok(createSidebarApi(ports).sidebarBootstrap()).recentActivities.map((a) => a.activity_id);
    };
    // A100000 is the first row of the tail, then the row just above it.
    expect(recent(RECENT_ACTIVITY_ROWS - 3)).toEqual(['A300002', 'A300001', 'A100000']);
    expect(recent(RECENT_ACTIVITY_ROWS - 2)).toEqual(['A300002', 'A300001']);
  });
});
