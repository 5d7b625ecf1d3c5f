import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Cell } from '../../src/domain/cell';
import { parseTable } from '../../src/domain/parse/parse-table';
import { WORK_LOG_TAB } from '../../src/domain/schema/tabs';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { workPanelTabs } from '../app/work/work-center';
import { cellXml, sheetPart, zipParts } from '../local/xlsx-helpers';
import { ARTIFACTS, describeInBrowser, holdBack, openSidebarSession, type SidebarSession } from './helpers';

// The 就業実績 panel of the built sidebar in Debian's Chromium at 300px, against the dev server on
// the hand-worked work center (test/app/work/work-center.ts, placements of workPanelTabs), on
// 2015-07-20: a month of work for M004 saved in one click, the 臨短軽 cap note, 確認 ticked, and
// the .xlsx read back. The center keeps its own formula column (概算 = 時間 × 1000) in 就業実績:
// it must come through every save.
const NOW = new Date('2015-07-20T01:00:00Z');

/** Adds column J 概算 with a formula in every row of 就業実績 (as a center might). */
async function addFormulaColumn(workbook: string): Promise<void> {
  const parts = await zipParts(workbook);
  const part = sheetPart(parts, '就業実績');
  const zip = await JSZip.loadAsync(readFileSync(workbook));
  const xml = await zip.file(part)!.async('string');
  const next = xml.replace(/<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g, (_m, r: string, attrs: string, cells: string) => {
    const extra = r === '1' ? '<c r="J1" t="inlineStr"><is><t>概算</t></is></c>' : `<c r="J${r}"><f>E${r}*1000</f><v>0</v></c>`;
    return `<row r="${r}"${attrs.replace(/spans="1:9"/, 'spans="1:10"')}>${cells}${extra}</row>`;
  }).replace(/<dimension ref="A1:I(\d+)"\/>/, '<dimension ref="A1:J$1"/>');
  zip.file(part, next);
  writeFileSync(workbook, await zip.generateAsync({ type: 'nodebuffer' }));
}

async function noSideways(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(300);
}

async function openMonth(page: Page, tab: string, member: string, month: string, show: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  const panel = page.locator('#panel-work');
  await panel.locator('input[list]').fill(member);
  await panel.locator('#work-month').fill(month);
  await panel.getByRole('button', { name: show, exact: true }).click();
  await panel.locator('#work-rows').waitFor();
}

describeInBrowser('the 就業実績 panel in Chromium (Japanese)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(workPanelTabs(), { now: NOW, tempPrefix: 'ikigai-work-', prepareWorkbook: addFormulaColumn });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('saves eleven days of J01 in one click, notes the monthly cap, ticks 確認; the .xlsx keeps the center\'s formulas', async () => {
    expect(session.server.user).toBe('kanri@c.jp');
    const { page, errors } = await session.openPage();
    await openMonth(page, '就業実績', 'M004', '2015-07', '表示');
    const panel = page.locator('#panel-work');
    // Placements holding in July: J01 (placed 1 July) and J03 (ended 10 July); J06 is only proposed.
    await expect(panel.locator('#work-job option').allTextContents()).resolves.toEqual(['J01 公園清掃（請負）', 'J03 除草（請負）']);
    await expect(panel.locator('.work-day').count()).resolves.toBe(31);
    for (let day = 1; day <= 11; day++) await panel.getByLabel(`7/${day}（${'水木金土日月火'[(day - 1) % 7]}） の時間`).fill('2');
    await panel.getByRole('button', { name: 'まとめて保存' }).click();
    await panel.getByText('11日分を保存しました').waitFor();
    await panel.getByText('注意: 2015-07 の就業日数 11日は月上限 10日を超えています').waitFor();
    await expect(panel.locator('#work-rows li[data-work]').count()).resolves.toBe(11);
    // The days saved now show as recorded, not as boxes to fill again.
    await expect(panel.locator('.work-day[data-date="2015-07-01"]').textContent()).resolves.toBe('7/1（水）記録済み 2時間');
    await panel.getByLabel('確認（2015-07-01）').check();
    await panel.getByText('1件を確認にしました').waitFor();
    await panel.getByRole('button', { name: 'すべて確認' }).click();
    await panel.getByText('10件を確認にしました').waitFor();
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-work.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();

    const saved = await readWorkbookFile(session.workbook);
    const rows = parseTable(WORK_LOG_TAB, saved.read(['就業実績'])!).records.filter((r) => r.member_id === 'M004');
    expect(rows.map((r) => [r.date, r.job_id, r.hours, r.confirmed])).toEqual(
      Array.from({ length: 11 }, (_, i) => [`2015-07-${String(i + 1).padStart(2, '0')}`, 'J01', 2, true]));
    const cells = cellXml((await zipParts(session.workbook)).get(sheetPart(await zipParts(session.workbook), '就業実績'))!.toString('utf8'));
    for (let r = 2; r <= 14; r++) expect(cells.get(`J${r}`)).toContain(`<f>E${r}*1000</f>`);
    expect(saved.read(['監査ログ'])!.rows.map((r) => r[2])).toEqual(['record_work', 'confirm_work', 'confirm_work']);
  });

  test('keeps the hours being typed when an earlier question about the month is answered late', async () => {
    const { page, errors } = await session.openPage();
    // The first answers of listMemberWork (the member chosen, the month changed) held back 1.5 s,
    // as a slow google.script.run trip would: only the last question's answer may draw the days.
    const months = await holdBack(page, 'listMemberWork', (nth) => nth < 3);
    await openMonth(page, '就業実績', 'M004', '2015-08', '表示');
    const panel = page.locator('#panel-work');
    await panel.getByLabel('8/3（月） の時間').fill('3');
    await months.handed();
    await expect(panel.getByLabel('8/3（月） の時間').inputValue()).resolves.toBe('3');
    expect(months.asked()).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
  });

  test('offers only the days a placement holds: J03 ended on 10 July', async () => {
    const { page } = await session.openPage();
    await openMonth(page, '就業実績', 'M004', '2015-07', '表示');
    const panel = page.locator('#panel-work');
    await panel.locator('#work-job').selectOption('J03');
    // J03 ended on 10 July: the 11th cannot be filled.
    await expect(panel.getByLabel('7/11（土） の時間').isDisabled()).resolves.toBe(true);
    await panel.getByLabel('7/10（金） の時間').fill('1.5');
    await panel.getByRole('button', { name: 'まとめて保存' }).click();
    await panel.getByText('1日分を保存しました').waitFor();
    await page.close();
  });

  test('a save answered once another month is shown says what it saved and leaves that month drawn', async () => {
    const { page, errors } = await session.openPage();
    await openMonth(page, '就業実績', 'M004', '2015-08', '表示');
    const panel = page.locator('#panel-work');
    const saves = await holdBack(page, 'recordWork', () => true);
    await panel.getByLabel('8/4（火） の時間').fill('2');
    await panel.getByRole('button', { name: 'まとめて保存' }).click();
    // September chosen while August's save is on its way; its answer comes 1.5 s later.
    await panel.locator('#work-month').fill('2015-09');
    await panel.locator('#work-rows-title').getByText('2015-09 の就業実績').waitFor();
    await saves.handed();
    await expect(panel.locator(':scope > .status').textContent()).resolves.toBe('1日分を保存しました');
    await expect(panel.locator('#work-rows-title').textContent()).resolves.toBe('2015-09 の就業実績');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The work center with a second 松戸 四季 (M005) and the 生年月日 / 地区 that tell the two apart. */
function withNamesake(): ReturnType<typeof workPanelTabs> {
  return workPanelTabs().map((t) => {
    if (t.name !== '会員') return t;
    const extra: Record<string, [Cell, Cell]> = { M004: [{ date: '1950-03-01' }, '松戸'], M005: [{ date: '1945-08-01' }, '柏'] };
    const rows = [...t.rows, ['M005', '松戸 四季', 'マツド シキ', '男性', { date: '2015-02-01' }, null]];
    return { ...t, header: [...t.header, '生年月日', '地区'], rows: rows.map((r) => [...r, ...(extra[String(r[0])] ?? [null, null])]) };
  });
}

describeInBrowser('the 就業実績 panel\'s member picker in Chromium (Japanese)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(withNamesake(), { now: NOW, tempPrefix: 'ikigai-work-names-' });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('says what it searches by as every member picker does, and lists two members of one name to choose from', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '就業実績' }).click();
    const panel = page.locator('#panel-work');
    // The catalog's member hint (t.pick.member), not the old "IDかフリガナで検索".
    await expect(panel.locator('.hint').first().textContent()).resolves.toBe('ID・氏名・フリガナで検索');
    // Typed in hiragana without the space: two members are called 松戸 四季.
    await panel.locator('input[list]').fill('まつどしき');
    await panel.locator('#work-month').fill('2015-07');
    await panel.getByRole('button', { name: '表示', exact: true }).click();
    const choices = panel.locator('.same-name button');
    await choices.first().waitFor();
    await expect(panel.locator('.same-name .hint').textContent()).resolves.toBe('同じ名前の会員が 2人います。選んでください:');
    await expect(choices.allTextContents()).resolves.toEqual(['M004 マツド シキ 松戸 四季 65歳・松戸', 'M005 マツド シキ 松戸 四季 69歳・柏']);
    // Several of that name is not "not found": the list is the answer.
    await expect(panel.locator(':scope > .status').textContent()).resolves.toBe('');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-work-namesakes.png'), fullPage: true });
    await choices.first().click();
    await panel.locator('#work-rows').waitFor();
    await expect(panel.locator('#work-job option').allTextContents()).resolves.toEqual(['J01 公園清掃（請負）', 'J03 除草（請負）']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describeInBrowser('the Work log panel in Chromium (English)', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(workPanelTabs({ language: 'en' }), { now: NOW, tempPrefix: 'ikigai-work-en-', locale: 'en-US' });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('records a day in English at 300px', async () => {
    const { page, errors } = await session.openPage();
    await openMonth(page, 'Work log', 'M004', '2015-07', 'Show');
    const panel = page.locator('#panel-work');
    await expect(panel.locator('label[for="work-job"]').textContent()).resolves.toBe('Job (placed)');
    await expect(panel.locator('#work-job option').first().textContent()).resolves.toBe('J01 公園清掃 (contract)');
    await panel.getByLabel('Hours on Mon 13/7').fill('3.5');
    await panel.getByRole('button', { name: 'Save all' }).click();
    await panel.getByText('Saved 1 day').waitFor();
    await expect(panel.locator('#work-rows li[data-work] .line1').first().textContent()).resolves.toBe('2015-07-13 J01 公園清掃 3.5\u00a0h');
    await noSideways(page);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-work-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
    const saved = await readWorkbookFile(session.workbook);
    const rows = parseTable(WORK_LOG_TAB, saved.read(['就業実績'])!).records;
    expect(rows.at(-1)).toMatchObject({ date: '2015-07-13', member_id: 'M004', job_id: 'J01', hours: 3.5, confirmed: false });
  });
});
