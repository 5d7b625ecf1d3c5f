import type { FormAccess, TriggerSpec } from '../app/ports';
import { activeManagers, installDeskTriggers, type TriggerInstall } from '../app/setup/desk-triggers';
import { createSignupFormUseCase } from '../app/signup/create-form';
import { handleSignupSubmit, type SignupSubmitResult } from '../app/signup/submit';
import { syncSignup } from '../app/signup/sync';
import { tallyAllSurveysUseCase } from '../app/survey/tally-surveys';
import { runNightlySurveys, type NightlySurveyResult } from '../app/survey/nightly-surveys';
import { nightlyFollowUps } from '../app/follow-ups/follow-hand-edits';
import { DAILY_LOCK_MS, sendEventRemindersUseCase } from '../app/signup/reminders';
import { OneOffTriggers } from '../gas/one-off-triggers';
import { SheetsResponseTabs, submittedAtOf } from '../gas/signup-response-tab';
import { formatProblem } from '../domain/messages/catalog';
import { SystemClock } from '../gas/clock';
import { FormPropertyBag } from '../gas/form-properties';
import { SheetsTableStore } from '../gas/sheets-table-store';
import { GasSignupForms } from '../gas/form-signup';
import { GasSurveyForms } from '../gas/survey-forms';
import type { GooglePorts } from '../gas/google-ports';
import { underWriteLock } from '../app/shared/write-boundary';
import { rebuildCandidateIndexLocked } from '../app/matching/candidate-index';
import { MEMBER_SEARCH } from '../app/members/member-search-index';
import { JOB_SEARCH } from '../app/matching/job-search-index';
import { rebuildKeyTabLocked, type FoldedKeyTab } from '../app/shared/folded-key-tab';
import { readSettings } from '../app/shared/call-context';
import { MailAppMailer } from '../gas/mail-app-mailer';
import { scriptLock } from '../gas/script-lock';
import type { ScriptContext } from './dispatch';
import { recountStoredHeadline } from '../app/weekly/headline-recount';
import { parseSettings } from '../domain/settings';
import { SETTINGS_TAB, tabNames } from '../domain/schema/tabs';
import { civilDateIn, civilDateTimeIn } from '../domain/civil-date';

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
  const locked = underWriteLock(ports, () => syncSignup({ store: ports.store, props: new FormPropertyBag(), clock: ports.clock, forms: activeForms(), log }));
  if (!locked.ok) return BUSY;
  const r = locked.value;
  return { choices: r.choices, accepting: r.accepting, problems: r.problems.map((p) => formatProblem(p, settings?.language ?? 'ja')) };
}

const RECHECKED: Readonly<Record<'ja' | 'en', (taken: number) => string>> = {
  ja: (n) => (n === 0 ? '申込はフォームの回答とそろっています。' : `フォームの回答 ${n} 件を申込に取り込みました。`),
  en: (n) => (n === 0 ? 'Registrations hold every answer of the form.' : `${n} answers of the form were added to Registrations.`),
};

/** Menu 申込を再確認 (a coordinator or manager): every answer of the form's response tab that 申込
 *  does not hold yet is taken, in order (the daily trigger does the same), then the form is synced. */
export function recheckSignups({ ports, settings }: ScriptContext): { taken: number; choices: string[]; problems: string[] } | Busy {
  const ss = (): Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();
  const locked = underWriteLock(ports, () => syncSignup({
    store: ports.store, props: new FormPropertyBag(), clock: ports.clock, forms: activeForms(), responses: new SheetsResponseTabs(ss), mailer: ports.mailer, log,
  }), DAILY_LOCK_MS);
  const lang = settings?.language ?? 'ja';
  if (!locked.ok) return BUSY;
  const r = locked.value;
  try {
    ss().toast(RECHECKED[lang](r.taken));
  } catch {
    // No UI (the editor's Run): the answer is enough.
  }
  return { taken: r.taken, choices: r.choices, problems: r.problems.map((p) => formatProblem(p, lang)) };
}

function log(line: string): void {
  console.log(line);
}

/** Installable spreadsheet trigger: on form submit, already checked to be a real run of it from
 *  the sign-up form's response tab. `e.source` is the spreadsheet, so no lookup. The answer's
 *  time is read from its own row (the event's range): the sync recognises it by that second. */
export function onSignupFormSubmit({ triggerEvent: e }: ScriptContext): SignupSubmitResult {
  const source = (e as { source?: Spreadsheet } | null)?.source;
  const ss = source ?? SpreadsheetApp.getActiveSpreadsheet();
  let submittedAt: string | null = null;
  try {
    submittedAt = submittedAtOf((e as { range: GoogleAppsScript.Spreadsheet.Range }).range, ss.getSpreadsheetTimeZone());
  } catch (error) {
    console.warn(`signup: the answer's row could not be read (${String(error).slice(0, 120)}); its text time is used`);
  }
  return handleSignupSubmit({
    store: new SheetsTableStore(() => ss), props: new FormPropertyBag(), clock: new SystemClock(), lock: scriptLock(), mailer: new MailAppMailer(), forms: formsFor(() => ss), log,
  }, e, submittedAt);
}

/** The nightly survey trigger: tallies the surveys with new answers and mails each survey with
 *  answers its last mail lacked (src/app/survey/nightly-surveys.ts). Setup installs it; the same
 *  spec everywhere, so neither undoes the other. */
export const SURVEY_TRIGGER: TriggerSpec = { handler: 'tallyAllSurveys', kind: 'nightly', hour: 5 };

/** What the nightly run answers: what it did, or that another run held the lock (nothing sent). */
export type NightlySurveyAnswer = NightlySurveyResult | (Busy & { readonly sent: 0 });

/** Menu (a coordinator or manager): writes アンケート集計. As the nightly trigger (a real run of
 *  it, checked before this runs): the nightly survey run, tally and mails. A night that finds the
 *  lock busy writes and sends nothing and says so in the log; the next night sends what is due. */
export function tallyAllSurveys({ ports, settings, triggerEvent }: ScriptContext): { surveys: number; problems: string[] } | NightlySurveyAnswer | Busy {
  const forms = new GasSurveyForms(() => SpreadsheetApp.getActiveSpreadsheet());
  if (triggerEvent !== undefined) {
    const night = underWriteLock(ports, () => runNightlySurveys({
      store: ports.store, mailer: ports.mailer, clock: ports.clock, props: new FormPropertyBag(), forms, log,
    }));
    // The same night: the candidate index rebuilt from the tabs (what a person typed into 会員
    // since yesterday), under its own lock (src/app/matching/candidate-index.ts).
    const index = rebuildCandidateIndexLocked(ports);
    log(index ? `candidate index: ${index.members} members, ${index.chars} characters` : 'candidate index: another run holds the script lock; the first ranking tomorrow rebuilds it');
    nightlyHeadline(ports);
    nightlyKeyTab(ports, MEMBER_SEARCH, 'member search keys', '会員');
    nightlyKeyTab(ports, JOB_SEARCH, 'job search keys', '仕事');
    // 継続支援's stored list, rebuilt as of today (src/app/follow-ups/keep-list.ts): under its own
    // hold of the lock, so a failing rebuild never costs the surveys' mails, nor they it.
    try {
      const list = underWriteLock(ports, () => nightlyFollowUps(ports.store, ports.clock, ports.properties));
      log(list.ok ? `follow-ups: ${list.value.rows} members on the stored list` : 'follow-ups: another run holds the script lock; the list is rebuilt the next night');
    } catch (error) {
      log(`follow-ups: the list could not be rebuilt (${String(error).slice(0, 120)}); the panel says how old it is`);
    }
    if (night.ok) return night.value;
    log('survey: another run holds the script lock; nothing tallied or mailed tonight (the next night sends what is due)');
    return { busy: true, sent: 0 };
  }
  const locked = underWriteLock(ports, () => tallyAllSurveysUseCase(ports.store, forms));
  if (!locked.ok) return BUSY;
  return { surveys: locked.value.tallies.length, problems: locked.value.problems.map((p) => formatProblem(p, settings?.language ?? 'ja')) };
}

/** The nightly recount of the sidebar's stored 今週 figures (src/app/weekly/headline-recount.ts),
 *  under its own turn of the lock: a difference from the figures the writes kept is logged. */
function nightlyHeadline(ports: ScriptContext['ports']): void {
  try {
    const settings = parseSettings(ports.store.read(tabNames(SETTINGS_TAB))).settings;
    const now = civilDateTimeIn(ports.clock.now(), settings.timeZone);
    const done = underWriteLock(ports, () => recountStoredHeadline(ports.store, ports.properties, settings, now, log));
    if (!done.ok) log('headline: another run holds the script lock; the 今週 figures stay as they were (the sidebar says how old they are)');
  } catch (error) {
    log(`headline: the recount failed (${String(error).slice(0, 120)}); the 今週 figures stay as they were`);
  }
}

/**
 * A picker's folded keys rebuilt (src/app/shared/folded-key-tab.ts: _会員検索 from 会員,
 * _仕事検索 from 仕事 and 業務提供先): what no trigger saw (a center's own script writing those
 * tabs) is in tomorrow's searches. Under its own turn of the lock; `what` names it in the log.
 */
function nightlyKeyTab(ports: ScriptContext['ports'], spec: FoldedKeyTab, what: string, source: string): void {
  try {
    const today = civilDateIn(ports.clock.now(), readSettings(ports.store).timeZone);
    const rows = rebuildKeyTabLocked(spec, { store: ports.store, props: ports.properties, lock: ports.lock }, today);
    log(rows === null ? `${what}: another run holds the script lock (or there is no ${source}); the first search rebuilds them` : `${what}: ${rows} rows`);
  } catch (error) {
    log(`${what}: the rebuild failed (${String(error).slice(0, 120)}); the first search rebuilds them`);
  }
}

/** Daily trigger (or a manager by hand): the sync (answers the submit trigger missed are taken,
 *  the form synced), then reminders for tomorrow's sessions in batches, each under the lock. A run
 *  that finds the lock busy tries again in 15 minutes (a one-off trigger). */
export function sendEventReminders({ ports, triggerEvent }: ScriptContext): { date: string; sent: number; taken: number } | Busy {
  const ss = (): Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();
  const later = new OneOffTriggers();
  if (triggerEvent !== undefined) later.clearLater(REMINDER_TRIGGER.handler);
  const r = sendEventRemindersUseCase({
    store: ports.store, props: new FormPropertyBag(), clock: ports.clock, lock: ports.lock, mailer: ports.mailer, forms: activeForms(),
    responses: new SheetsResponseTabs(ss), later, log,
  });
  if (r.busy) {
    if (triggerEvent !== undefined) later.later(REMINDER_TRIGGER.handler, 15 * 60 * 1000);
    return BUSY;
  }
  return { date: r.date, sent: r.sent, taken: r.taken };
}

export const FORMS_HANDLERS = { createSignupForm, syncSignupForm, recheckSignups, onSignupFormSubmit, tallyAllSurveys, sendEventReminders };
