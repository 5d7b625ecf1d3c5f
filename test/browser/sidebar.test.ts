import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { COORDINATOR, NOW, sidebarTables } from '../app/sidebar/sidebar-fixture';
import { ARTIFACTS, describeInBrowser, openSidebarSession, type SidebarSession } from './helpers';

// The built sidebar (dist/sidebar.html) in Debian's Chromium at the width of the Sheets sidebar
// (300px), against the dev server on a temporary copy of a small workbook. Each test drives the
// page as a coordinator would and then reads the .xlsx file to see what was really saved.
describeInBrowser('the sidebar in Chromium (Japanese)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(sidebarTables(), { now: NOW, tempPrefix: 'ikigai-sidebar-' });
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(): Promise<Page> {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '活動記録' }).waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  async function noSideways(page: Page): Promise<void> {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(300);
  }

  test('opens in Japanese as the first active coordinator, with its tabs', async () => {
    expect(session.server.user).toBe(COORDINATOR);
    const page = await open();
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(['活動記録', '開拓', 'マッチング', '今週', 'イベント', '継続支援', '就業実績', '会員']);
    await expect(page.locator('h1').textContent()).resolves.toBe('柏市シルバー人材センター');
    await page.close();
  });

  test('logs an activity with one click; it appears at the top of the recent list and in the .xlsx', async () => {
    const page = await open();
    const panel = page.locator('#panel-activity');
    const field = (name: string) => panel.getByLabel(name, { exact: true });
    await expect(field('日付').inputValue()).resolves.toBe('2025-06-11');
    await field('分野').selectOption({ label: 'マッチング' });
    await field('種別').selectOption({ label: '訪問' });
    await field('会員').fill('M001 アオキ イチロウ 青木 一郎');
    await field('仕事').fill('J001');
    await field('所要時間（分）').fill('30');
    await field('結果').fill('面談日決定');
    await field('メモ').fill('=HYPERLINK("http://evil.example","x")');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-activity-filled.png'), fullPage: true });
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました（A000008）').waitFor();
    const first = page.locator('#recent-activities li').first();
    await expect(first.getAttribute('data-id')).resolves.toBe('A000008');
    await expect(first.textContent()).resolves.toContain('M001 アオキ イチロウ');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-activity.png'), fullPage: true });

    const saved = (await readWorkbookFile(session.workbook)).read(['活動記録'])?.rows ?? [];
    const row = saved.find((r) => r[0] === 'A000008');
    expect(row?.slice(0, 11)).toEqual(['A000008', { date: '2025-06-11' }, COORDINATOR, 'マッチング', '訪問', 'M001', null, 'J001', 30, '面談日決定', '\'=HYPERLINK("http://evil.example","x")']);
    const audit = (await readWorkbookFile(session.workbook)).read(['監査ログ'])?.rows ?? [];
    expect(audit.map((r) => r[4])).toContain('A000008');
    await page.close();
  });

  test('matches a job and places a member: the マッチング row in the .xlsx says 成立 with placed_on', async () => {
    const page = await open();
    await page.getByRole('tab', { name: 'マッチング' }).click();
    await page.locator('#panel-matching').getByLabel('仕事を選ぶ', { exact: true }).selectOption('J001');
    await page.getByRole('button', { name: '候補を表示' }).click();
    const m2 = page.locator('li.candidate[data-member="M002"]');
    await m2.waitFor();
    await expect(page.locator('li.candidate[data-member="M004"]').count()).resolves.toBe(0);
    await expect(m2.locator('.reasons li').count()).resolves.toBeGreaterThan(0);
    // The card says who to call: kanji name, kana, age, district, the phone as a tel: link.
    await expect(m2.locator('.name').textContent()).resolves.toBe('井上 和子');
    await expect(m2.locator('.facts').textContent()).resolves.toBe('イノウエ カズコ、73歳、柏');
    await expect(m2.locator('a.tel').getAttribute('href')).resolves.toBe('tel:0400000002');
    await expect(m2.locator('.recent').textContent()).resolves.toBe('最近90日の就業 0日');
    await expect(page.locator('#candidates-title').textContent()).resolves.toMatch(/^上位 \d+人 \/ \d+人（適合度の高い順）$/);
    await expect(page.locator('#match-job .job-state').textContent()).resolves.toBe('募集中');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-matching.png'), fullPage: true });
    await m2.getByRole('button', { name: 'M002 提案' }).click();
    await m2.locator('.badge', { hasText: '提案' }).waitFor();
    // After 提案 the next steps are offered: 面接, 成立, 辞退, 不成立.
    await expect(m2.locator('.actions button').allTextContents()).resolves.toEqual(['面接', '成立', '辞退', '不成立']);
    // 成立 asks once more inside the card; やめる leaves everything as it was.
    await m2.getByRole('button', { name: 'M002 成立' }).click();
    await m2.getByText('M002 井上 和子 さんを成立にしますか？').waitFor();
    await m2.getByRole('button', { name: 'M002 やめる' }).click();
    await m2.getByRole('button', { name: 'M002 成立' }).click();
    await m2.getByRole('button', { name: 'M002 成立にする' }).click();
    await m2.getByRole('button', { name: 'M002 終了' }).waitFor();
    await expect(m2.locator('.badge').textContent()).resolves.toBe('成立');
    await page.getByText('M002 井上 和子 を「成立」にしました').waitFor();
    // Placed today: it can be taken back the same day.
    await expect(m2.locator('.actions button').allTextContents()).resolves.toEqual(['終了', '取り消す']);
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-matching-placed.png'), fullPage: true });

    const rows = (await readWorkbookFile(session.workbook)).read(['マッチング'])?.rows ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(0, 9)).toEqual(['X000001', 'J001', 'M002', '請負', '成立', { date: '2025-06-11' }, { date: '2025-06-11' }, null, COORDINATOR]);
    await page.close();
  });

  test('shows the week’s figures with the change from last week', async () => {
    const page = await open();
    await page.getByRole('tab', { name: '今週' }).click();
    await page.getByText('今週 2025-06-09〜2025-06-11').waitFor();
    const activities = page.locator('tr[data-key="activities"] td');
    // By now this week holds A000007 (fixture), A000008 (logged above) and the マッチング activities
    // the 提案 and the 成立 above logged themselves (A000009, A000010): 4 this week, 0 last week.
    await expect(activities.allTextContents()).resolves.toEqual(['4', '▲4']);
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-week.png'), fullPage: true });
    await page.close();
  });

  test('a coordinator can log an activity with the keyboard alone', async () => {
    const page = await open();
    const kb = page.keyboard;
    const focusedLabel = (): Promise<string | null | undefined> =>
      page.evaluate(() => { const id = document.activeElement?.id; return id ? document.querySelector(`label[for="${id}"]`)?.textContent : null; });
    // Focus starts in the first field of 活動記録 (the date); Tab walks the labelled fields in order
    // (the date field itself takes a Tab per part: year, month, day).
    await expect(focusedLabel()).resolves.toBe('日付');
    for (let i = 0; i < 4 && (await focusedLabel()) !== '分野'; i++) await kb.press('Tab');
    await expect(focusedLabel()).resolves.toBe('分野');
    await kb.press('ArrowDown'); // 開拓 → 募集・支援
    await kb.press('Tab'); // 種別
    await kb.press('ArrowDown'); // (なし) → 訪問
    await kb.press('ArrowDown'); // → 電話
    await kb.press('Tab'); // 会員
    await kb.type('M003');
    await kb.press('Tab'); // 提供先
    await kb.press('Tab'); // 仕事
    await kb.press('Tab'); // 所要時間
    await kb.type('15');
    await kb.press('Enter'); // submits the form
    await page.getByText('保存しました（A000011）').waitFor();
    const saved = (await readWorkbookFile(session.workbook)).read(['活動記録'])?.rows ?? [];
    expect(saved.find((r) => r[0] === 'A000011')?.slice(3, 9)).toEqual(['募集・支援', '電話', 'M003', null, null, 15]);
    // The tabs answer to arrow keys too.
    await page.getByRole('tab', { name: '活動記録' }).focus();
    await kb.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('開拓');
    await kb.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('マッチング');
    await expect(page.locator('#panel-matching').isVisible()).resolves.toBe(true);
    await page.close();
  });
});
