import { closeLastMonth as closeLast, reopenLastClose as reopenLast, writeLastYearStats, type MenuAnswer } from '../app/work/menu-close';
import type { WorkContext } from '../app/work/record-work';
import { closedMonthStatements } from '../app/work/print-statements';
import { civilDateIn, civilDateTimeIn } from '../domain/civil-date';
import { commonText, workCloseText } from '../domain/messages/catalog';
import { parseSettings, type Settings } from '../domain/settings';
import { SETTINGS_TAB } from '../domain/schema/tabs';
import type { ScriptContext } from './dispatch';

// Apps Script handlers of the manager's menu items for work records (issue 13): 月次締め（先月）,
// 月次締めを再開, 年度統計を書き出す. Each is let in only for an active manager (src/app/server-calls.ts),
// calls one use case under the write boundary (src/app/work/menu-close.ts) and shows its sentence
// as a toast. 配分金明細を印刷 opens a print dialog instead of writing PDFs into Drive, which
// would need a Drive scope (README): the browser's print screen saves the PDF.

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

/** Dialog size: an A4 page (210 mm ≈ 794 px) with room for the scroll bar. */
const PRINT_DIALOG = { width: 860, height: 640 };

/** Menu 配分金明細を印刷（締めた月）: the month closed last, in a print dialog; the dialog's member
 *  range choice calls it again with the range's first member (1-based). Reads only. */
export function printClosedStatements(sc: ScriptContext, first?: number): { ok: boolean; message: string; first?: number; count?: number; total?: number } {
  const { settings, today } = contextOf(sc);
  const r = closedMonthStatements(sc.ports.store, settings.language, today, first ?? 1, 'printClosedStatements');
  if (!r.ok) {
    toast(r.message);
    return r;
  }
  const html = HtmlService.createHtmlOutput(r.html).setWidth(PRINT_DIALOG.width).setHeight(PRINT_DIALOG.height);
  SpreadsheetApp.getUi().showModalDialog(html, workCloseText(settings.language).printTitle(r.month));
  return { ok: true, message: '', first: r.first, count: r.count, total: r.total };
}

export const WORK_HANDLERS = { closeLastMonth, reopenLastClose, writeAnnualStats, printClosedStatements };
