import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '../../src/domain/cell';
import { csvRecord } from '../../src/local/csv';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { workPanelTabs } from '../app/work/work-center';
import { runIkigai } from './run-cli';

// The third writer of 就業実績, `ikigai work import`, against a month closed by hand in Excel: a
// person typing 2015-07 in 対象月 gets a date cell (Excel makes it 2015-07-01), and a month
// written as text; either way July is closed and a July line is refused naming it, nothing
// written. (The sidebar's recordWork and the 就業報告 form: test/bundle/write-red-team.test.ts.)
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ['対象月', '状態', '締め日時', '締め担当', '再開日時', '再開担当', '就業行数', '配分金合計', '請求合計', '賃金合計'];

describe.each<[string, Cell]>([['a date cell', { date: '2015-07-01' }], ['text', '2015-07']])('ikigai work import when 月次締め holds July as %s', (_what, month) => {
  test('refuses a July line, naming the month, and leaves the workbook as it was', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ikigai-closed-'));
    const tabs = [...workPanelTabs(), { name: '月次締め', header: HEADER, rows: [[month, '締め', { date: '2015-08-03T09:00:00' }, 'kanri@c.jp', null, null, 0, 0, 0, 0] as Cell[]] }];
    await writeWorkbookFile(MemoryTableStore.from(tabs), join(dir, 'center.xlsx'));
    writeFileSync(join(dir, 'july.csv'), `${[['date', 'member_id', 'job_id', 'hours'], ['2015-07-02', 'M004', 'J01', '2']].map(csvRecord).join('\r\n')}\r\n`);
    const before = readFileSync(join(dir, 'center.xlsx'));
    const run = await runIkigai(dir, ['work', 'import', '--workbook', 'center.xlsx', '--csv', 'july.csv']);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('july.csv:2: 2015-07 は月次締め済みです');
    expect(readFileSync(join(dir, 'center.xlsx')).equals(before)).toBe(true);
  });
});
