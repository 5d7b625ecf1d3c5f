import { runWeeklySummary, type WeeklyRunResult } from '../app/weekly/run-weekly-summary';
import type { Language } from '../domain/enums';
import { commonText, weeklyText } from '../domain/messages/catalog';
import { weekRange } from '../domain/mail/weekly-format';
import { parseSettings } from '../domain/settings';
import { SETTINGS_TAB } from '../domain/schema/tabs';
import type { GooglePorts } from '../gas/google-ports';
import { underWriteLock } from '../app/shared/write-boundary';
import { weeklyTriggerSpec, WEEKLY_TRIGGER_HANDLER } from '../triggers/weekly-trigger';
import { civilDateIn } from '../domain/civil-date';
import { OneOffTriggers } from '../gas/one-off-triggers';
import { activeManagers, installDeskTriggers } from '../app/setup/desk-triggers';
import { triggerOwnerRefusal } from '../domain/setup/setup-notes';
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
    const locked = underWriteLock(ports, () => runWeeklySummary({
      store: ports.store, mailer: ports.mailer, clock: ports.clock, log, triggerOwner: () => ports.triggers.owner?.()?.email ?? null,
      spreadsheetUrl: () => SpreadsheetApp.getActiveSpreadsheet().getUrl(), properties: ports.properties,
    }, { resend }));
    if (locked.ok) return locked.value;
    log('weekly: another run holds the script lock; this run is skipped');
    return { status: 'locked' };
  } catch (error) {
    // A bug, not bad data (the use case turns that into a result): the detail goes to the log only.
    console.error(error);
    return { status: 'error', message: 'internal' };
  }
}

/** How long a weekly run that found the lock held waits before it tries again. */
export const WEEKLY_RETRY_MS = 30 * 60 * 1000;

/** Time-driven trigger (installed by installWeeklyTrigger): the week that ended last Sunday.
 *  The event object only proves the run is the trigger's; the week comes from the clock. A run
 *  that finds the script lock held tries again 30 minutes later (a one-off trigger), as long as
 *  that is still the same day in the spreadsheet's zone; a week no run got through is sent with
 *  the next week's (run-weekly-summary.ts missedWeek). */
export function weeklySummaryTrigger({ ports }: ScriptContext): WeeklyEntryResult {
  const later = new OneOffTriggers();
  const result = runLocked(ports, false);
  try {
    if (result.status === 'locked') {
      const zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
      const now = ports.clock.now();
      const retry = new Date(now.getTime() + WEEKLY_RETRY_MS);
      if (civilDateIn(retry, zone) === civilDateIn(now, zone)) {
        later.later(WEEKLY_TRIGGER_HANDLER, WEEKLY_RETRY_MS);
        log(`weekly: retry scheduled in ${WEEKLY_RETRY_MS / 60000} minutes`);
      } else {
        log('weekly: no retry today; the week goes with next week\'s');
      }
    } else {
      later.clearLater(WEEKLY_TRIGGER_HANDLER);
    }
  } catch (error) {
    console.error(error);
  }
  return result;
}

/** What a send did, as the menu's toast says it (the catalog's weekly part). */
function resultLine(r: WeeklyEntryResult, lang: Language): string {
  const t = weeklyText(lang);
  const week = 'week' in r && r.week ? `${weekRange(r.week, lang)}: ` : '';
  switch (r.status) {
    case 'sent': return t.sent(week, r.recipients);
    case 'already_sent': return t.alreadySent(week);
    case 'quota_short': return t.quotaShort(week, r.quota ?? 0, r.recipients);
    case 'no_recipients': return t.noRecipients(week);
    case 'locked': return commonText(lang).anotherRun;
    case 'failed': return t.failed(week, r.failure ?? '');
    case 'error': return t.error;
  }
}

function toast(message: string): void {
  // A menu run has a spreadsheet to show it on; elsewhere the log line is enough.
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message);
  } catch {
    log(message);
  }
}

/** Menu / setup (never onOpen, where a simple trigger may not install triggers): installs the
 *  weekly trigger at 設定's day and hour in its time zone, replacing any earlier one, under the
 *  owner rule (src/app/setup/desk-triggers.ts): from another account than the owner of the desk's
 *  triggers, while that owner is an active manager, nothing is installed and the toast says whose. */
export function installWeeklyTrigger(ctx: ScriptContext): { weekday: number; hour: number; timeZone: string; installed: boolean } {
  const { ports } = ctx;
  // 設定 as the caller check just read it.
  const settings = ctx.settings ?? parseSettings(ports.store.read([SETTINGS_TAB.ja, SETTINGS_TAB.en])).settings;
  const spec = weeklyTriggerSpec(settings);
  const outcome = installDeskTriggers(ports.triggers, [spec], { email: ports.user.email(), now: ports.clock.now() }, activeManagers(ports.store));
  const result = { weekday: spec.weekday ?? 0, hour: spec.hour ?? 8, timeZone: spec.timeZone ?? settings.timeZone, installed: outcome.refusedFor === null };
  toast(outcome.refusedFor
    ? triggerOwnerRefusal(settings.language, outcome.refusedFor, settings.timeZone)
    : weeklyText(settings.language).installed(result.weekday, result.hour, result.timeZone));
  return result;
}

/** Menu: sends last week's summary now, even if it was sent (the resend of the issue). */
export function sendWeeklySummaryNow({ ports }: ScriptContext): WeeklyEntryResult {
  const result = runLocked(ports, true);
  const lang: Language = 'language' in result ? result.language : 'ja';
  toast(resultLine(result, lang));
  return result;
}

export const WEEKLY_HANDLERS = { weeklySummaryTrigger, installWeeklyTrigger, sendWeeklySummaryNow };
