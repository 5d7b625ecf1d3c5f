import type { ResponseTabs } from '../app/signup/sync';
import { civilDateTimeIn } from '../domain/civil-date';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The edit ID in a form URL (`…/forms/d/<id>/…`), as the submit's caller check reads it (entry/trigger-runs.ts). */
function formIdOfUrl(url: string): string | null {
  const m = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(url);
  return m && m[1] !== 'e' ? m[1] ?? null : null;
}

/** The sign-up form's response tab: the tab whose Sheet.getFormUrl names the form (one handle
 *  call per tab; for the sync, not for every submit). */
export class SheetsResponseTabs implements ResponseTabs {
  constructor(private readonly ss: () => Spreadsheet) {}

  tabOf(formId: string): string | null {
    for (const sheet of this.ss().getSheets()) {
      const url = sheet.getFormUrl();
      if (url && formIdOfUrl(url) === formId) return sheet.getName();
    }
    return null;
  }
}

/** The answer's time as its response row holds it (the first cell: Forms' timestamp), as
 *  `YYYY-MM-DDTHH:MM:SS` in the spreadsheet's zone; null when the cell is not a date. One read
 *  of the event's one-row range. */
export function submittedAtOf(range: GoogleAppsScript.Spreadsheet.Range, timeZone: string): string | null {
  const first = range.getValues()[0]?.[0];
  return Object.prototype.toString.call(first) === '[object Date]' ? civilDateTimeIn(first as Date, timeZone) : null;
}
