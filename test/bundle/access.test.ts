import { loadBundle, jsonRoundTrip, type LoadedBundle } from './harness';
import { clockEvent, formSubmitEvent, installTrigger, triggerUidOf } from './trigger-events';
import { COORDINATOR, MANAGER, VIEWER, INACTIVE, sidebarTables } from '../app/sidebar/sidebar-fixture';
import { attendanceTables } from '../app/events/attendance-fixture';
import { SERVER_CALLS, accessTable, type ServerCall } from '../../src/app/server-calls';
import type { Cell } from '../../src/domain/cell';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './harness';

// Who may call what, through dist/Code.js as Apps Script runs it. Every top-level function of the
// bundle is listed here with its rule (a new global fails the first test until it is listed, and
// the rule must be the one src/app/server-calls.ts gives it), then each is called by hand — as
// google.script.run or a menu would, JSON arguments — by a stranger, an inactive coordinator, a
// viewer, a coordinator and a manager. A refusal must change nothing at all (no cell, property,
// trigger, form, mail or dialog) and say only why, in the center's language; an allowed call
// must run. Trigger handlers must refuse forged runs: the right shape with a triggerUid the
// project does not have, another function's trigger, another user's trigger, a JSON copy of a
// form-submit event, a submit from another form's response tab.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The rule of each global: who may call it by hand, and the trigger whose runs it accepts. */
const ACCESS: Readonly<Record<string, string>> = {
  sidebarBootstrap: 'read', weekHeadline: 'read', listCandidates: 'read', searchMembers: 'read', searchClients: 'read', listEventSessions: 'read', listAttendance: 'read',
  logActivity: 'write', changeMatchStatus: 'write', registerClient: 'write', registerJob: 'write', checkIn: 'write', joinAsMember: 'write', cancelRegistration: 'write', registerByPhone: 'write', createEvent: 'write',
  listJobs: 'read', getMember: 'read', listFollowUps: 'read', listMemberWork: 'read', recordWork: 'write', confirmWork: 'write',
  setJobStatus: 'write', proposeTeam: 'write', saveMember: 'write', leaveMember: 'write', logFollowUp: 'write', rebuildFollowUps: 'write', correctActivity: 'write', withdrawActivity: 'write',
  onOpen: 'menu-open', onInstall: 'menu-open', showSidebar: 'menu-open',
  runSetup: 'manager+bootstrap', saveInitialSettings: 'manager+bootstrap',
  sendWeeklySummaryNow: 'manager', installWeeklyTrigger: 'manager', createSignupForm: 'manager',
  closeLastMonth: 'manager', reopenLastClose: 'manager', writeAnnualStats: 'manager', printClosedStatements: 'manager', rebuildCandidateIndex: 'manager',
  syncSignupForm: 'write', recheckSignups: 'write', recheckWorkReports: 'write', tallyAllSurveys: 'write+clock',
  weeklySummaryTrigger: 'trigger+clock', sendEventReminders: 'manager+clock', onSignupFormSubmit: 'trigger+form_submit', onWorkReportSubmit: 'trigger+form_submit',
  onDeskEdit: 'trigger+edit', onDeskChange: 'trigger+change',
};

function ruleOf(call: ServerCall): string {
  const extra = call.surface === 'apps-script' ? [call.bootstrap ? 'bootstrap' : '', call.trigger ?? ''] : [];
  return [call.access, ...extra].filter((s) => s !== '').join('+');
}

const STRANGER = 'editor@phish.example';
const PERSONAS = { stranger: STRANGER, inactive: INACTIVE, viewer: VIEWER, coordinator: COORDINATOR, manager: MANAGER } as const;
type Persona = keyof typeof PERSONAS;

/** Who each rule lets in by hand. */
const LETS_IN: Readonly<Record<string, readonly Persona[]>> = {
  read: ['viewer', 'coordinator', 'manager'],
  write: ['coordinator', 'manager'],
  manager: ['manager'],
  trigger: [],
  'menu-open': ['stranger', 'inactive', 'viewer', 'coordinator', 'manager'],
};

/** The arguments a person's call would carry. */
const ARGS: Readonly<Record<string, unknown[]>> = {
  listCandidates: ['J001'], searchMembers: ['青木'], searchClients: ['ひまわり'], listAttendance: ['E001'],
  logActivity: [{ date: '2026-12-07', area: 'matching', kind: 'visit', member_id: 'M001', minutes: 30 }],
  changeMatchStatus: [{ action: 'propose', job_id: 'J001', member_id: 'M001' }],
  registerClient: [{ name: '新しい園' }], registerJob: [{ client_id: 'C001', title: '草取り' }],
  checkIn: ['R00001', true], joinAsMember: ['R00006', {}], cancelRegistration: ['R00002'],
  registerByPhone: [{ event_id: 'E002', name: '小林 八重', phone: '090-5555-0008', consent: true }],
  createEvent: [{ kind: 'seminar', title: '冬のセミナー', date: '2027-01-20', start_time: '13:30', venue: '柏市役所', capacity: 30 }],
  listJobs: [{ include_all: true }], getMember: ['M001'], setJobStatus: [{ job_id: 'J002', status: 'closed' }],
  proposeTeam: [{ job_id: 'J001', members: [{ member_id: 'M001', slots: ['Mon-AM'] }] }],
  saveMember: [{ name: '新井 花子', kana: 'あらい はなこ', join_route: 'window' }], leaveMember: [{ member_id: 'M003', date: '2026-12-07', reason: 'moved' }],
  listMemberWork: [{ member_id: 'M002', month: '2026-12' }],
  recordWork: [{ member_id: 'M002', job_id: 'J002', days: [{ date: '2026-12-07', hours: 3 }] }], confirmWork: [{ work_ids: ['W0000001'], confirmed: true }],
  logFollowUp: [{ member_id: 'M001' }], correctActivity: [{ activity_id: 'A000007', minutes: 45 }], withdrawActivity: ['A000007'],
  onOpen: [{ authMode: 'FULL' }], onInstall: [{ authMode: 'FULL' }],
  saveInitialSettings: [{ centerName: '【重要】アカウント確認 https://phish.example', language: 'ja', weeklyDay: 3, weeklyHour: 7 }],
};

function toSheetValue(c: Cell): unknown {
  if (c === null) return '';
  if (typeof c === 'object') return c.date;
  return c;
}

/** A set-up center: the sidebar fixture's people (an active manager among them) and records, with
 *  the attendance fixture's sessions and sign-ups; the desk's triggers installed by its manager. */
function world(options: { email?: string; language?: 'ja' | 'en'; tables?: boolean } = {}): { bundle: LoadedBundle; ss: GSpreadsheet } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: '2026-12-07T00:30:00Z', activeUserEmail: MANAGER });
  const ss = bundle.fakes!.spreadsheet;
  if (options.tables !== false) {
    const fromAttendance = attendanceTables().filter((t) => t.name === 'イベント' || t.name === '申込');
    const tables = [...sidebarTables().filter((t) => t.name !== 'イベント'), ...fromAttendance];
    for (const t of tables) {
      const sheet = ss.insertSheet(t.name);
      // Setup has run since 活動記録 gained 状態 (withdrawActivity needs the column).
      const header = t.name === '活動記録' ? [...t.header, '状態'] : t.header;
      // M002 placed on J002 (the 就業実績 panel's calls record and confirm her work).
      const data = t.name === 'マッチング' ? [...t.rows, ['X001', 'J002', 'M002', '派遣', '成立', '2026-11-20', '2026-11-25', null, MANAGER, null, null]] : t.rows;
      let rows = [header, ...data.map((r) => header.map((_, i) => toSheetValue(r[i] ?? null)))];
      if (t.name === '設定' && options.language === 'en') rows = rows.map((r) => (r[0] === '言語' ? ['言語', 'en'] : r));
      sheet.getRange(1, 1, rows.length, header.length).setValues(rows);
    }
    // One work row of M002's (confirmWork ticks it).
    ss.insertSheet('就業実績').getRange(1, 1, 2, 7).setValues([['実績ID', '就業日', '会員ID', '仕事ID', '時間', '金額', '確認'], ['W0000001', '2026-12-01', 'M002', 'J002', 2, '', false]]);
  }
  bundle.log.reset();
  if (options.email !== undefined) bundle.fakes!.actAs(options.email);
  return { bundle, ss };
}

/** Everything a call could change, as plain data. */
function state(bundle: LoadedBundle): string {
  const f = bundle.fakes!;
  const sheets = f.spreadsheet.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]);
  const props = (['document', 'script', 'user'] as const).map((k) => f.properties[k].getProperties());
  return JSON.stringify({
    sheets, props, triggers: f.triggers.installed(), forms: [...f.forms.forms.values()], mail: f.mail.sent,
    dialogs: f.ui.dialogs, alerts: f.ui.alerts, sidebars: f.ui.sidebars,
  });
}

const REFUSALS = ['not_signed_in', 'unknown_user', 'inactive_user', 'read_only', 'not_manager', 'not_a_trigger', 'not_signup_form'];
const WRITE_CALLS = /\.(setValues|setValue|appendRow|insertSheet|deleteSheet|clearContent|setProperty|setProperties|deleteProperty|deleteAllProperties|create|deleteTrigger|sendEmail|showModalDialog|setDestination|setChoiceValues|setAcceptingResponses)$/;

function isRefusal(r: unknown): r is { ok: false; code: string; message: string } {
  return typeof r === 'object' && r !== null && (r as { ok?: unknown }).ok === false && REFUSALS.includes(String((r as { code?: unknown }).code));
}

/** Calls `name` as google.script.run would (JSON in, JSON out), measuring what it did. */
function callByHand(bundle: LoadedBundle, name: string, args: unknown[] = ARGS[name] ?? []): { result: unknown; before: string; after: string; writes: string[]; cellsWritten: number } {
  const before = state(bundle);
  bundle.log.reset();
  const result = jsonRoundTrip(bundle.call(name, ...jsonRoundTrip(args)) ?? null);
  const writes = bundle.log.sequence().filter((c) => WRITE_CALLS.test(c));
  const cellsWritten = bundle.log.snapshot().cellsWritten;
  return { result, before, after: state(bundle), writes, cellsWritten };
}

function expectRefusedQuietly(r: ReturnType<typeof callByHand>, language: 'ja' | 'en' = 'ja'): void {
  expect(isRefusal(r.result)).toBe(true);
  const refusal = r.result as { ok: false; code: string; message: string };
  // Only why: a code and a sentence, no counts, no recipients, no records.
  expect(Object.keys(refusal).sort()).toEqual(['code', 'message', 'ok']);
  expect(refusal.message).not.toMatch(/\d/);
  if (language === 'ja') expect(refusal.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  else expect(refusal.message).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect({ writes: r.writes, cellsWritten: r.cellsWritten }).toEqual({ writes: [], cellsWritten: 0 });
  expect(r.after).toBe(r.before);
}

describe('who may call what', () => {
  const names = loadBundle({ fakes: false }).functionNames;

  it('lists every global of the bundle with its rule, the rule src/app/server-calls.ts gives it', () => {
    const unlisted = names.filter((n) => !(n in ACCESS));
    if (unlisted.length > 0) throw new Error(`new globals without a rule in access.test.ts: ${unlisted.join(', ')} — say who may call them`);
    expect([...names].sort()).toEqual(Object.keys(ACCESS).sort());
    expect(Object.keys(SERVER_CALLS).sort()).toEqual([...names].sort());
    for (const n of names) expect([n, ruleOf(SERVER_CALLS[n as keyof typeof SERVER_CALLS])]).toEqual([n, ACCESS[n]]);
  });

  it('does not build when src/main.ts exports a global the table does not list, or misses one it lists', () => {
    const check = (exports: string[]): string => {
      try {
        execFileSync(process.execPath, ['--input-type=module', '-e',
          `const m = await import('./scripts/build.mjs'); await m.checkGlobals(${JSON.stringify(exports)});`], { cwd: REPO, stdio: 'pipe' });
        return 'built';
      } catch (error) {
        return String((error as { stderr?: Buffer }).stderr ?? error);
      }
    };
    const listed = Object.keys(SERVER_CALLS).sort();
    expect(check(listed)).toBe('built');
    expect(check([...listed, 'exportEverything'])).toContain('exported but not in the table (who may call it?): exportEverything');
    expect(check(listed.filter((n) => n !== 'runSetup'))).toContain('in the table but not exported: runSetup');
  });

  it('documents the same table in docs/design/README.md', () => {
    const readme = readFileSync(join(REPO, 'docs', 'design', 'README.md'), 'utf8');
    expect(readme).toContain(accessTable());
  });

  for (const name of Object.keys(ACCESS)) {
    const rule = ACCESS[name]!;
    const base = rule.split('+')[0]!;
    for (const persona of Object.keys(PERSONAS) as Persona[]) {
      const allowed = LETS_IN[base]!.includes(persona);
      it(`${name} by hand as ${persona}: ${allowed ? 'runs' : 'refused, changing nothing'}`, () => {
        const { bundle } = world({ email: PERSONAS[persona] });
        const r = callByHand(bundle, name);
        if (!allowed) {
          expectRefusedQuietly(r);
          return;
        }
        expect(isRefusal(r.result)).toBe(false);
        if (SERVER_CALLS[name as keyof typeof SERVER_CALLS].surface === 'sidebar') expect(r.result).toMatchObject({ ok: true });
      });
    }
  }
});

describe('trigger handlers run only for a real run of the project\'s own trigger', () => {
  it('runs weeklySummaryTrigger for its installed trigger, and refuses a forged or borrowed one with no counts', () => {
    const { bundle } = world();
    const weekly = installTrigger(bundle, 'weeklySummaryTrigger');
    const reminders = installTrigger(bundle, 'sendEventReminders');
    // Forged: the right shape, a triggerUid the project does not have; another function's trigger.
    for (const uid of ['999999', reminders]) expectRefusedQuietly(callByHand(bundle, 'weeklySummaryTrigger', [clockEvent(uid)]));
    // Half a shape: the real uid without the rest of a clock event.
    expectRefusedQuietly(callByHand(bundle, 'weeklySummaryTrigger', [{ triggerUid: weekly, authMode: 'FULL' }]));
    // The real run (Apps Script passes the event object itself).
    const run = bundle.call('weeklySummaryTrigger', clockEvent(weekly)) as { status?: string };
    expect(run.status).toBeDefined();
    expect(isRefusal(run)).toBe(false);
  });

  it('refuses another person who copies the manager\'s real triggerUid: their getProjectTriggers lists only their own', () => {
    const { bundle } = world();
    const weekly = installTrigger(bundle, 'weeklySummaryTrigger');
    for (const who of [STRANGER, COORDINATOR]) {
      bundle.fakes!.actAs(who);
      expectRefusedQuietly(callByHand(bundle, 'weeklySummaryTrigger', [clockEvent(weekly)]));
      expectRefusedQuietly(callByHand(bundle, 'sendEventReminders', [clockEvent(weekly)]));
    }
  });

  it('runs sendEventReminders and tallyAllSurveys for their trigger; a forged event falls back to the person\'s check', () => {
    const { bundle } = world();
    const reminders = installTrigger(bundle, 'sendEventReminders');
    const tally = installTrigger(bundle, 'tallyAllSurveys');
    expect(isRefusal(bundle.call('sendEventReminders', clockEvent(reminders)))).toBe(false);
    expect(isRefusal(bundle.call('tallyAllSurveys', clockEvent(tally)))).toBe(false);
    bundle.fakes!.actAs(STRANGER);
    expectRefusedQuietly(callByHand(bundle, 'sendEventReminders', [clockEvent('999999')]));
    expectRefusedQuietly(callByHand(bundle, 'tallyAllSurveys', [clockEvent('999999')]));
    bundle.fakes!.actAs(COORDINATOR);
    expectRefusedQuietly(callByHand(bundle, 'sendEventReminders', [clockEvent(tally)]));
  });

  it('takes a sign-up only from the installed submit trigger on the form\'s own response tab', () => {
    const { bundle, ss } = world();
    expect(isRefusal(bundle.call('createSignupForm'))).toBe(false);
    const responses = ss.getSheets().find((s) => s.getFormUrl() !== null)!;
    const uid = triggerUidOf(bundle, 'onSignupFormSubmit');
    const answers = (n: number): Record<string, string[]> => ({
      タイムスタンプ: [`2026/12/07 09:0${n}:00`], 氏名: [`偽 太郎${n}`], フリガナ: ['ニセ タロウ'], 電話: [`090-0000-000${n}`],
      メール: ['evil@phish.example'], 年代: ['70代'], 性別: ['男性'], きっかけ: ['広報誌・チラシ'], 参加する回: [''], 個人情報の利用: ['個人情報の利用に同意します'],
    });
    // google.script.run can only send JSON: no live Range or Spreadsheet, at best look-alikes.
    const nv = answers(1);
    const forged = { authMode: 'FULL', namedValues: nv, values: Object.values(nv).map((v) => v.join(', ')), range: { rowStart: 2, columnStart: 1 }, source: { id: 'fake-spreadsheet-id' }, triggerUid: uid };
    expectRefusedQuietly(callByHand(bundle, 'onSignupFormSubmit', [forged]));
    // A live event with a triggerUid the project does not have.
    const unknown = formSubmitEvent(responses, answers(2), '999999');
    let before = state(bundle);
    expect(isRefusal(bundle.call('onSignupFormSubmit', unknown))).toBe(true);
    expect(state(bundle)).toBe(before);
    // Another form linked to the spreadsheet fires the same trigger: its answers are not ours.
    const other = ss.insertSheet('別のフォームの回答');
    other.appendRow(['タイムスタンプ', '氏名', 'フリガナ', '電話', 'メール', '年代', '性別', 'きっかけ', '参加する回', '個人情報の利用']);
    const foreign = formSubmitEvent(other, answers(3), uid);
    before = state(bundle);
    expect(bundle.call('onSignupFormSubmit', foreign)).toMatchObject({ ok: false, code: 'not_signup_form' });
    expect(state(bundle)).toBe(before);
    // The real one is taken in.
    const real = formSubmitEvent(responses, answers(4), uid);
    const rows = ss.getSheetByName('申込')!.getLastRow();
    const r = bundle.call('onSignupFormSubmit', real) as { outcome?: string };
    expect(isRefusal(r)).toBe(false);
    expect(r.outcome).toBeDefined();
    expect(ss.getSheetByName('申込')!.getLastRow()).toBe(rows + 1);
  });

  it('refuses every trigger-only handler called with no event, even by a manager', () => {
    const { bundle } = world();
    for (const name of ['weeklySummaryTrigger', 'onSignupFormSubmit', 'onDeskEdit', 'onDeskChange']) expectRefusedQuietly(callByHand(bundle, name, []));
  });

  it('runs the desk cache\'s edit and change handlers only for the installer\'s own trigger (test/bundle/desk-cache.test.ts runs them)', () => {
    const { bundle } = world();
    const edit = installTrigger(bundle, 'onDeskEdit', 'edit');
    const change = installTrigger(bundle, 'onDeskChange', 'change');
    // JSON copies: an edit event without a live Range; a change event with another function's trigger.
    expectRefusedQuietly(callByHand(bundle, 'onDeskEdit', [{ authMode: 'FULL', triggerUid: edit, range: { row: 1 } }]));
    expectRefusedQuietly(callByHand(bundle, 'onDeskChange', [{ authMode: 'FULL', triggerUid: edit, changeType: 'OTHER' }]));
    // The installer's real change trigger, copied by another person: their getProjectTriggers lists none.
    bundle.fakes!.actAs(COORDINATOR);
    expectRefusedQuietly(callByHand(bundle, 'onDeskChange', [{ authMode: 'FULL', triggerUid: change, changeType: 'OTHER' }]));
  });
});

describe('setup before and after the desk has a manager (the bootstrap rule)', () => {
  const ANSWER = { centerName: '柏市シルバー人材センター', language: 'ja', weeklyDay: 0, weeklyHour: 8 };

  it('lets whoever sets up an empty spreadsheet do it, makes them manager, then refuses everyone else', () => {
    const { bundle, ss } = world({ tables: false, email: 'kanri@kashiwa-silver.example' });
    expect(bundle.call('runSetup')).toEqual({ dialog: true, message: '' });
    const first = jsonRoundTrip(bundle.call('saveInitialSettings', jsonRoundTrip(ANSWER))) as { ok: boolean };
    expect(first.ok).toBe(true);
    expect(ss.getSheetByName('コーディネータ')!.getRange(2, 1, 1, 4).getValues()[0]).toEqual(['kanri@kashiwa-silver.example', '', '管理者', true]);

    // A stranger, and the people the manager then adds as viewer and coordinator: refused.
    ss.getSheetByName('コーディネータ')!.appendRow(['viewer@kashiwa-silver.example', '', '閲覧', true]);
    ss.getSheetByName('コーディネータ')!.appendRow(['jc@kashiwa-silver.example', '', 'コーディネータ', true]);
    for (const who of [STRANGER, 'viewer@kashiwa-silver.example', 'jc@kashiwa-silver.example']) {
      bundle.fakes!.actAs(who);
      expectRefusedQuietly(callByHand(bundle, 'saveInitialSettings', [{ ...ANSWER, centerName: 'フィッシング' }]));
      expectRefusedQuietly(callByHand(bundle, 'runSetup', []));
    }
    expect(ss.getSheetByName('設定')!.getDataRange().getValues()).toContainEqual(['センター名', '柏市シルバー人材センター']);
    // The manager still may.
    bundle.fakes!.actAs('kanri@kashiwa-silver.example');
    expect(isRefusal(bundle.call('runSetup'))).toBe(false);
  });

  it('stays open while コーディネータ names no active manager, and asks for a signed-in person', () => {
    const { bundle, ss } = world({ tables: false, email: 'first@kashiwa-silver.example' });
    const sheet = ss.insertSheet('コーディネータ');
    sheet.getRange(1, 1, 3, 4).setValues([['メール', '氏名', '役割', '有効'], ['jc@kashiwa-silver.example', '', 'コーディネータ', true], ['old@kashiwa-silver.example', '', '管理者', false]]);
    expect(isRefusal(bundle.call('saveInitialSettings', ANSWER))).toBe(false);
    bundle.fakes!.actAs('');
    expect(bundle.call('runSetup')).toMatchObject({ ok: false, code: 'not_signed_in' });
  });
});

describe('the red team\'s cases', () => {
  it('an editor not in コーディネータ can neither rename the center nor move the weekly mail', () => {
    const { bundle, ss } = world({ email: STRANGER });
    const r = callByHand(bundle, 'saveInitialSettings');
    expectRefusedQuietly(r);
    expect((r.result as { code: string }).code).toBe('unknown_user');
    expect(ss.getSheetByName('設定')!.getDataRange().getValues()).toContainEqual(['センター名', '柏市シルバー人材センター']);
    expect(bundle.fakes!.toasts.at(-1)?.message).toContain('「コーディネータ」シートに登録されていません');
  });

  it('a weekly send or trigger run by hand returns no recipient or quota counts', () => {
    for (const who of [STRANGER, VIEWER, COORDINATOR]) {
      const { bundle } = world({ email: who });
      for (const name of ['sendWeeklySummaryNow', 'weeklySummaryTrigger']) {
        const r = callByHand(bundle, name);
        expectRefusedQuietly(r);
        expect(JSON.stringify(r.result)).not.toMatch(/recipients|quota|week/);
      }
    }
  });

  it('refuses in English at an English center', () => {
    const { bundle } = world({ email: COORDINATOR, language: 'en' });
    const r = callByHand(bundle, 'installWeeklyTrigger');
    expectRefusedQuietly(r, 'en');
    expect(r.result).toMatchObject({ code: 'not_manager', message: 'Only a manager in the Coordinators tab may do this. Ask a manager.' });
  });

  it('keeps a line break in the center name out of the weekly mail\'s headers', () => {
    const { bundle, ss } = world();
    ss.getSheetByName('設定')!.getRange(2, 2).setValue('柏\r\nBcc: evil@x.com');
    const r = bundle.call('sendWeeklySummaryNow') as { status: string };
    expect(r.status).toBe('sent');
    const mail = bundle.fakes!.mail.sent.at(-1)!;
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('柏  Bcc: evil@x.com');
    expect(mail.name ?? '').not.toMatch(/[\r\n]/);
    expect(mail.bcc).toBeUndefined();
    expect(mail.to.split(',')).not.toContain('evil@x.com');
  });
});
