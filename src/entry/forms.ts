import * as z from 'zod';
import { cancelRegistrationUseCase, type CancelResult } from '../app/signup-cancel';
import { openContext, readSettings } from '../app/sidebar-context';
import { ApiError } from '../app/sidebar-error';
import { sidebarMessage } from '../app/sidebar-messages';
import type { ApiResult } from '../app/sidebar-types';
import type { Language } from '../domain/enums';
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

/** Sidebar (google.script.run): cancels a registration and promotes the first waitlisted person.
 *  Same rules as the sidebar's other writes: an active coordinator, the lock, an audit row. */
export function cancelRegistration(registrationId: unknown): ApiResult<CancelResult> {
  const ss = active();
  const store = new FormSheetStore(ss);
  let lang: Language = 'ja';
  try {
    const id = z.string().trim().min(1).max(40).parse(registrationId);
    const settings = readSettings(store);
    lang = settings.language;
    const lock = scriptLock();
    const ctx = openContext({ store, lock, clock: systemClock, user: { email: () => Session.getActiveUser().getEmail() }, props: documentKeyValues() }, settings, 'write');
    if (!lock.tryLock(5000)) throw new ApiError('busy');
    try {
      return { ok: true, data: cancelRegistrationUseCase({ store, props: new FormPropertyBag(), clock: systemClock, mailer: mailApp(), forms: formsFor(() => ss) }, ctx, id) };
    } finally {
      lock.release();
    }
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, code: error.code, message: sidebarMessage(error.code, lang, error.params) };
    if (error instanceof z.ZodError) return { ok: false, code: 'bad_input', message: sidebarMessage('bad_input', lang, { detail: 'registration_id' }) };
    console.error(error);
    return { ok: false, code: 'internal', message: sidebarMessage('internal', lang) };
  }
}
