import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseTable } from '../../src/domain/parse/parse-table';
import { JOBS_TAB, MATCHES_TAB } from '../../src/domain/schema/tabs';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { NOW } from '../app/sidebar/sidebar-fixture';
import { ARTIFACTS, describeInBrowser, holdBack, openSidebarSession, type SidebarSession } from './helpers';
import { matchingTables } from './matching-fixture';

// The マッチング panel's job side in Chromium at 300 px: the picker shows open jobs only until the
// switch is turned on, tells six 夜間巡回 apart, a filled job offers no 成立, 終了 / 再開 write 状態,
// and この編成で提案 proposes the whole mosaic team in one call with its slots as 担当枠.
describeInBrowser('the マッチング panel in Chromium: jobs, lifecycle, the team', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(matchingTables(), { now: NOW, tempPrefix: 'ikigai-matching-' });
  });
  afterAll(async () => { await session?.close(); });

  async function openMatching(): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: 'マッチング' }).click();
    await page.locator('#panel-matching select').waitFor();
    return { page, errors };
  }
  const width = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth);
  const options = (page: Page): Promise<string[]> => page.locator('#panel-matching select option').allTextContents();
  const jobs = async () => parseTable(JOBS_TAB, (await readWorkbookFile(session.workbook)).read(['仕事'])!).records;
  const matches = async () => parseTable(MATCHES_TAB, (await readWorkbookFile(session.workbook)).read(['マッチング'])!).records;

  test('open jobs by default, each with client, slots and places left; the switch adds 充足, 終了 and 提案中', async () => {
    const { page, errors } = await openMatching();
    const panel = page.locator('#panel-matching');
    await expect(options(page)).resolves.toEqual([
      '仕事を選んでください。',
      'J001 施設の清掃・ひまわり園・月AM、水AM・あと2名',
      'J002 植木の手入れ・柏商事・火AM・あと1名',
      'J003 夜間巡回・ひまわり園・月PM・あと1名',
      'J004 夜間巡回・柏商事・火PM・あと1名',
      'J007 夜間巡回・南部公民館・土PM・あと1名',
    ]);
    await panel.getByLabel('充足・終了も表示').check();
    await panel.locator('option[value="J006"]').waitFor({ state: 'attached' });
    const all = await options(page);
    expect(all).toHaveLength(9);
    expect(all).toEqual(expect.arrayContaining([
      'J005 夜間巡回・あおば台自治会・木AM・充足・あと0名',
      'J006 夜間巡回・柏駅前商店会・金PM・終了・あと1名',
      'J008 夜間巡回・ひまわり園・日PM・提案中・あと1名',
    ]));
    // Six jobs of one title, six different lines.
    expect(new Set(all.filter((o) => o.includes('夜間巡回'))).size).toBe(6);
    expect(await width(page)).toBeLessThanOrEqual(300);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a filled job shows 充足 with no 成立 button; a closed one is reopened and closed again, 状態 written each time', async () => {
    const { page, errors } = await openMatching();
    const panel = page.locator('#panel-matching');
    await panel.getByLabel('充足・終了も表示').check();
    await panel.locator('option[value="J005"]').waitFor({ state: 'attached' });
    await panel.getByLabel('仕事を選ぶ', { exact: true }).selectOption('J005');
    await expect(panel.locator('#match-job .job-state').textContent()).resolves.toBe('充足');
    await expect(panel.locator('#match-job .places-left').textContent()).resolves.toBe('あと 0名');
    await panel.getByRole('button', { name: '候補を表示' }).click();
    await panel.locator('li.candidate[data-member="M003"]').waitFor();
    // M003's placement can be ended (placed 2025-05-12: too old to undo); nobody can be placed.
    await expect(panel.locator('li.candidate[data-member="M003"] .actions button').allTextContents()).resolves.toEqual(['終了']);
    await expect(panel.locator('button[data-action="place"]').count()).resolves.toBe(0);
    // Nobody to team up: no grid claiming every slot can be covered, no この編成で提案.
    await expect(panel.locator('#mosaic').textContent()).resolves.toBe('モザイク編成（誰がどの枠を担当するか）編成できる会員がいません。');
    await expect(panel.locator('#candidates-title').textContent()).resolves.toBe('候補 0人');
    await expect(panel.getByRole('button', { name: 'この編成で提案' }).count()).resolves.toBe(0);
    expect(await width(page)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: join(ARTIFACTS, 'matching-filled-job.png'), fullPage: true });

    await panel.getByLabel('仕事を選ぶ', { exact: true }).selectOption('J006');
    await expect(panel.locator('#match-job .job-state').textContent()).resolves.toBe('終了');
    await panel.getByRole('button', { name: 'J006 再開' }).click();
    await panel.getByText('仕事 J006 を「募集中」にしました').waitFor();
    await expect(panel.locator('#match-job .job-state').textContent()).resolves.toBe('募集中');
    await expect(panel.locator('option[value="J006"]').textContent()).resolves.toBe('J006 夜間巡回・柏駅前商店会・金PM・あと1名');
    expect((await jobs()).find((j) => j.job_id === 'J006')?.status).toBe('open');
    await panel.getByRole('button', { name: 'J006 終了' }).click();
    await panel.getByText('仕事 J006 を「終了」にしました').waitFor();
    expect((await jobs()).find((j) => j.job_id === 'J006')?.status).toBe('closed');
    await page.screenshot({ path: join(ARTIFACTS, 'matching-job-closed.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('shows the job chosen last when the candidates of the one chosen before answer late', async () => {
    const { page, errors } = await openMatching();
    const panel = page.locator('#panel-matching');
    // J001's candidates sought, then J002 chosen while they are: J001's answer comes 1.5 s later.
    const candidates = await holdBack(page, 'listCandidates', (nth) => nth === 1);
    const job = panel.getByLabel('仕事を選ぶ', { exact: true });
    await job.selectOption('J001');
    await panel.getByRole('button', { name: '候補を表示' }).click();
    await job.selectOption('J002');
    // J002's candidates can be asked for at once, without waiting for J001's.
    await expect(panel.getByRole('button', { name: '候補を表示' }).isEnabled()).resolves.toBe(true);
    await candidates.handed();
    await expect(job.inputValue()).resolves.toBe('J002');
    await expect(panel.locator('#match-job-title').textContent()).resolves.toBe('J002 植木の手入れ');
    await expect(panel.locator('#match-results').textContent()).resolves.toBe('');
    await panel.getByRole('button', { name: '候補を表示' }).click();
    await panel.locator('#candidates-title').waitFor();
    await expect(panel.locator('#match-job-title').textContent()).resolves.toBe('J002 植木の手入れ');
    expect(candidates.asked()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'matching-late-answer.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the mosaic team sits on top, IDs on one line, and この編成で提案 proposes it with its slots as 担当枠', async () => {
    const { page, errors } = await openMatching();
    const panel = page.locator('#panel-matching');
    await panel.getByLabel('仕事を選ぶ', { exact: true }).selectOption('J001');
    await panel.getByRole('button', { name: '候補を表示' }).click();
    await panel.locator('#mosaic').waitFor();
    // The team comes before the first candidate card.
    const above = await page.evaluate(() => {
      const team = document.getElementById('mosaic')?.getBoundingClientRect().top ?? Infinity;
      const card = document.querySelector('li.candidate')?.getBoundingClientRect().top ?? -Infinity;
      return team < card;
    });
    expect(above).toBe(true);
    await expect(panel.locator('#mosaic tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-slot'), r.querySelector('td')?.textContent])))
      .resolves.toEqual([['Mon-AM', 'M002'], ['Wed-AM', 'M002']]);
    // Every ID is one line box: never M0 / 02.
    const broken = await panel.locator('#mosaic .chip').evaluateAll((chips) => chips.filter((c) => c.getClientRects().length !== 1).length);
    expect(broken).toBe(0);
    await panel.getByRole('button', { name: 'この編成で提案' }).click();
    await panel.getByText('提案しました: M002').waitFor();
    await expect(panel.locator('li.candidate[data-member="M002"] .badge').textContent()).resolves.toBe('提案');
    await expect(panel.getByRole('button', { name: 'この編成で提案' }).isDisabled()).resolves.toBe(true);
    expect(await width(page)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: join(ARTIFACTS, 'matching-team-proposed.png'), fullPage: true });
    const proposed = (await matches()).filter((m) => m.job_id === 'J001');
    expect(proposed.map((m) => [m.member_id, m.status, m.proposed_on, m.slots])).toEqual([['M002', 'proposed', '2025-06-11', ['Mon-AM', 'Wed-AM']]]);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Runs after the team above was proposed: M002 is J001's proposed team.
  test('after a 成立 the team says it is out of date, offers no この編成で提案, and 編成を更新 draws the server\'s team again', async () => {
    const { page, errors } = await openMatching();
    const panel = page.locator('#panel-matching');
    await panel.getByLabel('仕事を選ぶ', { exact: true }).selectOption('J001');
    await panel.getByRole('button', { name: '候補を表示' }).click();
    await panel.locator('#mosaic tbody tr').first().waitFor();
    await expect(panel.locator('#mosaic-stale').count()).resolves.toBe(0);
    await expect(panel.getByRole('button', { name: 'この編成で提案' }).isDisabled()).resolves.toBe(false);
    const team = panel.locator('#mosaic tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-slot'), r.querySelector('td')?.textContent]));
    await expect(team).resolves.toEqual([['Mon-AM', 'M002'], ['Wed-AM', 'M002']]);
    const card = panel.locator('li.candidate[data-member="M002"]');
    await card.getByRole('button', { name: 'M002 成立', exact: true }).click();
    await card.getByRole('button', { name: 'M002 成立にする' }).click();
    await card.getByText('を「成立」にしました').waitFor();
    // The grid still shows the team of before the 成立: it says so and cannot be proposed.
    await panel.locator('#mosaic-stale').waitFor();
    await expect(panel.locator('#mosaic-stale p').textContent()).resolves.toBe('この編成は変更前のものです（候補の状態が変わりました）。提案する前に編成を更新してください。');
    await expect(panel.getByRole('button', { name: 'この編成で提案' }).isDisabled()).resolves.toBe(true);
    expect(await width(page)).toBeLessThanOrEqual(300);
    await page.locator('#mosaic').screenshot({ path: join(ARTIFACTS, 'matching-team-stale.png') });
    await panel.getByRole('button', { name: '編成を更新' }).click();
    await panel.locator('#mosaic-stale').waitFor({ state: 'detached' });
    // The server's team now: M002 holds both slots, nobody is left to team up.
    await expect(panel.locator('#mosaic').textContent()).resolves.toBe('モザイク編成（誰がどの枠を担当するか）編成できる会員がいません。');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('mosaic-title');
    expect((await matches()).find((m) => m.job_id === 'J001' && m.member_id === 'M002')?.status).toBe('placed');
    await page.screenshot({ path: join(ARTIFACTS, 'matching-team-refreshed.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
