import vm from 'node:vm';
import { FormAppImpl } from '../fakes/form-app';
import type { Realm } from '../fakes';
import { loadBundle, type LoadedBundle } from './harness';

// 初期設定 driven through dist/Code.js in a bare realm with the fakes as globals: the menu as
// onOpen builds it, the first-run dialog's call with a JSON round trip, then a second run that
// must change nothing and write nothing. The calls are counted and printed for the report.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DIALOG_ANSWER = { centerName: '柏市シルバー人材センター', language: 'ja', weeklyDay: 0, weeklyHour: 8 };
const ALL_TABS = [
  '設定', 'コーディネータ', '会員', '業務提供先', '仕事', '活動記録', 'マッチング', '就業実績', '就業報告', 'イベント', '申込', 'アンケート', '技能', '月次締め',
  // _継続支援 (継続支援's stored list), _会員検索 and _仕事検索 (the pickers' keys), _候補索引 (the candidate
  // index), _活動集計 (活動記録's totals): the add-in's own stores (workbook.md), hidden and
  // protected with a warning.
  '週次KPI', '推移', 'アンケート集計', '_継続支援', '_会員検索', '_仕事検索', '_候補索引', '_活動集計', '監査ログ',
];

/** Calls that change the spreadsheet, the properties or the triggers. */
const WRITES = /\.(setValues|setValue|insertSheet|insertColumnsAfter|setFrozenRows|setDataValidation|setNumberFormat|protect|setProperty|setProperties|create|deleteTrigger|appendRow|insertChart|removeChart)$/;

function world(): { bundle: LoadedBundle; ss: GSpreadsheet } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: '2015-03-20T01:00:00Z', activeUserEmail: 'kanri@kashiwa-silver.example' });
  const realm = vm.runInContext('({ Date: Date, Error: Error })', bundle.context) as Realm;
  const formApp = FormAppImpl.create({ log: bundle.log, realm });
  Object.defineProperty(bundle.context, 'FormApp', { value: formApp.service, configurable: true, writable: true });
  bundle.log.reset();
  return { bundle, ss: bundle.fakes!.spreadsheet };
}

const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('the 生きがい就労 menu', () => {
  it('is built in AuthMode.NONE from the menu calls alone, with the nine items in Japanese', () => {
    const { bundle } = world();
    bundle.call('onOpen', { authMode: 'NONE' });
    const menu = bundle.fakes!.ui.menus[0];
    expect(menu?.caption).toBe('生きがい就労');
    expect(menu?.entries).toEqual([
      { caption: 'サイドバーを開く', functionName: 'showSidebar' }, { caption: '初期設定', functionName: 'runSetup' },
      { caption: '週次サマリーを今すぐ送信', functionName: 'sendWeeklySummaryNow' }, { caption: '申込フォームを更新', functionName: 'syncSignupForm' },
      { caption: '申込を再確認', functionName: 'recheckSignups' }, { caption: '就業報告を再確認', functionName: 'recheckWorkReports' }, { caption: 'アンケートを集計', functionName: 'tallyAllSurveys' },
      { caption: '月次締め（先月）', functionName: 'closeLastMonth' }, { caption: '月次締めを再開（最後に締めた月）', functionName: 'reopenLastClose' },
      { caption: '年度統計を書き出す（前年度）', functionName: 'writeAnnualStats' },
      { caption: '配分金明細を印刷（締めた月）', functionName: 'printClosedStatements' },
      { caption: '候補索引を作り直す', functionName: 'rebuildCandidateIndex' },
    ]);
    // Every item names a global function of the bundle.
    for (const e of menu?.entries ?? []) if ('functionName' in e) expect(bundle.functionNames).toContain(e.functionName);
    expect(bundle.log.sequence().every((c) => c.startsWith('SpreadsheetApp.getUi') || c.startsWith('Ui.') || c.startsWith('Menu.'))).toBe(true);
  });
});

describe('初期設定 through the bundle', () => {
  it('asks for the center name first, then sets up an empty spreadsheet completely', () => {
    const { bundle, ss } = world();
    expect(bundle.call('runSetup')).toEqual({ dialog: true, message: '' });
    expect(bundle.fakes!.ui.dialogs).toHaveLength(1);

    const fresh = bundle.log.measure(() => json(bundle.call('saveInitialSettings', json(DIALOG_ANSWER))));
    expect(fresh.result).toMatchObject({ ok: true });
    // eslint-disable-next-line no-console
    console.log(`setup fresh: ${JSON.stringify(fresh.calls)}`);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['シート1', ...ALL_TABS]);
    const members = ss.getSheetByName('会員')!;
    expect(members.getRange(1, 1, 1, 4).getValues()[0]).toEqual(['会員ID', '氏名', 'フリガナ', '性別']);
    expect(members.getFrozenRows()).toBe(1);
    // 性別 (D) is a dropdown of the Japanese labels; 個人情報同意 (Q) a checkbox; 入会日 (F) a date.
    expect(members.getRange('D2').getDataValidation()?.getCriteriaValues()[0]).toEqual(['男性', '女性', 'その他', '未回答']);
    expect(String(members.getRange('Q2').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    expect(members.getRange('F2').getNumberFormat()).toBe('yyyy-mm-dd');
    // Checkbox rules, not inserted checkboxes: the data rows stay empty.
    expect(members.getLastRow()).toBe(1);
    expect(ss.getSheets().filter((s) => s.isSheetHidden()).map((s) => s.getName())).toEqual(['_継続支援', '_会員検索', '_仕事検索', '_候補索引', '_活動集計']);
    // Built at once, not by their first reader: the index's stamp row and 1,024 (empty) buckets, the
    // totals' mark (no row of 活動記録 counted yet) — so the first ranking and weekly run only read them.
    const index = ss.getSheetByName('_候補索引')!;
    expect(index.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['区分', '会員数', '索引']);
    expect(index.getRange(2, 1, 1, 2).getValues()[0]).toEqual(['#', 0]);
    expect(JSON.parse(String(index.getRange(2, 3).getValue()))).toMatchObject({ built: '2015-03-20', buckets: 1024 });
    expect(index.getLastRow()).toBe(1 + 1 + 1024);
    const totals = ss.getSheetByName('_活動集計')!;
    expect(totals.getRange(1, 1, 1, 2).getValues()[0]).toEqual(['キー', '値']);
    expect(totals.getRange(2, 1).getValue()).toBe('mark');
    expect(JSON.parse(String(totals.getRange(2, 2).getValue()))).toMatchObject({ row: 1, recounted: '2015-03-20', stale: false });
    for (const name of ['週次KPI', 'アンケート集計', '_継続支援', '_会員検索', '_仕事検索', '_候補索引', '_活動集計', '監査ログ']) {
      const p = ss.getSheetByName(name)!.getProtections(SpreadsheetAppProtectionSheet(bundle));
      expect(p).toHaveLength(1);
      expect(p[0]?.isWarningOnly()).toBe(true);
    }
    expect(ss.getSheetByName('コーディネータ')!.getRange(2, 1, 1, 4).getValues()[0]).toEqual(['kanri@kashiwa-silver.example', '', '管理者', true]);
    const settings = ss.getSheetByName('設定')!.getDataRange().getValues();
    expect(settings).toContainEqual(['センター名', '柏市シルバー人材センター']);
    const handlers = bundle.fakes!.triggers.installed().map((t) => t.handler).sort();
    expect(handlers).toEqual(['onDeskChange', 'onDeskEdit', 'onSignupFormSubmit', 'onWorkReportSubmit', 'sendEventReminders', 'tallyAllSurveys', 'weeklySummaryTrigger']);
    expect(settings.find((r) => r[0] === '申込フォームID')?.[1]).not.toBe('');
    // The 就業報告 form's ID is kept in 設定 like the sign-up form's (and its property follows it).
    const workFormId = settings.find((r) => r[0] === '就業報告フォームID')?.[1];
    expect(workFormId).toBe(bundle.fakes!.properties.document.getProperty('ikigai.work_report.form_id'));
    expect(workFormId).not.toBe('');
    // 推移: the header of the weekly mail's 13 weeks and one native line chart over A1:G14,
    // below the block, the stocks (会員数, 待機会員数: series 0 and 5) on the right axis.
    const trends = ss.getSheetByName('推移')!;
    expect(trends.getRange(1, 1, 1, 7).getValues()[0]).toEqual(['週開始', '会員数', '新規入会者数', '就労者数', '新規開拓件数', '活動件数', '待機会員数']);
    const charts = trends.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:G14']);
    expect(charts[0]!.getNumHeaders()).toBe(1);
    expect(charts[0]!.getContainerInfo().getAnchorRow()).toBe(16);
    expect(charts[0]!.getOptions().get('series')).toEqual({ 0: { targetAxisIndex: 1 }, 5: { targetAxisIndex: 1 } });
    expect(charts[0]!.getOptions().get('title')).toBe('13週の推移（右軸: 会員数・待機会員数）');
    expect(bundle.log.count('Sheet.insertChart')).toBe(1);
    expect(bundle.log.count('EmbeddedChartBuilder.setChartType')).toBe(1);

    // Run again from the menu: nothing changes and nothing is written.
    const again = bundle.log.measure(() => json(bundle.call('runSetup')));
    // eslint-disable-next-line no-console
    console.log(`setup re-run: ${JSON.stringify(again.calls)}`);
    // The counts' line, then who can answer the form and whose the triggers are (setup-notes.ts).
    expect(again.result).toEqual({ dialog: false, message: [
      'すでに設定済みです。何も変更していません。',
      `申込フォームは公開済みです: https://docs.google.com/forms/d/e/${settings.find((r) => r[0] === '申込フォームID')?.[1]}/viewform`,
      '受付中で空きのある回がないため、いまは回答を締め切っています（イベントに回を登録すると、次の同期で開きます）。',
      `就業報告フォーム（会員が月に一度、働いた日と時間を送ります）: https://docs.google.com/forms/d/e/${String(workFormId)}/viewform`,
      'トリガーは kanri@kashiwa-silver.example のアカウントで動きます（2015-03-20 10:00 に設定）。',
    ].join('\n') });
    expect(bundle.log.sequence().filter((c) => WRITES.test(c) && !c.startsWith('Spreadsheet.toast'))).toEqual([]);
    expect(bundle.fakes!.triggers.installed()).toHaveLength(7);
    // The chart is built once: the re-run finds it (getCharts) and adds none.
    expect(trends.getCharts()).toHaveLength(1);
  });

  it('protects the add-in\'s hidden tabs with a warning only: a coordinator\'s write still keeps them (the fake refuses a non-editor on a full protection)', () => {
    const { bundle, ss } = world();
    json(bundle.call('saveInitialSettings', json(DIALOG_ANSWER)));
    // A coordinator the manager added to コーディネータ (by hand, as a center does).
    ss.getSheetByName('コーディネータ')!.appendRow(['jc@kashiwa-silver.example', '佐藤', 'コーディネータ', true]);
    bundle.fakes!.actAs('jc@kashiwa-silver.example');
    const saved = json(bundle.call('saveMember', { name: '山下 隆', kana: 'やました たかし', consent: true, join_route: 'window' })) as { ok: boolean; data?: { member: { member_id: string } } };
    expect(saved).toMatchObject({ ok: true });
    // The new member's bucket of _候補索引 was re-packed by the coordinator's write.
    const index = ss.getSheetByName('_候補索引')!;
    const cells = index.getRange(3, 3, 1024, 1).getValues().flat().map(String);
    expect(cells.some((c) => c.includes(saved.data?.member.member_id ?? '?'))).toBe(true);
    for (const name of ['_継続支援', '_候補索引', '_活動集計']) {
      const [p] = index.getParent().getSheetByName(name)!.getProtections(SpreadsheetAppProtectionSheet(bundle));
      expect([p?.isWarningOnly(), p?.canEdit()]).toEqual([true, true]);
    }
    // Had setup kept the tab to the manager (a full protection), the same write would fail: the
    // add-in writes its tabs as the person using it, so warning-only is the only protection it can
    // carry; what stops a person's typing from counting is the edit trigger's stamp.
    bundle.fakes!.actAs('kanri@kashiwa-silver.example');
    const [full] = index.getProtections(SpreadsheetAppProtectionSheet(bundle));
    full!.setWarningOnly(false).removeEditors(['jc@kashiwa-silver.example']);
    bundle.fakes!.actAs('jc@kashiwa-silver.example');
    const refused = json(bundle.call('saveMember', { name: '山下 花', kana: 'やました はな', consent: true, join_route: 'window' }));
    expect(refused).toMatchObject({ ok: false, code: 'internal' });
  });

  it('keeps a half set-up spreadsheet\'s data and extra columns, and adds only what is missing', () => {
    const { bundle, ss } = world();
    const members = ss.insertSheet('会員');
    members.getRange(1, 1, 3, 4).setValues([['会員ID', '氏名', '入会日', '自治会'], ['M00001', '佐藤 茂', '2010-04-01', '豊四季'], ['M00002', '鈴木 和子', '2012-06-01', '北柏']]);
    const settings = ss.insertSheet('設定');
    settings.getRange(1, 1, 3, 2).setValues([['項目', '値'], ['センター名', '柏市シルバー人材センター'], ['言語', 'ja']]);
    const text = (rows: unknown[][]): string[][] => rows.map((r) => r.slice(0, 4).map(String));
    const before = text(members.getDataRange().getValues().slice(1));
    bundle.log.reset();

    const first = bundle.log.measure(() => json(bundle.call('runSetup')));
    // eslint-disable-next-line no-console
    console.log(`setup half set-up: ${JSON.stringify(first.calls)}`);
    expect(first.result).toMatchObject({ dialog: false });
    const values = members.getDataRange().getValues();
    // The center's 4 columns stay first; the 16 other columns of workbook.md follow (19 − 3).
    expect(values[0]?.slice(0, 5)).toEqual(['会員ID', '氏名', '入会日', '自治会', 'フリガナ']);
    expect(values[0]).toHaveLength(20);
    expect(text(values.slice(1))).toEqual(before);
    expect(before.map((r) => [r[0], r[3]])).toEqual([['M00001', '豊四季'], ['M00002', '北柏']]);
    expect(settings.getDataRange().getValues()[1]).toEqual(['センター名', '柏市シルバー人材センター']);
    expect(ss.getSheets().map((s) => s.getName()).filter((n) => ALL_TABS.includes(n)).sort()).toEqual([...ALL_TABS].sort());

    const again = bundle.log.measure(() => json(bundle.call('runSetup')));
    expect(bundle.log.sequence().filter((c) => WRITES.test(c))).toEqual([]);
    expect(String((again.result as { message: string }).message).split('\n')[0]).toBe('すでに設定済みです。何も変更していません。');
  });
});

function SpreadsheetAppProtectionSheet(bundle: LoadedBundle): GoogleAppsScript.Spreadsheet.ProtectionType {
  return vm.runInContext('SpreadsheetApp.ProtectionType.SHEET', bundle.context) as GoogleAppsScript.Spreadsheet.ProtectionType;
}
