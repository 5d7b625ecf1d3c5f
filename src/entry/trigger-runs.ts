import { TRIGGER_EVENTS, type TriggerKind } from '../app/server-calls';
import { LEDGER_CORE_KEY } from '../domain/signup/signup-cache';
import { parseSettings } from '../domain/settings';
import { SETTINGS_TAB, tabNames } from '../domain/schema/tabs';
import type { TableStore } from '../app/ports';
import { normaliseEmail } from '../app/shared/authorize';
import { parseTriggerOwner, TRIGGER_OWNER_KEY } from '../gas/script-app-triggers';

// Is this call a real run of one of this project's triggers? A trigger handler is a global
// function, so google.script.run (any editor's browser console) can call it too, with any JSON
// it likes. Two checks, both needed:
// 1. the event has the shape only Apps Script makes (server-calls.ts TRIGGER_EVENTS): for a
//    form submit that includes a live Range and Spreadsheet, which JSON cannot carry;
// 2. its triggerUid is one of ScriptApp.getProjectTriggers() and that trigger runs this very
//    function (one round trip; the triggers of the user the trigger runs as, who installed it).
// For the form submit a third: the answer's row is on the sign-up form's own response tab.
// For a clock trigger a third too: it runs as the desk's recorded trigger owner. Triggers belong
// to whoever installed them; when a manager takes the set over from an owner who is no longer an
// active manager (src/app/setup/desk-triggers.ts), the old owner's triggers still fire under
// their account and nobody else can delete them, and each would send the weekly mail and the
// reminders a second time.

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Why a run is not accepted, or null when it is a real run of `handler`'s own trigger. */
export function triggerRunRefusal(kind: TriggerKind, handler: string, event: unknown): 'not_a_trigger' | null {
  const shape = TRIGGER_EVENTS[kind].safeParse(event);
  if (!shape.success) return 'not_a_trigger';
  const uid = String((event as { triggerUid: string | number }).triggerUid);
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getUniqueId() !== uid) continue;
    if (t.getHandlerFunction() !== handler) return 'not_a_trigger';
    return kind === 'clock' && !runsAsTriggerOwner(handler) ? 'not_a_trigger' : null;
  }
  return 'not_a_trigger';
}

/** Whether this run is the recorded owner's (two round trips: the owner property, the effective
 *  user). No record (a desk set up before owners were recorded) or no address from Google: yes. */
function runsAsTriggerOwner(handler: string): boolean {
  const owner = parseTriggerOwner(PropertiesService.getDocumentProperties().getProperty(TRIGGER_OWNER_KEY));
  if (owner === null) return true;
  const me = normaliseEmail(Session.getEffectiveUser().getEmail());
  if (me === '' || me === normaliseEmail(owner.email)) return true;
  console.warn(`${handler}: a trigger of an account that no longer owns the desk's triggers; not run (the owner's set runs instead)`);
  return false;
}

/** The form ID the desk knows: the sign-up ledger's (document properties, one read), else 設定
 *  申込フォームID (one read of 設定, only when the ledger is gone). '' when there is no form. */
function signupFormId(store: () => TableStore): string {
  try {
    const core = PropertiesService.getDocumentProperties().getProperty(LEDGER_CORE_KEY);
    const id = core ? (JSON.parse(core) as { formId?: unknown }).formId : undefined;
    if (typeof id === 'string' && id !== '') return id;
  } catch {
    // An unreadable ledger: 設定 says it too.
  }
  return parseSettings(store().read(tabNames(SETTINGS_TAB))).settings.signupFormId;
}

/** The edit ID in a form URL (`…/forms/d/<id>/…`); null for a published `…/forms/d/e/<key>/…` URL or another shape. */
export function formIdOfUrl(url: string): string | null {
  const m = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(url);
  return m && m[1] !== 'e' ? m[1] ?? null : null;
}

/**
 * Whether the submitted row is on the sign-up form's own response tab. Every form linked to the
 * spreadsheet fires the spreadsheet's form-submit trigger, so an editor's other form (or one made
 * to look like ours) must not reach 申込. The cheapest faithful check: the row's sheet says which
 * form feeds it (Sheet.getFormUrl, one call, no data read) and that form must be the desk's
 * (its ID in the ledger). The URL names the form by its edit ID; should Google ever answer
 * another shape, FormApp resolves the URL instead (slower, same answer).
 */
export function isSignupResponseTab(range: Range, store: () => TableStore): boolean {
  const url = range.getSheet().getFormUrl();
  if (!url) return false;
  const formId = signupFormId(store);
  if (formId === '') return false;
  const named = formIdOfUrl(url);
  if (named !== null) return named === formId;
  try {
    return FormApp.openByUrl(url).getId() === formId;
  } catch {
    return false;
  }
}
