import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installFakes, LOCK_TIMEOUT_MESSAGE, MAX_TRIGGERS, QUOTA_MESSAGE, TOO_MANY_TRIGGERS, type FakeHandles } from '../fakes';

// The fakes of the services other than Sheets: locks, properties, mail, session, triggers,
// utilities, the UI and HtmlService.
describe('the Apps Script service fakes', () => {
  let fakes: FakeHandles;
  const distDir = mkdtempSync(join(tmpdir(), 'ikigai-dist-'));
  writeFileSync(join(distDir, 'sidebar.html'), '<!doctype html><p>サイドバー</p>');
  beforeEach(() => { fakes = installFakes(globalThis, { distDir }); });
  afterEach(() => fakes.uninstall());

  it('lets one holder have a lock at a time: tryLock answers false, waitLock throws Google\'s message', () => {
    const first = LockService.getScriptLock();
    const second = LockService.getScriptLock();
    expect(first.tryLock(100)).toBe(true);
    expect(first.hasLock()).toBe(true);
    expect(second.tryLock(100)).toBe(false);
    expect(second.hasLock()).toBe(false);
    expect(() => second.waitLock(100)).toThrow(LOCK_TIMEOUT_MESSAGE);
    first.releaseLock();
    expect(second.tryLock(100)).toBe(true);
  });

  it('keeps document, script and user properties apart, null for a missing key, values as strings', () => {
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty('n', 3 as unknown as string).setProperty('x', 'y');
    expect(doc.getProperty('n')).toBe('3');
    expect(PropertiesService.getScriptProperties().getProperty('n')).toBeNull();
    doc.deleteProperty('x');
    expect(doc.getProperties()).toEqual({ n: '3' });
    doc.setProperties({ a: '1' }, true);
    expect(doc.getKeys()).toEqual(['a']);
  });

  it('records mail in every form of sendEmail and counts recipients against the quota', () => {
    fakes.mail.setQuota(3);
    MailApp.sendEmail({ to: 'a@example.org', subject: 's', body: 'b', htmlBody: '<b>b</b>', name: 'センター' });
    MailApp.sendEmail('b@example.org', 's2', 'b2');
    expect(fakes.mail.sent.map((m) => m.to)).toEqual(['a@example.org', 'b@example.org']);
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail({ to: 'c@example.org,d@example.org', subject: 's', body: 'b' })).toThrow(QUOTA_MESSAGE);
    expect(fakes.mail.sent).toHaveLength(2);
  });

  it('answers who the user is and the script\'s zone', () => {
    expect(Session.getActiveUser().getEmail()).toBe('staff@example.org');
    expect(Session.getEffectiveUser().getEmail()).toBe('staff@example.org');
    expect(Session.getScriptTimeZone()).toBe('Asia/Tokyo');
  });

  it('installs, lists and deletes triggers, and stops at twenty', () => {
    const t = ScriptApp.newTrigger('weekly').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).inTimezone('Asia/Tokyo').create();
    ScriptApp.newTrigger('submit').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
    expect(t.getHandlerFunction()).toBe('weekly');
    expect(t.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(ScriptApp.getProjectTriggers().map((x) => x.getHandlerFunction())).toEqual(['weekly', 'submit']);
    expect(ScriptApp.getProjectTriggers()[1]?.getEventType()).toBe(ScriptApp.EventType.ON_FORM_SUBMIT);
    ScriptApp.deleteTrigger(t);
    expect(fakes.triggers.installed().map((x) => x.handler)).toEqual(['submit']);
    for (let i = 1; i < MAX_TRIGGERS; i += 1) ScriptApp.newTrigger(`h${i}`).timeBased().everyDays(1).create();
    expect(() => ScriptApp.newTrigger('one-too-many').timeBased().everyDays(1).create()).toThrow(TOO_MANY_TRIGGERS);
  });

  it('refuses a clock trigger with no schedule', () => {
    expect(() => ScriptApp.newTrigger('x').timeBased().atHour(8).create()).toThrow('fake: a clock trigger needs exactly one');
  });

  it('formats dates in the zone asked for, whatever the process zone', () => {
    // 2015-03-31T15:00:00Z is 2015-04-01 00:00 in Tokyo and 2015-03-31 11:00 in New York (EDT).
    const d = new Date('2015-03-31T15:00:00Z');
    expect(Utilities.formatDate(d, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm:ss')).toBe('2015-04-01 00:00:00');
    expect(Utilities.formatDate(d, 'America/New_York', "yyyy/MM/dd'T'HH:mm Z")).toBe('2015/03/31T11:00 -0400');
    expect(Utilities.formatDate(d, 'UTC', 'yyyyMMdd EEE')).toBe('20150331 Tue');
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('records menus, alerts and the sidebar served from dist/<name>.html', () => {
    const ui = SpreadsheetApp.getUi();
    ui.createMenu('生きがい就労').addItem('初期設定', 'setup').addSeparator().addItem('開く', 'openSidebar').addToUi();
    expect(ui.alert('完了', '初期設定が終わりました', ui.ButtonSet.OK)).toBe(ui.Button.OK);
    ui.showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle('生きがい就労デスク').setWidth(320));
    expect(fakes.ui.menus).toEqual([{ caption: '生きがい就労', entries: [
      { caption: '初期設定', functionName: 'setup' }, { separator: true }, { caption: '開く', functionName: 'openSidebar' },
    ] }]);
    expect(fakes.ui.alerts).toEqual([{ title: '完了', prompt: '初期設定が終わりました', buttons: 'OK' }]);
    expect(fakes.ui.sidebars).toEqual([{ title: '生きがい就労デスク', content: '<!doctype html><p>サイドバー</p>', width: 320, height: null }]);
    expect(() => HtmlService.createHtmlOutputFromFile('nothing')).toThrow('No HTML file named nothing was found.');
  });

  it('writes Logger and console lines to one list', () => {
    fakes.uninstall();
    const target: Record<string, unknown> = {};
    fakes = installFakes(target, { console: true });
    (target.Logger as GoogleAppsScript.Base.Logger).log('件数: %s', 3);
    (target.console as Console).error('失敗', { code: 1 });
    expect(fakes.logs).toEqual([
      { source: 'Logger', level: 'info', text: '件数: 3' },
      { source: 'console', level: 'error', text: '失敗 {"code":1}' },
    ]);
  });

  it('puts back what the global object held before', () => {
    fakes.uninstall();
    const target: Record<string, unknown> = { Logger: 'mine' };
    const f = installFakes(target);
    expect(target.Logger).not.toBe('mine');
    f.uninstall();
    expect(target).toEqual({ Logger: 'mine' });
    fakes = installFakes(globalThis);
  });
});
