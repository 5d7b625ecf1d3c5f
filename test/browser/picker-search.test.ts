import { join } from 'node:path';
import { NOW, sidebarTables } from '../app/sidebar/sidebar-fixture';
import { englishSidebarTables, inEnglish } from './english-fixture';
import { ARTIFACTS, describeInBrowser, openSidebarSession, type SidebarSession } from './helpers';

// The job and client pickers of a large center, in Chromium at 300 px: 設定's limits are set to 1
// (仕事一覧の上限, 提供先一覧の上限; 会員一覧の上限 2) so the fixture's two jobs and two clients count
// as many; the bootstrap then sends no list and each picker asks the server as the person types
// (listJobs with a query, searchClients), as a center past 200 jobs and 500 clients does.
type Tables = ReturnType<typeof sidebarTables>;
function withLimits(tables: Tables, keys: readonly [string, string, string]): Tables {
  return tables.map((t) => (t.header[0] === '項目' || t.header[0] === 'key'
    ? { ...t, rows: [...t.rows, [keys[0], 2], [keys[1], 1], [keys[2], 1]] }
    : t));
}

describeInBrowser('the job and client pickers searched on the server, in Chromium', () => {
  let ja: SidebarSession;
  let en: SidebarSession;

  beforeAll(async () => {
    ja = await openSidebarSession(withLimits(sidebarTables(), ['会員一覧の上限', '仕事一覧の上限', '提供先一覧の上限']), { now: NOW, tempPrefix: 'ikigai-picker-search-' });
    en = await openSidebarSession(withLimits(englishSidebarTables(), ['member_list_limit', 'job_list_limit', 'client_list_limit']), { now: NOW, tempPrefix: 'ikigai-picker-search-en-' });
  });

  afterAll(async () => {
    await ja?.close();
    await en?.close();
  });

  test('活動記録: the client and job pickers list nothing until typed, then the server\'s matches', async () => {
    const { page, errors } = await ja.openPage();
    const calls: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/__script_run/')) calls.push(decodeURIComponent(r.url().split('/__script_run/')[1] ?? '')); });
    await page.getByRole('tab', { name: '活動記録' }).waitFor();
    const panel = page.locator('#panel-activity');
    const client = panel.getByLabel('提供先', { exact: true });
    const clientOptions = panel.locator(`datalist#${await client.getAttribute('list')} option`);
    await expect(clientOptions.count()).resolves.toBe(0);
    await client.pressSequentially('ひまわ', { delay: 30 });
    await expect(clientOptions.first().getAttribute('value')).resolves.toBe('C001 ひまわり園');
    expect(calls).toContain('searchClients');

    const job = panel.getByLabel('仕事', { exact: true });
    const jobOptions = panel.locator(`datalist#${await job.getAttribute('list')} option`);
    await expect(jobOptions.count()).resolves.toBe(0);
    await job.pressSequentially('植木', { delay: 30 });
    await expect(jobOptions.first().getAttribute('value')).resolves.toBe('J002 植木の手入れ');
    expect(calls).toContain('listJobs');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-picker-search-activity.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('マッチング: 仕事を探す fills the job list from the server, the chosen job opens its card', async () => {
    const { page, errors } = await ja.openPage();
    await page.getByRole('tab', { name: 'マッチング' }).click();
    const panel = page.locator('#panel-matching');
    const select = panel.locator('select').first();
    // Only the empty choice before a search.
    await expect(select.locator('option').count()).resolves.toBe(1);
    await panel.getByLabel('仕事を探す').pressSequentially('清掃', { delay: 30 });
    await panel.locator('#match-job-found', { hasText: '1件' }).waitFor();
    await select.selectOption('J001');
    await expect(panel.locator('#match-job-title').textContent()).resolves.toBe('J001 施設の清掃');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-picker-search-matching.png'), fullPage: true });
    // Nothing overflows the 300 px sidebar.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('in English: Find a job, then the card', async () => {
    const { page, errors } = await en.openPage();
    await page.getByRole('tab', { name: 'Matching' }).click();
    const panel = page.locator('#panel-matching');
    await panel.getByLabel('Find a job').pressSequentially('garden', { delay: 30 });
    await panel.locator('#match-job-found', { hasText: '1 found' }).waitFor();
    await panel.locator('select').first().selectOption('J002');
    await expect(panel.locator('#match-job-title').textContent()).resolves.toBe('J002 Garden upkeep');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-picker-search-matching-en.png'), fullPage: true });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// A small center (two jobs not 終了, 仕事一覧の上限 2) whose list with 終了 is past the limit: the
// bootstrap lists the open jobs; 「充足・終了も表示」 asks listJobs, which answers `cut`, and the
// picker turns into the search (listJobs never answers more than the limit).
function withClosedJob(tables: Tables, limitKey: string): Tables {
  return tables.map((t) => {
    if (t.header[0] === '項目') return { ...t, rows: [...t.rows, [limitKey, 2]] };
    if (t.name !== '仕事') return t;
    return { ...t, rows: [...t.rows, ['J003', 'C001', '旧館の清掃', '清掃', '請負', '清掃', '月AM', 1, '柏', { date: '2024-06-01' }, null, '', false, '終了', { date: '2024-05-20' }, null]] };
  });
}

describeInBrowser('the job list past 仕事一覧の上限 with 終了: cut, then searched, in Chromium', () => {
  let ja: SidebarSession;
  let en: SidebarSession;

  beforeAll(async () => {
    ja = await openSidebarSession(withClosedJob(sidebarTables(), '仕事一覧の上限'), { now: NOW, tempPrefix: 'ikigai-job-cut-' });
    en = await openSidebarSession(inEnglish(withClosedJob(sidebarTables(), '仕事一覧の上限')).map((t) => (t.header[0] === 'key'
      ? { ...t, rows: t.rows.map(([k, v]) => [k === '仕事一覧の上限' ? 'job_list_limit' : k ?? null, v ?? null]) } : t)), { now: NOW, tempPrefix: 'ikigai-job-cut-en-' });
  });

  afterAll(async () => {
    await ja?.close();
    await en?.close();
  });

  for (const [lang, tab, showAll, find, cut, typed, id] of [
    ['ja', 'マッチング', '充足・終了も表示', '仕事を探す', '一覧にしません', '旧館', 'J003'],
    ['en', 'Matching', 'Show filled and closed too', 'Find a job', 'Too many jobs to list', 'J003', 'J003'],
  ] as const) {
    test(`${lang}: 「${showAll}」 shows the search box instead of every job`, async () => {
      const { page, errors } = await (lang === 'ja' ? ja : en).openPage();
      const calls: string[] = [];
      page.on('request', (r) => { if (r.url().includes('/__script_run/')) calls.push(decodeURIComponent(r.url().split('/__script_run/')[1] ?? '')); });
      await page.getByRole('tab', { name: tab }).click();
      const panel = page.locator('#panel-matching');
      const select = panel.locator('select').first();
      // The two open jobs came with the sidebar; no search box yet.
      await expect(select.locator('option').count()).resolves.toBe(3);
      await expect(panel.getByLabel(find).isVisible()).resolves.toBe(false);
      await panel.getByLabel(showAll).check();
      await panel.getByText(cut).waitFor();
      expect(calls).toContain('listJobs');
      await expect(panel.getByLabel(find).isVisible()).resolves.toBe(true);
      // The open jobs stay listed; the closed one is found by typing.
      await expect(select.locator('option').count()).resolves.toBe(3);
      await panel.getByLabel(find).pressSequentially(typed, { delay: 30 });
      await panel.locator('#match-job-found', { hasText: lang === 'ja' ? '1件' : '1 found' }).waitFor();
      await select.selectOption(id);
      await expect(panel.locator('#match-job-title').textContent()).resolves.toContain(id);
      await page.screenshot({ path: join(ARTIFACTS, `sidebar-job-list-cut-${lang}.png`), fullPage: true });
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
