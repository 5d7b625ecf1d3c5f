import { runWeeklySummary, type WeeklyRunResult } from '../app/weekly/run-weekly-summary';
import type { Language } from '../domain/enums';
import { weekRange } from '../domain/mail/weekly-format';
import { parseSettings } from '../domain/settings';
import { SETTINGS_TAB } from '../domain/schema/tabs';
import type { GooglePorts } from '../gas/google-ports';
import { underWriteLock } from '../app/shared/write-boundary';
import { installWeeklyTrigger as install } from '../triggers/weekly-trigger';
import type { ScriptContext } from './dispatch';

// Apps Script handlers of the weekly summary: the time trigger (only a real run of it), the menu
// item that installs it and the menu item that sends the summary now (an active manager; checked
// before they run: src/app/server-calls.ts). Each takes the script lock so two runs never
// overlap, calls one use case and logs what happened.

export type WeeklyEntryResult = WeeklyRunResult | { readonly status: 'locked' } | { readonly status: 'error'; readonly message: string };

function log(line: string): void {
  console.log(line);
}

function runLocked(ports: GooglePorts, resend: boolean): WeeklyEntryResult {
  try {
    // The write boundary: the script lock (a sidebar write takes well under its wait; a second
    // weekly run is skipped), the run, a flush, the release.
    const locked = underWriteLock(ports, () => runWeeklySummary({ store: ports.store, mailer: ports.mailer, clock: ports.clock, log }, { resend }));
    if (locked.ok) return locked.value;
    log('weekly: another run holds the script lock; this run is skipped');
    return { status: 'locked' };
  } catch (error) {
    // A bug, not bad data (the use case turns that into a result): the detail goes to the log only.
    console.error(error);
    return { status: 'error', message: 'internal' };
  }
}

/** Time-driven trigger (installed by installWeeklyTrigger): the week that ended last Sunday.
 *  The event object only proves the run is the trigger's; the week comes from the clock. */
export function weeklySummaryTrigger({ ports }: ScriptContext): WeeklyEntryResult {
  return runLocked(ports, false);
}

const SAY: Record<Language, { installed: (day: string, hour: number, zone: string) => string; result: (r: WeeklyEntryResult) => string }> = {
  ja: {
    installed: (day, hour, zone) => `週次サマリーを毎週${day}曜 ${hour}時（${zone}）に送るよう設定しました`,
    result: (r) => {
      const range = 'week' in r && r.week ? `${weekRange(r.week, 'ja')}: ` : '';
      switch (r.status) {
        case 'sent': return `${range}週次サマリーを ${r.recipients} 件の宛先に送信しました`;
        case 'already_sent': return `${range}送信済みです`;
        case 'quota_short': return `${range}本日のメール送信枠が足りないため送信しませんでした（残り ${r.quota ?? 0}、必要 ${r.recipients}）`;
        case 'no_recipients': return `${range}送信先がありません。設定「週次メール送信先」かコーディネータの「有効」を確認してください`;
        case 'locked': return '別の処理が実行中です。しばらくしてからもう一度お試しください';
        case 'failed': return `${range}送信できませんでした（${r.failure ?? ''}）。管理者に通知しました`;
        case 'error': return '送信できませんでした。実行ログを確認してください';
      }
    },
  },
  en: {
    installed: (day, hour, zone) => `The weekly summary will be sent every ${day} at ${hour}:00 (${zone})`,
    result: (r) => {
      const range = 'week' in r && r.week ? `${weekRange(r.week, 'en')}: ` : '';
      switch (r.status) {
        case 'sent': return `${range}weekly summary sent to ${r.recipients} recipient(s)`;
        case 'already_sent': return `${range}already sent`;
        case 'quota_short': return `${range}not sent: today's mail quota is short (${r.quota ?? 0} left, ${r.recipients} needed)`;
        case 'no_recipients': return `${range}no recipients: check 設定 weekly_recipients or the coordinators' active flag`;
        case 'locked': return 'Another run is in progress. Please try again shortly.';
        case 'failed': return `${range}not sent (${r.failure ?? ''}); the managers were told`;
        case 'error': return 'Not sent. See the execution log.';
      }
    },
  },
};

const DAYS: Record<Language, readonly string[]> = {
  ja: ['月', '火', '水', '木', '金', '土', '日'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

function toast(message: string): void {
  // A menu run has a spreadsheet to show it on; elsewhere the log line is enough.
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message);
  } catch {
    log(message);
  }
}

/** Menu / setup (never onOpen, where a simple trigger may not install triggers): installs the
 *  weekly trigger at 設定's day and hour in its time zone, replacing any earlier one. */
export function installWeeklyTrigger(ctx: ScriptContext): { weekday: number; hour: number; timeZone: string } {
  const { ports } = ctx;
  // 設定 as the caller check just read it.
  const settings = ctx.settings ?? parseSettings(ports.store.read([SETTINGS_TAB.ja, SETTINGS_TAB.en])).settings;
  const spec = install(ports.triggers, settings);
  const result = { weekday: spec.weekday ?? 0, hour: spec.hour ?? 8, timeZone: spec.timeZone ?? settings.timeZone };
  toast(SAY[settings.language].installed(DAYS[settings.language][result.weekday] ?? '', result.hour, result.timeZone));
  return result;
}

/** Menu: sends last week's summary now, even if it was sent (the resend of the issue). */
export function sendWeeklySummaryNow({ ports }: ScriptContext): WeeklyEntryResult {
  const result = runLocked(ports, true);
  const lang: Language = 'language' in result ? result.language : 'ja';
  toast(SAY[lang].result(result));
  return result;
}

export const WEEKLY_HANDLERS = { weeklySummaryTrigger, installWeeklyTrigger, sendWeeklySummaryNow };
