import { closeLastMonth as closeLast, reopenLastClose as reopenLast, writeLastYearStats, type MenuAnswer } from '../app/work/menu-close';
import type { WorkContext } from '../app/work/record-work';
import { civilDateIn, civilDateTimeIn } from '../domain/civil-date';
import { commonText } from '../domain/messages/catalog';
import { parseSettings, type Settings } from '../domain/settings';
import { SETTINGS_TAB } from '../domain/schema/tabs';
import type { ScriptContext } from './dispatch';

// Apps Script handlers of the manager's menu items for work records (issue 13): 月次締め（先月）,
// 月次締めを再開, 年度統計を書き出す. Each is let in only for an active manager (src/app/server-calls.ts),
// calls one use case under the write boundary (src/app/work/menu-close.ts) and shows its sentence
// as a toast. Statements as PDF in Drive are not made here: that needs the Drive scope (README).

function toast(message: string): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message);
  } catch {
    console.log(message);
  }
}

function contextOf({ ports, settings }: ScriptContext): { settings: Settings; ctx: WorkContext; today: string; busy: string } {
  const s = settings ?? parseSettings(ports.store.read([SETTINGS_TAB.ja, SETTINGS_TAB.en])).settings;
  const now = ports.clock.now();
  return {
    settings: s,
    ctx: { lang: s.language, now: civilDateTimeIn(now, s.timeZone), user: ports.user.email() },
    today: civilDateIn(now, s.timeZone),
    busy: commonText(s.language).anotherRun,
  };
}

function shown<T extends MenuAnswer>(answer: T): T {
  toast(answer.message);
  return answer;
}

/** Menu 月次締め（先月）: closes the month before this one. */
export function closeLastMonth(sc: ScriptContext): MenuAnswer {
  const { ctx, today, busy } = contextOf(sc);
  return shown(closeLast({ store: sc.ports.store, lock: sc.ports.lock }, ctx, today, busy));
}

/** Menu 月次締めを再開: reopens the month closed last. */
export function reopenLastClose(sc: ScriptContext): MenuAnswer {
  const { ctx, busy } = contextOf(sc);
  return shown(reopenLast({ store: sc.ports.store, lock: sc.ports.lock }, ctx, busy));
}

/** Menu 年度統計を書き出す: the last finished fiscal year into 年度統計. */
export function writeAnnualStats(sc: ScriptContext): MenuAnswer {
  const { settings, ctx, today, busy } = contextOf(sc);
  return shown(writeLastYearStats({ store: sc.ports.store, lock: sc.ports.lock }, ctx, today, settings.fiscalYearStartMonth, busy));
}

export const WORK_HANDLERS = { closeLastMonth, reopenLastClose, writeAnnualStats };
