import { applyDecision, decideSignup } from '../../../src/domain/signup/decide-signup';
import { answersFromResponseRow, answerTime, readSignupAnswers } from '../../../src/domain/signup/form-answers';
import { buildRegister, isAnswered, senderOf, type RegisterRow } from '../../../src/domain/signup/register';
import type { EventRecord } from '../../../src/domain/schema/tabs';

// The register of places as 申込 says it (src/domain/signup/register.ts), worked by hand.
const event = (id: string, date: string, capacity: number | null, status: EventRecord['status'] = 'open'): EventRecord =>
  ({ event_id: id, kind: 'orientation', title: `説明会${id}`, date, start_time: '10:00', venue: '柏市役所', capacity, status });
const row = (id: string, eventId: string | null, status: RegisterRow['status'], name: string, phone: string, email: string, at: string | null): RegisterRow =>
  ({ registration_id: id, event_id: eventId, status, name, phone, email, registered_at: at });

const EVENTS = [event('E001', '2026-12-08', 2), event('E002', '2026-12-01', 5), event('E003', '2026-12-09', null, 'closed')];
const ROWS = [
  row('R00001', 'E001', 'confirmed', '山田 花子', '090-1111-0001', 'hanako@example.jp', '2026-12-01T10:00:00'),
  row('R00007', 'E001', 'cancelled', '佐藤 一郎', '090-1111-0002', '', '2026-12-01T10:05:00'),
  row('R00003', 'E001', 'waitlisted', '鈴木 三郎', '', 'a@x.jp, b@x.jp', '2026-12-01T10:06:00'),
  row('R00004', 'E001', 'needs_review', '高橋', '090-1111-0004', '', '2026-12-01T10:07:00'),
];

describe('the register of places', () => {
  const register = () => buildRegister({ today: '2026-12-07', language: 'ja', events: EVENTS, registrations: ROWS, ids: ['R00001', 'R00007', 'R00003', 'R00004', 'R00012x', 'R00009'] });

  it('counts 確定 and キャンセル待ち of open sessions from today on, and numbers above every R number in the column', () => {
    const r = register();
    // E002 is past (12-01 < 12-07), E003 closed: only E001.
    expect(r.sessions.map((s) => [s.eventId, s.confirmed, s.waitlisted, s.capacity])).toEqual([['E001', 1, 1, 2]]);
    // R00009 is in the column only (a row the parser left out): the next is R00010. 'R00012x' is no R number.
    expect(r.nextNumber).toBe(10);
    // Holders: R00001's phone and address; R00003's answer is no single address, and it has no phone.
    expect([...r.sessions[0]!.holders]).toEqual([['tel:9011110001', 'R00001'], ['mail:hanako@example.jp', 'R00001']]);
  });

  it('knows an answer it holds by its second and its person, even with the name corrected by hand', () => {
    const r = register();
    expect(isAnswered(r, '2026-12-01T10:00:00', senderOf('山田　花子', '', ''))).toBe(true);
    expect(isAnswered(r, '2026-12-01T10:00:00', senderOf('山田 華子', '0901111-0001', ''))).toBe(true);
    expect(isAnswered(r, '2026-12-01T10:00:00', senderOf('別の人', '090-9999-9999', ''))).toBe(false);
    expect(isAnswered(r, '2026-12-01T10:00:01', senderOf('山田 花子', '', ''))).toBe(false);
  });

  it('gives the last place, then waitlists, and keeps the same person\'s second answer as 取消 naming the first', () => {
    const r = register();
    const label = r.sessions[0]!.label;
    const answer = (name: string, phone: string, email: string, stamp: string) => readSignupAnswers({ namedValues: {
      タイムスタンプ: [stamp], 氏名: [name], 電話: [phone], メール: [email], 年代: ['70代'], 参加する回: [label], 個人情報の利用: ['同意します'],
    } });
    const a1 = answer('新井 一', '090-2222-0001', 'ichi@example.jp', '2026/12/07 09:00:00');
    const d1 = decideSignup(r, a1, '2026-12-07T09:00:00');
    expect(d1).toMatchObject({ kind: 'register', status: 'confirmed', fillsSession: true, mailTo: 'ichi@example.jp' });
    applyDecision(r, a1, '2026-12-07T09:00:00', d1, 'R00010');
    const a2 = answer('新井 二', '090-2222-0002', 'x@y.jp;z@y.jp', '2026/12/07 09:00:05');
    expect(decideSignup(r, a2, '2026-12-07T09:00:05')).toMatchObject({ status: 'waitlisted', mailTo: null, mailProblem: 'invalid_address' });
    const again = answer('新井 一', '０９０２２２２０００１', '', '2026/12/07 09:10:00');
    expect(decideSignup(r, again, '2026-12-07T09:10:00')).toMatchObject({ status: 'cancelled', duplicateOf: 'R00010', mailTo: null });
    // The same delivery again: already answered.
    expect(decideSignup(r, a1, '2026-12-07T09:00:00')).toEqual({ kind: 'skip', why: 'already_answered' });
  });

  it('reads a response-tab row by its titles, the timestamp cell as the time (a phone stored as a number too)', () => {
    const header = ['タイムスタンプ', '氏名', 'フリガナ', '電話', 'メール', '年代', '性別', 'きっかけ', '参加する回', '個人情報の利用'];
    const { answers, at } = answersFromResponseRow(header, [{ date: '2026-12-07T09:00:00' }, '新井 一', null, 471002000, '', '70代', null, null, 'E', '同意']);
    expect(at).toBe('2026-12-07T09:00:00');
    expect(answers.answers).toMatchObject({ name: '新井 一', phone: '471002000', session: 'E', consent: '同意' });
    expect(senderOf('新井 一', '0471002000', '').keys).toEqual(senderOf('', '471002000', '').keys);
    // The event's text is trusted within a day of now; a day/month order misread is not.
    expect(answerTime(null, '2026/12/07 09:00:00', '2026-12-07T09:00:04')).toBe('2026-12-07T09:00:00');
    expect(answerTime(null, '12/07/2026 09:00:00', '2026-07-12T09:00:04')).toBe('2026-07-12T09:00:04');
    expect(answerTime('2026-12-07T08:59:59', '2026/12/07 09:00:00', '2026-12-07T09:00:04')).toBe('2026-12-07T08:59:59');
  });
});
