import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { NOW } from '../app/sidebar/sidebar-fixture';
import { inEnglish } from './english-fixture';
import { ARTIFACTS, describeInBrowser, openSidebarSession, type SidebarSession } from './helpers';
import { addAgeFormulas, ageFormulas, membersTables } from './members-fixture';

// The 会員 panel of an English-speaking center (設定 language en, English tab and column names,
// codes in the cells), in Chromium at 300 px: a walk-in registered with the vocabulary and slots,
// its row in Members, the center's own formula column kept; M002 leaves and J001 reopens.
const DATEDIF = (row: number): string => `DATEDIF(E${row},DATE(2025,6,11),"Y")`;

async function said(page: Page, status: string): Promise<string | null> {
  await page.locator(`${status}.ok, ${status}.error`).waitFor();
  return page.locator(status).textContent();
}

describeInBrowser('the Members panel in Chromium (en)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(inEnglish(membersTables()), {
      now: NOW, tempPrefix: 'ikigai-members-en-', locale: 'en-US', prepareWorkbook: (path) => addAgeFormulas(path, 'Members'),
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('registers a walk-in in English; the row holds codes and the formula column survives', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: 'Members' }).click();
    const panel = page.locator('#panel-members');
    await expect(page.locator('#member-title').textContent()).resolves.toBe('Register a new member');
    await expect(page.locator('#member-find .hint').first().textContent()).resolves.toBe('Search by ID, name or kana');
    await page.locator('#member-save').click();
    await expect(page.locator('#member-name-error').textContent()).resolves.toBe('Please enter the name.');
    await page.locator('#member-name').fill('Hana Mori');
    await panel.getByLabel('Gender', { exact: true }).selectOption('female');
    await panel.getByLabel('Date of birth', { exact: true }).fill('1956-03-03');
    await page.locator('#member-phone').fill('04-7100-0099');
    await page.locator('#member-skills').getByLabel('cleaning', { exact: true }).check();
    await page.locator('#member-availability').getByRole('checkbox', { name: 'Tue-PM' }).check();
    await page.locator('#member-motivations').getByLabel('health', { exact: true }).check();
    await expect(page.locator('#member-consent-hint').textContent()).resolves.toBe('Without this consent the member is never offered for a job (left out of matching).');
    await page.locator('#member-consent').check();
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-members-en.png'), fullPage: true });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);
    await page.locator('#member-save').click();
    await expect(said(page, '#member-status')).resolves.toBe('Hana Mori registered as member M00008');
    expect(errors).toEqual([]);
    await page.close();

    const row = (await readWorkbookFile(session.workbook)).read(['Members'])?.rows.find((r) => r[0] === 'M00008');
    expect(row && Array.from({ length: 19 }, (_, i) => row[i] ?? null)).toEqual([
      'M00008', 'Hana Mori', null, 'female', { date: '1956-03-03' }, { date: '2025-06-11' }, null, 'window', null, '04-7100-0099', null,
      'cleaning', null, 'Tue-PM', null, 'health', true, null, null,
    ]);
    await expect(ageFormulas(session.workbook, 'Members')).resolves.toEqual([...[2, 3, 4, 5, 6, 7, 8].map(DATEDIF), null]);
  });

  test('records a leaving: the confirmation names the placement, then it ends and the job reopens', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.locator('#member-find input').fill('M002');
    await page.locator('#member-open').click();
    await page.locator('#member-title').getByText('M002 Kazuko Inoue').waitFor();
    await page.locator('#member-leave-reason').selectOption('unpaid_fee');
    await page.locator('#member-leave').click();
    await page.locator('#member-leave-confirm').waitFor();
    await expect(page.locator('#member-leave-summary').textContent()).resolves.toBe('On the leaving day this ends: MT0001 (job J001, placed)');
    await page.locator('#member-leave-confirm').click();
    await expect(said(page, '#member-leave-status')).resolves.toBe('M002 left on 2025-06-11. Placements ended: MT0001 (J001) Jobs open again: J001');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-members-en-left.png'), fullPage: true });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);
    expect(errors).toEqual([]);
    await page.close();

    const saved = await readWorkbookFile(session.workbook);
    const member = saved.read(['Members'])?.rows.find((r) => r[0] === 'M002');
    expect([member?.[6], member?.[18]]).toEqual([{ date: '2025-06-11' }, 'unpaid_fee']);
    expect(saved.read(['Jobs'])?.rows.find((r) => r[0] === 'J001')?.[13]).toBe('open');
  });
});
