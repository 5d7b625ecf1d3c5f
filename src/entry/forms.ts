import { createSignupFormUseCase } from '../app/signup-create-form';
import { handleSignupSubmit, type SignupSubmitResult } from '../app/signup-submit';
import { syncSignup } from '../app/signup-sync';
import { tallyAllSurveysUseCase } from '../app/tally-survey';
import { sendEventRemindersUseCase } from '../app/reminders';
import { formatProblem } from '../domain/messages/catalog';
import { documentKeyValues, FormPropertyBag } from '../gas/form-properties';
import { ensureDailyTrigger, ensureFormSubmitTrigger, mailApp, scriptLock, systemClock } from '../gas/form-services';
import { FormSheetStore } from '../gas/form-sheet-store';
import { GasSignupForms } from '../gas/form-signup';

// Apps Script entry points of the forms feature: menu items, the form-submit trigger and the
// daily trigger. Each builds its ports, calls one use case and turns failures into a short
// message (menu) or a log line (trigger); nothing runs at load time.
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function active(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

function formsFor(ss: () => Spreadsheet): GasSignupForms {
  return new GasSignupForms(() => ss().getId());
}

/** Menu: 申込フォームを作成. Creates the form once, links it, installs the submit trigger. */
export function createSignupForm(): { formId: string; publishedUrl: string; created: boolean; choices: string[] } {
  const ss = active();
  const store = new FormSheetStore(ss);
  const result = createSignupFormUseCase({ store, props: new FormPropertyBag(), clock: systemClock, forms: formsFor(() => ss) });
  ensureFormSubmitTrigger('onSignupFormSubmit', ss);
  ensureDailyTrigger({ handler: 'sendEventReminders', kind: 'daily', hour: 9 });
  return result;
}

/** Menu / daily: makes the form offer exactly the sessions with a place left. */
export function syncSignupForm(): { choices: string[]; accepting: boolean; problems: string[] } {
  const ss = active();
  const r = syncSignup({ store: new FormSheetStore(ss), props: new FormPropertyBag(), clock: systemClock, forms: formsFor(() => ss) });
  return { choices: r.choices, accepting: r.accepting, problems: r.problems.map((p) => formatProblem(p, 'ja')) };
}

/** Installable spreadsheet trigger: on form submit. `e.source` is the spreadsheet, so no lookup. */
export function onSignupFormSubmit(e: unknown): SignupSubmitResult {
  const source = (e as { source?: Spreadsheet } | null)?.source;
  const ss = source ?? active();
  return handleSignupSubmit({
    store: new FormSheetStore(ss), props: new FormPropertyBag(), clock: systemClock, lock: scriptLock(), mailer: mailApp(), forms: formsFor(() => ss),
  }, e);
}

/** Menu and nightly trigger: writes アンケート集計. */
export function tallyAllSurveys(): { surveys: number; problems: string[] } {
  const r = tallyAllSurveysUseCase(new FormSheetStore(active()));
  return { surveys: r.tallies.length, problems: r.problems.map((p) => formatProblem(p, 'ja')) };
}

/** Daily trigger: reminders for tomorrow's sessions, then a form sync. */
export function sendEventReminders(): { date: string; sent: number } {
  const ss = active();
  const r = sendEventRemindersUseCase({
    store: new FormSheetStore(ss), props: new FormPropertyBag(), kv: documentKeyValues(), clock: systemClock, mailer: mailApp(), forms: formsFor(() => ss),
  });
  return { date: r.date, sent: r.sent };
}
