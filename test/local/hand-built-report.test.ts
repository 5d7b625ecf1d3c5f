import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { loadWorkbook } from '../../src/app/shared/load-workbook';
import { computeReport } from '../../src/domain/kpi/compute-report';
import { fiscalYearPeriod, weekPeriod } from '../../src/domain/kpi/period';
import type { Report } from '../../src/domain/kpi/report';
import { readWorkbookFile, writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { renderReportTable } from '../../src/local/report-table';
import { HAND_BUILT_TABS } from '../fixtures/hand-built-workbook';
import { writeSheetjsWorkbook } from '../fixtures/sheetjs-workbook';

// The figures of test/fixtures/hand-built-workbook.ts for fiscal year 2015
// (2015-04-01 .. 2016-03-31), worked out by hand from the rows, not by the code under test.
const EXPECTED_FY2015: Report = {
  period: { from: '2015-04-01', to: '2016-03-31' },
  members: {
    // On 2015-04-01: M001 m, M002 f (joined that very day), M004 m, M008 f, M009 f, M010 m.
    // Not M003 (left_on 2015-04-01 = the day: not enrolled), M005/M006/M007 (joined later).
    enrolled_at_start: { total: 6, male: 3, female: 3, other: 0, unknown: 0 },
    // On 2016-03-31: M001 m, M002 f, M005 (blank gender → unknown), M007 m (leaves 04-01), M008 f,
    // M009 f, M010 m. Not M004 (left_on 2016-03-31), M006 (joins 2016-04-01), M003.
    enrolled: { total: 7, male: 3, female: 3, other: 0, unknown: 1 },
    // Joined in the year: M002 (説明会, f, on the first day), M005 (セミナー, unknown), M007 (referral, male).
    new_members: {
      total: 3,
      by_route: { window: 0, orientation: 1, seminar: 1, referral: 1, publicity: 0, other: 0 },
      by_gender: { male: 1, female: 1, other: 0, unknown: 1 },
    },
    // M003 left 2015-04-01 and M004 left 2016-03-31, both boundary days inside the period.
    resigned_members: 2,
    // 7 enrolled / 1,000 people aged 60+.
    crude_enrollment_rate: 0.007,
  },
  work: {
    // placed_on in the year with status 成立/終了: X01 M001 派遣, X02 + X03 M002 請負 (one member),
    // X04 M008 就労相談, X08 M010 職業紹介. X05 was placed in 2014, X10 after the year.
    placed_members: { total: 4, by_engagement: { dispatch: 1, placement: 1, contract: 1, mandate: 0, consultation: 1 } },
    // Active on a day of the year: M001 (X01), M002 (X02, X03), M008 (X04), M004 (X05 placed 2014,
    // never ended), M010 (X08 ended 2016-01-01). X10 starts after `to`.
    working_members: 5,
    employment_rate: 5 / 7,
    // created_on in the year: J01 (C01 福祉施設), J02 (C02 企業), J03 (C03, blank sector → other),
    // J04 (C02 企業). J05 was created 2015-03-31, J06 after the year.
    jobs_developed: { total: 4, by_sector: { welfare: 1, company: 2, household: 0, public: 0, other: 1 } },
    // C01 2015-05-10 and C03 2016/03/31 (text date on the last day); C02 was 2014.
    clients_developed: 2,
    // 募集中/open and created by `to`: J01, J03, J04, J05 (J06 is created after `to`).
    open_jobs: 4,
    // Cut-off `to` - 14 = 2016-03-17. J01: 1 placed (X01) of 2 needed → stale. J03 created 03-18 → too
    // new. J04 created exactly 03-17, no placement → stale. J05: X05 fills its 1 → not stale.
    stale_open_jobs: ['J01', 'J04'],
    // The center keeps no 就業実績 rows: the report says so (null) and the figures above stand alone.
    actual: null,
  },
  activities: {
    // Dated in the year: A01, A02 (text 2015/06/15), A04 (on `to`), A05, A06, A08. A03 is the day
    // before, A07 the day after.
    total: 6,
    minutes: 60 + 30 + 45 + 20 + 10 + 0,
    by_area: { development: 1, recruitment: 1, matching: 2, follow_up: 2 },
    minutes_by_area: { development: 60, recruitment: 30, matching: 45 + 0, follow_up: 20 + 10 },
    // A08 has no kind → other.
    by_kind: { visit: 1, call: 1, proposal: 0, interview: 1, orientation: 1, consultation: 0, follow_up_contact: 1, other: 1 },
    // A08 has no coordinator: keyed by the blank cell as written.
    by_coordinator: { '': 1, 'a@c.jp': 3, 'b@c.jp': 2 },
    minutes_by_coordinator: { '': 0, 'a@c.jp': 60 + 20 + 10, 'b@c.jp': 30 + 45 },
    // Window for placed_on: `to` - 60 = 2016-01-31 .. `to` - 14 = 2016-03-17: X03 (02-01) and X04
    // (03-01). X03's member M002 had 継続支援 A05 on 02-15 → done. X04's member M008 had A06 on
    // 02-20, before the placement, and A07 falls after `to` → due.
    follow_ups_due: ['X04'],
    // Enrolled on `to` with consent and a slot: M001, M002, M008, M009, M010 (M005 has no slot, M007
    // no consent). Busy in 2016-01-02 .. 2016-03-31: M001 (X01), M002 (X03), M008 (X04). M009's
    // only match X07 was proposed 2015-11-01; M010's X08 ended 2016-01-01, a day before the window.
    waiting_members: ['M009', 'M010'],
  },
  events: {
    // In the year and not 中止: E01, E02, E04 (text date on `to`). E03 is cancelled, E00 before.
    held: { total: 3, by_kind: { orientation: 1, seminar: 1, symposium: 1, other: 0 } },
    // R01 + R02 (E01), R05 (E02), R07 (E04); R06 attended the cancelled E03.
    attendees: 4,
    list: [
      // E01: R01, R02, R04 not cancelled (R03 取消); R01 (TRUE), R02 (はい) attended; R01 carries M002.
      { event_id: 'E01', date: '2015-04-07', kind: 'orientation', registrations: 3, attendees: 2, converted: 1 },
      { event_id: 'E02', date: '2015-10-01', kind: 'seminar', registrations: 1, attendees: 1, converted: 1 },
      // R07 has no status: a registration all the same.
      { event_id: 'E04', date: '2016-03-31', kind: 'symposium', registrations: 1, attendees: 1, converted: 0 },
    ],
    // 2016-04-01 .. 2016-04-14: E05 and E06 (on the last day); E07 is 04-15, E08 is 中止.
    upcoming: [
      // R08, R09 確定; R10 waitlisted; R11 取消. 2 / 20.
      { event_id: 'E05', date: '2016-04-05', kind: 'orientation', title: '新年度入会説明会', start_time: '10:00',
        capacity: 20, confirmed: 2, waitlisted: 1, fill_rate: 0.1 },
      // Start time typed as a time cell (fraction of a day), no capacity → no fill rate.
      { event_id: 'E06', date: '2016-04-14', kind: 'seminar', title: '剪定セミナー', start_time: '14:00',
        capacity: null, confirmed: 1, waitlisted: 0, fill_rate: null },
    ],
  },
};

describe('the hand-built workbook written by SheetJS and read by the workbook-file adapter', () => {
  let dir: string;
  let path: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ikigai-hand-'));
    path = join(dir, 'center.xlsx');
    writeSheetjsWorkbook(path, HAND_BUILT_TABS);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads without a single problem', async () => {
    const workbook = loadWorkbook(await readWorkbookFile(path));
    expect(workbook.problems).toEqual([]);
    expect(workbook.members).toHaveLength(10);
  });

  it('gives the fiscal-year 2015 figures worked out by hand', async () => {
    const workbook = loadWorkbook(await readWorkbookFile(path));
    expect(computeReport(workbook, fiscalYearPeriod(2015, workbook.settings))).toEqual(EXPECTED_FY2015);
  });

  it('reads text dates, date cells, 、 and ・ lists and time cells into the same values', async () => {
    const workbook = loadWorkbook(await readWorkbookFile(path));
    const byId = new Map(workbook.members.map((m) => [m.member_id, m]));
    expect(byId.get('M002')?.joined_on).toBe('2015-04-01');
    expect(byId.get('M004')?.left_on).toBe('2016-03-31');
    expect(byId.get('M001')?.availability).toEqual(['Mon-AM', 'Tue-PM']);
    expect(byId.get('M001')?.skills).toEqual(['草刈り', '剪定']);
    expect(byId.get('M008')?.availability).toEqual(['Sat-PM', 'Sun-AM']);
    expect(workbook.events.find((e) => e.event_id === 'E02')?.start_time).toBe('14:00');
  });

  it('counts the week of 2016-03-31 from Monday 03-28 to Sunday 04-03', async () => {
    const workbook = loadWorkbook(await readWorkbookFile(path));
    const report = computeReport(workbook, weekPeriod('2016-03-31'));
    expect(report.period).toEqual({ from: '2016-03-28', to: '2016-04-03' });
    // Joined in the week: M006 on 04-01. Left: M004 on 03-31 and M007 on 04-01.
    expect(report.members.new_members.total).toBe(1);
    expect(report.members.resigned_members).toBe(2);
    // A04 on 03-31 and A07 on 04-01.
    expect(report.activities.total).toBe(2);
    // E04 on 03-31 is in the week; upcoming is 04-04 .. 04-17: E05, E06, E07 (E08 cancelled).
    expect(report.events.list.map((e) => e.event_id)).toEqual(['E04']);
    expect(report.events.upcoming.map((e) => e.event_id)).toEqual(['E05', 'E06', 'E07']);
  });

  it('leaves the file it read untouched, byte for byte', async () => {
    const before = readFileSync(path);
    await readWorkbookFile(path);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('writes every tab back with dates as date cells, extra columns kept, header bold and frozen', async () => {
    const store = await readWorkbookFile(path);
    const copy = join(dir, 'copy.xlsx');
    await writeWorkbookFile(store, copy);
    const again = await readWorkbookFile(copy);
    expect(again.tabNames()).toEqual(store.tabNames());
    for (const name of store.tabNames()) expect(again.read([name])).toEqual(store.read([name]));
    expect(again.read(['会員'])?.header).toContain('独自メモ');
    expect(computeReport(loadWorkbook(again), { from: '2015-04-01', to: '2016-03-31' })).toEqual(EXPECTED_FY2015);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(copy);
    const members = book.getWorksheet('会員');
    expect(members?.getRow(1).font?.bold).toBe(true);
    expect(members?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const joined = members?.getRow(2).getCell(4);
    expect(joined?.value).toBeInstanceOf(Date);
    expect(joined?.numFmt).toBe('yyyy-mm-dd');
    // No temporary file is left beside the workbook.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves neither the target nor a temporary file behind when the write fails', async () => {
    const store = await readWorkbookFile(path);
    await expect(writeWorkbookFile(store, join(dir, 'no-such-folder', 'x.xlsx'))).rejects.toThrow();
    // A tab name Excel refuses makes exceljs throw while building, before any file exists.
    store.replace('bad[name]', ['a'], [['b']]);
    const target = join(dir, 'refused.xlsx');
    await expect(writeWorkbookFile(store, target)).rejects.toThrow();
    expect(readdirSync(dir).filter((f) => f.includes('refused') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('renders every figure as a Japanese table, and in English when asked', async () => {
    const workbook = loadWorkbook(await readWorkbookFile(path));
    const ja = renderReportTable(EXPECTED_FY2015, 'ja', workbook.settings.centerName).join('\n');
    expect(ja).toContain('てすと市シルバー人材センター  集計期間 2015-04-01 〜 2016-03-31');
    expect(ja).toMatch(/会員数（期末） 2016-03-31\s+7\s+男性 3 \/ 女性 3 \/ その他 0 \/ 未回答 1/);
    expect(ja).toMatch(/粗入会率\s+0\.70%/);
    expect(ja).toMatch(/就業率（成立ベース）\s+71\.4%/);
    expect(ja).toMatch(/未充足の長期募集\s+2\s+J01, J04/);
    expect(ja).toMatch(/待機会員\s+2\s+M009, M010/);
    expect(ja).toContain('新年度入会説明会');
    const en = renderReportTable(EXPECTED_FY2015, 'en').join('\n');
    expect(en).toMatch(/Employment rate \(placements\)\s+71\.4%/);
    expect(en).toContain('dispatch 1 / placement 1 / contract 1 / mandate 0 / consultation 1');
  });
});
