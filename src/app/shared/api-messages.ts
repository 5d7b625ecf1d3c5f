import type { Language } from '../../domain/enums';
import { errorText } from '../../domain/messages/catalog';
import type { MessageParams } from '../../domain/messages/texts';
import type { ApiErrorCode } from './api-types';

// What the server says to a person when a call cannot be done, in their language: the catalog's
// errors part (src/domain/messages/ja.ts, en.ts). Each message says what to do next; the
// technical detail goes to the execution log only. The words that go into them (what was not
// found, a missing tab) are the catalog's words part (wordText).

/** Every code a person can be answered with: the sidebar's, and the refusals of guarded-call.ts. */
export type MessageCode = ApiErrorCode | 'not_manager' | 'not_a_trigger' | 'not_signup_form' | 'not_work_report_form';

/** The catalog's sentence for each code (a code the catalog lacks is a type error here). */
function sentences(lang: Language): Readonly<Record<MessageCode, (p: MessageParams) => string>> {
  return errorText(lang);
}

export function errorMessage(code: MessageCode, lang: Language, params: MessageParams = {}): string {
  return sentences(lang)[code](params);
}
