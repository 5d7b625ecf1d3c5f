import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { COORDINATOR, NOW, VIEWER } from '../app/sidebar/sidebar-fixture';
import { activityRowsByExcelJs, addFormulaColumn, dayWorkbook, FORMULA_HEADER } from './day-workbook';
import { ARTIFACTS, describeInBrowser, holdBack, openSidebarSession, type SidebarSession } from './helpers';
import { builtRowOf, encodeRows, listHeader, rowOf } from '../../src/app/follow-ups/stored-list';

// The 継続支援 panel of the built sidebar in Chromium at 300px, against the dev server on the day
// fixture (today 2025-06-11; M003 placed on J002 on 06-02, so its 1-week call is due): who to
// call, grouped, with name, kana, a tel: link and the reason; 「フォロー済み」 in one click lands
// in 活動記録 in the .xlsx and takes the person off the list. A viewer sees the list only.

async function noSideways(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(300);
}

describeInBrowser('the 継続支援 panel in Chromium (Japanese, coordinator)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(dayWorkbook('ja'), { now: NOW, tempPrefix: 'ikigai-follow-ups-', prepareWorkbook: addFormulaColumn });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('今週\'s 継続支援を開く opens the list: grouped with counts, each with name, kana, tel: link and reason', async () => {
    expect(session.server.user).toBe(COORDINATOR);
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '今週' }).click();
    const week = page.locator('#panel-week');
    // 要フォロー is the weekly KPI (kpi.md), which counts other people than the list: its figure is
    // no link; the way to the list is named as the panel, the KPI's definition beside it.
    await expect(week.locator('tr[data-key="follow_ups_due"] a').count()).resolves.toBe(0);
    // Marked ※: counted at the last recount of the stored figures, not kept by the writes (kpi.md).
    await expect(week.locator('tr[data-key="follow_ups_due"] th').textContent()).resolves.toBe('要フォロー※');
    await expect(week.locator('#week-as-of').textContent()).resolves.toContain('時点の集計');
    const kpi = Number(await week.locator('tr[data-key="follow_ups_due"] td.num').first().textContent());
    await expect(week.locator('#week-follow-ups-note').textContent()).resolves.toContain('成立から14〜60日');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-week-follow-ups-link.png'), fullPage: true });
    await week.getByRole('link', { name: '継続支援を開く（今日連絡する人の一覧）' }).click();
    await expect(page.getByRole('tab', { name: '継続支援' }).getAttribute('aria-selected')).resolves.toBe('true');
    const panel = page.locator('#panel-follow-ups');
    await panel.locator('li.follow-up').first().waitFor();
    await expect(panel.locator('p.muted').first().textContent()).resolves.toBe('2025-06-11 に連絡する人');
    await expect(panel.locator('h2').allTextContents()).resolves.toEqual(['成立から1週間 1人', '仕事を待っている会員 4人', '連絡が途絶えている会員 2人']);
    // The very case the link's name is for: 要フォロー 0 (M003's placement is 9 days old, under the
    // KPI's 14), yet seven people to call today.
    expect(kpi).toBe(0);
    // M001 was called yesterday (A000008): not listed as waiting.
    await expect(panel.locator('li.follow-up').evaluateAll((els) => els.map((e) => e.getAttribute('data-member'))))
      .resolves.toEqual(['M003', 'M002', 'M006', 'M007', 'M008', 'M004', 'M009']);
    const m3 = panel.locator('li.follow-up[data-member="M003"]');
    await expect(m3.locator('.who').textContent()).resolves.toBe('上野 三郎 ウエノ サブロウ');
    await expect(m3.getByRole('link', { name: '上野 三郎 さんに電話' }).getAttribute('href')).resolves.toBe('tel:0400000003');
    await expect(m3.locator('.reason').textContent()).resolves.toBe('就業1週間（植木の手入れ、2025-06-02 成立）');
    await expect(panel.locator('li.follow-up[data-member="M002"] .reason').textContent()).resolves.toBe('入会から4年以上（2021-04-01 入会）');
    // M002's last call (05-01, the manager's) is shown: the wait counts from joining all the same.
    await expect(panel.locator('li.follow-up[data-member="M002"] .reason + div').textContent()).resolves.toBe('最後の連絡 2025-05-01');
    // M004 has no phone in 会員: said so, no link.
    await expect(panel.locator('li.follow-up[data-member="M004"] .phone').textContent()).resolves.toBe('電話番号の登録なし');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-follow-ups.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('「フォロー済み」 in one click, with an outcome and a note: in 活動記録 of the .xlsx, off the list, in the recent entries', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '継続支援' }).click();
    const panel = page.locator('#panel-follow-ups');
    const m3 = panel.locator('li.follow-up[data-member="M003"]');
    await m3.waitFor();
    await m3.getByText('結果・メモを添える').click();
    await m3.getByLabel('結果').fill('順調、休まず通っている');
    await m3.getByLabel('メモ').fill('=HYPERLINK("http://evil.example","x")');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-follow-ups-note.png'), fullPage: true });
    await panel.getByRole('button', { name: 'フォロー済み（上野 三郎）' }).click();
    await panel.getByText('上野 三郎 さんのフォローを記録しました（A000010）。一覧から外しました').waitFor();
    await expect(m3.count()).resolves.toBe(0);
    // Focus moved on (the group's heading: M003 was its only person), not to the top of the page.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('follow-ups-placed_1w');
    await expect(panel.locator('section[data-reason="placed_1w"]').textContent()).resolves.toContain('このグループは全員済みです。');
    await expect(panel.locator('h2').first().textContent()).resolves.toBe('成立から1週間 0人');
    // A waiting member, no note: one click.
    await panel.getByRole('button', { name: 'フォロー済み（井上 和子）' }).click();
    await panel.getByText('井上 和子 さんのフォローを記録しました（A000011）。一覧から外しました').waitFor();
    await expect(panel.locator('h2').nth(1).textContent()).resolves.toBe('仕事を待っている会員 3人');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-follow-ups-done.png'), fullPage: true });
    // The 活動記録 panel lists them at the top, without a reload.
    await page.getByRole('tab', { name: '活動記録' }).click();
    await expect(page.locator('#recent-activities li').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))))
      .resolves.toEqual(['A000011', 'A000010', 'A000008', 'A000007']);
    expect(errors).toEqual([]);
    await page.close();

    const rows = (await readWorkbookFile(session.workbook)).read(['活動記録'])?.rows ?? [];
    const byId = new Map(rows.map((r) => [r[0], r.slice(0, 11)]));
    expect(byId.get('A000010')).toEqual(['A000010', { date: '2025-06-11' }, COORDINATOR, '継続支援', 'フォロー', 'M003', null, 'J002', null, '順調、休まず通っている', '\'=HYPERLINK("http://evil.example","x")']);
    expect(byId.get('A000011')).toEqual(['A000011', { date: '2025-06-11' }, COORDINATOR, '継続支援', 'フォロー', 'M002', null, null, null, null, null]);
    // The center's formula column is untouched on the rows that were there.
    const excel = await activityRowsByExcelJs(session.workbook);
    expect(['A000007', 'A000008', 'A000009', 'A000005'].map((id) => excel[id]?.[FORMULA_HEADER])).toEqual(['=IF(I2="","",I2/60)', '=IF(I3="","",I3/60)', '=IF(I4="","",I4/60)', '=IF(I5="","",I5/60)']);
    // Names and phones never reach the audit tab.
    const audit = JSON.stringify((await readWorkbookFile(session.workbook)).read(['監査ログ'])?.rows ?? []);
    expect(audit).toContain('A000010');
    expect(audit).not.toMatch(/上野|井上|0000-000/);

    // Opened again, the list no longer has them.
    const again = await session.openPage();
    await again.page.getByRole('tab', { name: '継続支援' }).click();
    await again.page.locator('#panel-follow-ups li.follow-up').first().waitFor();
    await expect(again.page.locator('#panel-follow-ups li.follow-up').evaluateAll((els) => els.map((e) => e.getAttribute('data-member'))))
      .resolves.toEqual(['M006', 'M007', 'M008', 'M004', 'M009']);
    await again.page.close();
  });
});

describeInBrowser('the 継続支援 panel in Chromium (English, coordinator)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(dayWorkbook('en'), { now: NOW, tempPrefix: 'ikigai-follow-ups-en-', locale: 'en-US' });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('lists who to call in English and logs a follow-up in one click', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: 'Follow-ups' }).click();
    const panel = page.locator('#panel-follow-ups');
    await panel.locator('li.follow-up').first().waitFor();
    await expect(panel.locator('h2').allTextContents()).resolves.toEqual(['One week since placement 1', 'Waiting for work 4', 'Not contacted for long 2']);
    await expect(panel.locator('li.follow-up[data-member="M003"] .reason').textContent()).resolves.toBe('one week at work (植木の手入れ, placed 2025-06-02)');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-follow-ups-en.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Followed up (上野 三郎)' }).click();
    await panel.getByText('Follow-up with 上野 三郎 recorded (A000010) and taken off the list').waitFor();
    await noSideways(page);
    expect(errors).toEqual([]);
    await page.close();
    const rows = (await readWorkbookFile(session.workbook)).read(['活動記録'])?.rows ?? [];
    // An English center's enumerations are written as their codes.
    expect(rows.find((r) => r[0] === 'A000010')?.slice(0, 8)).toEqual(['A000010', { date: '2025-06-11' }, COORDINATOR, 'follow_up', 'follow_up_contact', 'M003', null, 'J002']);
  });
});

describeInBrowser('the 継続支援 panel in Chromium (viewer)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(dayWorkbook('ja'), { now: NOW, tempPrefix: 'ikigai-follow-ups-viewer-', user: VIEWER });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('shows the list with every button and field disabled', async () => {
    expect(session.server.user).toBe(VIEWER);
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '継続支援' }).click();
    const panel = page.locator('#panel-follow-ups');
    await panel.locator('li.follow-up').first().waitFor();
    await expect(panel.locator('li.follow-up').count()).resolves.toBe(7);
    await expect(panel.locator('li.follow-up button').evaluateAll((els) => els.every((e) => (e as HTMLButtonElement).disabled))).resolves.toBe(true);
    await expect(panel.locator('li.follow-up input, li.follow-up textarea').evaluateAll((els) => els.every((e) => (e as HTMLInputElement).disabled))).resolves.toBe(true);
    // The phone is still a link: a viewer may call.
    await expect(panel.getByRole('link', { name: '上野 三郎 さんに電話' }).count()).resolves.toBe(1);
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-follow-ups-viewer.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describeInBrowser('the 継続支援 panel in Chromium (a list rebuilt yesterday)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    // The stored list (_継続支援) as the last night's run left it, on 2025-06-10: M001 waiting.
    // Since then M001 was called (A000008) and M003's placement reached its first week: a list
    // only the next rebuild (or 作り直す) brings up to date.
    const zero = { placed_1w: 0, placed_1m: 0, placed_3m: 0, waiting: 1, no_contact: 0 };
    const m001 = {
      member_id: 'M001', reason: 'waiting' as const, since: '2020-04-01', days: 0, match_id: null, job_id: null, last_contact: null,
      name: '青木 一郎', kana: 'アオキ イチロウ', phone: '04-0000-0001', job_title: '', placed_on: null, joined_on: '2020-04-01',
    };
    const list = { name: '_継続支援', header: listHeader('ja'), rows: encodeRows([builtRowOf('2025-06-10', zero), rowOf(m001)], 'ja').map((r) => [...r]) };
    session = await openSidebarSession([...dayWorkbook('ja'), list], { now: NOW, tempPrefix: 'ikigai-follow-ups-stale-' });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('says how old the list is, and 作り直す recounts it from the tabs', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '継続支援' }).click();
    const panel = page.locator('#panel-follow-ups');
    await panel.locator('li.follow-up').first().waitFor();
    await expect(panel.locator('li.follow-up').evaluateAll((els) => els.map((e) => e.getAttribute('data-member')))).resolves.toEqual(['M001']);
    await expect(panel.locator('#follow-ups-age').textContent()).resolves.toBe('この一覧は 2025-06-10 に作り直したものです（毎晩作り直します）。今日の分は「作り直す」で。');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-follow-ups-stale.png'), fullPage: true });
    await panel.getByRole('button', { name: '作り直す' }).click();
    await panel.getByText('一覧を作り直しました。').waitFor();
    await expect(panel.locator('#follow-ups-age').isHidden()).resolves.toBe(true);
    await expect(panel.locator('li.follow-up').evaluateAll((els) => els.map((e) => e.getAttribute('data-member'))))
      .resolves.toEqual(['M003', 'M002', 'M006', 'M007', 'M008', 'M004', 'M009']);
    await noSideways(page);
    expect(errors).toEqual([]);
    await page.close();
    // The rebuilt list is in the .xlsx, hidden, with the day it was made.
    const stored = (await readWorkbookFile(session.workbook)).read(['_継続支援']);
    expect(stored?.rows[0]?.slice(0, 3)).toEqual([null, 'built', { date: '2025-06-11' }]);
  });

  test('作り直す pressed while 更新 asks: the list as stored, answered late, does not redraw over the recount', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '継続支援' }).click();
    const panel = page.locator('#panel-follow-ups');
    await panel.locator('li.follow-up').first().waitFor();
    const stored = await holdBack(page, 'listFollowUps', (nth) => nth === 1);
    await panel.getByRole('button', { name: '更新' }).click();
    await panel.getByRole('button', { name: '作り直す' }).click();
    await panel.getByText('一覧を作り直しました。').waitFor();
    await stored.handed();
    expect(stored.asked()).toBe(1);
    await expect(panel.locator(':scope > .status').textContent()).resolves.toBe('一覧を作り直しました。');
    await expect(panel.getByRole('button', { name: '更新' }).isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
