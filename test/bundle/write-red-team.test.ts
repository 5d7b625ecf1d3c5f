import { loadBundle, jsonRoundTrip, type LoadedBundle } from './harness';
import { NOW, RESPONSES_TAB, writeCenter } from './center-workbook';
import { clockEvent, formSubmitEvent, installTrigger, triggerUidOf } from './trigger-events';
import { RangeImpl } from '../fakes/range';
import { SheetImpl } from '../fakes/sheet';

// The red team's cases for today's writes, by hand, through dist/Code.js and the Apps Script fakes
// on the center workbook of the owned-cells property (test/bundle/center-workbook.ts: M00002 placed
// on J0002 since 2026-10-15, 就業実績 W0000001 in the closed October, W0000002 in November,
// W0000003 on 2026-12-01; today 2026-12-08). Each test fails if its defence goes: the stores'
// neutralisation, the strict address check and header cleaning of mails, the write lock, the
// closed-month check in every writer of 就業実績, the double-firing checks.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

const MANAGER = 'kanri@center.example';
const EVIL = 'evil@example.org';

interface World { readonly bundle: LoadedBundle; readonly ss: GSpreadsheet; call(fn: string, ...args: unknown[]): unknown }

function world(): World {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: NOW, activeUserEmail: MANAGER, mailQuota: 1000 });
  const ss = bundle.fakes!.spreadsheet;
  writeCenter(ss, { lang: 'ja', manager: MANAGER, layouts: {} });
  bundle.log.reset();
  return { bundle, ss, call: (fn, ...args) => jsonRoundTrip(bundle.call(fn, ...jsonRoundTrip(args)) ?? null) };
}

/** 初期設定 (the 就業報告 form and the nightly trigger), then the form's response tab and an answer's event maker. */
function withForms(w: World): (answer: Record<string, string>) => Record<string, unknown> {
  w.bundle.call('runSetup');
  const id = w.bundle.fakes!.properties.document.getProperty('ikigai.work_report.form_id');
  const tab = w.ss.getSheets().find((s) => (s.getFormUrl() ?? '').includes(`/d/${id}/`))!;
  const uid = triggerUidOf(w.bundle, 'onWorkReportSubmit');
  let n = 0;
  return (a) => {
    n += 1;
    return formSubmitEvent(tab, {
      タイムスタンプ: [`2026/12/08 09:${String(n).padStart(2, '0')}:00`], 会員ID: [a.member ?? 'M00002'], 仕事ID: [a.job ?? 'J0002'],
      対象月: [a.month ?? '2026-12'], 就業した日: [a.days ?? '8'], '1日の時間': [a.hours ?? '3'],
    }, uid);
  };
}

/** The rows of a tab as objects by header (values as the fake holds them). */
function rows(ss: GSpreadsheet, tab: string): Record<string, unknown>[] {
  const [header = [], ...body] = ss.getSheetByName(tab)!.getDataRange().getValues();
  return body.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** Every formula in the workbook but the forms' response tabs (the center workbook here has none of its own). */
function formulas(ss: GSpreadsheet): string[] {
  // A form's response tab is Forms' (the test writes the answers there as Forms would): not the add-in's write.
  return ss.getSheets().filter((s: GSheet) => s.getFormUrl() === null).flatMap((s: GSheet) => s.getDataRange().getFormulas().flat().filter((f) => f !== '').map((f) => `${s.getName()}: ${f}`));
}

/** Every value of every tab, to compare before and after a call that must write nothing. */
function everything(ss: GSpreadsheet): string {
  return JSON.stringify(ss.getSheets().map((s: GSheet) => [s.getName(), s.getDataRange().getValues()]));
}

// Every string the bundle hands setValues/setValue/appendRow, as written: the fake takes only `=`,
// `+` and `-` for formulas, Sheets also full-width ＝ and text after spaces or invisible characters,
// so the check is on the string written (the apostrophe), restated here apart from src/domain/text.
let written: string[] | null = null;
const rangeProto = RangeImpl.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const sheetProto = SheetImpl.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const originals = { setValues: rangeProto.setValues!, setValue: rangeProto.setValue!, appendRow: sheetProto.appendRow! };
const keep = (v: unknown): void => { if (written && typeof v === 'string') written.push(v); };
beforeAll(() => {
  rangeProto.setValues = function (this: unknown, values: unknown) {
    if (Array.isArray(values)) values.forEach((r) => (Array.isArray(r) ? r.forEach(keep) : undefined));
    return originals.setValues.call(this, values);
  };
  rangeProto.setValue = function (this: unknown, value: unknown) { keep(value); return originals.setValue.call(this, value); };
  sheetProto.appendRow = function (this: unknown, row: unknown) {
    if (Array.isArray(row)) row.forEach(keep);
    return originals.appendRow.call(this, row);
  };
});
afterAll(() => {
  Object.assign(rangeProto, { setValues: originals.setValues, setValue: originals.setValue });
  sheetProto.appendRow = originals.appendRow;
});
const FORMULA_START = /^[\s\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u2000-\u200f\u2028-\u202f\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\u2212]/;
/** The bundle's calls in `run`, and the strings among what they wrote that a sheet would take for a formula. */
function rawFormulas(run: () => void): string[] {
  written = [];
  try { run(); } finally { /* read below */ }
  const found = written.filter((t) => FORMULA_START.test(t) || /^[\t\r\n]/.test(t));
  written = null;
  return found;
}

const PAYLOADS = ['=1+1', '+1', '-1', '@x', '＝1', '=HYPERLINK("http://evil.example","x")'];

describe.each(PAYLOADS)('text starting like a formula (%s) in every new text field stays the text typed', (p) => {
  test('work notes, a follow-up, a member, a phone sign-up, a 就業報告 answer and a survey answer', () => {
    const w = world();
    w.ss.getSheetByName(RESPONSES_TAB)!.getRange(2, 2, 1, 2).setValues([[`'${p}`, `'${p}`]]);
    const answer = withForms(w);
    const event = answer({ member: p, job: p, month: p, days: p, hours: p });
    // Written raw, each of these would be a formula in Sheets: every one goes with its apostrophe.
    expect(rawFormulas(() => {
      expect(w.call('recordWork', { member_id: 'M00002', job_id: 'J0002', days: [{ date: '2026-12-08', hours: 3 }], notes: p })).toMatchObject({ ok: true });
      expect(w.call('logFollowUp', { member_id: 'M00001', notes: p, outcome: p })).toMatchObject({ ok: true });
      expect(w.call('saveMember', { name: p, kana: p, district: p, notes: p, phone: p, skills: [p], availability: ['Mon-AM'] })).toMatchObject({ ok: true });
      expect(w.call('registerByPhone', { event_id: 'E002', name: p, kana: p, source: p, phone: p, consent: true })).toMatchObject({ ok: true });
      expect(w.call('tallyAllSurveys')).toBeTruthy();
      expect(jsonRoundTrip(w.bundle.call('onWorkReportSubmit', event))).toEqual({ outcome: 'needs_review', reason: 'unreadable' });
    }).filter((t) => !t.startsWith("'"))).toEqual([]);

    expect(formulas(w.ss)).toEqual([]);
    expect(rows(w.ss, '就業実績').at(-1)?.['メモ']).toBe(p);
    const followUp = rows(w.ss, '活動記録').at(-1)!;
    expect([followUp['メモ'], followUp['結果']]).toEqual([p, p]);
    const member = rows(w.ss, '会員').at(-1)!;
    // フリガナ is kept NFKC-normalised (the kana search reads it so): ＝1 is the text =1 there.
    expect([member['氏名'], member['フリガナ'], member['地区'], member['備考'], member['電話'], member['技能']]).toEqual([p, p.normalize('NFKC'), p, p, p, p]);
    const signup = rows(w.ss, '申込').at(-1)!;
    expect([signup['氏名'], signup['フリガナ'], signup['きっかけ'], signup['電話']]).toEqual([p, p, p, p]);
    const kept = rows(w.ss, '就業報告').at(-1)!;
    expect([kept['会員ID'], kept['仕事ID'], kept['対象月'], kept['就業日'], kept['時間']]).toEqual([p, p, p, p, p]);
    // A survey's answers reach アンケート集計 only as choices counted: whatever is there is text.
    const tally = w.ss.getSheetByName('アンケート集計')!.getDataRange().getValues().flat();
    expect(tally.filter((v) => typeof v === 'string' && v.replace(/^'/, '') !== v)).toEqual([]);
  });
});

describe('fields that reach a mail', () => {
  test('a phone sign-up with CR/LF and a Bcc in its address is kept 要確認 and mails nobody; 50 addresses are refused and stored nowhere', () => {
    const w = world();
    // Three callers (one name each: the same name in the same second is one sign-up taken twice).
    for (const [name, email] of [['電話 一郎', `ok@example.jp\r\nBcc: ${EVIL}`], ['電話 二郎', `ok@example.jp\nBcc: ${EVIL}`], ['電話 三郎', `ok@example.jp, ${EVIL}`]]) {
      const r = w.call('registerByPhone', { event_id: 'E002', name, email, consent: true }) as { ok: boolean; data: { mailed: boolean; registration_id: string } };
      expect(r).toMatchObject({ ok: true, data: { mailed: false } });
      expect(rows(w.ss, '申込').find((x) => x['申込ID'] === r.data.registration_id)?.['状態']).toBe('要確認');
    }
    const before = everything(w.ss);
    const fifty = Array.from({ length: 50 }, (_, i) => `p${i}@example.org`).join(', ');
    expect(w.call('registerByPhone', { event_id: 'E002', name: '電話 太郎', email: fifty, consent: true })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(everything(w.ss)).toBe(before);
    expect(w.bundle.fakes!.mail.sent).toEqual([]);
  });

  test('a new session whose title and venue carry CR/LF and a Bcc: the sign-up mail that names it keeps one subject line and one recipient', () => {
    const w = world();
    const made = w.call('createEvent', { kind: 'seminar', title: `講座\r\nBcc: ${EVIL}`, venue: `会場\nBcc: ${EVIL}`, date: '2026-12-24', capacity: 5 }) as { ok: boolean; data?: { event_id: string } };
    // Refused in words, or made: either way no header comes of it.
    if (made.ok) {
      const r = w.call('registerByPhone', { event_id: made.data!.event_id, name: '電話 花子', email: 'hanako@example.jp', consent: true });
      expect(r).toMatchObject({ ok: true, data: { mailed: true } });
    } else {
      expect(made).toMatchObject({ code: 'bad_input' });
    }
    for (const m of w.bundle.fakes!.mail.sent) {
      expect(m.to).toBe('hanako@example.jp');
      expect(m.subject).not.toMatch(/[\r\n\u2028\u2029]/);
    }
  });

  test('a survey name with CR/LF and a Bcc goes into the nightly mail\'s subject on one line, to the desk\'s people only', () => {
    const w = world();
    w.ss.getSheetByName('アンケート')!.getRange(2, 2).setValue(`説明会\r\nBcc: ${EVIL}\u2028X`);
    const r = w.bundle.call('tallyAllSurveys', clockEvent(installTrigger(w.bundle, 'tallyAllSurveys'), new Date(NOW)));
    expect(r).toBeTruthy();
    const sent = w.bundle.fakes!.mail.sent;
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent) {
      expect(`${m.to} ${m.subject}`).not.toMatch(/[\r\n\u2028\u2029]/);
      expect(m.to).not.toContain(EVIL);
      expect(m.subject).toContain('説明会');
    }
  });

  test('週次メール送信先 with CR/LF and a Bcc: the Bcc never becomes a header; the mail goes to the plain addresses the field lists', () => {
    const w = world();
    const settings = w.ss.getSheetByName('設定')!;
    const at = settings.getDataRange().getValues().findIndex((r) => r[0] === '週次メール送信先') + 1;
    settings.getRange(at, 2).setValue(`kanri@center.example\r\nBcc: other@center.example\u2028Subject: x`);
    w.bundle.call('sendWeeklySummaryNow');
    const sent = w.bundle.fakes!.mail.sent;
    expect(sent).toHaveLength(1);
    // The field is the manager's list of recipients: its addresses are the To (by design); its
    // other words ("Bcc:", "Subject:", "x") are not addresses and are dropped.
    expect(sent[0]!.to.split(',').sort()).toEqual(['kanri@center.example', 'other@center.example']);
    expect(`${sent[0]!.to} ${sent[0]!.subject}`).not.toMatch(/[\r\n\u2028]|Bcc|Subject/);
  });
});

describe('a busy lock writes nothing and says so', () => {
  const calls: [string, unknown][] = [
    ['recordWork', { member_id: 'M00002', job_id: 'J0002', days: [{ date: '2026-12-08', hours: 3 }] }],
    ['confirmWork', { work_ids: ['W0000002'], confirmed: true }],
    ['logFollowUp', { member_id: 'M00001', notes: 'x' }],
    ['createEvent', { kind: 'seminar', date: '2027-01-15' }],
    ['registerByPhone', { event_id: 'E002', name: '電話 太郎', consent: true }],
    ['leaveMember', { member_id: 'M00002', date: '2026-12-08', reason: 'moved' }],
  ];
  test.each(calls)('%s', (fn, input) => {
    const w = world();
    w.bundle.fakes!.locks.holdElsewhere('script');
    w.bundle.fakes!.locks.holdElsewhere('document');
    const before = everything(w.ss);
    expect(w.call(fn, input)).toMatchObject({ ok: false, code: 'busy' });
    expect(everything(w.ss)).toBe(before);
  });

  test('menu 月次締め and 再開', () => {
    const w = world();
    w.bundle.fakes!.locks.holdElsewhere('script');
    const before = everything(w.ss);
    for (const fn of ['closeLastMonth', 'reopenLastClose']) expect(w.call(fn)).toMatchObject({ ok: false });
    expect(everything(w.ss)).toBe(before);
  });
});

describe('a row dated in a closed month, through every writer of 就業実績 in the bundle', () => {
  test('closed from the menu, November takes no row from the sidebar or the form and no 確認; reopened, it does', () => {
    const w = world();
    const answer = withForms(w);
    expect(w.call('closeLastMonth')).toMatchObject({ ok: true, month: '2026-11' });
    const work = (): string => JSON.stringify(w.ss.getSheetByName('就業実績')!.getDataRange().getValues());
    const before = work();
    expect(w.call('recordWork', { member_id: 'M00002', job_id: 'J0002', days: [{ date: '2026-11-17', hours: 3 }] })).toMatchObject({ ok: false, code: 'month_closed' });
    // One closed day among open ones: nothing of the save is written.
    expect(w.call('recordWork', { member_id: 'M00002', job_id: 'J0002', days: [{ date: '2026-12-08', hours: 3 }, { date: '2026-11-17', hours: 3 }] })).toMatchObject({ ok: false, code: 'month_closed' });
    expect(w.call('confirmWork', { work_ids: ['W0000003', 'W0000002'], confirmed: true })).toMatchObject({ ok: false, code: 'month_closed' });
    expect(jsonRoundTrip(w.bundle.call('onWorkReportSubmit', answer({ month: '2026-11', days: '17' })))).toEqual({ outcome: 'needs_review', reason: 'month_closed' });
    // The same month as Forms' users type it: full-width digits, a slash.
    expect(jsonRoundTrip(w.bundle.call('onWorkReportSubmit', answer({ month: '２０２６/１１', days: '10' })))).toEqual({ outcome: 'needs_review', reason: 'month_closed' });
    // October, closed before: the same.
    expect(jsonRoundTrip(w.bundle.call('onWorkReportSubmit', answer({ month: '2026-10', days: '27' })))).toEqual({ outcome: 'needs_review', reason: 'month_closed' });
    expect(work()).toBe(before);
    expect(rows(w.ss, '就業報告').slice(-3).map((r) => r['状態'])).toEqual(['要確認', '要確認', '要確認']);

    expect(w.call('reopenLastClose')).toMatchObject({ ok: true, month: '2026-11' });
    expect(w.call('recordWork', { member_id: 'M00002', job_id: 'J0002', days: [{ date: '2026-11-17', hours: 3 }] })).toMatchObject({ ok: true });
  });
});

describe('a trigger that fires twice', () => {
  test('the same 就業報告 answer twice: one set of rows; the same 要確認 answer twice: one row', () => {
    const w = world();
    const answer = withForms(w);
    const good = answer({ month: '2026-11', days: '10, 17' });
    expect(jsonRoundTrip(w.bundle.call('onWorkReportSubmit', good))).toMatchObject({ outcome: 'recorded' });
    const work = rows(w.ss, '就業実績').length;
    expect(jsonRoundTrip(w.bundle.call('onWorkReportSubmit', good))).toEqual({ outcome: 'skipped_duplicate' });
    expect(rows(w.ss, '就業実績')).toHaveLength(work);
    const bad = answer({ member: 'M00404' });
    expect(jsonRoundTrip(w.bundle.call('onWorkReportSubmit', bad))).toEqual({ outcome: 'needs_review', reason: 'unknown_member' });
    const kept = rows(w.ss, '就業報告').length;
    expect(jsonRoundTrip(w.bundle.call('onWorkReportSubmit', bad))).toEqual({ outcome: 'skipped_duplicate' });
    expect(rows(w.ss, '就業報告')).toHaveLength(kept);
  });

  test('the nightly survey run twice the same night: one mail, and the second run writes no cell', () => {
    const w = world();
    const event = clockEvent(installTrigger(w.bundle, 'tallyAllSurveys'), new Date(NOW));
    w.bundle.call('tallyAllSurveys', event);
    const mails = w.bundle.fakes!.mail.sent.length;
    expect(mails).toBeGreaterThan(0);
    const before = everything(w.ss);
    const second = w.bundle.log.measure(() => w.bundle.call('tallyAllSurveys', event));
    expect(w.bundle.fakes!.mail.sent).toHaveLength(mails);
    expect(second.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    expect(everything(w.ss)).toBe(before);
  });
});
