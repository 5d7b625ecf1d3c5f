import { createAttendanceApi, MEMBER_IDS } from '../../../src/app/events/attendance';
import type { Cell } from '../../../src/domain/cell';
import { parseTable } from '../../../src/domain/parse/parse-table';
import { MEMBERS_TAB, REGISTRATIONS_TAB } from '../../../src/domain/schema/tabs';
import type { MemoryTableStore } from '../../../src/local/memory-table-store';
import { attendancePorts, COORDINATOR, INACTIVE, VIEWER } from './attendance-fixture';

// The イベント panel's server API over memory ports: who may do what, what each call writes
// (one write per tab, one audit row without personal data), and the join's member row.
function writesOf(store: MemoryTableStore): { log: string[] } {
  const log: string[] = [];
  const append = store.appendCells.bind(store);
  const update = store.writeCells.bind(store);
  const replace = store.replace.bind(store);
  store.appendCells = (name, cells) => { log.push(`append ${name} ${cells.rows.length}`); append(name, cells); };
  store.writeCells = (name, first, cells) => { log.push(`update ${name} row ${first} × ${cells.rows.length}`); update(name, first, cells); };
  store.replace = (name, header, rows) => { log.push(`replace ${name}`); replace(name, header, rows); };
  return { log };
}

function world(email = COORDINATOR) {
  const ports = attendancePorts(email);
  const api = createAttendanceApi(ports, () => undefined);
  const writes = writesOf(ports.store);
  const regs = () => parseTable(REGISTRATIONS_TAB, ports.store.read(['申込'])!).records;
  const members = () => parseTable(MEMBERS_TAB, ports.store.read(['会員'])!).records;
  const audit = () => ports.store.read(['監査ログ'])!.rows;
  return { ports, api, writes, regs, members, audit };
}

describe('the sessions and their attendance lists', () => {
  it('lists the sessions from 60 days back, earliest first, and suggests today\'s', () => {
    const { api } = world(VIEWER);
    const r = api.listEventSessions();
    if (!r.ok) throw new Error(r.message);
    // E004 (2026-08-01) is 128 days before 2026-12-07: older than 60, left out.
    expect(r.data.sessions.map((s) => s.event_id)).toEqual(['E003', 'E001', 'E002']);
    expect(r.data.today).toBe('2026-12-07');
    expect(r.data.suggested).toBe('E001');
    // E001: R00001, R00002, R00006 確定 (3), R00004 待ち (1), R00005 取消; R00006 attended (1).
    expect(r.data.sessions[1]).toMatchObject({ label: '2026/12/07（月）10:00 柏市センター会議室 — 入会説明会', confirmed: 3, waitlisted: 1, attended: 1, capacity: 3 });
  });

  it('lets a viewer read a session\'s list: confirmed first, the waitlist, the cancelled last', () => {
    const { api } = world(VIEWER);
    const r = api.listAttendance('E001');
    if (!r.ok) throw new Error(r.message);
    expect(r.data.registrations.map((x) => [x.registration_id, x.status, x.attended])).toEqual([
      ['R00001', 'confirmed', false], ['R00002', 'confirmed', false], ['R00006', 'confirmed', true],
      ['R00004', 'waitlisted', false], ['R00005', 'cancelled', false],
    ]);
    expect(r.data.registrations[0]).toMatchObject({ name: '山田 花子', kana: 'ヤマダ ハナコ', member_id: '' });
    expect(JSON.parse(JSON.stringify(r.data))).toEqual(r.data);
  });

  it('says in Japanese that an unknown session was not found', () => {
    expect(world().api.listAttendance('E999')).toEqual({ ok: false, code: 'not_found', message: 'イベント「E999」が見つかりません。シートを確認してください。' });
  });
});

describe('who may write', () => {
  it('refuses a viewer\'s check-in and writes nothing', () => {
    const { api, writes } = world(VIEWER);
    expect(api.checkIn('R00001', true)).toMatchObject({ ok: false, code: 'read_only' });
    expect(api.joinAsMember('R00006')).toMatchObject({ ok: false, code: 'read_only' });
    expect(writes.log).toEqual([]);
  });

  it('refuses a coordinator switched off in the sheet, and a stranger, even for reading', () => {
    expect(world(INACTIVE).api.listAttendance('E001')).toMatchObject({ ok: false, code: 'inactive_user' });
    expect(world('someone@example.com').api.listEventSessions()).toMatchObject({ ok: false, code: 'unknown_user' });
  });

  it('checks the arguments before taking the lock', () => {
    const { api, ports } = world();
    let locks = 0;
    ports.lock.tryLock = () => { locks += 1; return true; };
    expect(api.checkIn('R00001', 'yes')).toMatchObject({ ok: false, code: 'bad_input' });
    expect(api.checkIn('=cmd', true)).toMatchObject({ ok: false, code: 'bad_input' });
    expect(api.joinAsMember('R00006', { gender: 'robot' })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(locks).toBe(0);
  });

  it('says busy when another run holds the lock', () => {
    const { api, ports, writes } = world();
    ports.lock.tryLock = () => false;
    expect(api.checkIn('R00001', true)).toMatchObject({ ok: false, code: 'busy', message: 'ほかの人が保存中です。数秒待ってからもう一度押してください。' });
    expect(writes.log).toEqual([]);
  });
});

describe('check-in', () => {
  it('ticks 出席 by rewriting one row in which only that cell changes, with one audit row of IDs', () => {
    const { api, ports, writes, audit } = world();
    const before = ports.store.read(['申込'])!.rows;
    expect(api.checkIn('R00001', true)).toEqual({ ok: true, data: { registration_id: 'R00001', attended: true, changed: true } });
    expect(writes.log).toEqual(['update 申込 row 2 × 1', 'append 監査ログ 1']);
    const after = ports.store.read(['申込'])!.rows;
    const changed: string[] = [];
    after.forEach((row, r) => row.forEach((c, i) => { if (JSON.stringify(c) !== JSON.stringify(before[r]?.[i] ?? null)) changed.push(`${r + 2}:${i}`); }));
    // 出席 is the 12th column (index 11) of row 2.
    expect(changed).toEqual(['2:11']);
    expect(audit()).toEqual([[{ date: '2026-12-07T09:30:00' }, COORDINATOR, 'registration_check_in', '申込', 'R00001', 'event=E001 attended=true']]);
  });

  it('writes nothing when the box already says so, and undoes a tick', () => {
    const { api, writes, regs } = world();
    expect(api.checkIn('R00006', true)).toMatchObject({ ok: true, data: { changed: false } });
    expect(writes.log).toEqual([]);
    expect(api.checkIn('R00006', false)).toMatchObject({ ok: true, data: { attended: false, changed: true } });
    expect(regs().find((r) => r.registration_id === 'R00006')?.attended).toBe(false);
  });

  it('refuses to tick a cancelled registration', () => {
    const { api } = world();
    expect(api.checkIn('R00005', true)).toEqual({ ok: false, code: 'registration_cancelled', message: '申込 R00005 は取消済みです。参加される場合は新しく申し込んでください。' });
  });
});

describe('joining as a member', () => {
  it('creates exactly one member with route 説明会 from the registration and links the registration', () => {
    const { api, ports, writes, members, regs, audit } = world();
    expect(api.checkIn('R00001', true).ok).toBe(true);
    writes.log.length = 0;
    const r = api.joinAsMember('R00001', { district: '柏', availability: ['Mon-AM', 'Wed-PM'], motivations: ['health'] });
    // Highest M-number among M00001 and M036 is 36 → M00037, 5 digits (workbook.md).
    expect(r).toEqual({ ok: true, data: { registration_id: 'R00001', member_id: 'M00037', joined_on: '2026-12-07', join_route: 'orientation' } });
    expect(writes.log).toEqual(['update 申込 row 2 × 1', 'append 会員 1', 'append 監査ログ 1']);
    const all = members();
    expect(all).toHaveLength(3);
    expect(all[2]).toMatchObject({
      member_id: 'M00037', name: '山田 花子', kana: 'ヤマダ ハナコ', gender: 'female', joined_on: '2026-12-07', left_on: null,
      join_route: 'orientation', district: '柏', phone: '090-1234-0001', email: 'hanako@example.jp',
      availability: ['Mon-AM', 'Wed-PM'], motivations: ['health'], consent: true,
    });
    expect(ports.store.read(['会員'])!.rows[2]?.[7]).toBe('説明会');
    expect(regs().find((x) => x.registration_id === 'R00001')?.member_id).toBe('M00037');
    expect(ports.props.get(MEMBER_IDS.key)).toBe('37');
    // The audit row names IDs and codes only: no name, phone or e-mail.
    const row = audit().at(-1) as Cell[];
    expect(row.slice(1)).toEqual([COORDINATOR, 'member_join', '会員', 'M00037', 'registration=R00001 event=E001 route=orientation']);
    expect(JSON.stringify(audit())).not.toMatch(/山田|ヤマダ|090-|hanako/);
  });

  it('refuses to join the same registration twice', () => {
    const { api, members } = world();
    expect(api.joinAsMember('R00006').ok).toBe(true);
    const again = api.joinAsMember('R00006');
    expect(again).toEqual({ ok: false, code: 'already_member', message: '申込 R00006 の方はすでに会員 M00037 として登録されています。' });
    expect(members()).toHaveLength(3);
  });

  it('gives the route セミナー for a seminar and writes a formula typed as a name as text', () => {
    const { api, ports } = world();
    api.checkIn('R00003', true);
    // M00037 for the seminar-goer, then M00038.
    expect(api.joinAsMember('R00003')).toMatchObject({ ok: true, data: { join_route: 'seminar' } });
    expect(api.joinAsMember('R00006')).toMatchObject({ ok: true, data: { member_id: 'M00038' } });
    const rows = ports.store.read(['会員'])!.rows;
    expect(rows[2]?.[7]).toBe('セミナー');
    expect(rows[3]?.[1]).toBe('\'=HYPERLINK("http://x","渡辺")');
  });

  it('refuses a person not marked as attended', () => {
    const { api, members } = world();
    expect(api.joinAsMember('R00002')).toMatchObject({ ok: false, code: 'not_attended' });
    expect(members()).toHaveLength(2);
  });

  it('completes a join whose member row was never written, with the same ID and without a second link', () => {
    const { api, ports, writes, members } = world();
    const store = ports.store;
    const append = store.appendCells;
    // The first attempt links the registration, then Google fails on the member append (the
    // use case appends through appendCells, the port's only append).
    store.appendCells = (name, cells) => { if (name === '会員') throw new Error('Service Spreadsheets failed'); append(name, cells); };
    expect(api.joinAsMember('R00006')).toMatchObject({ ok: false, code: 'internal' });
    store.appendCells = append;
    writes.log.length = 0;
    expect(api.joinAsMember('R00006')).toMatchObject({ ok: true, data: { member_id: 'M00037' } });
    expect(writes.log).toEqual(['append 会員 1', 'append 監査ログ 1']);
    expect(members().map((m) => m.member_id)).toEqual(['M00001', 'M036', 'M00037']);
  });

  it('answers in English when the center works in English', () => {
    const { api, ports } = world();
    ports.store.update('設定', 3, [['言語', 'en']]);
    expect(api.checkIn('R00005', true)).toMatchObject({ ok: false, message: 'Registration R00005 was cancelled. To take part, sign up again.' });
  });
});

describe('cancelling from the panel', () => {
  it('cancels through the same rules and gives the place to the waitlisted person with a mail', () => {
    const { api, regs, ports, audit } = world();
    const r = api.cancelRegistration('R00001');
    expect(r).toMatchObject({ ok: true, data: { registration_id: 'R00001', promoted: 'R00004' } });
    expect(regs().filter((x) => x.event_id === 'E001').map((x) => [x.registration_id, x.status])).toEqual([
      ['R00001', 'cancelled'], ['R00002', 'confirmed'], ['R00004', 'confirmed'], ['R00005', 'cancelled'], ['R00006', 'confirmed'],
    ]);
    expect(ports.mailer.sent.map((m) => m.to)).toEqual([['yotsuba@example.jp']]);
    expect(audit().map((x) => x[2])).toEqual(['registration_cancel', 'registration_promote']);
    expect(world(VIEWER).api.cancelRegistration('R00002')).toMatchObject({ ok: false, code: 'read_only' });
    expect(api.cancelRegistration('R00001')).toEqual({ ok: false, code: 'registration_cancelled', message: '申込 R00001 は取消済みです。参加される場合は新しく申し込んでください。' });
    expect(api.cancelRegistration('R09999')).toEqual({ ok: false, code: 'not_found', message: '申込「R09999」が見つかりません。シートを確認してください。' });
  });
});

describe('a sign-up taken on the phone', () => {
  const yae = { event_id: 'E002', name: '小林 八重', kana: 'コバヤシ ヤエ', phone: '090-5555-0008', email: 'yae@example.jp', age_band: '70s', gender: 'female', consent: true };

  it('goes through the form\'s rules and register: a place, one row, the same mail, an audit row; a second click adds nothing', () => {
    const { api, regs, ports, audit } = world();
    const before = regs().length;
    const r = api.registerByPhone(yae);
    if (!r.ok) throw new Error(r.message);
    expect(r.data).toMatchObject({ outcome: 'confirmed', mailed: true });
    const row = regs().find((x) => x.registration_id === r.data.registration_id);
    expect(row).toMatchObject({ event_id: 'E002', name: '小林 八重', status: 'confirmed', age_band: '70s', gender: 'female', consent: true, registered_at: expect.stringMatching(/^2026-12-07T09:30/) });
    expect(regs()).toHaveLength(before + 1);
    expect(ports.mailer.sent.map((m) => m.to)).toEqual([['yae@example.jp']]);
    expect(audit().map((x) => x[2])).toContain('registration_phone');
    // The same answer in the same second (a double click): the register already holds it.
    expect(api.registerByPhone(yae)).toMatchObject({ ok: true, data: { outcome: 'skipped_duplicate', registration_id: null } });
    expect(regs()).toHaveLength(before + 1);
  });

  it('without consent the row is 要確認; a closed session, a viewer and a bad answer are refused', () => {
    const { api, regs } = world();
    const r = api.registerByPhone({ ...yae, consent: false, email: undefined });
    expect(r).toMatchObject({ ok: true, data: { outcome: 'needs_review', mailed: false } });
    expect(regs().at(-1)).toMatchObject({ status: 'needs_review', consent: false });
    expect(api.registerByPhone({ ...yae, event_id: 'E001' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(world(VIEWER).api.registerByPhone(yae)).toMatchObject({ ok: false, code: 'read_only' });
    expect(api.registerByPhone({ name: 'x' })).toMatchObject({ ok: false, code: 'bad_input' });
  });
});

describe('a walk-in at the door', () => {
  it('is signed up by the same rules and ticked 出席; without walk_in nothing is ticked', () => {
    const { api, regs, audit } = world();
    const r = api.registerByPhone({ event_id: 'E002', name: '木村 九', phone: '090-5555-0009', consent: true, walk_in: true });
    if (!r.ok) throw new Error(r.message);
    expect(r.data).toMatchObject({ outcome: 'confirmed', attended: true, mailed: false });
    expect(regs().find((x) => x.registration_id === r.data.registration_id)).toMatchObject({ status: 'confirmed', attended: true });
    expect(audit().map((x) => x[2]).slice(-2)).toEqual(['registration_phone', 'registration_check_in']);
    const phone = api.registerByPhone({ event_id: 'E002', name: '林 十', phone: '090-5555-0010', consent: true });
    expect(phone).toMatchObject({ ok: true, data: { outcome: 'confirmed', attended: false } });
  });
});

describe('a coordinator creates a session', () => {
  it('appends one イベント row, 受付中, numbered above every E ID, that a phone sign-up can take at once', () => {
    const { api, ports, audit } = world();
    const r = api.createEvent({ kind: 'seminar', title: '冬のセミナー', date: '2027-01-20', start_time: '13:30', venue: '柏市役所', capacity: 2 });
    if (!r.ok) throw new Error(r.message);
    expect(r.data).toEqual({ event_id: 'E005', label: '2027/01/20（水）13:30 柏市役所 — 冬のセミナー' });
    const events = ports.store.read(['イベント'])!.rows;
    expect(events.at(-1)?.slice(0, 3)).toEqual(['E005', 'セミナー', '冬のセミナー']);
    expect(events.at(-1)?.[6]).toBe(2);
    expect(events.at(-1)?.[7]).toBe('受付中');
    expect(audit().map((x) => x[2])).toContain('create_event');
    const outcomes = ['090-5555-0101', '090-5555-0102', '090-5555-0103'].map((phone, i) => {
      const s = api.registerByPhone({ event_id: 'E005', name: `名前 ${i}`, phone, consent: true });
      return s.ok ? s.data.outcome : s.code;
    });
    expect(outcomes).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(world(VIEWER).api.createEvent({ kind: 'seminar', date: '2027-01-20' })).toMatchObject({ ok: false, code: 'read_only' });
    expect(api.createEvent({ kind: 'seminar', date: '2027-13-01' })).toMatchObject({ ok: false, code: 'bad_input' });
  });
});
