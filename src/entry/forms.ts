import type { TriggerSpec, Triggers } from '../app/ports';
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

/** Installs `spec` unless a trigger with its handler exists (one installed by setup or by hand is kept). */
function installOnce(triggers: Triggers, spec: TriggerSpec): void {
  if (!triggers.list().some((t) => t.handler === spec.handler)) triggers.replace(spec);
}

/** The daily reminder trigger: 9:00 in the spreadsheet's zone, the same spec setup installs, so
 *  neither undoes the other. */
const REMINDER_TRIGGER: TriggerSpec = { handler: 'sendEventReminders', kind: 'daily', hour: 9 };

type Busy = { readonly busy: true };
const BUSY: Busy = { busy: true };

/** Creates the form once, links it, installs the submit and reminder triggers (the caller is
 *  inside the write boundary: setup calls this under its own lock). */
export function createSignupFormLocked_(ports: GooglePorts): { formId: string; publishedUrl: string; created: boolean; choices: string[] } {
  const result = createSignupFormUseCase({ store: ports.store, props: new FormPropertyBag(), clock: ports.clock, forms: activeForms() });
  installOnce(ports.triggers, { handler: 'onSignupFormSubmit', kind: 'form_submit' });
  installOnce(ports.triggers, REMINDER_TRIGGER);
  return result;
}

/** Menu: 申込フォームを作成 (a manager). */
export function createSignupForm({ ports }: ScriptContext): { formId: string; publishedUrl: string; created: boolean; choices: string[] } | Busy {
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
  const locked = underWriteLock(ports, () => tallyAllSurveysUseCase(ports.store));
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
