import { join } from 'node:path';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { COORDINATOR, NOW, sidebarTables } from '../app/sidebar/sidebar-fixture';
import { ARTIFACTS, describeInBrowser, openSidebarSession, type SidebarSession } from './helpers';

// The member picker of a large center, in Chromium against the dev server: the threshold is
// lowered to 2 members so the small fixture (4 enrolled) counts as large, the bootstrap sends no
// member list, and the picker asks searchMembers once two characters are typed.
describeInBrowser('the server-side member search in Chromium', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(sidebarTables(), { now: NOW, tempPrefix: 'ikigai-member-search-', memberListLimit: 2 });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('searches members on the server as the coordinator types, and saves the chosen one', async () => {
    const { page, errors } = await session.openPage();
    const calls: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/__script_run/')) calls.push(decodeURIComponent(r.url().split('/__script_run/')[1] ?? '')); });
    await page.getByRole('tab', { name: '活動記録' }).waitFor();
    const panel = page.locator('#panel-activity');
    const member = panel.getByLabel('会員', { exact: true });
    const options = panel.locator(`datalist#${await member.getAttribute('list')} option`);
    // Nothing is listed before the person types: the bootstrap sent no member list.
    await expect(options.count()).resolves.toBe(0);

    // One character asks nothing; typing "あお" (hiragana) key by key asks once, after the pause.
    await member.pressSequentially('あ');
    await page.waitForTimeout(400);
    expect(calls.filter((c) => c === 'searchMembers')).toEqual([]);
    await member.pressSequentially('お', { delay: 30 });
    await expect(options.first().getAttribute('value')).resolves.toBe('M001 アオキ イチロウ 青木 一郎');
    await expect(options.count()).resolves.toBe(1);
    expect(calls.filter((c) => c === 'searchMembers')).toHaveLength(1);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-member-search.png'), fullPage: true });

    // Choosing the suggestion puts its text in the field, as the browser's list does.
    await member.fill((await options.first().getAttribute('value')) ?? '');
    await panel.getByLabel('分野', { exact: true }).selectOption({ label: 'マッチング' });
    await panel.getByLabel('所要時間（分）', { exact: true }).fill('20');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました（A000008）').waitFor();
    await expect(page.locator('#recent-activities li').first().textContent()).resolves.toContain('M001 アオキ イチロウ');
    expect(errors).toEqual([]);

    const saved = (await readWorkbookFile(session.workbook)).read(['活動記録'])?.rows ?? [];
    expect(saved.find((r) => r[0] === 'A000008')?.slice(2, 9)).toEqual([COORDINATOR, 'マッチング', null, 'M001', null, null, 20]);
    await page.close();
  });

  test('says the member was not found when the typed text matches nobody', async () => {
    const { page } = await session.openPage();
    const panel = page.locator('#panel-activity');
    await panel.getByLabel('会員', { exact: true }).pressSequentially('ゾゾ', { delay: 30 });
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('会員「ゾゾ」が見つかりません。候補から選んでください。').waitFor();
    await page.close();
  });
});
