import type { SignupForms } from '../app/ports';
import type { SignupFormSpec, SignupQuestionKey } from '../domain/signup/form-spec';

// The local twin of the sign-up form in Google Forms (src/gas/form-signup.ts): it keeps what the
// add-in asked the form to be (its questions, the sessions offered, open or closed), and turns a
// person's answers into the event an installable on-form-submit trigger receives, shaped as
// Google delivers it: `namedValues` (question title → [answer]) and `values` (the response row
// as text, timestamp first, then the questions in the form's order).

export interface FormSubmitEvent {
  readonly namedValues: Record<string, string[]>;
  readonly values: string[];
  readonly triggerUid: string;
}

export class MemorySignupForms implements SignupForms {
  spec: SignupFormSpec | null = null;
  formId = '';
  /** The session question's choices as the form shows them now. */
  choices: string[] = [];
  accepting = true;
  closedMessage = '';
  /** How many times the add-in changed the session question (each a FormApp round trip on Google). */
  updates = 0;

  /** `timestampTitle`: the response tab's first column, named by the spreadsheet's locale. */
  constructor(private readonly options: { readonly formId?: string; readonly timestampTitle?: string } = {}) {}

  create(spec: SignupFormSpec): { formId: string; sessionItemId: string; publishedUrl: string } {
    if (this.spec) throw new Error('the sign-up form already exists');
    this.spec = spec;
    this.formId = this.options.formId ?? 'local-signup-form';
    this.choices = [...(spec.questions.find((q) => q.key === 'session')?.choices ?? [])];
    return { formId: this.formId, sessionItemId: 'session', publishedUrl: `local-form://${this.formId}` };
  }

  setSessions(formId: string, _sessionItemId: string, choices: readonly string[], closedMessage: string): string {
    if (formId !== this.formId) throw new Error(`no form ${formId}`);
    this.updates += 1;
    // Forms cannot show a choice item without choices: the old ones stay while the form is closed.
    if (choices.length > 0) this.choices = [...choices];
    this.accepting = choices.length > 0;
    this.closedMessage = closedMessage;
    return 'session';
  }

  /** True when a person opening the form now can choose `label`. */
  offers(label: string): boolean {
    return this.accepting && this.choices.includes(label);
  }

  /** The on-form-submit event for one response. `timestamp` is the response tab's text
   *  (`2015/04/01 10:23:45`); a question left unanswered arrives as `''`, as Google sends it. */
  submitEvent(timestamp: string, answers: Readonly<Partial<Record<SignupQuestionKey, string>>>): FormSubmitEvent {
    if (!this.spec) throw new Error('the sign-up form was never created');
    const namedValues: Record<string, string[]> = { [this.options.timestampTitle ?? 'タイムスタンプ']: [timestamp] };
    const values = [timestamp];
    for (const q of this.spec.questions) {
      const answer = answers[q.key] ?? '';
      namedValues[q.title] = [answer];
      values.push(answer);
    }
    return { namedValues, values, triggerUid: `${this.formId}-submit` };
  }
}
