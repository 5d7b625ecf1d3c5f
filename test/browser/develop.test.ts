import { join } from 'node:path';
import { readWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { COORDINATOR, NOW, sidebarTables } from '../app/sidebar/sidebar-fixture';
import { ARTIFACTS, describeInBrowser, openSidebarSession, type SidebarSession } from './helpers';

// The 開拓 panel in Chromium against the dev server: a client won on a visit, then a job for it
// with two slots, which the マッチング panel lists at once; both rows read back from the .xlsx.
describeInBrowser('the 開拓 panel in Chromium', () => {
  let session: SidebarSession;

  beforeAll(async () => {
    session = await openSidebarSession(sidebarTables(), { now: NOW, tempPrefix: 'ikigai-develop-' });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('registers a client and a job for it, which the マッチング list then offers', async () => {
    const { page, errors } = await session.openPage();
    await page.getByRole('tab', { name: '開拓' }).click();
    const panel = page.locator('#panel-develop');
    await expect(panel.isVisible()).resolves.toBe(true);

    // An empty name is refused in the page, with our message and the cursor back in the field.
    await panel.getByRole('button', { name: '提供先を登録' }).click();
    await panel.getByText('名称を入力してください。').waitFor();
    await expect(panel.getByLabel('名称', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');

    await panel.getByLabel('名称', { exact: true }).fill('さくら苑');
    await panel.getByLabel('業種', { exact: true }).selectOption({ label: '福祉施設' });
    await panel.locator('#develop-client').getByLabel('地区', { exact: true }).fill('柏');
    await panel.getByLabel('担当者', { exact: true }).fill('山田 施設長');
    await panel.getByLabel('電話', { exact: true }).fill('04-7100-0001');
    await panel.getByRole('button', { name: '提供先を登録' }).click();
    await panel.getByText('さくら苑 を提供先 C0003 として登録しました').waitFor();
    // The new client is already chosen in the job form, and the cursor waits in 仕事名.
    await expect(panel.getByLabel('提供先', { exact: true }).inputValue()).resolves.toBe('C0003 さくら苑');
    await expect(page.evaluate(() => document.activeElement?.closest('.field')?.querySelector('label')?.textContent)).resolves.toBe('仕事名');

    await page.keyboard.type('食堂の清掃');
    await panel.getByLabel('職種', { exact: true }).fill('清掃');
    await expect(panel.getByLabel('契約形態', { exact: true }).inputValue()).resolves.toBe('contract');
    await panel.getByRole('checkbox', { name: '月AM' }).check();
    // The keyboard works too: focus a box, Space ticks it.
    await panel.getByRole('checkbox', { name: '水PM' }).focus();
    await page.keyboard.press('Space');
    await panel.getByLabel('必要人数（各枠）', { exact: true }).fill('2');
    // 必要技能: this center has no 技能 tab, so the word is typed; 地区 left blank (the client's).
    await panel.getByLabel('ほかの技能', { exact: true }).fill('清掃、窓拭き');
    await expect(panel.getByText('空欄なら提供先の地区になります').isVisible()).resolves.toBe(true);
    await panel.getByLabel('報酬', { exact: true }).fill('時給1000円');
    await panel.getByLabel('社会貢献の仕事', { exact: true }).check();
    await panel.getByLabel('開始日', { exact: true }).fill('2025-07-01');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-develop.png'), fullPage: true });
    // Nothing may stick out of the 300 px sidebar.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);
    await panel.getByRole('button', { name: '仕事を登録' }).click();
    await panel.getByText('食堂の清掃 を仕事 J0003 として登録しました（マッチングで選べます）').waitFor();
    await expect(panel.getByRole('checkbox', { name: '月AM' }).isChecked()).resolves.toBe(false);

    await page.getByRole('tab', { name: 'マッチング' }).click();
    const jobs = page.locator('#panel-matching select option');
    await expect(jobs.allTextContents()).resolves.toEqual([
      '仕事を選んでください。', 'J001 施設の清掃・ひまわり園・月AM、水AM・あと2名', 'J002 植木の手入れ・柏商事・火AM・あと1名',
      'J0003 食堂の清掃・さくら苑・月AM、水PM・あと4名',
    ]);
    await page.locator('#panel-matching select').selectOption('J0003');
    await page.getByRole('button', { name: '候補を表示' }).click();
    await page.locator('#match-job-title').waitFor();
    await expect(page.locator('#match-job-title').textContent()).resolves.toBe('J0003 食堂の清掃');
    await page.locator('#mosaic-title').waitFor();
    await expect(page.locator('#match-results .mosaic th[scope=row]').allTextContents()).resolves.toEqual(['月AM', '水PM']);
    expect(errors).toEqual([]);

    const saved = await readWorkbookFile(session.workbook);
    const client = saved.read(['業務提供先'])?.rows.find((r) => r[0] === 'C0003');
    expect(client).toEqual(['C0003', 'さくら苑', '福祉施設', '柏', '山田 施設長', '04-7100-0001', null, { date: '2025-06-11' }, COORDINATOR]);
    const job = saved.read(['仕事'])?.rows.find((r) => r[0] === 'J0003');
    // 地区 left blank: the client's (registerJob takes the client's district by default).
    expect(job).toEqual(['J0003', 'C0003', '食堂の清掃', '清掃', '請負', '清掃、窓拭き', '月AM、水PM', 2, '柏', { date: '2025-07-01' }, null, '時給1000円', true, '募集中', { date: '2025-06-11' }, COORDINATOR]);
    const audit = saved.read(['監査ログ'])?.rows.map((r) => r.slice(2, 6));
    expect(audit).toEqual([
      ['register_client', '業務提供先', 'C0003', 'sector=welfare developed_on=2025-06-11'],
      ['register_job', '仕事', 'J0003', 'client=C0003 status=open engagement=contract slots=Mon-AM,Wed-PM headcount=2'],
    ]);
    await page.close();
  });
});
