import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CANDIDATE_INDEX_TAB, readCandidateIndex } from '../../src/app/matching/candidate-index';
import { candidatesOf } from '../../src/app/matching/list-candidates';
import { loadWorkbook } from '../../src/app/shared/load-workbook';
import { readWorkbookFile, writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { desk, ok, TODAY } from '../app/day-fixture';
import { COORDINATOR } from '../app/sidebar/sidebar-fixture';

// The candidate index through the local .xlsx adapter (the dev server's sidebar writes it into the
// file like any other tab): its long JSON cells, numbers and the stamp survive a write and a read
// of the file, the workbook's readers raise no problem about the tab, and the sidebar's list from
// the file read back still equals the ranking from every tab (`ikigai match`'s way).

describe('the candidate index in an .xlsx file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ikigai-index-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('survives the file round trip, raises no problem, and ranks as the tabs do', async () => {
    const d = desk();
    ok(d.api().changeMatchStatus({ action: 'place', job_id: 'J001', member_id: 'M001' }));
    ok(d.api().listCandidates('J003'));
    expect(d.store.tabNames()).toContain(CANDIDATE_INDEX_TAB);
    const path = join(dir, 'center.xlsx');
    await writeWorkbookFile(d.store, path);
    const back = await readWorkbookFile(path);
    const before = readCandidateIndex(d.store, TODAY);
    const after = readCandidateIndex(back, TODAY);
    // jobMatches and jobRowHint are functions (the asked job's cell unpacked on demand): compared job by job.
    if (!before.ok || !after.ok) throw new Error('index unreadable');
    const { jobMatches: jobsBefore, jobRowHint: hintBefore, ...restBefore } = before;
    const { jobMatches: jobsAfter, jobRowHint: hintAfter, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
    for (const j of ['J001', 'J002', 'J003', 'J004']) expect([j, jobsAfter(j), hintAfter(j)]).toEqual([j, jobsBefore(j), hintBefore(j)]);
    expect(hintAfter('J003')).not.toBeNull();
    expect(jobsAfter('J001')?.map((m) => m.member_id)).toEqual(['M001']);
    const wb = loadWorkbook(back);
    expect(wb.problems.filter((p) => JSON.stringify(p).includes(CANDIDATE_INDEX_TAB))).toEqual([]);
    const coordinator = wb.coordinators.find((c) => c.email === COORDINATOR);
    if (!coordinator) throw new Error('fixture: no coordinator');
    const ctx = { settings: wb.settings, lang: 'ja' as const, email: COORDINATOR, coordinator, canWrite: true, now: `${TODAY}T10:00:00`, today: TODAY };
    const d2 = desk();
    // The file read back, as the dev server would serve it.
    for (const name of back.tabNames()) {
      const raw = back.read([name]);
      if (raw) d2.store.replace(name, raw.header.map(String), raw.rows);
    }
    for (const job of ['J001', 'J002', 'J003']) expect(ok(d2.api().listCandidates(job))).toEqual(candidatesOf(wb, ctx, job));
  });
});
