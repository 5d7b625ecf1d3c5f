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

// Menu 就業報告を再確認: the answers a busy lock (or a trigger that never ran) left in the response
// tab are taken, in order, once; the answers already taken are not taken again.
describe('menu 就業報告を再確認 through the bundle', () => {
  const stamped = (a: Record<string, string[]>, at: string): Record<string, string[]> => ({ ...a, タイムスタンプ: [`2015/07/31 ${at}`] });

  test('takes the answers a busy lock missed into 就業実績 or 就業報告, once; a second run adds nothing; the calls do not grow with the answers', () => {
    const { bundle, ss, tab, uid } = world();
    const log = ss.getSheetByName('就業実績')!;
    const kept = ss.getSheetByName('就業報告')!;
    // The center's own formula column right of each tab's columns: never written by the sweep.
    log.getRange(1, log.getLastColumn() + 1, 2, 1).setValues([['確認欄'], ['=LEN(A2)']]);
    kept.getRange(1, 9, 1, 1).setValues([['担当メモ']]);
    const logBefore = workRows(ss).length;
    // Answered while another run held the lock: written nowhere, left in the response tab.
    bundle.fakes!.locks.holdElsewhere('script');
    const missed = [
      stamped(answer('M004', 'J01', '2015-07', ['6', '7'], '2'), '11:00:00'),
      stamped(answer('M004', 'J01', '2015-07', ['6', '7'], '2'), '11:00:30'), // the same report sent twice: recorded once
      // Unreadable, kept as text. (Forms stores an answer as text: the leading ' makes the fake's
      // response tab hold the text `=HYPERLINK(…)`, as Sheets would, rather than a formula.)
      stamped(answer('\'=HYPERLINK("http://x.example")', 'J01', '2015-07', ['8'], '2'), '11:01:00'),
      stamped(answer('M999', 'J01', '2015-07', ['9'], '2'), '11:02:00'),
    ];
    for (const a of missed) expect(jsonRoundTrip(bundle.call('onWorkReportSubmit', formSubmitEvent(tab, a, uid)))).toEqual({ outcome: 'busy' });
    bundle.fakes!.locks.releaseElsewhere('script');
    // One answer taken by its trigger as usual: the sweep must not take it again.
    expect(jsonRoundTrip(bundle.call('onWorkReportSubmit', formSubmitEvent(tab, stamped(answer('M004', 'J01', '2015-07', ['13'], '3'), '12:00:00'), uid))))
      .toMatchObject({ outcome: 'recorded' });
    expect(workRows(ss)).toHaveLength(logBefore + 1);

    bundle.log.reset();
    const first = bundle.log.measure(() => jsonRoundTrip(bundle.call('recheckWorkReports')));
    expect(first.result).toMatchObject({ ok: true, answers: 5, recorded: 1, rows: 2, kept: 2 });
    expect((first.result as { message: string }).message).toBe('フォームの回答を取り込みました: 就業実績に 1 件（2 行）、要確認として就業報告に 2 件。');
    const rows = workRows(ss).slice(logBefore + 1);
    expect(rows.map((r) => [r[2], r[3], r[4], r[8]])).toEqual([['M004', 'J01', 2, '就業報告'], ['M004', 'J01', 2, '就業報告']]);
    const reports = kept.getDataRange().getValues();
    expect(reports.slice(1).map((r) => [r[1], r[6]])).toEqual([['=HYPERLINK("http://x.example")', '要確認'], ['M999', '要確認']]);
    // The member's `=` text is a text cell, not a formula; the center's columns untouched.
    expect(kept.getRange(2, 1, 2, 9).getFormulas().flat().filter((f) => f !== '')).toEqual([]);
    expect(reports.slice(1).map((r) => r[8])).toEqual(['', '']);
    expect(log.getRange(2, log.getLastColumn(), 1, 1).getFormulas()[0]![0]).toBe('=LEN(A2)');
    expect(log.getRange(logBefore + 2, log.getLastColumn(), 3, 1).getValues().flat()).toEqual(['', '', '']);
    // Service calls: the response tab, 設定, 会員's IDs, マッチング, 月次締め, 就業実績, 就業報告 read
    // once each; one setValues of the work rows, one of the kept answers, one of the audit rows.
    // Nothing per answer or per day (pinned: the same count for 5 answers as for 25 below). One
    // more: the member's bucket of _候補索引 (setup built the index: its work weeks re-packed, one
    // writeCells for the run of buckets the rows touch: matching.md "The candidate index").
    expect(first.calls.byMethod['Range.setValues'] ?? 0).toBeLessThanOrEqual(4);
    // 30 round trips measured (lock, caller check and its cache, the getSheets/getFormUrl walk for
    // the response tab, seven reads, three writes, flush, toast), and 3 for the candidate index's
    // upkeep since setup builds it (the member's bucket found by one search, read, written): 33.
    expect(first.calls.roundTrips).toBeLessThanOrEqual(33);
    console.log(`work report recheck (5 answers): ${first.calls.roundTrips} round trips, ${JSON.stringify(first.calls.byMethod)}`);

    // Again: everything is taken; nothing is written (but the lock's flush).
    const again = bundle.log.measure(() => jsonRoundTrip(bundle.call('recheckWorkReports')));
    expect(again.result).toMatchObject({ ok: true, answers: 5, recorded: 0, rows: 0, kept: 0, message: '就業報告はフォームの回答とそろっています。' });
    expect((again.calls.byMethod['Range.setValues'] ?? 0) + (again.calls.byMethod['Sheet.appendRow'] ?? 0)).toBe(0);
    expect(workRows(ss)).toHaveLength(logBefore + 3);
    expect(kept.getLastRow()).toBe(3);

    // 20 more missed answers (one day each): the same reads and writes as for 5.
    bundle.fakes!.locks.holdElsewhere('script');
    for (let d = 14; d < 34; d++) {
      const day = String(d <= 31 ? d : d - 20);
      const a = stamped(answer(d <= 31 ? 'M004' : 'M998', 'J01', '2015-07', [day], '1'), `13:${String(d).padStart(2, '0')}:00`);
      bundle.call('onWorkReportSubmit', formSubmitEvent(tab, a, uid));
    }
    bundle.fakes!.locks.releaseElsewhere('script');
    const many = bundle.log.measure(() => jsonRoundTrip(bundle.call('recheckWorkReports')));
    expect(many.result).toMatchObject({ ok: true, answers: 25, recorded: 18, rows: 18, kept: 2 });
    expect(many.calls.roundTrips).toBeLessThanOrEqual(first.calls.roundTrips + 1);
    expect(many.calls.byMethod['Range.setValues'] ?? 0).toBeLessThanOrEqual(4);
  });

  test('a busy lock writes nothing and says so (who may run it: access.test.ts, write)', () => {
    const { bundle, ss, tab, uid } = world();
    bundle.fakes!.locks.holdElsewhere('script');
    bundle.call('onWorkReportSubmit', formSubmitEvent(tab, answer('M004', 'J01', '2015-07', ['6'], '2'), uid));
    const before = workRows(ss).length;
    expect(jsonRoundTrip(bundle.call('recheckWorkReports'))).toMatchObject({ ok: false, code: 'busy', message: '別の処理が実行中です。しばらくしてからもう一度お試しください' });
    expect(workRows(ss)).toHaveLength(before);
  });
});
