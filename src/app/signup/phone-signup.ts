import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { AGE_BAND, GENDER } from '../../domain/enums';
import { wordText } from '../../domain/messages/catalog';
import { readSignupAnswers } from '../../domain/signup/form-answers';
import { SIGNUP_QUESTION_KEYS, type SignupQuestionKey } from '../../domain/signup/form-spec';
import { cacheEntries } from '../../domain/signup/signup-cache';
import type { Clock, Mailer, PropertyBag, SignupForms, TableStore } from '../ports';
import { ApiError } from '../shared/api-error';
import { recordId, shortText } from '../shared/arg-schemas';
import { writeAudit } from '../shared/audit';
import type { CallContext } from '../shared/call-context';
import { MailBudget } from './mail-budget';
import { loadCache, readSignupState } from './signup-state';
import { pushChoices } from './sync';
import { sendPending, takeAnswer, type SignupOutcome } from './take-answer';

// A sign-up taken on the phone (the sidebar's イベント panel; the caller is an active coordinator
// and holds the script lock): the answer a person gives by voice, decided by the form's rules
// against the register of places (申込 itself, read fresh under the lock, takeAnswer), one row,
// the form's choices updated when it takes the last place, the same mail as the form's.
export const PHONE_SIGNUP_INPUT = lazySchema(() => z.strictObject({
  event_id: recordId,
  name: shortText,
  kana: z.optional(shortText),
  phone: z.optional(shortText),
  email: z.optional(shortText),
  age_band: z.optional(z.enum(AGE_BAND.codes)),
  gender: z.optional(z.enum(GENDER.codes)),
  source: z.optional(shortText),
  /** The person agreed, on the phone, to the use of their data (without it the row is 要確認). */
  consent: z.boolean(),
  /** A walk-in at the door: the row is also ticked 出席 (the person is there, whatever the rules gave). */
  walk_in: z.optional(z.boolean()),
}));
export type PhoneSignupInput = z.infer<typeof PHONE_SIGNUP_INPUT>;

export interface PhoneSignupResult {
  readonly outcome: SignupOutcome;
  readonly registration_id: string | null;
  readonly mailed: boolean;
}

export function phoneSignupUseCase(
  ports: { store: TableStore; props: PropertyBag; clock: Clock; mailer: Mailer; forms: SignupForms | null },
  ctx: Pick<CallContext, 'email' | 'now' | 'lang'>,
  input: PhoneSignupInput,
): PhoneSignupResult {
  let cache = loadCache(ports.props, ports.store, ports.clock);
  const state = readSignupState(ports.store, cache, ports.clock.now());
  const session = state.register.sessions.find((s) => s.eventId === input.event_id);
  if (!session) throw new ApiError('not_found', { what: wordText(ctx.lang).things.event, id: input.event_id });
  const text: Record<SignupQuestionKey, string> = {
    name: input.name, kana: input.kana ?? '', phone: input.phone ?? '', email: input.email ?? '',
    age_band: input.age_band ?? '', gender: input.gender ?? '', source: input.source ?? '',
    session: session.label, consent: input.consent ? 'phone' : '',
  };
  const answers = readSignupAnswers({ values: [ctx.now, ...SIGNUP_QUESTION_KEYS.map((k) => text[k])] });
  const taken = takeAnswer(ports.store, state, cache, answers, ctx.now, new MailBudget(ports.mailer, cache.mailReserve));
  if (taken.decision.kind === 'register' && taken.decision.fillsSession) {
    const pushed = pushChoices(ports.forms, cache, state.register);
    if (pushed.cache.sessionItemId !== cache.sessionItemId) { cache = pushed.cache; ports.props.setAll(cacheEntries(cache)); }
  }
  const reg = taken.registration;
  if (reg) {
    writeAudit(ports.store, ctx.lang, { at: ctx.now, user: ctx.email, action: 'registration_phone', sheet: state.registrationsTab, recordId: reg.registration_id, detail: `event=${input.event_id} status=${reg.status}` });
  }
  let mailed = false;
  if (taken.mail) {
    // Inside the lock, as a cancellation's promotion: one mail at most, after the row is flushed.
    ports.store.flush();
    mailed = sendPending(ports.mailer, cache, taken.mail);
  }
  return { outcome: taken.outcome, registration_id: reg?.registration_id ?? null, mailed };
}
