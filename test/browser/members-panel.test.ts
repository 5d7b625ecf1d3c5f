import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { NOW } from '../app/sidebar/sidebar-fixture';
import { ARTIFACTS, describeInBrowser, openSidebarSession, type SidebarSession } from './helpers';
import { addAgeFormulas, ageFormulas, membersTables } from './members-fixture';

// The 会員 panel in Chromium at 300 px against the dev server, in Japanese: a senior who walks in
// at the window is registered (ID from the counter, every field in its cell, the center's own 年齢
// formulas untouched), one field edited (only that cell changes), a member who is placed leaves
// (the placement ends, the job reopens), two members of one name told apart, a formula typed as a
// name kept as text. Every step is read back from the .xlsx.
const DATEDIF = (row: number): string => `DATEDIF(E${row},DATE(2025,6,11),"Y")`;

async function membersRow(workbook: string, id: string): Promise<unknown[] | undefined> {
  const row = (await readWorkbookFile(workbook)).read(['会員'])?.rows.find((r) => r[0] === id);
  // The contract's 19 columns (a row read back may stop at its last filled cell).
  return row && Array.from({ length: 19 }, (_, i) => row[i] ?? null);
}

/** The status line's text once the call has answered (ok or error). */
async function said(page: Page, status: string): Promise<string | null> {
  await page.locator(`${status}.ok, ${status}.error`).waitFor();
  return page.locator(status).textContent();
}

async function noOverflow(page: Page): Promise<void> {
  // Nothing may stick out of the 300 px sidebar.
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);
}

describeInBrowser('the 会員 panel in Chromium (ja)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(membersTables(), { now: NOW, tempPrefix: 'ikigai-members-', prepareWorkbook: addAgeFormulas });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('registers a walk-in at the window with the vocabulary, the slot grid and consent', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '会員' }).click();
    const panel = page.locator('#panel-members');
    await expect(page.locator('#member-title').textContent()).resolves.toBe('新しい会員の登録');
    // Today and the window are filled in; a name is needed before anything is sent.
    await expect(panel.getByLabel('入会日', { exact: true }).inputValue()).resolves.toBe('2025-06-11');
    await expect(panel.getByLabel('入会経路', { exact: true }).inputValue()).resolves.toBe('window');
    await page.locator('#member-save').click();
    await expect(page.locator('#member-name-error').textContent()).resolves.toBe('氏名を入力してください。');
    await expect(page.locator('#member-name').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.locator('#member-name').fill('森 花子');
    await page.locator('#member-kana').fill('もり はなこ');
    await panel.getByLabel('性別', { exact: true }).selectOption({ label: '女性' });
    await panel.getByLabel('生年月日', { exact: true }).fill('1956-03-03');
    await panel.getByLabel('地区', { exact: true }).fill('柏');
    await page.locator('#member-phone').fill('04-7100-0099');
    // A wrong e-mail is said next to the field, in Japanese, and nothing is sent.
    await panel.getByLabel('メール', { exact: true }).fill('mori.example.jp');
    await page.locator('#member-save').click();
    await expect(page.locator('#member-email-error').textContent()).resolves.toBe('メールアドレスの形ではありません（例: taro@example.jp）。');
    await panel.getByLabel('メール', { exact: true }).fill('mori@example.jp');
    // 技能 and 希望職種 from the center's vocabulary (技能 tab; 職種 of the jobs), one more typed.
    await page.locator('#member-skills').getByLabel('清掃', { exact: true }).check();
    await page.locator('#member-skills').getByLabel('ほかの技能').fill('草取り');
    await page.locator('#member-categories').getByLabel('植木', { exact: true }).check();
    await page.locator('#member-availability').getByRole('checkbox', { name: '月AM' }).check();
    await page.locator('#member-availability').getByRole('checkbox', { name: '木PM' }).check();
    await panel.getByLabel('週上限日数', { exact: true }).fill('2');
    await page.locator('#member-motivations').getByLabel('健康', { exact: true }).check();
    await page.locator('#member-motivations').getByLabel('仲間', { exact: true }).check();
    await expect(page.locator('#member-consent-hint').textContent()).resolves.toContain('仕事の候補に出ません');
    await page.locator('#member-consent').check();
    await panel.getByLabel('メモ', { exact: true }).fill('市役所の窓口で案内');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-members-register.png'), fullPage: true });
    await noOverflow(page);
    await page.locator('#member-save').click();
    await expect(said(page, '#member-status')).resolves.toBe('森 花子 さんを会員 M00008 として登録しました');
    await expect(page.locator('#member-title').textContent()).resolves.toBe('M00008 森 花子');
    await expect(page.locator('#member-save').textContent()).resolves.toBe('変更を保存');
    expect(errors).toEqual([]);

    const d = (date: string): { date: string } => ({ date });
    await expect(membersRow(session.workbook, 'M00008')).resolves.toEqual([
      'M00008', '森 花子', 'モリ ハナコ', '女性', d('1956-03-03'), d('2025-06-11'), null, '窓口', '柏', '04-7100-0099', 'mori@example.jp',
      '清掃、草取り', '植木', '月AM、木PM', 2, '健康、仲間', true, '市役所の窓口で案内', null,
    ]);
    // The center's 年齢 formulas are still formulas, on every row that had one.
    await expect(ageFormulas(session.workbook)).resolves.toEqual([...[2, 3, 4, 5, 6, 7, 8].map(DATEDIF), null]);
    await page.close();
  });
});
