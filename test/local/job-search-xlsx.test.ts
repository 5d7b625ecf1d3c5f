import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { JOB_SEARCH_TAB } from '../../src/app/matching/job-search-index';
import { searchJobsInTab } from '../../src/app/matching/list-jobs';
import { readSettings } from '../../src/app/shared/call-context';
import { loadWorkbook } from '../../src/app/shared/load-workbook';
import { readWorkbookFile, writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { desk, ok, TODAY } from '../app/day-fixture';

// The job picker's stored keys through the local .xlsx adapter, as the member picker's
// (member-search-xlsx.test.ts): the keys and their marks survive a write and a read of the file,
// the tab stays hidden, the workbook's readers raise no problem about it, and a search of the file
// read back answers as reading 仕事 whole does.

describe('the job search keys in an .xlsx file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ikigai-job-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('survive the file round trip hidden, raise no problem, and search as 仕事 does', async () => {
    const d = desk();
    ok(d.api().listJobs({ query: 'J', include_all: true }));
    expect(d.store.tabNames()).toContain(JOB_SEARCH_TAB);
    expect((d.store.read([JOB_SEARCH_TAB])?.rows.length ?? 0)).toBeGreaterThan(0);
    const path = join(dir, 'center.xlsx');
    await writeWorkbookFile(d.store, path);
    const back = await readWorkbookFile(path);
    expect(back.read([JOB_SEARCH_TAB])).toEqual(d.store.read([JOB_SEARCH_TAB]));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.getWorksheet(JOB_SEARCH_TAB)?.state).toBe('hidden');
    expect(loadWorkbook(back).problems.filter((p) => JSON.stringify(p).includes(JOB_SEARCH_TAB))).toEqual([]);
    const d2 = desk();
    for (const name of back.tabNames()) {
      const raw = back.read([name]);
      if (raw) d2.store.replace(name, raw.header.map(String), raw.rows);
    }
    const ctx = { today: TODAY, lang: 'ja' as const, settings: readSettings(back) };
    for (const [q, all] of [['J', true], ['J0', false], ['清掃', true], ['ひまわり', false]] as const) {
      expect(ok(d2.api().listJobs({ query: q, include_all: all }))).toEqual(searchJobsInTab(back, ctx, { query: q, include_all: all }));
    }
  });
});
