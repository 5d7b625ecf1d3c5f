import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runWeeklySummary } from '../../src/app/weekly/run-weekly-summary';
import { addDays } from '../../src/domain/civil-date';
import { WEEKLY_STRINGS } from '../../src/domain/mail/weekly-strings';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { fixedClock, fyBoundaryTables, MONDAY_AFTER_FY_WEEK, RecordingMailer } from '../app/weekly/fixture';
import { ARTIFACTS, describeInBrowser, launchChromium, type LaunchedChromium } from './helpers';

// The weekly mail's HTML rendered in headless Chromium at a phone's width (375px, an iPhone's)
// and a desktop's (1280px), in Japanese and in English, saved as PNGs for a reviewer
// (test-artifacts/weekly-mail-*.png), with the checks that stand for "reads on a phone": nothing
// wider than the screen, no label broken inside a word (issue 14: 新規開/拓件数), no images,
// scripts or style sheets for Gmail to strip.

/** The fixture center with its targets set and 12 weeks of 週次KPI before the week mailed, so the
 *  mail has every part: 13 weeks of trends, targets, coordinators, attention lists, the link. */
function mailHtml(language: 'ja' | 'en'): string {
  const tables = fyBoundaryTables({ language });
  const settings = tables.find((t) => t.name === '設定')!;
  settings.rows.push(['年度目標（新規入会者数）', 300], ['年度目標（就労者数・派遣）', 40], ['年度目標（新規開拓件数）', 24]);
  const store = MemoryTableStore.from(tables);
  const url = () => 'https://docs.google.com/spreadsheets/d/1abcDEF/edit';
  for (let w = 12; w >= 1; w--) {
    runWeeklySummary({ store, mailer: new RecordingMailer(), clock: fixedClock(MONDAY_AFTER_FY_WEEK), spreadsheetUrl: url }, { week: addDays('2016-03-28', -7 * w) });
  }
  const mailer = new RecordingMailer();
  runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK), spreadsheetUrl: url });
  const html = mailer.sent[0]?.html;
  if (!html) throw new Error('no mail was sent');
  return html;
}

/** Every label the mail's tables show: figure names, trend and target labels, list titles,
 *  column heads, coordinator names. Each must keep its words whole. */
function labels(language: 'ja' | 'en'): string[] {
  const s = WEEKLY_STRINGS[language];
  return [
    ...Object.values(s.figures), ...Object.values(s.trendFigures), ...Object.values(s.targets.labels),
    ...Object.values(s.sections), s.attention.staleOpenJobs, s.attention.followUpsDue, s.attention.waitingMembers,
    ...Object.values(s.coordinatorColumns), s.thisWeek, s.change, s.lastWeek, s.fyToDate,
    '田中 JC', '佐藤 <b>JC</b>',
  ];
}

interface WordCheck { label: string; word: string; lines: number }

/** For each element whose whole text is one of `wanted`, each of its words (Intl.Segmenter, in
 *  the mail's language: a dictionary that knows 新規 and 開拓) and the number of lines its
 *  rendered boxes lie on. A word on more than one line was broken inside. */
async function brokenWords(page: Page, wanted: string[], language: string): Promise<{ checked: number; found: string[]; broken: WordCheck[] }> {
  return page.evaluate(({ wanted, language }) => {
    const want = new Set(wanted);
    const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    const cells = Array.from(document.querySelectorAll('td, th, b')).filter((e) => want.has((e.textContent ?? '').trim()));
    const broken: { label: string; word: string; lines: number }[] = [];
    let checked = 0;
    for (const cell of cells) {
      // The text nodes of the cell, with where each starts in the cell's text.
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push({ node: n as Text, start: text.length }); text += n.textContent ?? ''; }
      const at = (offset: number): { node: Text; offset: number } => {
        let hit = nodes[0]!;
        for (const n of nodes) if (n.start <= offset) hit = n;
        return { node: hit.node, offset: offset - hit.start };
      };
      for (const seg of segmenter.segment(text)) {
        if (!seg.isWordLike) continue;
        const range = document.createRange();
        const a = at(seg.index);
        const b = at(seg.index + seg.segment.length - 1);
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset + 1);
        const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        checked++;
        if (tops.size > 1) broken.push({ label: text.trim(), word: seg.segment, lines: tops.size });
      }
    }
    return { checked, found: cells.map((c) => (c.textContent ?? '').trim()), broken };
  }, { wanted, language });
}

describeInBrowser('the weekly mail in Chromium', () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    // A fresh profile per run (launchChromium), sharp enough to read.
    browser = await launchChromium({ width: 375, height: 740, deviceScaleFactor: 2 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('splits Japanese into dictionary words, so the check below can see a word broken inside', async () => {
    const page = await browser.context.newPage();
    const words = await page.evaluate(() => Array.from(new Intl.Segmenter('ja', { granularity: 'word' }).segment('新規開拓件数')).map((s) => s.segment));
    // 新規開拓件数 is more than one word, and 開拓 is one of them (not 開 | 拓).
    expect(words.length).toBeGreaterThan(1);
    expect(words.some((w) => w.includes('開拓'))).toBe(true);
    await page.close();
  });

  for (const language of ['ja', 'en'] as const) {
    for (const width of [375, 1280]) {
      it(`${language} at ${width}px: no sideways scrolling, no label broken inside a word, one column ≤ 600px; saved as a PNG`, async () => {
        const html = mailHtml(language);
        const page = await browser.context.newPage();
        await page.setViewportSize({ width, height: 900 });
        // Block every request: a mail that needs the network would show broken in Gmail.
        const requests: string[] = [];
        await page.route('**/*', (route) => { requests.push(route.request().url()); return route.abort(); });
        await page.setContent(html, { waitUntil: 'load' });
        // The picture first, so a failing check below still leaves it for a person to look at.
        mkdirSync(ARTIFACTS, { recursive: true });
        const name = `weekly-mail-${language}-${width}`;
        writeFileSync(join(ARTIFACTS, `${name}.html`), html);
        await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
        expect(existsSync(join(ARTIFACTS, `${name}.png`))).toBe(true);
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(widths.scroll).toBeLessThanOrEqual(widths.client);
        expect(requests).toEqual([]);
        const widest = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('table')).map((t) => t.getBoundingClientRect().width).filter((w) => w < 1000)));
        expect(widest).toBeLessThanOrEqual(600);

        const { checked, found, broken } = await brokenWords(page, labels(language), language);
        // The labels are there to check: every figure and section, the trends, targets and coordinators.
        const s = WEEKLY_STRINGS[language];
        for (const l of [s.figures.jobs_developed, s.trendFigures.members_enrolled, s.targets.labels.targetNewMembers, s.sections.coordinators, '田中 JC']) {
          expect([l, found.includes(l)]).toEqual([l, true]);
        }
        expect(checked).toBeGreaterThan(60);
        expect(broken).toEqual([]);

        await page.close();
      });
    }
  }

  it('draws 13 weeks of bars per trend figure as table cells', async () => {
    const page = await browser.context.newPage();
    await page.setContent(mailHtml('ja'));
    // Each trend's bar row: a table of 13 cells, each holding one div (the bar).
    const rows = await page.evaluate(() => Array.from(document.querySelectorAll('table table tr'))
      .filter((tr) => tr.children.length === 13 && Array.from(tr.children).every((td) => td.querySelector('div') !== null)).length);
    expect(rows).toBe(6);
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
      links: Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href')),
    }));
    // One link: the spreadsheet, at the end.
    expect(counts).toEqual({ img: 0, script: 0, style: 0, svg: 0, classes: 0, links: ['https://docs.google.com/spreadsheets/d/1abcDEF/edit'] });
    await page.close();
  });
});
