import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Language } from '../../src/domain/enums';
import { InitialSettingsSchema } from '../../src/domain/setup/initial-settings';
import { setupDialogHtml } from '../../src/setup-dialog/dialog-html';
import { ARTIFACTS, describeInBrowser, launchChromium, type LaunchedChromium } from './helpers';

// The first-run 初期設定 dialog in Chromium at the size runSetup gives it (380×420), with a stub
// google.script.run that records saveInitialSettings calls and answers as the server would.
// The person fills it in, submits, and the test reads the argument the server would have got.
const WIDTH = 380;
const HEIGHT = 420;

interface Recorded { calls: unknown[]; closed: number }

/** google.script.run as the dialog uses it: withSuccessHandler / withFailureHandler chained,
 *  then saveInitialSettings; the answer comes asynchronously, as a real server call does. */
const STUB = `
window.__rec = { calls: [], closed: 0 };
window.google = { script: {
  host: { close: function () { window.__rec.closed++; } },
  get run() {
    var ok = null, fail = null;
    var runner = {
      withSuccessHandler: function (f) { ok = f; return runner; },
      withFailureHandler: function (f) { fail = f; return runner; },
      saveInitialSettings: function (arg) {
        window.__rec.calls.push(JSON.parse(JSON.stringify(arg)));
        setTimeout(function () { ok && ok({ ok: true, message: 'done' }); }, 50);
      },
    };
    return runner;
  },
} };`;

async function openDialog(browser: LaunchedChromium, lang: Language): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // First in <head>, so the stub stands where Apps Script's own google.script would be.
  await page.setContent(setupDialogHtml(lang, '').replace('<head>', () => `<head><script>${STUB}</script>`), { waitUntil: 'load' });
  return { page, errors };
}

const recorded = (page: Page): Promise<Recorded> => page.evaluate(() => (window as unknown as { __rec: Recorded }).__rec);

describeInBrowser('the first-run setup dialog in Chromium', () => {
  let browser: LaunchedChromium;

  beforeAll(async () => {
    browser = await launchChromium({ width: WIDTH, height: HEIGHT });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('in Japanese: fill the center name, pick day and hour, submit; the server gets exactly those answers', async () => {
    const { page, errors } = await openDialog(browser, 'ja');
    await page.getByLabel('センター名').fill('柏市シルバー人材センター');
    await expect(page.getByLabel('言語').inputValue()).resolves.toBe('ja');
    // Wednesday is the third weekday: 0 = Monday, so 水 is 2.
    await page.getByLabel('週次メールの曜日').selectOption({ label: '水曜日' });
    await page.getByLabel('週次メールの時刻').selectOption({ label: '9:00' });
    await page.screenshot({ path: join(ARTIFACTS, 'setup-dialog-ja.png') });
    await page.getByRole('button', { name: '設定して始める' }).click();
    await page.getByText('完了しました').waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(ARTIFACTS, 'setup-dialog-ja-done.png') });
    const rec = await recorded(page);
    expect(rec.calls).toEqual([{ centerName: '柏市シルバー人材センター', language: 'ja', weeklyDay: 2, weeklyHour: 9 }]);
    expect(InitialSettingsSchema.safeParse(rec.calls[0]).success).toBe(true);
    expect(rec.closed).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('in English: the words are English and the answers arrive the same way', async () => {
    const { page, errors } = await openDialog(browser, 'en');
    await expect(page.locator('label').allTextContents()).resolves.toEqual(['Center name', 'Language', 'Weekly mail day', 'Weekly mail hour']);
    await page.getByLabel('Center name').fill('  Kashiwa Silver Human Resource Center ');
    await page.getByLabel('Language').selectOption('en');
    await page.getByLabel('Weekly mail day').selectOption({ label: 'Friday' });
    await page.getByLabel('Weekly mail hour').selectOption({ label: '17:00' });
    await page.screenshot({ path: join(ARTIFACTS, 'setup-dialog-en.png') });
    await page.getByRole('button', { name: 'Set up and start' }).click();
    await page.getByText('Done').waitFor({ timeout: 5000 });
    // The name is trimmed before it is sent; Friday is 4 (0 = Monday).
    expect((await recorded(page)).calls).toEqual([{ centerName: 'Kashiwa Silver Human Resource Center', language: 'en', weeklyDay: 4, weeklyHour: 17 }]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('asks for the center name in the center\'s language, not the browser\'s, when it is empty or blank', async () => {
    const { page } = await openDialog(browser, 'ja');
    for (const blank of ['', '   ']) {
      await page.getByLabel('センター名').fill(blank);
      await page.getByRole('button', { name: '設定して始める' }).click();
      await page.getByText('センター名を入れてください').waitFor({ timeout: 5000 });
      // Focus goes back to the field to fix, which says it is wrong.
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('center');
      await expect(page.getByLabel('センター名').getAttribute('aria-invalid')).resolves.toBe('true');
    }
    await page.screenshot({ path: join(ARTIFACTS, 'setup-dialog-ja-blank.png') });
    expect((await recorded(page)).calls).toEqual([]);
    await page.close();
  });

  test('can be filled in and sent with the keyboard alone, and fits its dialog without scrolling', async () => {
    const { page } = await openDialog(browser, 'ja');
    const kb = page.keyboard;
    const focused = (): Promise<string | undefined> => page.evaluate(() => document.activeElement?.id);
    // The name field has the focus as the dialog opens.
    await expect(focused()).resolves.toBe('center');
    await kb.type('我孫子市シルバー人材センター');
    await kb.press('Tab'); // 言語
    await kb.press('Tab'); // 曜日
    await kb.press('ArrowDown'); // 月 → 火
    await kb.press('Tab'); // 時刻
    await kb.press('ArrowDown'); // 8:00 → 9:00
    await kb.press('Tab'); // 設定して始める
    await expect(focused()).resolves.toBe('go');
    await kb.press('Enter');
    await page.getByText('完了しました').waitFor({ timeout: 5000 });
    expect((await recorded(page)).calls).toEqual([{ centerName: '我孫子市シルバー人材センター', language: 'ja', weeklyDay: 1, weeklyHour: 9 }]);
    const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    expect(size.w).toBeLessThanOrEqual(WIDTH);
    expect(size.h).toBeLessThanOrEqual(HEIGHT);
    await page.close();
  });
});
