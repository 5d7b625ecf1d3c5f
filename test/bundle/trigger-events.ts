import vm from 'node:vm';
import type { LoadedBundle } from './harness';

// Trigger runs as Apps Script makes them: a trigger installed in the project (through the fake
// ScriptApp of the bundle's realm, as setup or a person would install it) and the event object
// Apps Script hands its handler, with that trigger's triggerUid. A forged event is the same
// shape with a triggerUid the project does not have.
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

const SPREADSHEET_EVENT = { form_submit: 'onFormSubmit', edit: 'onEdit', change: 'onChange' } as const;

/** Installs a trigger for `handler` (a clock trigger, or the spreadsheet's form submit, edit or
 *  change) and returns its unique ID. The bundle's call log is reset afterwards. */
export function installTrigger(bundle: LoadedBundle, handler: string, kind: 'clock' | keyof typeof SPREADSHEET_EVENT = 'clock'): string {
  const builder = kind === 'clock'
    ? `ScriptApp.newTrigger(${JSON.stringify(handler)}).timeBased().everyDays(1).atHour(9).create()`
    : `ScriptApp.newTrigger(${JSON.stringify(handler)}).forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).${SPREADSHEET_EVENT[kind]}().create()`;
  const uid = vm.runInContext(`${builder}.getUniqueId()`, bundle.context) as string;
  bundle.log.reset();
  return uid;
}

/** The unique ID of the installed trigger of `handler` (the first, when there are several). */
export function triggerUidOf(bundle: LoadedBundle, handler: string): string {
  const t = bundle.fakes!.triggers.installed().find((i) => i.handler === handler);
  if (!t) throw new Error(`no installed trigger runs ${handler}`);
  return t.uniqueId;
}

/** A time-driven trigger's event (its documented fields), for the trigger `triggerUid`. */
export function clockEvent(triggerUid: string, at = new Date('2016-04-03T23:00:00Z')): Record<string, unknown> {
  return {
    authMode: 'FULL', 'day-of-month': at.getUTCDate(), 'day-of-week': ((at.getUTCDay() + 6) % 7) + 1, hour: at.getUTCHours(),
    minute: at.getUTCMinutes(), month: at.getUTCMonth() + 1, second: 0, timezone: 'UTC', triggerUid, 'week-of-year': 14,
    year: at.getUTCFullYear(),
  };
}

/** What Forms does on a submit: the answers as a new row of the response tab, and the event the
 *  spreadsheet's form-submit trigger receives (namedValues, values, the row's live Range, the
 *  live Spreadsheet, the trigger's ID). */
export function formSubmitEvent(sheet: GSheet, namedValues: Record<string, string[]>, triggerUid: string): Record<string, unknown> {
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const values = header.map((h) => (namedValues[h] ?? []).join(', '));
  sheet.appendRow(values);
  const row = sheet.getLastRow();
  return {
    authMode: 'FULL', namedValues, values, range: sheet.getRange(row, 1, 1, header.length), source: sheet.getParent(), triggerUid,
  };
}

/** What Sheets does on a person's edit: the cells take the values (through the fake's own API,
 *  which fires nothing), and the event the installable on-edit trigger receives (the edited
 *  range, live; the spreadsheet; the trigger's ID). For one cell typed, its `value` and — only
 *  when it held something — its `oldValue` ("undefined if the cell had no previous content");
 *  for a range, or one cell `pasted`, neither (Sheets says nothing of a paste's cells). */
export function editEvent(
  sheet: GSheet, row: number, column: number, values: unknown[][], triggerUid: string, how: 'typed' | 'pasted' = 'typed',
): Record<string, unknown> {
  const range = sheet.getRange(row, column, values.length, values[0]?.length ?? 1);
  const typed = how === 'typed' && values.length === 1 && values[0]?.length === 1;
  const before: unknown = typed ? range.getValue() : undefined;
  range.setValues(values);
  const held = before !== undefined && before !== null && before !== '';
  return {
    authMode: 'FULL', range, source: sheet.getParent(), triggerUid, user: { email: 'someone@example.org' },
    ...(typed ? { value: String(values[0]?.[0]) } : {}),
    ...(held ? { oldValue: String(before) } : {}),
  };
}

/** The event of the installable on-change trigger: what kind of change, not where. */
export function changeEvent(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, changeType: string, triggerUid: string): Record<string, unknown> {
  return { authMode: 'FULL', changeType, source: ss, triggerUid, user: { email: 'someone@example.org' } };
}
