import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { workCenterTabs } from '../app/work/work-center';
import { runIkigai } from './run-cli';

// `ikigai report` with a work log: work.actual from 就業実績 (kpi.md "Work records") beside the
// placement-based figures, on the hand-worked center of test/app/work/work-center.ts.
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ikigai-report-work-'));
  await writeWorkbookFile(MemoryTableStore.from(workCenterTabs()), join(dir, 'center.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ikigai report with 就業実績', () => {
  test('June 2015: 3 members worked, 9 person-days, 25.25 h, 就業率 3/4, 契約金額 21,875', async () => {
    const run = await runIkigai(dir, ['report', '--workbook', 'center.xlsx', '--from', '2015-06-01', '--to', '2015-06-30', '--json']);
    expect(run.code).toBe(0);
    // 契約金額 = bills 17,475 + 派遣 wages 4,400 = 21,875 (work-center.ts: W11 priced at ¥800).
    // 就業率 = 3 of the 4 members enrolled on 06-30; no matches at all, so no placement-based worker.
    const work = JSON.parse(run.out).work;
    expect(work.actual).toEqual({
      members: 3, person_days: 9, hours: 25.25, employment_rate: 0.75, contract_amount: 21875, over_monthly_days: [], over_weekly_hours: [],
    });
    expect(work.working_members).toBe(0);
  });

  test('the table names both: the figures from the work log and the placement-based ones', async () => {
    const run = await runIkigai(dir, ['report', '--workbook', 'center.xlsx', '--from', '2015-06-01', '--to', '2015-06-30']);
    expect(run.out).toContain('就業中の会員（成立ベース）');
    expect(run.out).toMatch(/就業延人員\s+9/);
    expect(run.out).toMatch(/契約金額（円）\s+21,875/);
    expect(run.out).toMatch(/就業率\s+75\.0%/);
  });

  test('--write-stats writes the fiscal year\'s 年度統計 into the file (the menu\'s use case), and a second run changes nothing', async () => {
    const { copyFileSync, statSync } = await import('node:fs');
    copyFileSync(join(dir, 'center.xlsx'), join(dir, 'stats.xlsx'));
    const run = await runIkigai(dir, ['report', '--workbook', 'stats.xlsx', '--fiscal-year', '2015', '--write-stats', '--json']);
    expect([run.code, run.err]).toEqual([0, '2015年度の年度統計をシート「年度統計」に書きました（26 行、変わったセル 182）']);
    // stdout is the report alone with --json.
    expect(JSON.parse(run.out).work.actual.members).toBe(3);
    const { readWorkbookFile } = await import('../../src/local/xlsx-workbook-file');
    const tab = (await readWorkbookFile(join(dir, 'stats.xlsx'))).read(['年度統計']);
    // 就業実人員 M001, M003 (男) and M002 (女); 契約金額 20,775 + 4,400 (test/app/work/write-annual-stats.test.ts).
    expect(tab?.rows.find((r) => r[1] === '就業実人員')).toEqual([2015, '就業実人員', '計', 2, 1, 0, 3]);
    expect(tab?.rows.find((r) => r[1] === '契約金額（円）' && r[2] === '計')?.[6]).toBe(25175);
    const mtime = statSync(join(dir, 'stats.xlsx')).mtimeMs;
    const again = await runIkigai(dir, ['report', '--workbook', 'stats.xlsx', '--fiscal-year', '2015', '--write-stats']);
    expect(again.out).toContain('2015年度の年度統計はシート「年度統計」の内容と同じです（書き換えていません）');
    expect(statSync(join(dir, 'stats.xlsx')).mtimeMs).toBe(mtime);
    const wrong = await runIkigai(dir, ['report', '--workbook', 'stats.xlsx', '--week', '2015-06-01', '--write-stats']);
    expect(wrong.code).toBe(2);
  });

  test('a center without work rows is told so, and work.actual is null', async () => {
    await writeWorkbookFile(MemoryTableStore.from(workCenterTabs().filter((t) => t.name !== '就業実績')), join(dir, 'none.xlsx'));
    const json = await runIkigai(dir, ['report', '--workbook', 'none.xlsx', '--fiscal-year', '2015', '--json']);
    expect(JSON.parse(json.out).work.actual).toBeNull();
    const table = await runIkigai(dir, ['report', '--workbook', 'none.xlsx', '--fiscal-year', '2015']);
    expect(table.out).toContain('就業実績の記録がないため、就業実人員・就業延人員は出せません');
  });
});
