import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { COORDINATOR, NOW } from '../app/sidebar/sidebar-fixture';
import { activityRowsByExcelJs, addFormulaColumn, dayWorkbook, FORMULA_HEADER } from './day-workbook';
import { ARTIFACTS, describeInBrowser, openSidebarSession, type SidebarSession } from './helpers';

// Corrections in the 活動記録 panel of the built sidebar, in Chromium at 300px, against the dev
// server on the day fixture with a formula column the center added to 活動記録 (時間 = 所要分/60).
// tanaka's recent entries are A000008 (a call with M001 yesterday) and A000007 (a visit to C002);
// A000009 is the manager's. 訂正 writes only the changed cells, 取消 keeps the row with 状態 取消,
// an empty activity is refused before the call, and the server's refusal is shown too.

async function noSideways(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(300);
}

const ids = (page: Page): Promise<(string | null)[]> =>
  page.locator('#recent-activities li').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));

describeInBrowser('corrections in the 活動記録 panel in Chromium (Japanese)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(dayWorkbook('ja'), { now: NOW, tempPrefix: 'ikigai-corrections-', prepareWorkbook: addFormulaColumn });
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const opened = await session.openPage();
    await opened.page.locator('#recent-activities li[data-id]').first().waitFor();
    return opened;
  }

  test('refuses an empty activity before the call, with the message, and saves nothing', async () => {
    const { page, errors } = await open();
    const panel = page.locator('#panel-activity');
    await panel.getByLabel('分野', { exact: true }).selectOption({ label: '継続支援' });
    await panel.getByLabel('所要時間（分）').fill('0');
    await panel.getByLabel('結果').fill('   ');
    await page.getByRole('button', { name: '保存する' }).click();
    await panel.getByText('記録する内容がありません。会員・提供先・仕事を選ぶか、所要時間（1分以上）・結果・メモのどれかを入れてください。').waitFor();
    await expect(ids(page)).resolves.toEqual(['A000008', 'A000007']);
    expect(errors).toEqual([]);
    await page.close();
    const rows = (await readWorkbookFile(session.workbook)).read(['活動記録'])?.rows ?? [];
    expect(rows.map((r) => r[0])).toEqual(['A000007', 'A000008', 'A000009', 'A000005']);
  });

  test('訂正 opens the entry in the form and saves only the changed cells; the formula column stays', async () => {
    const before = await activityRowsByExcelJs(session.workbook);
    const { page, errors } = await open();
    const panel = page.locator('#panel-activity');
    // Only my own entries are listed, each with 訂正 and 取消.
    await expect(ids(page)).resolves.toEqual(['A000008', 'A000007']);
    await panel.getByRole('button', { name: '訂正（A000007）' }).click();
    await expect(panel.locator('#activity-mode').textContent()).resolves.toBe('A000007 を訂正しています');
    const field = (name: string) => panel.getByLabel(name, { exact: true });
    await expect(field('日付').inputValue()).resolves.toBe('2025-06-09');
    await expect(field('分野').inputValue()).resolves.toBe('development');
    await expect(field('種別').inputValue()).resolves.toBe('visit');
    await expect(field('提供先').inputValue()).resolves.toBe('C002 柏商事');
    await expect(field('所要時間（分）').inputValue()).resolves.toBe('60');
    await expect(field('結果').inputValue()).resolves.toBe('新規開拓');
    await field('所要時間（分）').fill('92'); // not a multiple of 5: the form takes any whole minute
    await field('メモ').fill('=1+1 園長と面談');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-correction-form.png'), fullPage: true });
    await noSideways(page);
    await page.getByRole('button', { name: '訂正を保存' }).click();
    await panel.getByText('A000007 を訂正しました').waitFor();
    await expect(panel.locator('#activity-mode').isHidden()).resolves.toBe(true);
    // The form is back to a new entry of today's.
    await expect(field('日付').inputValue()).resolves.toBe('2025-06-11');
    await expect(panel.locator('li[data-id="A000007"]').textContent()).resolves.toContain('92分');
    await expect(page.getByRole('button', { name: '保存する' }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();

    const after = await activityRowsByExcelJs(session.workbook);
    // 所要分 and メモ changed; every other cell of the row, the formula included, is as it was.
    expect(after['A000007']).toEqual({ ...before['A000007'], 所要分: 92, メモ: '\'=1+1 園長と面談' });
    expect(after['A000007']?.[FORMULA_HEADER]).toBe('=IF(I2="","",I2/60)');
    expect([after['A000008'], after['A000009'], after['A000005']]).toEqual([before['A000008'], before['A000009'], before['A000005']]);
    const audit = (await readWorkbookFile(session.workbook)).read(['監査ログ'])?.rows ?? [];
    expect(audit.map((r) => [r[2], r[4], String(r[5]).split(' ')[0]])).toEqual([['activity_correct', 'A000007', 'fields=minutes,notes']]);
  });

  test('訂正 that changes nothing, or empties the entry, is refused in the sidebar', async () => {
    const { page } = await open();
    const panel = page.locator('#panel-activity');
    await panel.getByRole('button', { name: '訂正（A000008）' }).click();
    await page.getByRole('button', { name: '訂正を保存' }).click();
    await panel.getByText('変更された項目がありません。').waitFor();
    for (const name of ['会員', '仕事', '所要時間（分）', '結果']) await panel.getByLabel(name, { exact: true }).fill('');
    await page.getByRole('button', { name: '訂正を保存' }).click();
    await panel.getByText('記録する内容がありません。', { exact: false }).waitFor();
    await page.getByRole('button', { name: '訂正をやめる' }).click();
    await expect(page.getByRole('button', { name: '保存する' }).count()).resolves.toBe(1);
    await page.close();
  });

  test('取消 asks inline, then keeps the entry listed as 取消 and the row in the tab with its 状態; a stale page shows the server\'s refusal', async () => {
    const stale = await open();
    const { page, errors } = await open();
    const panel = page.locator('#panel-activity');
    await panel.getByRole('button', { name: '取消（A000008）' }).click();
    await panel.getByText('この記録を取り消しますか？', { exact: false }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-withdraw-confirm.png'), fullPage: true });
    // やめる leaves it as it was.
    await panel.getByRole('button', { name: 'やめる' }).click();
    await expect(panel.getByRole('button', { name: '取消を確定（A000008）' }).count()).resolves.toBe(0);
    await panel.getByRole('button', { name: '取消（A000008）' }).click();
    await panel.getByRole('button', { name: '取消を確定（A000008）' }).click();
    await panel.getByText('A000008 を取り消しました').waitFor();
    const entry = panel.locator('li[data-id="A000008"]');
    await expect(entry.getAttribute('data-status')).resolves.toBe('withdrawn');
    await expect(entry.locator('.badge').textContent()).resolves.toBe('取消');
    await expect(entry.locator('button').count()).resolves.toBe(0);
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-withdrawn.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();

    // The page opened before the withdrawal still offers 訂正: the server refuses and it is shown.
    const sp = stale.page.locator('#panel-activity');
    await sp.getByRole('button', { name: '訂正（A000008）' }).click();
    await sp.getByLabel('所要時間（分）').fill('20');
    await stale.page.getByRole('button', { name: '訂正を保存' }).click();
    await sp.getByText('活動 A000008 は取消済みです。必要なら新しく記録してください。').waitFor();
    await stale.page.close();

    const rows = (await readWorkbookFile(session.workbook)).read(['活動記録'])?.rows ?? [];
    expect(rows.map((r) => r[0])).toEqual(['A000007', 'A000008', 'A000009', 'A000005']);
    const row = rows.find((r) => r[0] === 'A000008');
    // Every cell as the fixture wrote it ('' kept as ''), and 状態 取消.
    expect(row?.slice(0, 13)).toEqual(['A000008', { date: '2025-06-10' }, COORDINATOR, 'マッチング', '電話', 'M001', '', 'J001', 15, '面談日を調整', '', { date: '2025-06-10T11:00:00' }, '取消']);
    const excel = await activityRowsByExcelJs(session.workbook);
    expect(excel['A000008']?.[FORMULA_HEADER]).toBe('=IF(I3="","",I3/60)');
  });
});

describeInBrowser('corrections in the 活動記録 panel in Chromium (English)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(dayWorkbook('en'), { now: NOW, tempPrefix: 'ikigai-corrections-en-', locale: 'en-US' });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('corrects and withdraws an entry in English', async () => {
    const { page, errors } = await session.openPage();
    const panel = page.locator('#panel-activity');
    await panel.locator('#recent-activities li[data-id]').first().waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.getByText('Nothing to record yet: pick a member, client or job, or enter minutes (1 or more), an outcome or notes.').waitFor();
    await panel.getByRole('button', { name: 'Correct (A000007)' }).click();
    await expect(panel.locator('#activity-mode').textContent()).resolves.toBe('Correcting A000007');
    await panel.getByLabel('Minutes').fill('45');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await panel.getByText('A000007 corrected').waitFor();
    await panel.getByRole('button', { name: 'Withdraw (A000008)' }).click();
    await panel.getByRole('button', { name: 'Confirm withdrawal (A000008)' }).click();
    await panel.getByText('A000008 withdrawn').waitFor();
    await expect(panel.locator('li[data-id="A000008"] .badge').textContent()).resolves.toBe('Withdrawn');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-corrections-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
    const rows = (await readWorkbookFile(session.workbook)).read(['活動記録'])?.rows ?? [];
    expect(rows.find((r) => r[0] === 'A000007')?.[8]).toBe(45);
    expect(rows.find((r) => r[0] === 'A000008')?.[12]).toBe('withdrawn');
  });
});
