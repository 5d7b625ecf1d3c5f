import type { FormAccess, KeyValueStore, TriggerSpec } from '../app/ports';
import { openToRespondents } from '../gas/form-signup';
import { handleWorkReportSubmit, type WorkReportResult } from '../app/work/work-report-submit';
import { recheckWorkReports as recheckWorkReports_, type RecheckWorkReportsResult } from '../app/work/work-report-recheck';
import { commonText, workReportRecheckText } from '../domain/messages/catalog';
import { SETTINGS_TAB, tabNames } from '../domain/schema/tabs';
import { parseSettings } from '../domain/settings';
import { SheetsResponseTabs } from '../gas/signup-response-tab';
import type { Settings } from '../domain/settings';
import { workReportFormSpec } from '../domain/work/report-form';
import { SystemClock } from '../gas/clock';
import { SheetsTableStore } from '../gas/sheets-table-store';
import { scriptLock } from '../gas/script-lock';
import { createWorkReportForm } from '../gas/work-report-form';
import { DocumentProperties } from '../gas/document-properties';
import type { ScriptContext } from './dispatch';
import { formIdOfUrl } from './trigger-runs';

// The monthly 就業報告 form on Google (forms.md "就業報告"): setup makes it once, next to the
// sign-up form; its own form-submit trigger takes each answer (only from its own response tab:
// dispatch.ts checks that before this runs) into 就業実績, or keeps it 要確認 in 就業報告.

/** Where the form's ID is kept: document properties (one read for the response-tab check). */
export const WORK_REPORT_FORM_KEY = 'ikigai.work_report.form_id';

/** Its submit trigger (a spreadsheet trigger: every linked form fires it; the tab check sorts). */
export const WORK_REPORT_TRIGGER: TriggerSpec = { handler: 'onWorkReportSubmit', kind: 'form_submit' };

/** Makes the form when the desk has none (設定's 就業報告フォームID, or the property of a desk set up
 *  before 設定 kept it) and opens it to respondents as the sign-up form is; its ID and who can
 *  answer it, or null when Forms failed (setup goes on). */
export function ensureWorkReportForm(props: KeyValueStore, settings: Settings): { formId: string; access: FormAccess | null } | null {
  const known = settings.workReportFormId !== '' ? settings.workReportFormId : props.get(WORK_REPORT_FORM_KEY);
  if (known) {
    // The trigger's tab check reads the property (one read a submit): it follows 設定.
    if (props.get(WORK_REPORT_FORM_KEY) !== known) props.set(WORK_REPORT_FORM_KEY, known);
    try {
      return { formId: known, access: openToRespondents(FormApp.openById(known)) };
    } catch (error) {
      // A form deleted or not shared with this account: setup says nothing about it.
      console.error(error);
      return { formId: known, access: null };
    }
  }
  try {
    const made = createWorkReportForm(workReportFormSpec(settings.language, settings.centerName), SpreadsheetApp.getActiveSpreadsheet().getId());
    props.set(WORK_REPORT_FORM_KEY, made.formId);
    return { formId: made.formId, access: made.access };
  } catch (error) {
    console.error(error);
    return null;
  }
}

/** Whether the answer's row is on the 就業報告 form's own response tab (Sheet.getFormUrl, one call). */
export function isWorkReportResponseTab(range: GoogleAppsScript.Spreadsheet.Range): boolean {
  const url = range.getSheet().getFormUrl();
  const formId = new DocumentProperties().get(WORK_REPORT_FORM_KEY) ?? '';
  return url !== null && url !== '' && formId !== '' && formIdOfUrl(url) === formId;
}

/** The form-submit trigger of the 就業報告 form (already checked: a real run, its own tab). */
export function onWorkReportSubmit({ triggerEvent: e, ports }: ScriptContext): WorkReportResult {
  const source = (e as { source?: GoogleAppsScript.Spreadsheet.Spreadsheet } | null)?.source;
  const ss = source ?? SpreadsheetApp.getActiveSpreadsheet();
  return handleWorkReportSubmit({ store: new SheetsTableStore(() => ss), lock: scriptLock(), clock: new SystemClock(), props: ports.properties, log: (l) => console.log(l) }, e);
}

/** Menu 就業報告を再確認 (a coordinator or manager): takes every answer of the form's response tab
 *  that 就業実績 and 就業報告 lack (src/app/work/work-report-recheck.ts) and says how many. */
export function recheckWorkReports({ ports, settings }: ScriptContext): RecheckWorkReportsResult & { message: string } {
  const s = settings ?? parseSettings(ports.store.read(tabNames(SETTINGS_TAB))).settings;
  const formId = s.workReportFormId !== '' ? s.workReportFormId : ports.properties.get(WORK_REPORT_FORM_KEY) ?? '';
  const ss = (): GoogleAppsScript.Spreadsheet.Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();
  const r = recheckWorkReports_(
    { store: ports.store, lock: ports.lock, clock: ports.clock, props: ports.properties, responses: new SheetsResponseTabs(ss) }, formId, ports.user.email(),
  );
  const t = workReportRecheckText(s.language);
  const message = r.ok ? t.done(r.recorded, r.rows, r.kept) : r.code === 'busy' ? commonText(s.language).anotherRun : t.noForm;
  try {
    ss().toast(message);
  } catch {
    // No UI (the editor's Run): the answer is enough.
  }
  return { ...r, message };
}

export const WORK_REPORT_HANDLERS = { onWorkReportSubmit, recheckWorkReports };
