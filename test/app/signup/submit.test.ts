import { handleSignupSubmit } from '../../../src/app/signup/submit';
import { syncSignup } from '../../../src/app/signup/sync';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { parseTable } from '../../../src/domain/parse/parse-table';
import { REGISTRATIONS_TAB } from '../../../src/domain/schema/tabs';
import { fixedClock, freeLock, MemoryForms, MemoryMailer, MemoryProps } from '../shared/memory-ports';

// 2026-12-07 is a Monday; 2026-12-09 a Wednesday.
const EVENTS_HEADER = ['イベントID', '種別', '名称', '開催日', '開始時刻', '会場', '定員', '状態'];
export const LABEL_E1 = '2026/12/07（月）10:00 柏市センター会議室 — 入会説明会';
export const LABEL_E2 = '2026/12/09（水）13:30 柏市役所 — 生きがいセミナー';

export function centerStore(capacity = 25): MemoryTableStore {
  return MemoryTableStore.from([
    { name: '設定', header: ['項目', '値'], rows: [['センター名', '柏市シルバー人材センター'], ['申込フォームID', 'FORM1']] },
    { name: 'イベント', header: EVENTS_HEADER, rows: [
      ['E001', '入会説明会', '', { date: '2026-12-07' }, '10:00', '柏市センター会議室', capacity, '受付中'],
      ['E002', 'セミナー', '生きがいセミナー', { date: '2026-12-09' }, '13:30', '柏市役所', '', '受付中'],
      ['E003', 'セミナー', '終わった回', { date: '2026-11-01' }, '13:30', '柏市役所', 10, '受付中'],
      ['E004', 'セミナー', '中止の回', { date: '2026-12-20' }, '13:30', '柏市役所', 10, '中止'],
    ] },
    { name: '申込', header: REGISTRATIONS_TAB.columns.map((c) => c.ja), rows: [] },
  ]);
}

export function answer(i: number, session = LABEL_E1, extra: Record<string, string[]> = {}): { namedValues: Record<string, string[]>; values: string[] } {
  const nv: Record<string, string[]> = {
    タイムスタンプ: [`2026/11/20 10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`],
    氏名: [`山田 花子${i}`], フリガナ: ['ヤマダ ハナコ'], 電話: [`090-1234-${String(1000 + i)}`], メール: [`hanako${i}@example.jp`],
    年代: ['60代後半'], 性別: ['女性'], きっかけ: ['広報誌・チラシ'], 参加する回: [session], 個人情報の利用: ['個人情報の利用に同意します'],
    ...extra,
  };
  return { namedValues: nv, values: Object.values(nv).map((v) => v.join(', ')) };
}

function setup(capacity = 25) {
  const store = centerStore(capacity);
  const props = new MemoryProps();
  const forms = new MemoryForms();
  const mailer = new MemoryMailer();
  const clock = fixedClock('2026-11-20T01:00:00Z');
  syncSignup({ store, props, clock, forms });
  const ports = { store, props, clock, lock: freeLock, mailer, forms };
  const regs = () => parseTable(REGISTRATIONS_TAB, store.read(['申込'])!).records;
  return { store, props, forms, mailer, ports, regs };
}

describe('a sign-up through the form', () => {
  it('offers only open sessions in the future, labelled with date, weekday, time and venue', () => {
    const { forms } = setup();
    expect(forms.choices).toEqual([LABEL_E1, LABEL_E2]);
  });

  it('confirms, waitlists and never loses: 30 answers for 25 places → 25 confirmed, 5 waitlisted', () => {
    const { ports, regs, forms, mailer } = setup(25);
    const outcomes = Array.from({ length: 30 }, (_, i) => handleSignupSubmit(ports, answer(i)).outcome);
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(25);
    expect(outcomes.slice(25)).toEqual(Array(5).fill('waitlisted'));
    const rows = regs();
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.registration_id)).size).toBe(30);
    expect(rows[0]).toMatchObject({ registration_id: 'R00001', event_id: 'E001', status: 'confirmed', age_band: 'late_60s', gender: 'female', consent: true, registered_at: '2026-11-20T10:00:00' });
    // The 25th confirmation fills E001: the form then offers only E002.
    expect(forms.choices).toEqual([LABEL_E2]);
    expect(mailer.sent).toHaveLength(30);
    expect(mailer.sent[29]?.subject).toContain('キャンセル待ち');
    expect(mailer.sent[0]?.text).toContain('持ち物');
  });

  it('drops the same delivery twice and a blank extra firing', () => {
    const { ports, regs } = setup();
    const e = answer(1);
    expect(handleSignupSubmit(ports, e).outcome).toBe('confirmed');
    expect(handleSignupSubmit(ports, e).outcome).toBe('skipped_duplicate');
    const blank = { namedValues: Object.fromEntries(Object.keys(e.namedValues).map((k) => [k, k === 'タイムスタンプ' ? ['2026/11/20 10:00:09'] : ['']])) };
    expect(handleSignupSubmit(ports, blank).outcome).toBe('skipped_blank');
    expect(regs()).toHaveLength(1);
  });

  it('gives a person one place per session (same phone written differently): the second answer is kept as 取消, naming the first', () => {
    const { ports, regs, mailer } = setup();
    handleSignupSubmit(ports, answer(1));
    const again = answer(2, LABEL_E1, { 電話: ['０９０１２３４１００１'], メール: ['hanako1@example.jp'] });
    expect(handleSignupSubmit(ports, again).outcome).toBe('duplicate_person');
    const rows = regs();
    expect(rows.map((r) => r.status)).toEqual(['confirmed', 'cancelled']);
    expect(rows[1]?.notes).toBe('同じ方の申込（R00001）がすでにあります');
    // One mail: the first answer's confirmation; the duplicate is not mailed.
    expect(mailer.sent).toHaveLength(1);
  });

  it('keeps an answer without consent or with an unknown session as 要確認, taking no place', () => {
    const { ports, regs } = setup(1);
    expect(handleSignupSubmit(ports, answer(1, LABEL_E1, { 個人情報の利用: [''] })).outcome).toBe('needs_review');
    expect(handleSignupSubmit(ports, answer(2, '2026/12/31（木）10:00 どこか — 謎の回')).outcome).toBe('needs_review');
    expect(handleSignupSubmit(ports, answer(3)).outcome).toBe('confirmed');
    const rows = regs();
    expect(rows.map((r) => r.status)).toEqual(['needs_review', 'needs_review', 'confirmed']);
    expect(rows[0]?.notes).toBe('個人情報の同意がありません');
    expect(rows[1]?.event_id).toBeNull();
    expect(rows[1]?.notes).toContain('参加する回が見つかりません');
  });

  it('closes the form with a kind message when no session has a place', () => {
    const store = centerStore(1);
    store.update('イベント', 3, [['E002', 'セミナー', '生きがいセミナー', { date: '2026-12-09' }, '13:30', '柏市役所', 1, '締切']]);
    const props = new MemoryProps();
    const forms = new MemoryForms();
    const ports = { store, props, clock: fixedClock('2026-11-20T01:00:00Z'), lock: freeLock, mailer: new MemoryMailer(), forms };
    syncSignup(ports);
    expect(forms.choices).toEqual([LABEL_E1]);
    expect(handleSignupSubmit(ports, answer(1)).form_updated).toBe(true);
    expect(forms.accepting).toBe(false);
    expect(forms.closedMessage).toContain('受付中の回はありません');
  });

  it('writes a formula typed as a name as plain text', () => {
    const { ports, store } = setup();
    handleSignupSubmit(ports, answer(1, LABEL_E1, { 氏名: ['=HYPERLINK("http://x")'] }));
    expect(store.read(['申込'])?.rows[0]?.[2]).toBe('\'=HYPERLINK("http://x")');
  });
});

describe('a cancellation', () => {
  it('promotes the first waitlisted person with a mail, and brings the session back when a place stays free', async () => {
    const { cancelRegistrationUseCase } = await import('../../../src/app/signup/cancel-registration');
    const { ports, regs, forms, mailer } = setup(2);
    for (let i = 0; i < 3; i += 1) handleSignupSubmit(ports, answer(i));
    // R00001, R00002 confirmed; R00003 waitlisted; E001 full so the form offers only E002.
    expect(forms.choices).toEqual([LABEL_E2]);
    const ctx = { email: 'staff@example.org', now: '2026-11-21T09:00:00', lang: 'ja' as const };
    const r = cancelRegistrationUseCase(ports, ctx, 'R00001');
    expect(r.promoted).toBe('R00003');
    expect(regs().map((x) => x.status)).toEqual(['cancelled', 'confirmed', 'confirmed']);
    expect(mailer.sent.at(-1)?.subject).toContain('お席をご用意できました');
    expect(mailer.sent.at(-1)?.to).toEqual(['hanako2@example.jp']);
    expect(forms.choices).toEqual([LABEL_E2]);
    // A second cancellation leaves a place with nobody waiting: E001 is offered again.
    cancelRegistrationUseCase(ports, ctx, 'R00002');
    expect(forms.choices).toEqual([LABEL_E1, LABEL_E2]);
    expect(ports.store.read(['監査ログ'])?.rows.map((x) => x[2])).toEqual(['registration_cancel', 'registration_promote', 'registration_cancel']);
  });
});
