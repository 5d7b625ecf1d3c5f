import vm from 'node:vm';
import { jsonRoundTrip, loadBundle, type LoadedBundle } from './harness';
import { changeEvent, editEvent, installTrigger } from './trigger-events';
import { COORDINATOR, MANAGER, sidebarTables } from '../app/sidebar/sidebar-fixture';
import type { Cell } from '../../src/domain/cell';

// The desk cache through dist/Code.js (src/app/shared/desk-cache.ts): 設定, コーディネータ and the
// header rows kept for at most 5 minutes, emptied by the installable edit and change triggers
// setup installs (src/entry/cache-triggers.ts), by the add-in's own writes to them, and by the
// TTL when nothing fires. Apps Script runs an installable trigger as the person who installed it
// (here the manager), whoever made the edit.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Reply = { ok: boolean; code?: string; data?: unknown };

const T0 = '2026-12-07T00:30:00Z';
const ACTIVE_COLUMN = 4; // コーディネータ!D 有効
const COORDINATOR_ROW = 2;

function toSheetValue(c: Cell): unknown {
  if (c === null) return '';
  if (typeof c === 'object') return c.date;
  return c;
}

function world(): { bundle: LoadedBundle; ss: GSpreadsheet; log: (email?: string) => Reply; asManager: <T>(f: () => T) => T; cached: () => string[] } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: T0, activeUserEmail: MANAGER });
  const ss = bundle.fakes!.spreadsheet;
  for (const t of sidebarTables()) {
    const sheet = ss.insertSheet(t.name);
    const rows = [t.header, ...t.rows.map((r) => t.header.map((_, i) => toSheetValue(r[i] ?? null)))];
    sheet.getRange(1, 1, rows.length, t.header.length).setValues(rows);
  }
  const log = (email = COORDINATOR): Reply => {
    bundle.fakes!.actAs(email);
    return jsonRoundTrip(bundle.call('logActivity', jsonRoundTrip({ date: '2026-12-07', area: 'matching', kind: 'visit', member_id: 'M001', minutes: 30 })) as Reply);
  };
  const asManager = <T>(f: () => T): T => {
    bundle.fakes!.actAs(MANAGER);
    return f();
  };
  const cached = (): string[] => Object.keys(bundle.fakes!.cache.documentEntries()).sort();
  return { bundle, ss, log, asManager, cached };
}

const activities = (ss: GSpreadsheet): number => ss.getSheetByName('活動記録')!.getLastRow() - 1;

describe('the desk cache through the bundle', () => {
  it('refuses a coordinator switched off (有効 FALSE) once the on-edit trigger has run', () => {
    const { bundle, ss, log, asManager, cached } = world();
    const edit = asManager(() => installTrigger(bundle, 'onDeskEdit', 'edit'));
    expect(log()).toMatchObject({ ok: true });
    expect(cached()).toEqual(['ikigai.desk.v1.coordinators.ja', 'ikigai.desk.v1.header.activities.ja', 'ikigai.desk.v1.header.audit_log.ja', 'ikigai.desk.v1.settings']);
    // The manager unticks 有効 in コーディネータ; Sheets runs the manager's on-edit trigger.
    const e = editEvent(ss.getSheetByName('コーディネータ')!, COORDINATOR_ROW, ACTIVE_COLUMN, [[false]], edit);
    const fired = asManager(() => bundle.log.measure(() => bundle.call('onDeskEdit', e)));
    expect(fired.result).toEqual({ invalidated: true, totalsStamped: false });
    // The trigger check (getProjectTriggers, the trigger's ID and handler), the range's sheet, name
    // and first row (lookups), and one removeAll of every desk key.
    expect(fired.calls.byMethod).toEqual({
      'ScriptApp.getProjectTriggers': 1, 'Trigger.getUniqueId': 1, 'Trigger.getHandlerFunction': 1,
      'Range.getRow': 1, 'Range.getSheet': 1, 'Sheet.getName': 1, 'CacheService.getDocumentCache': 1, 'Cache.removeAll': 1,
    });
    expect(cached()).toEqual([]);
    const before = activities(ss);
    expect(log()).toMatchObject({ ok: false, code: 'inactive_user' });
    expect(activities(ss)).toBe(before);
  });

  it('lets a coordinator switched off with no trigger run in for at most the TTL, then refuses them', () => {
    const { bundle, ss, log } = world();
    expect(log()).toMatchObject({ ok: true });
    // No on-edit trigger installed (or it failed): the cache does not hear of the edit.
    ss.getSheetByName('コーディネータ')!.getRange(COORDINATOR_ROW, ACTIVE_COLUMN).setValue(false);
    // The entries were put at T0 for 300 s: still there 299 s later — the stale allow the design bounds.
    bundle.setNow('2026-12-07T00:34:59Z');
    expect(log()).toMatchObject({ ok: true });
    bundle.setNow('2026-12-07T00:35:00Z');
    const before = activities(ss);
    expect(log()).toMatchObject({ ok: false, code: 'inactive_user' });
    expect(activities(ss)).toBe(before);
  });

  it('empties the cache on an edit of 設定, コーディネータ or row 1 of any tab, and not for an edit of a data row elsewhere', () => {
    const { bundle, ss, log, asManager, cached } = world();
    const edit = asManager(() => installTrigger(bundle, 'onDeskEdit', 'edit'));
    const fire = (sheet: string, row: number, column: number, values: unknown[][]): unknown => {
      const e = editEvent(ss.getSheetByName(sheet)!, row, column, values, edit);
      return asManager(() => bundle.call('onDeskEdit', e));
    };
    log();
    // An edit of 活動記録 stamps the weekly run's totals (one setProperty): it counts the tab whole next time.
    expect(fire('活動記録', 2, 10, [['電話で確認']])).toEqual({ invalidated: false, totalsStamped: true });
    expect(String(vm.runInContext("PropertiesService.getDocumentProperties().getProperty('ikigai.activityTotals.edited')", bundle.context))).toMatch(/^\d{4}-/);
    // An edit of a row of 会員 names its member for the candidate index (the next ranking re-packs
    // M002's bucket only, no rebuild: index-hand-edits.ts) and for 継続支援's stored list (the next
    // listFollowUps re-counts M002 alone: follow-ups/follow-hand-edits.ts), and stamps the picker's
    // keys (the next search rebuilds them first).
    const e = editEvent(ss.getSheetByName('会員')!, 3, 2, [['井上 かず子', 'イノウエ カズコ']], edit);
    const fired = asManager(() => bundle.log.measure(() => bundle.call('onDeskEdit', e)));
    expect(fired.result).toEqual({
      invalidated: false, totalsStamped: false, searchStamped: true, indexTouched: { members: ['M002'], jobs: [] }, followUpsTouched: { members: ['M002'], jobs: [] },
    });
    // The trigger's budget for one member's hand edit (background, no one waits on it): the trigger
    // check; the range's sheet, name, row and size (lookups); the picker's stamp (one setProperty);
    // 会員's header (here not in the desk cache: getLastColumn and one getValues) and ONE getValues
    // of the 会員ID column in the edited row, read once for both readers; under ONE hold of the
    // lock (a flush at its release), a getProperty and a setProperty per reader's touched list:
    // the index's and the follow-ups' (a list each, so each reader deletes its own whole:
    // index-hand-edits.ts). Was 1 getProperty and 2 setProperty before 継続支援 followed hand edits.
    expect(fired.calls.byMethod).toEqual({
      'ScriptApp.getProjectTriggers': 1, 'Trigger.getUniqueId': 1, 'Trigger.getHandlerFunction': 1,
      'Range.getSheet': 2, 'Sheet.getName': 2, 'Range.getRow': 1, 'Range.getColumn': 1, 'Range.getNumColumns': 1, 'Range.getNumRows': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getLastColumn': 1, 'Sheet.getRange': 2, 'Range.getValues': 2,
      'PropertiesService.getDocumentProperties': 1, 'Properties.getProperty': 2, 'Properties.setProperty': 3,
      'LockService.getScriptLock': 1, 'Lock.tryLock': 1, 'Lock.releaseLock': 1, 'SpreadsheetApp.flush': 1,
    });
    expect(String(vm.runInContext("PropertiesService.getDocumentProperties().getProperty('ikigai.followUps.touched')", bundle.context))).toBe('{"m":["M002"],"j":[]}');
    expect(String(vm.runInContext("PropertiesService.getDocumentProperties().getProperty('ikigai.memberSearch')", bundle.context))).toMatch(/^\{"edited":"\d{4}-/);
    expect(String(vm.runInContext("PropertiesService.getDocumentProperties().getProperty('ikigai.candidateIndex.touched')", bundle.context))).toBe('{"m":["M002"],"j":[]}');
    expect(vm.runInContext("PropertiesService.getDocumentProperties().getProperty('ikigai.candidateIndex.edited')", bundle.context)).toBeNull();
    // An edit of 仕事 or 業務提供先 (a client's name is in the job picker's keys) stamps _仕事検索's
    // keys stale: the next job search rebuilds them first.
    expect(fire('業務提供先', 2, 2, [['ひまわり園（本館）']])).toMatchObject({ invalidated: false, jobSearchStamped: true });
    expect(String(vm.runInContext("PropertiesService.getDocumentProperties().getProperty('ikigai.jobSearch')", bundle.context))).toMatch(/^\{"edited":"\d{4}-/);
    expect(fire('仕事', 2, 3, [['施設の清掃（午後）']])).toMatchObject({ invalidated: false, jobSearchStamped: true });
    expect(cached()).toHaveLength(4);
    // A header of 活動記録 (which 継続支援's list is counted from): the list is rebuilt at its next read.
    expect(fire('活動記録', 1, 10, [['結果・次の一手']])).toEqual({ invalidated: true, totalsStamped: true, followUpsStamped: true });
    expect(cached()).toEqual([]);
    log();
    // A pasted block that starts in row 1 of another tab is a header edit too.
    expect(fire('会員', 1, 19, [['自治会'], ['豊四季']])).toEqual({ invalidated: true, totalsStamped: false, indexStamped: true, followUpsStamped: true, searchStamped: true });
    log();
    expect(fire('設定', 2, 2, [['柏市シルバー人材センター（本所）']])).toEqual({ invalidated: true, totalsStamped: false });
    expect(cached()).toEqual([]);
  });

  it('empties the cache when rows, columns or tabs change, which fire no edit, and not for an edit or a format', () => {
    const { bundle, ss, log, asManager, cached } = world();
    const change = asManager(() => installTrigger(bundle, 'onDeskChange', 'change'));
    log();
    for (const type of ['EDIT', 'FORMAT']) expect(asManager(() => bundle.call('onDeskChange', changeEvent(ss, type, change)))).toEqual({ invalidated: false, totalsStamped: false });
    expect(cached()).toHaveLength(4);
    for (const type of ['REMOVE_ROW', 'INSERT_COLUMN', 'REMOVE_COLUMN', 'INSERT_ROW', 'INSERT_GRID', 'REMOVE_GRID', 'OTHER']) {
      log();
      expect(cached()).toHaveLength(4);
      // Rows may have moved under the weekly totals' mark, or left 会員 (and the picker's keys no
      // longer line up with its rows, nor 継続支援's list with the members due, nor the job picker's
      // keys with 仕事's rows): all five stamped.
      expect(asManager(() => bundle.call('onDeskChange', changeEvent(ss, type, change)))).toEqual({ invalidated: true, totalsStamped: true, indexStamped: true, followUpsStamped: true, searchStamped: true, jobSearchStamped: true });
      expect(cached()).toEqual([]);
    }
  });

  it('refuses an edit run that is not the project\'s own trigger\'s, leaving the cache as it was', () => {
    const { bundle, ss, log, asManager, cached } = world();
    const edit = asManager(() => installTrigger(bundle, 'onDeskEdit', 'edit'));
    log();
    // JSON cannot carry a live Range; a live event with a triggerUid the project does not have;
    // the manager's real trigger ID used by the coordinator (their getProjectTriggers lists none).
    const forged = { authMode: 'FULL', range: { sheet: 'コーディネータ', row: 2 }, triggerUid: edit };
    expect(asManager(() => jsonRoundTrip(bundle.call('onDeskEdit', jsonRoundTrip(forged))))).toMatchObject({ ok: false, code: 'not_a_trigger' });
    const live = editEvent(ss.getSheetByName('コーディネータ')!, 3, 2, [['鈴木 一郎']], '999999');
    expect(asManager(() => bundle.call('onDeskEdit', live))).toMatchObject({ ok: false, code: 'not_a_trigger' });
    bundle.fakes!.actAs(COORDINATOR);
    expect(bundle.call('onDeskEdit', { ...live, triggerUid: edit })).toMatchObject({ ok: false, code: 'not_a_trigger' });
    expect(cached()).toHaveLength(4);
  });

  it('is emptied by setup, which installs the edit and change triggers and writes headers the store never sees', () => {
    const { bundle, ss, log, asManager, cached } = world();
    log();
    expect(cached()).toHaveLength(4);
    // The fixture lacks tabs and columns: setup adds them (its surface, not the store).
    const r = asManager(() => bundle.call('runSetup')) as { dialog: boolean; message: string };
    expect(r.dialog).toBe(false);
    expect(r.message).toContain('列を追加したシート');
    expect(cached()).toEqual([]);
    const installed = bundle.fakes!.triggers.installed().filter((t) => t.handler === 'onDeskEdit' || t.handler === 'onDeskChange');
    expect(installed.map(({ handler, eventType, source }) => ({ handler, eventType, source }))).toEqual([
      { handler: 'onDeskEdit', eventType: 'ON_EDIT', source: 'SPREADSHEETS' },
      { handler: 'onDeskChange', eventType: 'ON_CHANGE', source: 'SPREADSHEETS' },
    ]);
    // The installed edit trigger does the work: a coordinator switched off is refused after it runs.
    expect(log()).toMatchObject({ ok: true });
    const e = editEvent(ss.getSheetByName('コーディネータ')!, COORDINATOR_ROW, ACTIVE_COLUMN, [[false]], installed[0]!.uniqueId);
    expect(asManager(() => bundle.call('onDeskEdit', e))).toEqual({ invalidated: true, totalsStamped: false });
    expect(log()).toMatchObject({ ok: false, code: 'inactive_user' });
  });
});
