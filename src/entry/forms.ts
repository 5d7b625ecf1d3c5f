import type { FormAccess, TriggerSpec } from '../app/ports';
import { activeManagers, installDeskTriggers, type TriggerInstall } from '../app/setup/desk-triggers';
import { createSignupFormUseCase } from '../app/signup/create-form';
import { handleSignupSubmit, type SignupSubmitResult } from '../app/signup/submit';
import { syncSignup } from '../app/signup/sync';
import { tallyAllSurveysUseCase } from '../app/survey/tally-surveys';
import { sendEventRemindersUseCase } from '../app/signup/reminders';
import { formatProblem } from '../domain/messages/catalog';
import { SystemClock } from '../gas/clock';
import { FormPropertyBag } from '../gas/form-properties';
import { SheetsTableStore } from '../gas/sheets-table-store';
import { GasSignupForms } from '../gas/form-signup';
import { GasSurveyForms } from '../gas/survey-forms';
import type { GooglePorts } from '../gas/google-ports';
import { underWriteLock } from '../app/shared/write-boundary';
import { MailAppMailer } from '../gas/mail-app-mailer';
import { scriptLock } from '../gas/script-lock';
import type { ScriptContext } from './dispatch';

// Apps Script handlers of the forms feature: menu items, the form-submit trigger and the daily
// trigger. Who may run each (the caller, or a real run of the project's own trigger) is checked
// before they run (src/app/server-calls.ts, src/entry/dispatch.ts). Each calls one use case with
// the ports it was given and turns failures into a short message (menu) or a log line (trigger);
// nothing runs at load time. Only the submit handler has its own store (see there why).
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function formsFor(ss: () => Spreadsheet): GasSignupForms {
  return new GasSignupForms(() => ss().getId());
}

function activeForms(): GasSignupForms {
  return formsFor(() => SpreadsheetApp.getActiveSpreadsheet());
}

/** The daily reminder trigger: 9:00 in the spreadsheet's zone, the same spec setup installs, so
 *  neither undoes the other. */
export const REMINDER_TRIGGER: TriggerSpec = { handler: 'sendEventReminders', kind: 'daily', hour: 9 };
/** The sign-up form's submit trigger (a spreadsheet trigger: every linked form fires it). */
export const SUBMIT_TRIGGER: TriggerSpec = { handler: 'onSignupFormSubmit', kind: 'form_submit' };

/** Installs the form's triggers the caller lacks, under the owner rule (src/app/setup/desk-triggers.ts):
 *  never a second set from another account while the owner is an active manager. */
function installFormTriggers(ports: GooglePorts): TriggerInstall {
  return installDeskTriggers(ports.triggers, [SUBMIT_TRIGGER, REMINDER_TRIGGER], { email: ports.user.email(), now: ports.clock.now() },
    activeManagers(ports.store));
}

type Busy = { readonly busy: true };
const BUSY: Busy = { busy: true };

export interface SignupFormMade {
  readonly formId: string;
  readonly publishedUrl: string;
  readonly created: boolean;
  readonly choices: string[];
  /** Who can answer it (published where Google allows); null when it could not be checked. */
  readonly access: FormAccess | null;
  /** The form's triggers (null when the caller installs them itself: setup). */
  readonly triggers: TriggerInstall | null;
}

/** Creates the form once, links it, publishes it and installs the submit and reminder triggers
 *  (the caller is inside the write boundary: setup calls this under its own lock, with its own
 *  forms adapter and its own trigger install). */
export function createSignupFormLocked_(ports: GooglePorts, options: { forms?: GasSignupForms; installTriggers?: boolean } = {}): SignupFormMade {
  const forms = options.forms ?? activeForms();
  const result = createSignupFormUseCase({ store: ports.store, props: new FormPropertyBag(), clock: ports.clock, forms });
  let access: FormAccess | null = null;
  try {
    access = forms.openToRespondents(result.formId);
  } catch (error) {
    console.error(error);
  }
  const triggers = options.installTriggers === false ? null : installFormTriggers(ports);
  return { ...result, access, triggers };
}

/** Menu: 申込フォームを作成 (a manager). */
export function createSignupForm({ ports }: ScriptContext): SignupFormMade | Busy {
  const locked = underWriteLock(ports, () => createSignupFormLocked_(ports));
  return locked.ok ? locked.value : BUSY;
}

/** Menu: makes the form offer exactly the sessions with a place left (a coordinator or manager). */
export function syncSignupForm({ ports, settings }: ScriptContext): { choices: string[]; accepting: boolean; problems: string[] } | Busy {
  const locked = underWriteLock(ports, () => syncSignup({ store: ports.store, props: new FormPropertyBag(), clock: ports.clock, forms: activeForms() }));
  if (!locked.ok) return BUSY;
  const r = locked.value;
  return { choices: r.choices, accepting: r.accepting, problems: r.problems.map((p) => formatProblem(p, settings?.language ?? 'ja')) };
}

/** Installable spreadsheet trigger: on form submit, already checked to be a real run of it from
 *  the sign-up form's response tab. `e.source` is the spreadsheet, so no lookup. */
export function onSignupFormSubmit({ triggerEvent: e }: ScriptContext): SignupSubmitResult {
  const source = (e as { source?: Spreadsheet } | null)?.source;
  const ss = source ?? SpreadsheetApp.getActiveSpreadsheet();
  return handleSignupSubmit({
    store: new SheetsTableStore(() => ss), props: new FormPropertyBag(), clock: new SystemClock(), lock: scriptLock(), mailer: new MailAppMailer(), forms: formsFor(() => ss),
  }, e);
}

/** Menu (a coordinator or manager) and a clock trigger: writes アンケート集計. */
export function tallyAllSurveys({ ports, settings }: ScriptContext): { surveys: number; problems: string[] } | Busy {
  const locked = underWriteLock(ports, () => tallyAllSurveysUseCase(ports.store, new GasSurveyForms(() => SpreadsheetApp.getActiveSpreadsheet())));
  if (!locked.ok) return BUSY;
  return { surveys: locked.value.tallies.length, problems: locked.value.problems.map((p) => formatProblem(p, settings?.language ?? 'ja')) };
}

/** Daily trigger (or a manager by hand): reminders for tomorrow's sessions, then a form sync. */
export function sendEventReminders({ ports }: ScriptContext): { date: string; sent: number } | Busy {
  const locked = underWriteLock(ports, () => sendEventRemindersUseCase({
    store: ports.store, props: new FormPropertyBag(), kv: ports.properties, clock: ports.clock, mailer: ports.mailer, forms: activeForms(),
  }));
  return locked.ok ? { date: locked.value.date, sent: locked.value.sent } : BUSY;
}

export const FORMS_HANDLERS = { createSignupForm, syncSignupForm, onSignupFormSubmit, tallyAllSurveys, sendEventReminders };
