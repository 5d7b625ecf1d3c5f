import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificateHtml } from '../../src/domain/work/certificate-html';
import { annualPay } from '../../src/domain/work/annual-pay';
import { monthlyPay } from '../../src/domain/work/monthly-pay';
import { DAILY_ROWS_MAX, statementHtml } from '../../src/domain/work/statement-html';
import type { WorkRecord } from '../../src/domain/schema/tabs';
import { job, work } from '../domain/work/fixtures';
import { ARTIFACTS, describeInBrowser, launchChromium, type LaunchedChromium } from './helpers';

// The 配分金明細 and the 支払証明書 printed by Chromium to an A4 PDF (page.pdf): one page each, in
// Japanese, at the statement's large type — the fullest statement that still lists every day
// (20 rows, long job titles, a 金額 override, the rounding note and a 派遣 note), a member with
// more rows (one line per job instead), and a year of twelve paid months. Screenshots go to
// test-artifacts/ for a reviewer.
const JOBS = [
  job({ job_id: 'J1', client_id: 'C1', unit_price: 1050, title: '市民体育館・総合運動公園の清掃と除草（午前の部）' }),
  job({ job_id: 'J2', client_id: 'C2', engagement: 'mandate', unit_price: 3500, unit: 'day', title: '高齢者福祉施設の送迎補助・見守り' }),
  job({ job_id: 'J3', client_id: 'C2', engagement: 'dispatch', unit_price: 1100, title: '倉庫作業' }),
];
const day = (d: number): string => `2015-06-${String(d).padStart(2, '0')}`;

function fullest(rows: number): WorkRecord[] {
  const out: WorkRecord[] = [];
  for (let i = 0; i < rows; i++) out.push(work(`W${i}`, day((i % 30) + 1), 'M0001', i % 3 === 0 ? 'J2' : 'J1', i % 2 === 0 ? 3.5 : 4.25, i === 4 ? 4321 : null));
  out.push(work('D1', day(10), 'M0001', 'J3', 4));
  return out;
}

function statement(rows: number): string {
  const pay = monthlyPay({ workLog: fullest(rows), jobs: JOBS, feeRate: 10 }, '2015-06');
  const titles = new Map(JOBS.map((j) => [j.job_id, j.title]));
  return statementHtml({
    centerName: '公益社団法人 柏市シルバー人材センター', memberId: 'M0001', memberName: '長谷川 ゆかり', month: '2015-06',
    pay: pay.members[0]!, dispatch: pay.dispatch[0], jobTitles: titles, issuedOn: '2015-07-03',
  });
}

function certificate(): string {
  const rows = Array.from({ length: 12 }, (_, i) => {
    const m = i === 0 ? '2015-12' : `2016-${String(i).padStart(2, '0')}`;
    return [work(`a${i}`, `${m}-05`, 'M0001', 'J1', 3.5), work(`b${i}`, `${m}-12`, 'M0001', 'J2', 6)];
  }).flat();
  const year = annualPay({ workLog: rows, jobs: JOBS, feeRate: 10 }, 2016);
  return certificateHtml({ centerName: '公益社団法人 柏市シルバー人材センター', memberId: 'M0001', memberName: '長谷川 ゆかり', year: 2016, member: year.members[0]!, issuedOn: '2017-01-20' });
}

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describeInBrowser('the statements printed by Chromium', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    browser = await launchChromium({ width: 794, height: 1123 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function printed(name: string, html: string): Promise<{ pages: number; text: string; cut: string[] }> {
    const page = await browser.context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `${name}.pdf`), pdf);
    writeFileSync(join(ARTIFACTS, `${name}.html`), html);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    const text = await page.evaluate(() => document.body.innerText);
    // Cells whose text does not fit (shown with …): only a long job title may be.
    const cut = await page.evaluate(() => Array.from(document.querySelectorAll('td, th'))
      .filter((c) => c.scrollWidth > c.clientWidth + 1 && !(c as HTMLElement).title).map((c) => (c as HTMLElement).innerText));
    await page.close();
    return { pages: pdfPages(pdf), text, cut };
  }

  it(`fits a statement listing ${DAILY_ROWS_MAX} days on one A4 page`, async () => {
    const { pages, text, cut } = await printed('statement-a4', statement(DAILY_ROWS_MAX));
    expect(pages).toBe(1);
    expect(cut).toEqual([]);
    expect(text).toContain('配分金明細書');
    expect(text).toContain('長谷川 ゆかり 様');
    expect(text).toContain('派遣の就業 1日・4時間は賃金としてお支払いします');
  });

  it('fits a member with more rows on one page, one line per job', async () => {
    const { pages, text, cut } = await printed('statement-a4-by-job', statement(45));
    expect(pages).toBe(1);
    expect(cut).toEqual([]);
    expect(text).toContain('日ごとの内訳はセンターでご覧いただけます（45件）');
  });

  it('fits a year of twelve paid months on one page', async () => {
    const { pages, text, cut } = await printed('certificate-a4', certificate());
    expect(pages).toBe(1);
    expect(cut).toEqual([]);
    expect(text).toContain('2016年の配分金支払額');
  });
});
