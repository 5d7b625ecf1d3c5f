import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import type { ApiResult } from '../../../src/app/shared/api-types';
import { sidebarPorts } from './sidebar-fixture';

// Past 設定's limits (会員一覧の上限, 仕事一覧の上限, 提供先一覧の上限) the bootstrap carries no list
// and the pickers ask the server as the person types: listJobs with a query, searchClients.
const quiet = (): void => undefined;
function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}

describe('the job and client pickers at a large center', () => {
  test('the bootstrap lists jobs and clients up to the limits, and flags the search past them', () => {
    const small = ok(createSidebarApi(sidebarPorts(), quiet).sidebarBootstrap());
    expect([small.jobSearch, small.clientSearch, small.jobs.length, small.clients.length]).toEqual([false, false, 2, 2]);
    const large = ok(createSidebarApi(sidebarPorts(), quiet, { jobListLimit: 1, clientListLimit: 1 }).sidebarBootstrap());
    expect([large.jobSearch, large.clientSearch, large.jobs, large.clients]).toEqual([true, true, [], []]);
  });

  test('listJobs with a query answers the matching jobs with their places, by ID, title or client name', () => {
    const api = createSidebarApi(sidebarPorts(), quiet);
    const byTitle = ok(api.listJobs({ query: 'せいそう' }));
    expect(byTitle.jobs.map((j) => j.id)).toEqual([]);
    expect(ok(api.listJobs({ query: '清掃' })).jobs.map((j) => [j.id, j.client_name, j.places_left])).toEqual([['J001', 'ひまわり園', 2]]);
    expect(ok(api.listJobs({ query: 'ｊ002' })).jobs.map((j) => j.id)).toEqual(['J002']);
    expect(ok(api.listJobs({ query: '柏商事' })).jobs.map((j) => j.id)).toEqual(['J002']);
    expect(ok(api.listJobs({ query: '清掃' })).more).toBe(false);
    // A filled or closed job only with include_all.
    ok(api.setJobStatus({ job_id: 'J001', status: 'closed' }));
    expect(ok(api.listJobs({ query: '清掃' })).jobs).toEqual([]);
    expect(ok(api.listJobs({ query: '清掃', include_all: true })).jobs.map((j) => [j.id, j.status])).toEqual([['J001', 'closed']]);
  });

  test('searchClients answers clients by ID or name, forgiving widths; a bad query is refused in words', () => {
    const api = createSidebarApi(sidebarPorts(), quiet);
    expect(ok(api.searchClients('ひまわり'))).toEqual({ clients: [{ id: 'C001', name: 'ひまわり園' }], more: false });
    expect(ok(api.searchClients('ｃ００２')).clients.map((c) => c.id)).toEqual(['C002']);
    const bad = api.searchClients('');
    expect(bad.ok ? '' : bad.code).toBe('bad_input');
  });
});
