import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { parseTable } from '../../src/domain/parse/parse-table';
import { MEMBERS_TAB, REGISTRATIONS_TAB } from '../../src/domain/schema/tabs';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { attendanceTables, COORDINATOR, NOW } from '../app/events/attendance-fixture';
import { ARTIFACTS, describeInBrowser, holdBack, openSidebarSession, type SidebarSession } from './helpers';

// The イベント panel of the built sidebar in Debian's Chromium at the Sheets sidebar's width
// (300px), against the dev server on a copy of the attendance fixture (the morning of E001,
// 2026-12-07): check a person in, join them (the 会員 form opens them to complete the profile),
// see the member ID appear, and read the .xlsx.
describeInBrowser('the イベント panel in Chromium', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(attendanceTables(), { now: NOW, tempPrefix: 'ikigai-events-' });
  });

  afterAll(async () => {
    await session?.close();
  });

  async function openEvents(): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: 'イベント' }).click();
    await page.locator('#panel-events li[data-registration]').first().waitFor();
    return { page, errors };
  }

  /** E001 is drawn: its people (R00003 is E002's) and its counts, not E002's. */
  async function expectE001Shown(panel: Locator): Promise<void> {
    const people = await panel.locator('li[data-registration]').evaluateAll((els) => els.map((e) => e.getAttribute('data-registration')));
    expect(people).toContain('R00001');
    expect(people).not.toContain('R00003');
    await expect(panel.locator('#event-counts').textContent()).resolves.toMatch(/^確定 \d+ \/ 定員 3/);
  }

  test('opens on today\'s session with its people, confirmed first, in Japanese', async () => {
    expect(session.server.user).toBe(COORDINATOR);
    const { page, errors } = await openEvents();
    const panel = page.locator('#panel-events');
    await expect(panel.getByLabel('回を選ぶ').inputValue()).resolves.toBe('E001');
    await expect(panel.locator('#event-counts').textContent()).resolves.toBe('確定 3 / 定員 3・待ち 1・出席 1');
    await expect(panel.locator('li[data-registration]').evaluateAll((els) => els.map((e) => e.getAttribute('data-registration'))))
      .resolves.toEqual(['R00001', 'R00002', 'R00006', 'R00004', 'R00005']);
    // A formula typed as a name shows as plain text, not markup and not a link.
    await expect(panel.locator('li[data-registration="R00006"] strong').textContent()).resolves.toBe('=HYPERLINK("http://x","渡辺")');
    // The cancelled registration has no 取消 button and cannot be ticked.
    await expect(panel.getByLabel('出席（伊藤 五郎）').isDisabled()).resolves.toBe(true);
    await expect(panel.getByRole('button', { name: '取消（伊藤 五郎）' }).count()).resolves.toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(300);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('checks a person in, joins them, and shows the new member ID; the .xlsx says the same', async () => {
    const { page, errors } = await openEvents();
    const panel = page.locator('#panel-events');
    await panel.getByLabel('出席（山田 花子）').check();
    await panel.getByText('山田 花子 さん 出席').waitFor();
    await expect(panel.locator('#event-counts').textContent()).resolves.toBe('確定 3 / 定員 3・待ち 1・出席 2');
    // By keyboard: Tab to the 入会 button that appeared and press Enter.
    const joinButton = panel.getByRole('button', { name: '入会（山田 花子）' });
    await joinButton.focus();
    await page.keyboard.press('Enter');
    // 入会 leads straight to the 会員 form with the new member opened, to complete the profile.
    await page.locator('#member-status.ok').waitFor();
    await expect(page.getByRole('tab', { name: '会員' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('#member-title').textContent()).resolves.toBe('M00037 山田 花子');
    await expect(page.locator('#member-status').textContent()).resolves.toBe('会員 M00037 を開きました。技能・就業可能枠・地区・生年月日を入力して保存してください。');
    await page.locator('#member-birth-date').fill('1958-05-05');
    await page.locator('#member-availability').getByRole('checkbox', { name: '火AM' }).check();
    await page.locator('#member-save').click();
    await page.locator('#member-status.ok').getByText('M00037 を保存しました（生年月日、就業可能枠）').waitFor();
    await page.getByRole('tab', { name: 'イベント' }).click();
    await panel.getByText('山田 花子 さんを会員 M00037 として登録しました').waitFor();
    await expect(panel.locator('li[data-registration="R00001"] .member').textContent()).resolves.toBe('会員 M00037');
    await expect(panel.getByRole('button', { name: '入会（山田 花子）' }).count()).resolves.toBe(0);
    // The second person is ticked from the keyboard with Space.
    await panel.getByLabel('出席（佐藤 一郎）').focus();
    await page.keyboard.press('Space');
    await panel.getByText('佐藤 一郎 さん 出席').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-events.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();

    const saved = await readWorkbookFile(session.workbook);
    const regs = parseTable(REGISTRATIONS_TAB, saved.read(['申込'])!).records;
    expect(regs.filter((r) => r.attended).map((r) => r.registration_id)).toEqual(['R00001', 'R00002', 'R00006', 'R00007']);
    expect(regs.find((r) => r.registration_id === 'R00001')?.member_id).toBe('M00037');
    const members = parseTable(MEMBERS_TAB, saved.read(['会員'])!).records;
    expect(members.at(-1)).toMatchObject({
      member_id: 'M00037', name: '山田 花子', join_route: 'orientation', joined_on: '2026-12-07', birth_date: '1958-05-05', availability: ['Tue-AM'],
    });
    expect(saved.read(['監査ログ'])!.rows.map((r) => r[2])).toEqual(['registration_check_in', 'member_join', 'member_edit', 'registration_check_in']);
  });

  test('shows the session chosen last when the list of the one chosen before answers late', async () => {
    const { page, errors } = await openEvents();
    const panel = page.locator('#panel-events');
    // E002 chosen, then E001 again at once: E002's list comes back 1.5 s later than E001's.
    const lists = await holdBack(page, 'listAttendance', (_nth, [eventId]) => eventId === 'E002');
    await panel.getByLabel('回を選ぶ').selectOption('E002');
    await panel.getByLabel('回を選ぶ').selectOption('E001');
    await lists.handed();
    expect(lists.asked()).toBe(2);
    await expectE001Shown(panel);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('cancels in two steps and the waitlisted person takes the place', async () => {
    const { page } = await openEvents();
    const panel = page.locator('#panel-events');
    await panel.getByRole('button', { name: '取消（佐藤 一郎）' }).click();
    await panel.getByRole('button', { name: '取消を確定（佐藤 一郎）' }).click();
    await panel.getByText('R00002 を取り消しました。キャンセル待ちの R00004 が確定になりました').waitFor();
    await expect(panel.locator('li[data-registration="R00004"] .badge').first().textContent()).resolves.toBe('確定');
    await page.close();
  });

  test('takes a walk-in for an open session by the form\'s rules: confirmed, ticked 出席, in the list', async () => {
    const { page, errors } = await openEvents();
    const panel = page.locator('#panel-events');
    await panel.getByLabel('回を選ぶ').selectOption('E002');
    await panel.locator('li[data-registration]').first().waitFor();
    await panel.getByText('電話・当日の受付').click();
    await panel.getByLabel('氏名').fill('小林 八重');
    await panel.getByLabel('電話', { exact: true }).fill('090-5555-0008');
    await panel.getByLabel('個人情報の利用に同意をいただいた').check();
    await panel.getByLabel('当日参加（出席にする）').check();
    await panel.getByRole('button', { name: '受け付ける' }).click();
    await panel.getByText(/^R\d{5} 確定しました$/).waitFor();
    await expect(panel.getByLabel('出席（小林 八重）').isChecked()).resolves.toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(300);
    expect(errors).toEqual([]);
    await page.close();
    const saved = await readWorkbookFile(session.workbook);
    const regs = parseTable(REGISTRATIONS_TAB, saved.read(['申込'])!).records;
    expect(regs.at(-1)).toMatchObject({ event_id: 'E002', name: '小林 八重', status: 'confirmed', attended: true, consent: true });
  });

  test('a tick answered once another session is chosen counts in its own session, not in the one shown', async () => {
    const { page, errors } = await openEvents();
    const panel = page.locator('#panel-events');
    const ticks = await holdBack(page, 'checkIn', () => true);
    await panel.getByLabel('出席（高橋 四葉）').check();
    await panel.getByLabel('回を選ぶ').selectOption('E002');
    await panel.locator('li[data-registration="R00003"]').waitFor();
    await ticks.handed();
    // E002 has no 定員: the line is its own, not E001's recounted.
    await expect(panel.locator('#event-counts').textContent()).resolves.toMatch(/^確定 \d+・待ち/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a sign-up answered once another session is chosen says so and leaves that session\'s list', async () => {
    const { page, errors } = await openEvents();
    const panel = page.locator('#panel-events');
    await panel.getByLabel('回を選ぶ').selectOption('E002');
    await panel.locator('li[data-registration="R00003"]').waitFor();
    const signUps = await holdBack(page, 'registerByPhone', () => true);
    await panel.getByText('電話・当日の受付').click();
    await panel.getByLabel('氏名').fill('木村 九');
    await panel.getByLabel('電話', { exact: true }).fill('090-5555-0009');
    await panel.getByLabel('個人情報の利用に同意をいただいた').check();
    await panel.getByRole('button', { name: '受け付ける' }).click();
    // Back to E001 while E002's sign-up is on its way; its answer comes 1.5 s later.
    await panel.getByLabel('回を選ぶ').selectOption('E001');
    await panel.locator('li[data-registration="R00001"]').waitFor();
    await signUps.handed();
    await panel.getByText(/^R\d{5} 確定しました$/).waitFor();
    await expectE001Shown(panel);
    expect(errors).toEqual([]);
    await page.close();
  });
});
