import vm from 'node:vm';
import { jsonRoundTrip, loadBundle, type LoadedBundle } from './harness';
import { clockEvent, formSubmitEvent, installTrigger, triggerUidOf } from './trigger-events';
import { ACTIVITIES_TAB, CLIENTS_TAB, JOBS_TAB, MATCHES_TAB, MEMBERS_TAB, REGISTRATIONS_TAB } from '../../src/domain/schema/tabs';

// A center with the sign-up form made, driven through dist/Code.js as Apps Script drives it: a
// person's answer is written by Forms into the form's response tab and then fires the installed
// submit trigger; the daily trigger, the menus and the sidebar are called as Apps Script calls
// them. For the sign-up's red-team tests and the model-based test.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

export const MANAGER = 'staff@example.org';
export const COORDINATOR = 'tanaka@example.jp';
/** Monday 2026-12-07, 09:30 in Tokyo. */
export const NOW = '2026-12-07T00:30:00Z';

export interface SessionSpec { readonly id: string; readonly date: string; readonly time: string; readonly title: string; readonly capacity: number | '' }

/** Tomorrow's seminar and Wednesday's, as the form labels them. */
export const SESSIONS: readonly SessionSpec[] = [
  { id: 'E001', date: '2026-12-08', time: '10:00', title: '入会説明会A', capacity: 2 },
  { id: 'E002', date: '2026-12-09', time: '13:30', title: '入会説明会B', capacity: 3 },
];

export function labelOf(s: SessionSpec): string {
  const w = ['日', '月', '火', '水', '木', '金', '土'][new Date(`${s.date}T00:00:00Z`).getUTCDay()];
  return `${s.date.replace(/-/g, '/')}（${w}）${s.time} 柏市役所 — ${s.title}`;
}

export interface Person { readonly name: string; readonly phone: string; readonly email: string }

export interface SignupWorld {
  readonly bundle: LoadedBundle;
  readonly ss: GSpreadsheet;
  /** The form's response tab. */
  responses(): GSheet;
  /** Forms writes the answer into the response tab; returns the event its submit trigger gets. */
  answer(p: Person, sessionLabel: string, second?: number, extra?: Record<string, string[]>): Record<string, unknown>;
  /** The submit trigger runs for `event`. */
  fire(event: Record<string, unknown>): { outcome: string; registration_id: string | null; mailed: boolean };
  /** The daily trigger runs (reminders, after the sync). */
  daily(): unknown;
  /** A person calls a menu function or a sidebar call (JSON in, JSON out). */
  call(as: string, name: string, ...args: unknown[]): unknown;
  /** 申込's rows as the sheet holds them. */
  registrations(): Record<string, unknown>[];
  /** Makes FormApp (and every object it hands out) throw for the next calls, or stop. */
  formsFail(on: boolean): void;
}

function tab(ss: GSpreadsheet, name: string, rows: unknown[][]): void {
  const sheet = ss.insertSheet(name);
  const width = Math.max(...rows.map((r) => r.length));
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
}

/** FormApp behind a switch: while on, every call on it or on a Form or item it gave throws
 *  "Service unavailable: Forms", as a Forms outage does. */
function breakableForms(bundle: LoadedBundle): (on: boolean) => void {
  const ctx = bundle.context as Record<string, unknown>;
  const RealmError = vm.runInContext('Error', bundle.context) as ErrorConstructor;
  let failing = false;
  const wrap = <T extends object>(target: T): T => new Proxy(target, {
    get(t, prop) {
      const v = Reflect.get(t, prop) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (failing) throw new RealmError('Service unavailable: Forms');
        const r = (v as (...a: unknown[]) => unknown).apply(t, args);
        return r !== null && typeof r === 'object' ? wrap(r) : r;
      };
    },
  });
  const real = ctx.FormApp as object;
  Object.defineProperty(ctx, 'FormApp', { value: wrap(real), configurable: true, writable: true, enumerable: false });
  return (on) => { failing = on; };
}

export function signupWorld(options: { sessions?: readonly SessionSpec[]; mailQuota?: number; weeklyRecipients?: string; now?: string } = {}): SignupWorld {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: options.now ?? NOW, activeUserEmail: MANAGER, mailQuota: options.mailQuota ?? 1000 });
  const ss = bundle.fakes!.spreadsheet;
  const sessions = options.sessions ?? SESSIONS;
  tab(ss, '設定', [['項目', '値'], ['センター名', '柏市シルバー人材センター'], ['言語', 'ja'], ['タイムゾーン', 'Asia/Tokyo'],
    ['週次メール送信先', options.weeklyRecipients ?? ''], ['申込フォームID', '']]);
  tab(ss, 'コーディネータ', [['メール', '氏名', '役割', '有効'], [MANAGER, '所長', '管理者', true], [COORDINATOR, '田中 花子', 'コーディネータ', true]]);
  tab(ss, 'イベント', [['イベントID', '種別', '名称', '開催日', '開始時刻', '会場', '定員', '状態'],
    ...sessions.map((s) => [s.id, '入会説明会', s.title, s.date, `'${s.time}`, '柏市役所', s.capacity, '受付中'])]);
  tab(ss, '申込', [REGISTRATIONS_TAB.columns.map((c) => c.ja)]);
  tab(ss, '監査ログ', [['日時', 'ユーザー', '操作', 'シート', 'ID', '内容']]);
  // The other tabs a center keeps, empty, so the workbook reads whole (the weekly summary needs them).
  for (const def of [MEMBERS_TAB, CLIENTS_TAB, JOBS_TAB, ACTIVITIES_TAB, MATCHES_TAB]) tab(ss, def.ja, [def.columns.map((c) => c.ja)]);
  bundle.call('createSignupForm');
  const formsFail = breakableForms(bundle);
  bundle.log.reset();
  let seconds = 0;
  const responses = (): GSheet => ss.getSheets().find((sh) => sh.getFormUrl() !== null)!;
  const answer = (p: Person, sessionLabel: string, second?: number, extra: Record<string, string[]> = {}): Record<string, unknown> => {
    const s = second ?? (seconds += 1);
    const stamp = `2026/12/07 ${String(10 + Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    const nv: Record<string, string[]> = {
      タイムスタンプ: [stamp], 氏名: [p.name], フリガナ: ['モウシコミ'], 電話: [p.phone], メール: [p.email], 年代: ['70代'], 性別: ['女性'],
      きっかけ: ['広報誌・チラシ'], 参加する回: [sessionLabel], 個人情報の利用: ['個人情報の利用に同意します'], ...extra,
    };
    return formSubmitEvent(responses(), nv, triggerUidOf(bundle, 'onSignupFormSubmit'));
  };
  const fire = (event: Record<string, unknown>) => bundle.call('onSignupFormSubmit', event) as { outcome: string; registration_id: string | null; mailed: boolean };
  const daily = (): unknown => {
    const uid = bundle.fakes!.triggers.installed().find((t) => t.handler === 'sendEventReminders' && t.afterMs === undefined)?.uniqueId ?? installTrigger(bundle, 'sendEventReminders');
    return bundle.call('sendEventReminders', clockEvent(uid));
  };
  const call = (as: string, name: string, ...args: unknown[]): unknown => {
    bundle.fakes!.actAs(as);
    try {
      return jsonRoundTrip(bundle.call(name, ...jsonRoundTrip(args)) ?? null);
    } finally {
      bundle.fakes!.actAs(MANAGER);
    }
  };
  const registrations = (): Record<string, unknown>[] => {
    const [header = [], ...rows] = ss.getSheetByName('申込')!.getDataRange().getValues();
    return rows.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
  };
  return { bundle, ss, responses, answer, fire, daily, call, registrations, formsFail };
}
