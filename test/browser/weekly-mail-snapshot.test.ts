import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWeeklySummary } from '../../src/app/weekly/run-weekly-summary';
import { fixedClock, fyBoundaryStore, MONDAY_AFTER_FY_WEEK, RecordingMailer } from '../app/weekly/fixture';
import { ARTIFACTS, describeInBrowser, launchChromium, type LaunchedChromium } from './helpers';

// The weekly mail's HTML rendered in headless Chromium at a phone's width, saved as a PNG for a
// reviewer (test-artifacts/weekly-mail.png), with the checks that stand for "reads on a phone":
// nothing wider than the screen, no images, scripts or style sheets for Gmail to strip.
function mailHtml(language: 'ja' | 'en'): string {
  const mailer = new RecordingMailer();
  runWeeklySummary({ store: fyBoundaryStore({ language }), mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) });
  const html = mailer.sent[0]?.html;
  if (!html) throw new Error('no mail was sent');
  return html;
}

describeInBrowser('the weekly mail in Chromium', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    // A fresh profile per run (launchChromium), at a phone's size, sharp enough to read.
    browser = await launchChromium({ width: 360, height: 740, deviceScaleFactor: 2 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('fits a 360px phone screen without sideways scrolling and is saved as test-artifacts/weekly-mail.png', async () => {
    const html = mailHtml('ja');
    const page = await browser.context.newPage();
    // Block every request: a mail that needs the network would show broken in Gmail.
    const requests: string[] = [];
    await page.route('**/*', (route) => { requests.push(route.request().url()); return route.abort(); });
    await page.setContent(html, { waitUntil: 'load' });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(requests).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'weekly-mail.html'), html);
    await page.screenshot({ path: join(ARTIFACTS, 'weekly-mail.png'), fullPage: true });
    expect(existsSync(join(ARTIFACTS, 'weekly-mail.png'))).toBe(true);
    await page.close();
  });

  it('stays one column no wider than 600px on a desktop screen', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.setContent(mailHtml('en'), { waitUntil: 'load' });
    const widest = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('table')).map((t) => t.getBoundingClientRect().width).filter((w) => w < 1000)));
    expect(widest).toBeLessThanOrEqual(600);
    await page.screenshot({ path: join(ARTIFACTS, 'weekly-mail-en-desktop.png'), fullPage: true });
    await page.close();
  });

  it('uses no images, scripts, style sheets or external links that Gmail would strip or block', async () => {
    const page = await browser.context.newPage();
    await page.setContent(mailHtml('ja'));
    const counts = await page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      script: document.querySelectorAll('script').length,
      style: document.querySelectorAll('style, link[rel=stylesheet]').length,
      svg: document.querySelectorAll('svg, canvas').length,
      classes: document.querySelectorAll('[class]').length,
    }));
    expect(counts).toEqual({ img: 0, script: 0, style: 0, svg: 0, classes: 0 });
    await page.close();
  });
});
