import type { SignupForms } from '../app/ports';
import type { SignupFormSpec } from '../domain/signup/form-spec';
import { questionKeyOf } from '../domain/signup/form-spec';

// The sign-up form in Google Forms. Creating it adds one item per question of the spec and
// links the responses to this spreadsheet (Forms then adds a response tab). Updating it touches
// only the session question: open the form, find the item by its ID, set the choices.
type Form = GoogleAppsScript.Forms.Form;

export class GasSignupForms implements SignupForms {
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
    const sessions = spec.questions.find((q) => q.key === 'session')?.choices ?? [];
    if (sessions.length === 0) form.setAcceptingResponses(false);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, this.spreadsheetId());
    return { formId: form.getId(), sessionItemId, publishedUrl: form.getPublishedUrl() };
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
    form.setAcceptingResponses(true);
    return id;
  }
}

function findSessionItem(form: Form): string {
  const item = form.getItems(FormApp.ItemType.MULTIPLE_CHOICE).find((i) => questionKeyOf(i.getTitle()) === 'session');
  if (!item) throw new Error('the sign-up form has no session question');
  return String(item.getId());
}
