import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { COORDINATOR, NOW } from '../app/sidebar/sidebar-fixture';
import { englishSidebarTables } from './english-fixture';
import { ARTIFACTS, describeInBrowser, openSidebarSession, type SidebarSession } from './helpers';

// The sidebar of an English-speaking center (Settings language = en, English tab and header
// names) in Chromium at 300px: every word the add-in itself shows must be English, and nothing
// may overflow sideways. The center's kana column stays kana: it is what coordinators search by.
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/u;

/** The page's visible text and accessible names, without the workbook's own kana. */
async function addInText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (parent && parent.closest('script, style') === null && (n.textContent ?? '').trim()) texts.push((n.textContent ?? '').trim());
    }
    for (const e of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title]'))) {
      for (const a of ['aria-label', 'placeholder', 'title']) { const v = e.getAttribute(a); if (v) texts.push(v); }
    }
    for (const o of Array.from(document.querySelectorAll('option'))) if (o.textContent) texts.push(o.textContent);
    return texts;
  }).then((all) => all.map((x) => x.replace(/[ァ-ヶー]+( [ァ-ヶー]+)?/gu, '')));
}

async function noSideways(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(300);
}

describeInBrowser('the sidebar in Chromium (English)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(englishSidebarTables(), { now: NOW, tempPrefix: 'ikigai-sidebar-en-', locale: 'en-US' });
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(): Promise<Page> {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: 'Activity' }).waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  test('opens in English with its tabs, the center name and the English role', async () => {
    expect(session.server.user).toBe(COORDINATOR);
    const page = await open();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.title()).resolves.toBe('Ikigai Desk');
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(['Activity', 'Develop', 'Matching', 'This week', 'Events', 'Follow-ups', 'Work log', 'Members']);
    await expect(page.locator('h1').textContent()).resolves.toBe('Kashiwa Silver Human Resource Center');
    await expect(page.locator('header p').textContent()).resolves.toBe('Hanako Tanaka (coordinator)');
    const panel = page.locator('#panel-activity');
    await expect(panel.locator('label').allTextContents()).resolves.toEqual(['Date', 'Area', 'Kind', 'Member', 'Client', 'Job', 'Minutes', 'Outcome', 'Notes']);
    await expect(panel.getByLabel('Area', { exact: true }).locator('option').allTextContents()).resolves.toEqual(['development', 'recruitment', 'matching', 'follow up']);
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-en-open.png'), fullPage: true });
    expect((await addInText(page)).filter((x) => JAPANESE.test(x))).toEqual([]);
    await page.close();
  });

  test('logs an activity: it is saved with English codes in the English tab and shows at the top', async () => {
    const page = await open();
    const panel = page.locator('#panel-activity');
    const field = (name: string) => panel.getByLabel(name, { exact: true });
    await field('Area').selectOption({ label: 'matching' });
    await field('Kind').selectOption({ label: 'visit' });
    await field('Member').fill('M001 アオキ イチロウ Ichiro Aoki');
    await field('Job').fill('J001 Cleaning a care home');
    await field('Minutes').fill('45');
    await field('Outcome').fill('Interview date set');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved (A000008)').waitFor();
    const first = page.locator('#recent-activities li').first();
    await expect(first.getAttribute('data-id')).resolves.toBe('A000008');
    await expect(first.locator('.line1').textContent()).resolves.toBe('2025-06-11 matching, visit 45\u00a0min');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-en-activity.png'), fullPage: true });
    expect((await addInText(page)).filter((x) => JAPANESE.test(x))).toEqual([]);

    const saved = (await readWorkbookFile(session.workbook)).read(['Activities'])?.rows ?? [];
    expect(saved.find((r) => r[0] === 'A000008')?.slice(0, 10)).toEqual(['A000008', { date: '2025-06-11' }, COORDINATOR, 'matching', 'visit', 'M001', null, 'J001', 45, 'Interview date set']);
    await page.close();
  });

  test('matching and this week speak English too, within 300px', async () => {
    const page = await open();
    await page.getByRole('tab', { name: 'Matching' }).click();
    await page.locator('#panel-matching').getByLabel('Job', { exact: true }).selectOption('J001');
    await page.getByRole('button', { name: 'Show candidates' }).click();
    const m2 = page.locator('li.candidate[data-member="M002"]');
    await m2.waitFor();
    await expect(page.locator('#candidates-title').textContent()).resolves.toBe('Top 2 of 2 (best first)');
    await expect(m2.locator('.facts').textContent()).resolves.toBe('イノウエ カズコ, age 73, Kashiwa');
    await expect(page.locator('#match-job .places-left').textContent()).resolves.toBe('2 places left');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-en-matching.png'), fullPage: true });
    expect((await addInText(page)).filter((x) => JAPANESE.test(x))).toEqual([]);

    // Place asks once more in the card; placed today, it can be undone (undo_place): the job is
    // filled at once and open again after the undo, and the Matches row is back to proposed.
    await m2.getByRole('button', { name: 'M002 Place' }).click();
    await m2.getByText('Place M002 Kazuko Inoue?').waitFor();
    expect((await addInText(page)).filter((x) => JAPANESE.test(x))).toEqual([]);
    await m2.getByRole('button', { name: 'M002 Yes, place' }).click();
    await m2.getByRole('button', { name: 'M002 Undo' }).waitFor();
    await expect(page.locator('#match-job .job-state').textContent()).resolves.toBe('filled');
    await expect(page.locator('#match-job .places-left').textContent()).resolves.toBe('0 places left');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-en-matching-placed.png'), fullPage: true });
    expect((await addInText(page)).filter((x) => JAPANESE.test(x))).toEqual([]);
    await m2.getByRole('button', { name: 'M002 Undo' }).click();
    await m2.getByText('M002 Kazuko Inoue: proposed').waitFor();
    await expect(page.locator('#match-job .job-state').textContent()).resolves.toBe('open');
    const matches = (await readWorkbookFile(session.workbook)).read(['Matches'])?.rows ?? [];
    expect(matches.map((r) => r.slice(1, 7))).toEqual([['J001', 'M002', 'contract', 'proposed', { date: '2025-06-11' }, null]]);
    expect((await readWorkbookFile(session.workbook)).read(['Jobs'])?.rows.find((r) => r[0] === 'J001')?.[13]).toBe('open');

    await page.getByRole('tab', { name: 'This week' }).click();
    await page.getByText('This week 2025-06-09 – 2025-06-11').waitFor();
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-en-week.png'), fullPage: true });
    expect((await addInText(page)).filter((x) => JAPANESE.test(x))).toEqual([]);
    await page.close();
  });

  test('the job picker, Close / Reopen and Propose this team speak English too', async () => {
    const page = await open();
    await page.getByRole('tab', { name: 'Matching' }).click();
    const panel = page.locator('#panel-matching');
    await expect(panel.locator('select option').allTextContents()).resolves.toEqual([
      'Pick a job.', 'J001 Cleaning a care home · Himawari Home · Mon-AM, Wed-AM · 2 left', 'J002 Garden upkeep · Kashiwa Trading · Tue-AM · 1 left',
    ]);
    await panel.getByLabel('Show filled and closed too').check();
    await panel.getByLabel('Job', { exact: true }).selectOption('J002');
    await panel.getByRole('button', { name: 'J002 Close' }).click();
    await panel.getByText('Job J002: closed').waitFor();
    await expect(panel.locator('option[value="J002"]').textContent()).resolves.toBe('J002 Garden upkeep · Kashiwa Trading · Tue-AM · closed · 1 left');
    expect((await readWorkbookFile(session.workbook)).read(['Jobs'])?.rows.find((r) => r[0] === 'J002')?.[13]).toBe('closed');
    expect((await addInText(page)).filter((x) => JAPANESE.test(x))).toEqual([]);
    await panel.getByRole('button', { name: 'J002 Reopen' }).click();
    await panel.getByText('Job J002: open').waitFor();
    expect((await readWorkbookFile(session.workbook)).read(['Jobs'])?.rows.find((r) => r[0] === 'J002')?.[13]).toBe('open');

    // M002 is already proposed for J001 (the test above): the team proposal skips them, saying why.
    await panel.getByLabel('Job', { exact: true }).selectOption('J001');
    await panel.getByRole('button', { name: 'Show candidates' }).click();
    await panel.locator('#mosaic').waitFor();
    await panel.getByRole('button', { name: 'Propose this team' }).click();
    await panel.locator('ul.skipped li[data-member="M002"]', { hasText: 'M002' }).waitFor();
    await expect(panel.locator('ul.skipped li.head').textContent()).resolves.toBe('Not proposed');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-en-team.png'), fullPage: true });
    expect((await addInText(page)).filter((x) => JAPANESE.test(x))).toEqual([]);
    await page.close();
  });

  test('develops a client and a job in English: English labels, codes in the Clients and Jobs tabs', async () => {
    const page = await open();
    await page.getByRole('tab', { name: 'Develop' }).click();
    const panel = page.locator('#panel-develop');
    await panel.getByLabel('Name', { exact: true }).fill('Sakura Home');
    await panel.getByLabel('Sector', { exact: true }).selectOption({ label: 'welfare' });
    await panel.getByRole('button', { name: 'Register client' }).click();
    await panel.getByText('Sakura Home registered as client C0003').waitFor();
    await panel.getByLabel('Job title', { exact: true }).fill('Canteen cleaning');
    await panel.getByRole('checkbox', { name: 'Tue-PM' }).check();
    await panel.getByRole('checkbox', { name: 'Fri-AM' }).check();
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-en-develop.png'), fullPage: true });
    expect((await addInText(page)).filter((x) => JAPANESE.test(x))).toEqual([]);
    await panel.getByRole('button', { name: 'Register job' }).click();
    await panel.getByText('Canteen cleaning registered as job J0003 (ready in Matching)').waitFor();
    const saved = await readWorkbookFile(session.workbook);
    expect(saved.read(['Clients'])?.rows.find((r) => r[0] === 'C0003')?.slice(1, 3)).toEqual(['Sakura Home', 'welfare']);
    expect(saved.read(['Jobs'])?.rows.find((r) => r[0] === 'J0003')?.slice(1, 8)).toEqual(['C0003', 'Canteen cleaning', null, 'contract', null, 'Tue-PM, Fri-AM', 1]);
    await page.close();
  });
});
