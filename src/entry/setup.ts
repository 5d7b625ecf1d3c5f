import { runSetup as runSetupUseCase, type SetupResult } from '../app/setup/run-setup';
import { TREND_CHART, TREND_TAB } from '../domain/weekly/trend-tab';
import { commonText, menuText, setupText, type MenuText } from '../domain/messages/catalog';
import type { TriggerSpec } from '../app/ports';
import type { Language } from '../domain/enums';
import type { InitialSettings } from '../domain/setup/initial-settings';
import { allSetupTabs } from '../domain/setup/output-tabs';
import { parseSettings, type Settings } from '../domain/settings';
import { SETTINGS_TAB, tabNames } from '../domain/schema/tabs';
import type { GooglePorts } from '../gas/google-ports';
import { underWriteLock } from '../app/shared/write-boundary';
import { SheetsSetupSurface } from '../gas/sheets-setup-surface';
import { setupDialogHtml, dialogTitle } from '../setup-dialog/dialog-html';
import { weeklyTriggerSpec } from '../triggers/weekly-trigger';
import { createSignupFormLocked_, REMINDER_TRIGGER, SUBMIT_TRIGGER, SURVEY_TRIGGER } from './forms';
import { ensureWorkReportForm, WORK_REPORT_FORM_KEY, WORK_REPORT_TRIGGER } from './work-report';
import { GasSignupForms } from '../gas/form-signup';
import { setupNotes } from '../domain/setup/setup-notes';
import { LANGUAGE_PROPERTY, rememberedLanguage } from '../gas/center-language';
import { CACHE_TRIGGERS } from './cache-triggers';
import type { ScriptContext } from './dispatch';

// Apps Script handlers of setup: the menu (onOpen/onInstall), 初期設定, and the first-run
// dialog's server call. onOpen only builds the menu: in AuthMode.NONE (an add-on not yet used in
// this document) it may read nothing, so its language comes from a document property that
// setup writes, and only when Apps Script allows reading it. 初期設定 and the dialog are for an
// active manager, or for anyone before the desk has one (the bootstrap rule: checked before
// they run, src/app/shared/authorize.ts checkSetupCaller).


/** The menu's functions in the order it lists them (captions: the catalog's menu part). */
const MENU_ITEMS: readonly (keyof MenuText['items'])[] = [
  'showSidebar', 'runSetup', 'sendWeeklySummaryNow', 'syncSignupForm', 'recheckSignups', 'recheckWorkReports', 'tallyAllSurveys', 'closeLastMonth', 'reopenLastClose', 'writeAnnualStats',
  'printClosedStatements', 'rebuildCandidateIndex',
];

interface OpenEvent { authMode?: unknown }

function menuLanguage(e: OpenEvent | undefined): Language {
  // ScriptApp.AuthMode.NONE: no properties, no sheets. Japanese is the default.
  if (e && String(e.authMode) === 'NONE') return 'ja';
  return rememberedLanguage();
}

export function onOpen(e?: unknown): void {
  const menu = menuText(menuLanguage(typeof e === 'object' && e !== null ? e as OpenEvent : undefined));
  const ui = SpreadsheetApp.getUi().createMenu(menu.title);
  for (const fn of MENU_ITEMS) ui.addItem(menu.items[fn], fn);
  ui.addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** The triggers a set-up desk runs on: the weekly summary at 設定's day and hour, the daily
 *  reminders, the nightly survey run, the form-submit trigger once there is a sign-up form, and the desk cache's edit and
 *  change triggers (cache-triggers.ts). Setup installs them all itself, under the owner rule
 *  (src/app/setup/desk-triggers.ts). */
function desiredTriggers(settings: Settings, workReportForm: boolean): TriggerSpec[] {
  return [weeklyTriggerSpec(settings), REMINDER_TRIGGER, SURVEY_TRIGGER, ...(settings.signupFormId !== '' ? [SUBMIT_TRIGGER] : []),
    ...(workReportForm ? [WORK_REPORT_TRIGGER] : []), ...CACHE_TRIGGERS];
}

function setUp(ports: GooglePorts, initial?: InitialSettings): SetupResult | null {
  const locked = underWriteLock(ports, () => setUpLocked(ports, initial));
  return locked.ok ? locked.value : null;
}

function setUpLocked(ports: GooglePorts, initial?: InitialSettings): SetupResult {
  const ss = (): GoogleAppsScript.Spreadsheet.Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();
  // One forms adapter for the run: a form it creates is checked without opening it again.
  const forms = new GasSignupForms(() => ss().getId());
  const result = runSetupUseCase(
    { surface: new SheetsSetupSurface(ss), store: ports.store, properties: ports.properties, user: ports.user, clock: ports.clock, triggers: ports.triggers },
    {
      tabs: allSetupTabs(), ...(initial ? { initial } : {}), triggers: (s) => desiredTriggers(s, (ports.properties.get(WORK_REPORT_FORM_KEY) ?? '') !== ''),
      charts: [{ tab: TREND_TAB, spec: TREND_CHART }],
      // The monthly 就業報告 form, next to the sign-up form (made once; Forms failing stops nothing).
      ensureWorkReportForm: (s) => ensureWorkReportForm(ports.properties, s),
      ensureSignupForm: () => {
        // The form is one step of many: if Forms fails, the tabs and triggers still get set up,
        // and the next 初期設定 (or 申込フォームを作成) tries the form again.
        try {
          return createSignupFormLocked_(ports, { forms, installTriggers: false }).formId;
        } catch (error) {
          console.error(error);
          return null;
        }
      },
      signupFormAccess: (formId) => {
        try {
          return forms.openToRespondents(formId);
        } catch (error) {
          // A form deleted or not shared with this account: setup says nothing about it.
          console.error(error);
          return null;
        }
      },
    },
  );
  if (ports.properties.get(LANGUAGE_PROPERTY) !== result.language) ports.properties.set(LANGUAGE_PROPERTY, result.language);
  // Setup writes header rows through its own surface (new tabs, missing columns), which the store
  // never sees, and script writes fire no on-edit trigger: the desk cache goes here.
  if (result.changed) ports.deskCache.invalidate();
  return result;
}

/** What setup did, in the language it set (or, when another run held the lock, `lang`). */
function summary(result: SetupResult | null, lang: Language): string {
  if (result === null) return commonText(lang).anotherRun;
  const t = setupText(result.language);
  const head = result.changed ? t.done(result.created.length, result.columnsAdded.length, result.triggersInstalled.length) : t.unchanged;
  // Who can answer the sign-up form, and whose the triggers are (src/domain/setup/setup-notes.ts).
  return [head, ...setupNotes(result)].join('\n');
}

/** Menu: 初期設定. The first time (no center name yet) it asks in a dialog; afterwards it runs. */
export function runSetup(ctx: ScriptContext): { dialog: boolean; message: string } {
  const { ports } = ctx;
  // 設定 as the caller check just read it.
  const settings = ctx.settings ?? parseSettings(ports.store.read(tabNames(SETTINGS_TAB))).settings;
  const ui = SpreadsheetApp.getUi();
  if (settings.centerName === '') {
    const html = HtmlService.createHtmlOutput(setupDialogHtml(settings.language, '')).setWidth(380).setHeight(420);
    ui.showModalDialog(html, dialogTitle(settings.language));
    return { dialog: true, message: '' };
  }
  try {
    const message = summary(setUp(ports), settings.language);
    SpreadsheetApp.getActiveSpreadsheet().toast(message);
    return { dialog: false, message };
  } catch (error) {
    console.error(error);
    const message = setupText(settings.language).failed;
    ui.alert(message);
    return { dialog: false, message };
  }
}

/** The dialog's server call (google.script.run), its answers already validated
 *  (InitialSettingsSchema, server-calls.ts): setup with those answers. */
export function saveInitialSettings({ ports }: ScriptContext, initial: InitialSettings): { ok: boolean; message: string } {
  try {
    const result = setUp(ports, initial);
    return { ok: result !== null, message: summary(result, initial.language) };
  } catch (error) {
    console.error(error);
    return { ok: false, message: setupText(initial.language).failedInDialog };
  }
}

export const SETUP_HANDLERS = { onOpen, onInstall, runSetup, saveInitialSettings };
