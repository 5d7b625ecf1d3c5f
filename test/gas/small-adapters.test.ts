import { installFakes, LOCK_TIMEOUT_MESSAGE, QUOTA_MESSAGE, type FakeHandles } from '../fakes';
import { MailAppMailer } from '../../src/gas/mail-app-mailer';
import { documentLock, scriptLock } from '../../src/gas/script-lock';
import { DocumentProperties } from '../../src/gas/document-properties';
import { SessionUser } from '../../src/gas/session-user';
import { SystemClock } from '../../src/gas/clock';
import { googlePorts } from '../../src/gas/google-ports';

describe('the small Google adapters', () => {
  let fakes: FakeHandles;
  beforeEach(() => { fakes = installFakes(globalThis, { mailQuota: 3 }); });
  afterEach(() => fakes.uninstall());

  it('sends one mail with one MailApp call, recipients joined, and reads the quota', () => {
    const mailer = new MailAppMailer();
    const { calls } = fakes.log.measure(() => mailer.send({
      to: ['a@example.org', 'b@example.org'], subject: '今週の作業', text: '本文', html: '<p>本文</p>', senderName: '柏センター', replyTo: 'office@example.org',
    }));
    expect(calls.byMethod).toEqual({ 'MailApp.sendEmail': 1 });
    expect(fakes.mail.sent).toEqual([{
      to: 'a@example.org,b@example.org', subject: '今週の作業', body: '本文', htmlBody: '<p>本文</p>', name: '柏センター', replyTo: 'office@example.org',
    }]);
    // Quota 3, two recipients used it.
    expect(mailer.remainingQuota()).toBe(1);
  });

  it('leaves out the sender name and reply-to when the message has none', () => {
    new MailAppMailer().send({ to: ['a@example.org'], subject: 's', text: 't', html: 'h' });
    expect(fakes.mail.sent[0]).toEqual({ to: 'a@example.org', subject: 's', body: 't', htmlBody: 'h' });
  });

  it('lets MailApp\'s own error through when the daily quota is spent', () => {
    fakes.mail.setQuota(0);
    expect(() => new MailAppMailer().send({ to: ['a@example.org'], subject: 's', text: 't', html: 'h' })).toThrow(QUOTA_MESSAGE);
  });

  it('takes the script lock once, answers false while another run holds it, and releases it', () => {
    const lock = scriptLock();
    const other = scriptLock();
    expect(fakes.log.total()).toBe(0);
    expect(lock.tryLock(1000)).toBe(true);
    expect(other.tryLock(1000)).toBe(false);
    lock.release();
    expect(other.tryLock(1000)).toBe(true);
    other.release();
    fakes.locks.holdElsewhere('script');
    expect(lock.tryLock(30000)).toBe(false);
    expect(() => LockService.getScriptLock().waitLock(10)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(fakes.log.count('LockService.getScriptLock')).toBe(3);
  });

  it('keeps the document lock apart from the script lock', () => {
    fakes.locks.holdElsewhere('script');
    const lock = documentLock();
    expect(lock.tryLock(10)).toBe(true);
    expect(fakes.locks.isHeld('document')).toBe(true);
    lock.release();
    expect(fakes.locks.isHeld('document')).toBe(false);
  });

  it('falls back to the script lock and script properties in a script bound to no document', () => {
    fakes.uninstall();
    fakes = installFakes(globalThis, { bound: false });
    expect(documentLock().tryLock(10)).toBe(true);
    expect(fakes.locks.isHeld('script')).toBe(true);
    new DocumentProperties().set('k', 'v');
    expect(fakes.properties.script.getProperty('k')).toBe('v');
  });

  it('keeps document properties: null when missing, one call each', () => {
    const props = new DocumentProperties();
    expect(props.get('ikigai.lastRun')).toBeNull();
    props.set('ikigai.lastRun', '2015-04-06');
    expect(props.get('ikigai.lastRun')).toBe('2015-04-06');
    props.delete('ikigai.lastRun');
    expect(fakes.properties.document.getProperties()).toEqual({});
    expect(fakes.log.snapshot().byMethod).toMatchObject({
      'PropertiesService.getDocumentProperties': 1, 'Properties.getProperty': 2, 'Properties.setProperty': 1, 'Properties.deleteProperty': 1,
    });
  });

  it('reads the ID counters in one getProperties while the lock is held and writes what the run set in one setProperties at release, one call each outside it', () => {
    const props = new DocumentProperties();
    const lock = props.whileLocked(scriptLock());
    fakes.properties.document.setProperty('ikigai.last_id.matches', '7');
    fakes.properties.document.setProperty('ikigai.last_id.activities', '40');
    // Outside the lock: a getProperty each (another run may move a counter at any time).
    const outside = fakes.log.measure(() => [props.get('ikigai.last_id.matches'), props.get('ikigai.last_id.activities')]);
    expect(outside.calls.byMethod['Properties.getProperty']).toBe(2);
    expect(lock.tryLock(10)).toBe(true);
    // Another run's counter moved before our lock: the snapshot is taken after it, never before.
    fakes.properties.document.setProperty('ikigai.last_id.matches', '8');
    const inside = fakes.log.measure(() => {
      const got = [props.get('ikigai.last_id.matches'), props.get('ikigai.last_id.activities'), props.get('ikigai.last_id.members')];
      props.set('ikigai.last_id.matches', '9');
      return [...got, props.get('ikigai.last_id.matches'), props.get('ikigai.language')];
    });
    expect(inside.result).toEqual(['8', '40', null, '9', null]);
    // One getProperties for every counter; the set kept for the release; any other key read afresh.
    expect(inside.calls.byMethod).toMatchObject({ 'Properties.getProperties': 1, 'Properties.getProperty': 1 });
    expect(inside.calls.byMethod['Properties.setProperty']).toBeUndefined();
    // Not in the document yet: what the run sets is written in one call before the lock goes.
    expect(fakes.properties.document.getProperty('ikigai.last_id.matches')).toBe('8');
    fakes.log.reset();
    props.set('ikigai.headline.v1', '{"v":1}');
    props.set('ikigai.last_id.activities', '41');
    lock.release();
    expect(fakes.log.sequence().filter((c) => c.startsWith('Properties.') || c.startsWith('Lock.'))).toEqual(['Properties.setProperties', 'Lock.releaseLock']);
    expect(fakes.properties.document.getProperties()).toMatchObject({ 'ikigai.last_id.matches': '9', 'ikigai.last_id.activities': '41', 'ikigai.headline.v1': '{"v":1}' });
    fakes.properties.document.setProperty('ikigai.last_id.matches', '12');
    expect(props.get('ikigai.last_id.matches')).toBe('12');
    expect(fakes.locks.isHeld('script')).toBe(false);
  });

  it('answers the stored figures from the getProperties a getMany made under the lock, and reads the keys a getMany asks afresh each time', () => {
    const props = new DocumentProperties();
    const lock = props.whileLocked(scriptLock());
    fakes.properties.document.setProperties({ 'ikigai.headline.v1': '{"v":1}', 'ikigai.candidateIndex.touched': 'a' });
    expect(lock.tryLock(10)).toBe(true);
    const got = fakes.log.measure(() => {
      const first = props.getMany(['ikigai.candidateIndex.touched']);
      // The edit trigger writes its stamps outside the lock: a second getMany sees them.
      fakes.properties.document.setProperty('ikigai.candidateIndex.touched', 'b');
      const second = props.getMany(['ikigai.candidateIndex.touched']);
      return [first, second, props.get('ikigai.headline.v1')];
    });
    expect(got.result).toEqual([{ 'ikigai.candidateIndex.touched': 'a' }, { 'ikigai.candidateIndex.touched': 'b' }, '{"v":1}']);
    // Two getMany, and the figures' get answered from the first one's read.
    expect(got.calls.byMethod).toMatchObject({ 'Properties.getProperties': 2 });
    expect(got.calls.byMethod['Properties.getProperty']).toBeUndefined();
    lock.release();
    // Outside the lock no snapshot: a get is its own read.
    const outside = fakes.log.measure(() => { props.getMany(['x']); return props.get('ikigai.headline.v1'); });
    expect(outside.calls.byMethod).toMatchObject({ 'Properties.getProperties': 1, 'Properties.getProperty': 1 });
  });

  it('writes nothing at release when the run set nothing, and releases the lock even when the write fails', () => {
    const props = new DocumentProperties();
    const lock = props.whileLocked(scriptLock());
    expect(lock.tryLock(10)).toBe(true);
    props.get('ikigai.last_id.matches');
    const quiet = fakes.log.measure(() => lock.release());
    expect(quiet.calls.byMethod['Properties.setProperties']).toBeUndefined();
    // Over Apps Script's 9 KB a value: the fake throws, as Google does; the lock is released all the same.
    expect(lock.tryLock(10)).toBe(true);
    props.set('ikigai.headline.v1', 'x'.repeat(10_000));
    expect(() => lock.release()).toThrow();
    expect(fakes.locks.isHeld('script')).toBe(false);
    expect(fakes.properties.document.getProperty('ikigai.headline.v1')).toBeNull();
    // A set outside the lock is written at once.
    const outside = fakes.log.measure(() => props.set('ikigai.last_id.matches', '3'));
    expect(outside.calls.byMethod['Properties.setProperty']).toBe(1);
  });

  it('names the active user, or gives \'\' when Google does not', () => {
    expect(new SessionUser().email()).toBe('staff@example.org');
    fakes.uninstall();
    fakes = installFakes(globalThis, { activeUserEmail: '' });
    expect(new SessionUser().email()).toBe('');
  });

  it('tells the time from the machine clock', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('builds every port without a single service call', () => {
    const ports = googlePorts();
    expect(fakes.log.total()).toBe(0);
    ports.store.read(['会員']);
    expect(fakes.log.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    ports.triggers.replace({ handler: 'weeklySummary', kind: 'weekly', weekday: 0, hour: 8 });
    // The spreadsheet is opened once for both the store and the triggers' time zone.
    expect(fakes.log.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
  });
});
