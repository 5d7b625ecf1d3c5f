import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MEMBER_SEARCH_TAB } from '../../src/app/members/member-search-index';
import { searchMembersInTab } from '../../src/app/members/search-members';
import { loadWorkbook } from '../../src/app/shared/load-workbook';
import { readWorkbookFile, writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { desk, ok, TODAY } from '../app/day-fixture';

// The member picker's stored keys through the local .xlsx adapter (the dev server's sidebar writes
// them into the file like any other tab): the keys, with their `・` marks, survive a write and a
// read of the file, the tab stays hidden, the workbook's readers raise no problem about it, and a
// search of the file read back answers as reading 会員 whole does.

describe('the member search keys in an .xlsx file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ikigai-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('survive the file round trip hidden, raise no problem, and search as 会員 does', async () => {
    const d = desk();
    ok(d.api().saveMember({ name: '髙橋 恭子', kana: 'たかはし きょうこ' }));
    ok(d.api().searchMembers('たか'));
    expect(d.store.tabNames()).toContain(MEMBER_SEARCH_TAB);
    const path = join(dir, 'center.xlsx');
    await writeWorkbookFile(d.store, path);
    const back = await readWorkbookFile(path);
    expect(back.read([MEMBER_SEARCH_TAB])).toEqual(d.store.read([MEMBER_SEARCH_TAB]));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.getWorksheet(MEMBER_SEARCH_TAB)?.state).toBe('hidden');
    expect(loadWorkbook(back).problems.filter((p) => JSON.stringify(p).includes(MEMBER_SEARCH_TAB))).toEqual([]);
    // The file read back, as the dev server would serve it: the stored search equals the whole read.
    const d2 = desk();
    for (const name of back.tabNames()) {
      const raw = back.read([name]);
      if (raw) d2.store.replace(name, raw.header.map(String), raw.rows);
    }
    for (const q of ['たか', '高橋', 'M0', 'きょうこ']) expect(ok(d2.api().searchMembers(q))).toEqual(searchMembersInTab(back, TODAY, q));
    expect(ok(d2.api().searchMembers('高橋')).members.map((m) => m.name)).toEqual(['髙橋 恭子']);
  });
});
