import fc from 'fast-check';
import type { Cell } from '../../../src/domain/cell';
import { jobSearchKey } from '../../../src/domain/jobs/job-search-key';
import { NO_ID_KEY } from '../../../src/domain/text/folded-key';
import { searchKey } from '../../../src/domain/text/search-key';
import { JOB_SEARCH_PROPERTY, JOB_SEARCH_TAB, jobSearchFresh } from '../../../src/app/matching/job-search-index';
import { searchJobsInTab } from '../../../src/app/matching/list-jobs';
import { readSettings } from '../../../src/app/shared/call-context';
import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import type { ApiResult, ListJobsOutput } from '../../../src/app/shared/api-types';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { sidebarPorts, sidebarTables } from '../sidebar/sidebar-fixture';

// The job picker's search through its stored keys (_仕事検索, job-search-index.ts) held to the
// search that reads 仕事 and 業務提供先 whole (searchJobsInTab) for random jobs, clients and
// queries — kana in any form and width, `=`-leading text, regular-expression characters, IDs in
// any width — and after random new jobs, status changes and hand edits. Past 20 matches the
// stored search takes the newest of the last rank and status by sheet row (registerJob appends in
// time order): identical when 作成日 follows the rows, otherwise 20 of the same ranks and `more`.

const TODAY = '2025-06-11';
const quiet = (): void => undefined;

const NAME_CHARS = ['清', '掃', '夜', '間', '巡', '回', '髙', '高', '﨑', '崎', ' ', '　', '・', '=', '+', '.', '*', '(', '[', '\\', '$', 'A', 'ａ'];
const KANA_CHARS = ['ヤ', 'や', 'ﾔ', 'カ', 'か', 'ｶ', 'ン', 'ヂ', 'ジ', '･'];
const ID_CHARS = ['J', 'j', 'Ｊ', '0', '０', '1', '１', ' '];
const STATUS = ['募集中', '提案中', '充足', '終了', ''];

const textOf = (chars: readonly string[], max: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...chars), { maxLength: max }).map((cs) => cs.join(''));

interface JobRow { id: string; client: string; title: string; status: string; created: number }
const jobArb: fc.Arbitrary<JobRow> = fc.record({
  id: fc.oneof(fc.integer({ min: 1, max: 60 }).map((n) => `J${String(n).padStart(3, '0')}`), textOf(ID_CHARS, 4)),
  client: fc.constantFrom('C001', 'C002', 'C003', 'C009', ''),
  title: textOf([...NAME_CHARS, ...KANA_CHARS], 5),
  status: fc.constantFrom(...STATUS),
  created: fc.integer({ min: 1, max: 9 }),
});
const clientNameArb = textOf([...NAME_CHARS, ...KANA_CHARS], 4);
const queryArb = fc.oneof(textOf([...NAME_CHARS, ...KANA_CHARS, ...ID_CHARS], 3),
  fc.constantFrom('=', '=SUM(A1)', '.*', '(', '[', '$', '\\', 'j0', 'Ｊ０', '清掃', 'やか', 'ｶﾝ', '高', 'ジ'));

const day = (n: number): Cell => ({ date: `2025-05-${String(10 + n).padStart(2, '0')}` });
function jobCells(j: JobRow): Cell[] {
  return [j.id, j.client, j.title, '清掃', '請負', '', '月AM', 1, '柏', null, null, '', false, j.status, day(j.created), ''];
}

function centerOf(jobs: readonly JobRow[], names: readonly string[]): MemoryTableStore {
  const tables = sidebarTables().map((t) => {
    if (t.name === '仕事') return { ...t, rows: jobs.map(jobCells) };
    if (t.name === '業務提供先') return { ...t, rows: names.map((n, i) => [`C00${i + 1}`, n, '企業', '柏', '', '', '', null, '']) };
    return t;
  });
  return MemoryTableStore.from(tables);
}

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

type Ports = ReturnType<typeof sidebarPorts>;

/** The stored search (the sidebar call) beside the whole read. With the keys fresh the call reads
 *  no column of 仕事 (a fallback would hide a wrong key behind a right answer). `exact`: 作成日
 *  follows the rows, so past 20 the answers are identical too. */
function compare(api: ReturnType<typeof createSidebarApi>, ports: Ports, query: string, includeAll: boolean, exact = false): void {
  const { store } = ports;
  const ctx = { today: TODAY, lang: 'ja' as const, settings: readSettings(store) };
  const trimmed = query.trim();
  const fresh = jobSearchFresh(ports.props.get(JOB_SEARCH_PROPERTY), TODAY);
  const columnReads = jest.spyOn(store, 'readColumns');
  const got = api.listJobs({ query, include_all: includeAll });
  const reads = columnReads.mock.calls.length;
  columnReads.mockRestore();
  if (trimmed === '' || trimmed.length > 40) { expect(got.ok).toBe(false); return; }
  const whole = searchJobsInTab(store, ctx, { query, include_all: includeAll });
  const stored: ListJobsOutput = ok(got);
  if (searchKey(query) !== '' && fresh) expect(reads).toBe(0);
  expect(stored.total).toBe(whole.total);
  expect(stored.more).toBe(whole.more);
  if (!whole.more || exact) { expect(stored).toEqual(whole); return; }
  expect(stored.jobs).toHaveLength(20);
}

describe('the stored job search keys', () => {
  test('a key holds the status mark, the folded ID, title and client; a row without an ID matches nothing', () => {
    expect(jobSearchKey('J001', '夜間 巡回', 'ﾐﾄﾞﾘ', 'open')).toBe('・j001・夜間巡回・ミドリ');
    expect(jobSearchKey('J001', 'a', 'b', 'closed')).toBe('終・j001・a・b');
    expect(jobSearchKey('J001', 'a', 'b', null)).toBe('提・j001・a・b');
    expect(jobSearchKey(' ', 'a', 'b', 'open')).toBe(NO_ID_KEY);
  });

  test('finds what reading 仕事 whole finds, for random jobs, clients and queries', () => {
    fc.assert(fc.property(fc.array(jobArb, { maxLength: 40 }), fc.array(clientNameArb, { minLength: 3, maxLength: 3 }),
      fc.array(fc.tuple(queryArb, fc.boolean()), { minLength: 1, maxLength: 5 }), (jobs, names, queries) => {
        const ports = sidebarPorts(undefined, centerOf(jobs, names));
        const api = createSidebarApi(ports, quiet);
        for (const [q, all] of queries) compare(api, ports, q, all);
      }), { numRuns: 150 });
  });

  test('past 20 matches, with 作成日 in row order: the same 20 jobs as the whole read, in its order', () => {
    fc.assert(fc.property(fc.array(fc.record({ title: fc.constantFrom('清掃', '夜間清掃', '清掃補助', '巡回'), status: fc.constantFrom(...STATUS) }), { minLength: 21, maxLength: 70 }),
      fc.constantFrom('清掃', 'せいそう', '清', 'j0'), fc.boolean(), (rows, q, all) => {
        // One job a day in row order, IDs ascending: sheet order is 作成日's order.
        const jobs: JobRow[] = rows.map((r, i) => ({ id: `J${String(i + 1).padStart(3, '0')}`, client: 'C001', title: r.title, status: r.status, created: 0 }));
        const store = centerOf([], ['ひまわり園', '柏商事', '緑町']);
        store.replace('仕事', store.read(['仕事'])?.header ?? [], jobs.map((j, i) => {
          const c = jobCells(j);
          c[14] = { date: `2024-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` };
          return c;
        }));
        const ports = sidebarPorts(undefined, store);
        compare(createSidebarApi(ports, quiet), ports, q, all, true);
      }), { numRuns: 60 });
  });

  test('stays equal to the whole read after random new jobs, status changes and hand edits', () => {
    type Step =
      | { kind: 'new'; title: string; client: string }
      | { kind: 'status'; at: number; to: 'open' | 'closed' }
      | { kind: 'hand'; at: number; title: string; status: string }
      | { kind: 'search'; query: string; all: boolean };
    const stepArb: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('new' as const), title: textOf(NAME_CHARS, 4).filter((s) => s.trim() !== ''), client: fc.constantFrom('C001', 'C002') }),
      fc.record({ kind: fc.constant('status' as const), at: fc.nat(30), to: fc.constantFrom('open' as const, 'closed' as const) }),
      fc.record({ kind: fc.constant('hand' as const), at: fc.nat(30), title: textOf(NAME_CHARS, 4), status: fc.constantFrom(...STATUS) }),
      fc.record({ kind: fc.constant('search' as const), query: queryArb, all: fc.boolean() }),
    );
    fc.assert(fc.property(fc.array(jobArb, { maxLength: 15 }), fc.array(stepArb, { minLength: 1, maxLength: 12 }), (jobs, steps) => {
      const ports = sidebarPorts(undefined, centerOf(jobs, ['ひまわり園', '柏商事', '緑町']));
      const api = createSidebarApi(ports, quiet);
      compare(api, ports, '清', true); // the first search builds the keys
      for (const s of steps) {
        const ids = (ports.store.read(['仕事'])?.rows ?? []).map((r) => String(r[0] ?? '')).filter((id) => /^J\d+$/.test(id));
        if (s.kind === 'new') ok(api.registerJob({ client_id: s.client, title: s.title }));
        else if (s.kind === 'status' && ids.length > 0) {
          const r = api.setJobStatus({ job_id: ids[s.at % ids.length] ?? '', status: s.to });
          if (!r.ok) expect(r.code).not.toBe('internal');
        } else if (s.kind === 'hand') {
          const n = ports.store.read(['仕事'])?.rows.length ?? 0;
          if (n > 0) {
            // A person types a title and a status into 仕事 (the edit trigger stamps the keys stale).
            ports.store.writeCells('仕事', 2 + (s.at % n), { columns: [2], rows: [[s.title]] });
            ports.store.writeCells('仕事', 2 + (s.at % n), { columns: [13], rows: [[s.status]] });
            ports.props.set(JOB_SEARCH_PROPERTY, JSON.stringify({ edited: `${s.at}` }));
          }
        } else if (s.kind === 'search') compare(api, ports, s.query, s.all);
      }
      compare(api, ports, '清', false);
      compare(api, ports, 'J0', true);
    }), { numRuns: 100 });
  });

  test('a row of 仕事 deleted by hand before any stamp: no key shows the wrong job (the search rebuilds)', () => {
    const jobs: JobRow[] = [
      { id: 'J001', client: 'C001', title: '清掃', status: '募集中', created: 1 },
      { id: 'J002', client: 'C002', title: '夜間巡回', status: '募集中', created: 2 },
      { id: 'J003', client: 'C001', title: '植木', status: '終了', created: 3 },
    ];
    const ports = sidebarPorts(undefined, centerOf(jobs, ['ひまわり園', '柏商事']));
    const api = createSidebarApi(ports, quiet);
    expect(ok(api.listJobs({ query: 'やかん' })).jobs).toEqual([]);
    expect(ok(api.listJobs({ query: '夜間' })).jobs.map((j) => j.id)).toEqual(['J002']);
    expect(ports.store.read([JOB_SEARCH_TAB])?.rows.map((r) => r[0])).toEqual(['・j001・清掃・ヒマワリ園', '・j002・夜間巡回・柏商事', '終・j003・植木・ヒマワリ園']);
    const table = ports.store.read(['仕事']);
    ports.store.replace('仕事', table?.header ?? [], (table?.rows ?? []).slice(1));
    expect(ok(api.listJobs({ query: '夜間' })).jobs.map((j) => j.id)).toEqual(['J002']);
    expect(ok(api.listJobs({ query: 'ひまわり', include_all: true })).jobs.map((j) => j.id)).toEqual(['J003']);
  });
});
