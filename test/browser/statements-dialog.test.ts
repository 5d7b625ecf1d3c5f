import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monthlyPay } from '../../src/domain/work/monthly-pay';
import { PRINT_BATCH, printDialogHtml } from '../../src/domain/work/print-dialog-html';
import { DAILY_ROWS_MAX, statementBody } from '../../src/domain/work/statement-html';
import type { WorkRecord } from '../../src/domain/schema/tabs';
import { job, work } from '../domain/work/fixtures';
import { ARTIFACTS, describeInBrowser, launchChromium, type LaunchedChromium } from './helpers';

// The print dialog of menu 配分金明細を印刷 printed by Chromium to an A4 PDF, as the 印刷 button's
// window.print() does: one page per member (the page breaks), the toolbar not printed. A batch
// of 120 members (more than PRINT_BATCH, so the range choice shows), the fullest statements
// (DAILY_ROWS_MAX days, long titles, a 派遣 note) and one with more rows (one line per job).
// Screenshot of the dialog on screen: test-artifacts/statements-dialog.png.
const JOBS = [
  job({ job_id: 'J1', client_id: 'C1', unit_price: 1050, title: '市民体育館・総合運動公園の清掃と除草（午前の部）' }),
  job({ job_id: 'J2', client_id: 'C2', engagement: 'mandate', unit_price: 3500, unit: 'day', title: '高齢者福祉施設の送迎補助・見守り' }),
  job({ job_id: 'J3', client_id: 'C2', engagement: 'dispatch', unit_price: 1100, title: '倉庫作業' }),
];
const MEMBERS = 5;
const day = (d: number): string => `2015-06-${String(d).padStart(2, '0')}`;

function rows(member: string, n: number): WorkRecord[] {
  const out: WorkRecord[] = [];
  for (let i = 0; i < n; i++) out.push(work(`${member}-${i}`, day((i % 30) + 1), member, i % 3 === 0 ? 'J2' : 'J1', i % 2 === 0 ? 3.5 : 4.25));
  out.push(work(`${member}-D`, day(10), member, 'J3', 4));
  return out;
}

function dialog(): string {
  const ids = Array.from({ length: MEMBERS }, (_, i) => `M${String(i + 1).padStart(4, '0')}`);
  const log = ids.flatMap((id, i) => rows(id, i === 2 ? 45 : DAILY_ROWS_MAX));
  const pay = monthlyPay({ workLog: log, jobs: JOBS, feeRate: 10 }, '2015-06');
  const titles = new Map(JOBS.map((j) => [j.job_id, j.title]));
  const dispatch = new Map(pay.dispatch.map((d) => [d.member_id, d]));
  const pages = pay.members.map((m) => statementBody({
    centerName: '公益社団法人 柏市シルバー人材センター', memberId: m.member_id, memberName: `長谷川 ゆかり${m.member_id.slice(-1)}`, month: '2015-06',
    pay: m, dispatch: dispatch.get(m.member_id), jobTitles: titles, issuedOn: '2015-07-03',
  }));
  // Positions 101–105 of 120: the last batch, with the range choice offered.
  return printDialogHtml({ lang: 'ja', month: '2015-06', pages, first: PRINT_BATCH + 1, total: PRINT_BATCH + 20, fn: 'printClosedStatements' });
}

function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describeInBrowser('the statements print dialog printed by Chromium', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    browser = await launchChromium({ width: 860, height: 640 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`prints ${MEMBERS} members on ${MEMBERS} A4 pages, each page one member, without the toolbar`, async () => {
    const html = dialog();
    const page = await browser.context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'statements-dialog.html'), html);
    await page.screenshot({ path: join(ARTIFACTS, 'statements-dialog.png') });
    // On screen: the 印刷 button and the member ranges (101–120 chosen).
    expect(await page.locator('#print').innerText()).toBe('印刷');
    expect(await page.locator('#range option').allInnerTexts()).toEqual(['1〜100 人目（全 120 人）', '101〜120 人目（全 120 人）']);
    expect(await page.locator('#range').inputValue()).toBe(String(PRINT_BATCH + 1));
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, 'statements-dialog.pdf'), pdf);
    expect(pdfPages(pdf)).toBe(MEMBERS);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.bar').isVisible()).toBe(false);
    // Each member's page starts a new sheet and no page is taller than A4's printable height
    // (297 mm − 2 × 11 mm margin = 275 mm ≈ 1039 px at 96 dpi).
    const heights = await page.evaluate(() => Array.from(document.querySelectorAll('.page')).map((p) => (p as HTMLElement).getBoundingClientRect().height));
    expect(heights).toHaveLength(MEMBERS);
    for (const h of heights) expect(h).toBeLessThanOrEqual(1039);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text.match(/配分金明細書/g)).toHaveLength(MEMBERS);
    await page.close();
  });
});
