import type { Registration } from '../../domain/schema/tabs';
import { applyDecision, decideSignup, type SignupDecision } from '../../domain/signup/decide-signup';
import type { SignupAnswers } from '../../domain/signup/form-answers';
import { registrationId } from '../../domain/signup/register';
import { registrationCells, rowNote, type MailNote } from '../../domain/signup/registration-row';
import { renderSignupMail, type SignupMailInput, type SignupMailKind } from '../../domain/signup/signup-mail';
import type { SignupCache } from '../../domain/signup/signup-cache';
import type { Mailer, TableStore } from '../ports';
import type { MailBudget } from './mail-budget';
import type { SignupState } from './signup-state';

// One answer taken into 申込, by the submit trigger or by the sync that takes the answers a submit
// missed: decided against the register as 申込 stands, one row appended (every answer but a blank
// one or one 申込 already holds gets exactly one row), the register brought in step. The caller
// holds the script lock; the mail it returns is sent after the row is safe.

export type SignupOutcome =
  | 'confirmed' | 'waitlisted' | 'needs_review'
  | 'skipped_blank' | 'skipped_duplicate' | 'duplicate_person' | 'invalid_event' | 'busy';

/** A mail to the one address an answer gave, to send once the row is written. */
export interface PendingMail {
  readonly kind: SignupMailKind;
  readonly to: string;
  readonly registration: Registration;
  readonly session: SignupMailInput['session'];
}

export interface Taken {
  readonly outcome: SignupOutcome;
  readonly registration: Registration | null;
  readonly decision: SignupDecision;
  readonly mail: PendingMail | null;
}

export function takeAnswer(store: TableStore, state: SignupState, cache: SignupCache, answers: SignupAnswers, at: string, budget: MailBudget): Taken {
  const d = decideSignup(state.register, answers, at);
  if (d.kind === 'skip') return { outcome: d.why === 'blank' ? 'skipped_blank' : 'skipped_duplicate', registration: null, decision: d, mail: null };
  const a = answers.answers;
  const kind: SignupMailKind | null = d.status === 'cancelled' ? null : d.status;
  let mailNote: MailNote | null = kind === null ? null : d.mailProblem;
  let to = kind === null ? null : d.mailTo;
  // Asked before the row is written, so the row can say that no mail went.
  if (to !== null && !budget.take()) { mailNote = 'quota'; to = null; }
  const id = registrationId(state.register.nextNumber);
  const reg: Registration = {
    registration_id: id, event_id: d.session?.eventId ?? null, name: a.name, kana: a.kana, phone: a.phone, email: a.email,
    age_band: d.ageBand, gender: d.gender, source: a.source, registered_at: at, status: d.status,
    attended: false, member_id: null, response_id: `${at}/${answers.responseKey}`, consent: d.consent,
    notes: rowNote({ reasons: d.reasons, sessionAnswer: a.session, duplicateOf: d.duplicateOf, mail: mailNote }, cache.language),
    reminded_at: null,
  };
  store.appendCells(state.registrationsTab, registrationCells(state.header, reg, cache.language));
  applyDecision(state.register, answers, at, d, id);
  const s = d.session;
  const session = s ? { kind: s.kind, title: s.title, date: s.date, start_time: s.startTime, venue: s.venue } : null;
  const outcome: SignupOutcome = d.status === 'cancelled' ? 'duplicate_person' : d.status;
  return { outcome, registration: reg, decision: d, mail: kind !== null && to !== null ? { kind, to, registration: reg, session } : null };
}

/** Sends a pending mail; false (logged by the caller) when MailApp refuses it. */
export function sendPending(mailer: Mailer, cache: Pick<SignupCache, 'language' | 'centerName'>, m: PendingMail): boolean {
  const rendered = renderSignupMail({
    kind: m.kind, language: cache.language, centerName: cache.centerName, personName: m.registration.name,
    registrationId: m.registration.registration_id, session: m.session,
  });
  try {
    mailer.send({ to: [m.to], subject: rendered.subject, text: rendered.text, html: rendered.html, ...(cache.centerName ? { senderName: cache.centerName } : {}) });
    return true;
  } catch {
    return false;
  }
}
