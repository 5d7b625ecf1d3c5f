import { loadBundle, jsonRoundTrip, type LoadedBundle } from './harness';
import { formSubmitEvent, triggerUidOf } from './trigger-events';
import { workPanelTabs } from '../app/work/work-center';
import type { Cell } from '../../src/domain/cell';

// The monthly 就業報告 form through dist/Code.js and the Apps Script fakes: 初期設定 makes it next
// to the sign-up form and installs its submit trigger; answers arrive as Forms delivers them (a
// row of its response tab and the trigger's event) on the work center with placements
// (test/app/work/work-center.ts: M004 on J01 from 2015-07-01, on J03 until 2015-07-10).
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
const MANAGER = 'kanri@c.jp';

function toSheetValue(c: Cell): unknown {
  if (c === null) return '';
  if (typeof c === 'object') return c.date;
  return c;
}

function world(): { bundle: LoadedBundle; ss: GSpreadsheet; tab: GSheet; signupTab: GSheet; uid: string } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: '2015-07-31T01:00:00Z', activeUserEmail: MANAGER });
  const ss = bundle.fakes!.spreadsheet;
  for (const t of workPanelTabs()) {
    const rows = [t.header, ...t.rows.map((r) => t.header.map((_, i) => toSheetValue(r[i] ?? null)))];
    ss.insertSheet(t.name).getRange(1, 1, rows.length, t.header.length).setValues(rows);
  }
  bundle.call('runSetup');
  const formId = bundle.fakes!.properties.document.getProperty('ikigai.work_report.form_id');
  const tab = ss.getSheets().find((s) => (s.getFormUrl() ?? '').includes(`/d/${formId}/`))!;
  const signupTab = ss.getSheets().find((s) => s.getFormUrl() !== null && s !== tab)!;
  bundle.log.reset();
  return { bundle, ss, tab, signupTab, uid: triggerUidOf(bundle, 'onWorkReportSubmit') };
}

const answer = (member: string, job: string, month: string, days: string[], hours: string): Record<string, string[]> => ({
  タイムスタンプ: ['2015/07/31 10:00:00'], 会員ID: [member], 仕事ID: [job], 対象月: [month], 就業した日: [days.join(', ')], '1日の時間': [hours],
});

function workRows(ss: GSpreadsheet): unknown[][] {
  return ss.getSheetByName('就業実績')!.getDataRange().getValues().slice(1);
}

describe('the 就業報告 form through the bundle', () => {
  test('setup makes it with its five questions, links it to the spreadsheet and installs its submit trigger', () => {
    const { bundle, tab } = world();
    const forms = [...bundle.fakes!.forms.forms.values()];
    const work = forms.find((f) => f.title.endsWith('就業報告'))!;
    expect(work.items.map((i) => [i.kind, i.title])).toEqual([
      ['TEXT', '会員ID'], ['TEXT', '仕事ID'], ['TEXT', '対象月'], ['CHECKBOX', '就業した日'], ['TEXT', '1日の時間'],
    ]);
    expect(work.items[3]!.choices).toHaveLength(31);
    expect(tab).toBeDefined();
    expect(bundle.fakes!.triggers.installed().filter((t) => t.handler === 'onWorkReportSubmit')).toHaveLength(1);
    // A second 初期設定 makes no second form.
    bundle.call('runSetup');
    expect([...bundle.fakes!.forms.forms.values()].filter((f) => f.title.endsWith('就業報告'))).toHaveLength(1);
  });

  test('a good answer becomes a 就業実績 row per day (確認 blank), within a budget; the trigger firing twice writes once', () => {
    const { bundle, ss, tab, uid } = world();
    const before = workRows(ss).length;
    const event = formSubmitEvent(tab, answer('m004', 'J01', '2015-07', ['1', '2', '3'], '２.５'), uid);
    bundle.log.reset();
    const m = bundle.log.measure(() => jsonRoundTrip(bundle.call('onWorkReportSubmit', event)));
    expect(m.result).toEqual({ outcome: 'recorded', work_ids: ['W0000014', 'W0000015', 'W0000016'], over_cap: false });
    // Service calls: the trigger check (getProjectTriggers), the tab check (getFormUrl, the form
    // ID property), the lock; 設定, 会員's ID column, マッチング, 月次締め, 就業実績 (one read each,
    // the last twice: its columns, then the W counter's seed from its ID column, once per
    // document); one setValues of the three rows, one of the audit row. Nothing per day.
    expect(m.calls.byMethod['Range.setValues'] ?? 0).toBeLessThanOrEqual(2);
    expect(m.calls.roundTrips).toBeLessThanOrEqual(30);
    console.log(`work report submit: ${m.calls.roundTrips} round trips, ${m.calls.cellsRead} cells read, ${JSON.stringify(m.calls.byMethod)}`);
    const rows = workRows(ss);
    expect(rows.slice(before).map((r) => [r[0], r[1], r[2], r[3], r[4], r[6], r[8]])).toEqual([
      ['W0000014', '2015-07-01', 'M004', 'J01', 2.5, false, '就業報告'],
      ['W0000015', '2015-07-02', 'M004', 'J01', 2.5, false, '就業報告'],
      ['W0000016', '2015-07-03', 'M004', 'J01', 2.5, false, '就業報告'],
    ].map((r) => r.map((c) => (typeof c === 'string' && /^\d{4}-/.test(c) ? expect.anything() : c))));
    // Apps Script fires the same event again: nothing more.
    expect(jsonRoundTrip(bundle.call('onWorkReportSubmit', event))).toEqual({ outcome: 'skipped_duplicate' });
    expect(workRows(ss)).toHaveLength(before + 3);
  });

  test('an unknown member ID, or a job the member is not placed on, is kept 要確認 in 就業報告 — never in 就業実績', () => {
    const { bundle, ss, tab, uid } = world();
    const before = workRows(ss).length;
    const unknown = formSubmitEvent(tab, answer('M999', 'J01', '2015-07', ['1'], '2'), uid);
    expect(jsonRoundTrip(bundle.call('onWorkReportSubmit', unknown))).toEqual({ outcome: 'needs_review', reason: 'unknown_member' });
    const notPlaced = formSubmitEvent(tab, { ...answer('M004', 'J06', '2015-07', ['4'], '2'), タイムスタンプ: ['2015/07/31 10:05:00'] }, uid);
    expect(jsonRoundTrip(bundle.call('onWorkReportSubmit', notPlaced))).toEqual({ outcome: 'needs_review', reason: 'not_placed' });
    // Twice fired: kept once.
    expect(jsonRoundTrip(bundle.call('onWorkReportSubmit', notPlaced))).toEqual({ outcome: 'skipped_duplicate' });
    expect(workRows(ss)).toHaveLength(before);
    expect(ss.getSheetByName('就業報告')!.getDataRange().getValues()).toEqual([
      ['回答日時', '会員ID', '仕事ID', '対象月', '就業日', '時間', '状態', 'メモ'],
      // 回答日時 a timestamp cell (a Date of the script's realm); 就業日 and 時間 as Sheets takes the numbers.
      [expect.anything(), 'M999', 'J01', '2015-07', 1, 2, '要確認', '会員IDが会員シートにありません'],
      [expect.anything(), 'M004', 'J06', '2015-07', 4, 2, '要確認', 'この仕事で成立していない日があります'],
    ].map((r) => r.map((c) => (c === '2015-07' ? expect.anything() : c))));
    const audit = ss.getSheetByName('監査ログ')!.getDataRange().getValues().slice(-2).map((r) => [r[2], r[4], r[5]]);
    expect(audit).toEqual([['work_report_review', 'M999', 'reason=unknown_member month=2015-07'], ['work_report_review', 'M004', 'reason=not_placed month=2015-07']]);
  });

  test('takes answers only from its own response tab, and a busy lock writes nothing (the answer stays in the response tab)', () => {
    const { bundle, ss, tab, signupTab, uid } = world();
    const before = workRows(ss).length;
    const foreign = formSubmitEvent(signupTab, answer('M004', 'J01', '2015-07', ['5'], '2'), uid);
    expect(jsonRoundTrip(bundle.call('onWorkReportSubmit', foreign))).toMatchObject({ ok: false, code: 'not_work_report_form' });
    bundle.fakes!.locks.holdElsewhere('script');
    const event = formSubmitEvent(tab, answer('M004', 'J01', '2015-07', ['6'], '2'), uid);
    expect(jsonRoundTrip(bundle.call('onWorkReportSubmit', event))).toEqual({ outcome: 'busy' });
    expect(workRows(ss)).toHaveLength(before);
    // Header + the busy answer: still there for a person to enter.
    expect(tab.getLastRow()).toBe(2);
  });
});
