import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { NOW, VIEWER } from '../app/sidebar/sidebar-fixture';
import { ARTIFACTS, describeInBrowser, holdBack, openSidebarSession, type SidebarSession } from './helpers';
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

  test('opens a member by hiragana and saves one changed field: only that cell is written', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '会員' }).click();
    const before = await membersRow(session.workbook, 'M001');
    const auditBefore = (await readWorkbookFile(session.workbook)).read(['監査ログ'])?.rows.length ?? 0;
    await expect(page.locator('#member-find .hint').first().textContent()).resolves.toBe('ID・氏名・フリガナで検索');
    await page.locator('#member-find input').fill('あおき いちろう');
    await page.locator('#member-open').click();
    await page.locator('#member-title').getByText('M001 青木 一郎').waitFor();
    await expect(page.locator('#member-phone').inputValue()).resolves.toBe('04-0000-0001');
    await expect(page.locator('#member-availability input:checked').evaluateAll((els) => els.map((e) => e.getAttribute('data-slot'))))
      .resolves.toEqual(['Mon-AM', 'Wed-AM']);
    await expect(page.locator('#member-consent').isChecked()).resolves.toBe(true);
    // Saving what was opened sends nothing.
    await page.locator('#member-save').click();
    await expect(said(page, '#member-status')).resolves.toBe('変更はありません。');
    await page.locator('#member-phone').fill('04-7100-1234');
    await page.locator('#member-save').click();
    await expect(said(page, '#member-status')).resolves.toBe('M001 を保存しました（電話）');
    expect(errors).toEqual([]);
    await page.close();

    const after = await membersRow(session.workbook, 'M001');
    // Only 電話 (column J, index 9) differs.
    expect(after).toEqual(before?.map((c, i) => (i === 9 ? '04-7100-1234' : c)));
    const audit = (await readWorkbookFile(session.workbook)).read(['監査ログ'])?.rows ?? [];
    expect(audit.slice(auditBefore).map((r) => r.slice(2, 6))).toEqual([['member_edit', '会員', 'M001', 'fields=phone']]);
    await expect(ageFormulas(session.workbook)).resolves.toEqual([...[2, 3, 4, 5, 6, 7, 8].map(DATEDIF), null]);
  });

  test('退会 says first which placement it ends, then ends it and reopens the job', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '会員' }).click();
    await page.locator('#member-find input').fill('M002');
    await page.locator('#member-open').click();
    await page.locator('#member-title').getByText('M002 井上 和子').waitFor();
    await expect(page.locator('#member-leave-date').inputValue()).resolves.toBe('2025-06-11');
    // A reason is needed; the codes are the seven.
    await expect(page.locator('#member-leave-reason option').allTextContents()).resolves.toEqual(
      ['（選ぶ）', '健康', '転居', '家庭の事情', '就業先が見つからない', '会費未納', '死亡', 'その他']);
    await page.locator('#member-leave').click();
    await expect(said(page, '#member-leave-status')).resolves.toBe('退会理由を入力してください。');
    await page.locator('#member-leave-reason').selectOption({ label: '健康' });
    await page.locator('#member-leave').click();
    await page.locator('#member-leave-confirm').waitFor();
    await expect(page.locator('#member-leave-summary').textContent()).resolves.toBe('退会日に次の就業・マッチングを終了します: MT0001（仕事 J001・成立）');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-members-leave-confirm.png'), fullPage: true });
    await noOverflow(page);
    await page.locator('#member-leave-confirm').click();
    await expect(said(page, '#member-leave-status')).resolves.toBe(
      'M002 を 2025-06-11 付で退会にしました。 終了した就業: MT0001（J001） 募集中に戻った仕事: J001');
    await expect(page.locator('#member-left-note').textContent()).resolves.toBe('2025-06-11 退会（健康）');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-members-left.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();

    const saved = await readWorkbookFile(session.workbook);
    const member = await membersRow(session.workbook, 'M002');
    expect([member?.[6], member?.[18]]).toEqual([{ date: '2025-06-11' }, '健康']);
    const match = saved.read(['マッチング'])?.rows.find((r) => r[0] === 'MT0001');
    // Not enrolled on the 退会日: the placement's last day is the day before.
    expect([match?.[4], match?.[7]]).toEqual(['終了', { date: '2025-06-10' }]);
    expect(saved.read(['仕事'])?.rows.find((r) => r[0] === 'J001')?.[13]).toBe('募集中');
    await expect(ageFormulas(session.workbook)).resolves.toEqual([...[2, 3, 4, 5, 6, 7, 8].map(DATEDIF), null]);
  });

  test('lists two members of one name with ID, age and district, and opens the one chosen', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '会員' }).click();
    // Typed without the space the sheet has, as people do.
    await page.locator('#member-find input').fill('山下隆');
    await page.locator('#member-open').click();
    const choices = page.locator('#member-find .same-name button');
    await choices.first().waitFor();
    // Several of that name is not "not found": the list is the answer.
    await expect(page.locator('#member-find ~ .status, .finder > .status').first().textContent()).resolves.toBe('');
    await expect(page.locator('#member-find .same-name .hint').textContent()).resolves.toBe('同じ名前の会員が 2人います。選んでください:');
    await expect(choices.allTextContents()).resolves.toEqual(['M006 ヤマシタ タカシ 山下 隆 72歳・柏', 'M007 ヤマシタ タカシ 山下 隆 77歳・我孫子']);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-members-namesakes.png'), fullPage: true });
    await noOverflow(page);
    await choices.nth(1).click();
    await page.locator('#member-title').getByText('M007 山下 隆').waitFor();
    await expect(page.locator('#member-district').inputValue()).resolves.toBe('我孫子');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('keeps what is typed when an earlier opening of the member answers late, across a switch of tab', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '会員' }).click();
    // Choosing M003 asks (the picker's change), 開く asks again: the first answer comes 1.5 s later.
    const opened = await holdBack(page, 'getMember', (nth) => nth === 1);
    await page.locator('#member-find input').fill('M003');
    await page.locator('#member-open').click();
    await page.locator('#member-title').getByText('M003 上野 三郎').waitFor();
    await page.getByRole('tab', { name: '今週' }).click();
    await page.getByRole('tab', { name: '会員' }).click();
    await page.locator('#member-notes').fill('午前のみ希望');
    await opened.handed();
    expect(opened.asked()).toBe(2);
    await expect(page.locator('#member-notes').inputValue()).resolves.toBe('午前のみ希望');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('退会\'s check of one member, answered once another is opened, offers nothing', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '会員' }).click();
    const asked = await holdBack(page, 'getMember', (nth) => nth === 3);
    await page.locator('#member-find input').fill('M001');
    await page.locator('#member-open').click();
    await page.locator('#member-title').getByText('M001 青木 一郎').waitFor();
    await page.locator('#member-leave-reason').selectOption({ label: '健康' });
    await page.locator('#member-leave').click(); // M001's matches asked again, answered 1.5 s later
    await page.locator('#member-find input').fill('M003');
    await page.locator('#member-open').click();
    await page.locator('#member-title').getByText('M003 上野 三郎').waitFor();
    await asked.handed();
    expect(asked.asked()).toBe(5);
    // No 退会を確定 under M003's form that would end M001.
    await expect(page.locator('#member-leave-check').isHidden()).resolves.toBe(true);
    await expect(page.locator('#member-leave').isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('keeps a formula typed as a name as text, in the page and in the .xlsx', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '会員' }).click();
    await page.locator('#member-name').fill('=HYPERLINK("http://evil.example","x")');
    await page.locator('#member-save').click();
    await expect(said(page, '#member-status')).resolves.toBe('=HYPERLINK("http://evil.example","x") さんを会員 M00009 として登録しました');
    await expect(page.locator('#member-title').textContent()).resolves.toBe('M00009 =HYPERLINK("http://evil.example","x")');
    await expect(page.locator('#member-title a').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
    // The store wrote it as text (a leading apostrophe), so the sheet never evaluates it.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(session.workbook);
    const sheet = book.getWorksheet('会員');
    const cell = sheet?.getCell(sheet.rowCount, 2).value;
    expect(typeof cell).toBe('string');
    expect(sheet?.getCell(sheet.rowCount, 1).value).toBe('M00009');
  });
});

describeInBrowser('the 会員 panel for a viewer', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(membersTables(), { now: NOW, tempPrefix: 'ikigai-members-viewer-', user: VIEWER });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('opens a member read-only: every field and button of the form is disabled', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '会員' }).click();
    await page.locator('#member-find input').fill('M001');
    await page.locator('#member-open').click();
    await page.locator('#member-title').getByText('M001 青木 一郎').waitFor();
    for (const id of ['#member-name', '#member-kana', '#member-phone', '#member-consent', '#member-save', '#member-leave', '#member-leave-reason']) {
      await expect(page.locator(id).isDisabled()).resolves.toBe(true);
    }
    await expect(page.locator('#member-availability input').first().isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-members-viewer.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
