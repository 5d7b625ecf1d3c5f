import type { FormAccess, SignupForms } from '../app/ports';
import type { SignupFormSpec } from '../domain/signup/form-spec';
import { questionKeyOf } from '../domain/signup/form-spec';

// The sign-up form in Google Forms. Creating it adds one item per question of the spec and
// links the responses to this spreadsheet (Forms then adds a response tab). Updating it touches
// only the session question: open the form, find the item by its ID, set the choices.
//
// Who can answer (forms.md): a form a script creates after Google's Forms change starts
// unpublished and takes no answers until it is published (Form.setPublished, which also opens it
// to answers). Forms without that model (legacy forms: supportsAdvancedResponderPermissions() is
// false, and setPublished/isPublished are not enabled on them) take answers whenever they accept
// them. A Workspace domain may make a form require a sign-in to the domain; the deprecated
// setRequireLogin(false) lifts it where the domain allows. Who else may respond (anyone with the
// link, or only the domain) is a Drive permission of the published form that Apps Script's FormApp
// cannot set without the Drive scope: setup tells the manager where to click instead.
type Form = GoogleAppsScript.Forms.Form;
/** The publishing methods Google added to Form (not in @types/google-apps-script yet), each
 *  optional so a runtime without them reads as a form without the model. */
type PublishableForm = Form & Partial<{
  supportsAdvancedResponderPermissions(): boolean;
  isPublished(): boolean;
  setPublished(enabled: boolean): Form;
}>;

export class GasSignupForms implements SignupForms {
  private readonly opened = new Map<string, FormAccess>();
  constructor(private readonly spreadsheetId: () => string) {}

  create(spec: SignupFormSpec): { formId: string; sessionItemId: string; publishedUrl: string } {
    const form = FormApp.create(spec.title);
    form.setDescription(spec.description);
    form.setConfirmationMessage(spec.confirmation);
    form.setCustomClosedFormMessage(spec.closedMessage);
    let sessionItemId = '';
    for (const q of spec.questions) {
      if (q.kind === 'text') {
        form.addTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
      } else if (q.kind === 'checkbox') {
        form.addCheckboxItem().setTitle(q.title).setHelpText(q.help).setChoiceValues([...(q.choices ?? [])]).setRequired(q.required);
      } else {
        const choices = [...(q.choices ?? [])];
        const item = form.addMultipleChoiceItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
        // A choice question cannot be empty: with no session open, a placeholder stands in and
        // the form is closed below.
        item.setChoiceValues(choices.length > 0 ? choices : ['—']);
        if (q.key === 'session') sessionItemId = String(item.getId());
      }
    }
    // Published first (publishing also opens it to answers), then closed when no session is open.
    const access = openToRespondents(form);
    const sessions = spec.questions.find((q) => q.key === 'session')?.choices ?? [];
    if (sessions.length === 0) form.setAcceptingResponses(false);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, this.spreadsheetId());
    const formId = form.getId();
    this.opened.set(formId, { ...access, accepting: sessions.length > 0 && access.publishing !== 'unpublished' });
    return { formId, sessionItemId, publishedUrl: access.publishedUrl };
  }

  /** The form this run created answers from what create() did; another is opened and checked. */
  openToRespondents(formId: string): FormAccess {
    return this.opened.get(formId) ?? openToRespondents(FormApp.openById(formId));
  }

  setSessions(formId: string, sessionItemId: string, choices: readonly string[], closedMessage: string): string {
    const form = FormApp.openById(formId);
    const id = sessionItemId !== '' ? sessionItemId : findSessionItem(form);
    if (choices.length === 0) {
      // Keep the old choices (an empty choice list cannot be saved) and close the form kindly.
      form.setCustomClosedFormMessage(closedMessage);
      form.setAcceptingResponses(false);
      return id;
    }
    form.getItemById(Number(id)).asMultipleChoiceItem().setChoiceValues([...choices]);
    acceptAnswers(form);
    return id;
  }
}

/** Opens a form to answers. An unpublished form refuses to accept (Google answers an error for
 *  accepting without publishing): then it is published, which opens it. The ordinary case stays
 *  one call, so the submit that fills a session pays nothing for this. */
function acceptAnswers(form: PublishableForm): void {
  try {
    form.setAcceptingResponses(true);
  } catch (error) {
    if (!publishable(form) || form.isPublished?.() !== false) throw error;
    form.setPublished?.(true);
  }
}

function publishable(form: PublishableForm): boolean {
  return typeof form.supportsAdvancedResponderPermissions === 'function' && form.supportsAdvancedResponderPermissions();
}

/** Publishes `form` when it has Google's publishing model and is not published, and turns off a
 *  domain sign-in where allowed; says what holds afterwards. A refusal by Google is reported, not
 *  thrown: the form exists either way and setup says what the manager must click. */
export function openToRespondents(form: PublishableForm): FormAccess {
  let publishing: FormAccess['publishing'] = 'legacy';
  if (publishable(form)) {
    publishing = 'published';
    if (form.isPublished?.() === false) {
      try {
        form.setPublished?.(true);
        publishing = form.isPublished?.() === true ? 'published_now' : 'unpublished';
      } catch (error) {
        console.error(error);
        publishing = 'unpublished';
      }
    }
  }
  return {
    publishing, signIn: liftSignIn(form), accepting: form.isAcceptingResponses(), publishedUrl: form.getPublishedUrl(), editUrl: form.getEditUrl(),
  };
}

function liftSignIn(form: Form): FormAccess['signIn'] {
  // requiresLogin/setRequireLogin are deprecated and Workspace-only: a runtime may lack them.
  if (typeof form.requiresLogin !== 'function') return 'unknown';
  try {
    if (!form.requiresLogin()) return 'off';
  } catch (error) {
    console.error(error);
    return 'unknown';
  }
  if (typeof form.setRequireLogin !== 'function') return 'on';
  try {
    form.setRequireLogin(false);
    return form.requiresLogin() ? 'on' : 'turned_off';
  } catch (error) {
    // The domain keeps the sign-in (an administrator's policy), or Google no longer offers it.
    console.error(error);
    return 'on';
  }
}

function findSessionItem(form: Form): string {
  const item = form.getItems(FormApp.ItemType.MULTIPLE_CHOICE).find((i) => questionKeyOf(i.getTitle()) === 'session');
  if (!item) throw new Error('the sign-up form has no session question');
  return String(item.getId());
}
