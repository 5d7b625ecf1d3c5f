import { AGE_BAND, codeOf, type AgeBand, type Gender, type RegistrationStatus } from '../enums';
import { genderOfAnswer } from './form-spec';
import type { SignupAnswers } from './form-answers';
import { mailAnswerProblem, singleMailAddress } from './mail-address';
import { contactKeys } from './person-key';
import { hasPlace, isAnswered, markAnswered, senderOf, type Register, type RegisterSession } from './register';
import { sameLabel } from './session-label';

// What one form answer becomes. Pure: the caller holds the script lock, passes the register as
// 申込 stands, writes the row, then applies the decision to the register (so a sync taking many
// answers in a row decides each against the ones before it).
export type ReviewReason = 'unknown_session' | 'no_consent' | 'no_name' | 'no_contact';

export type SignupDecision =
  | { readonly kind: 'skip'; readonly why: 'blank' | 'already_answered' }
  | {
    readonly kind: 'register';
    /** `cancelled`: the same person already holds a place or a waitlist spot for the session;
     *  the answer is kept as a 取消 row naming that registration, so it is taken exactly once. */
    readonly status: Extract<RegistrationStatus, 'confirmed' | 'waitlisted' | 'needs_review' | 'cancelled'>;
    readonly session: RegisterSession | null;
    readonly reasons: readonly ReviewReason[];
    /** The registration the same person already has for this session (status cancelled). */
    readonly duplicateOf: string | null;
    readonly ageBand: AgeBand | null;
    readonly gender: Gender | null;
    readonly consent: boolean;
    readonly contacts: readonly string[];
    /** True when this answer takes the session's last place (the form must drop the choice). */
    readonly fillsSession: boolean;
    /** The one address to mail, or null (none given, or not one valid address). */
    readonly mailTo: string | null;
    readonly mailProblem: 'invalid_address' | null;
  };

export function decideSignup(register: Register, a: SignupAnswers, at: string): SignupDecision {
  if (a.blank) return { kind: 'skip', why: 'blank' };
  const { answers } = a;
  if (isAnswered(register, at, senderOf(answers.name, answers.phone, answers.email))) return { kind: 'skip', why: 'already_answered' };
  const session = answers.session === '' ? null : register.sessions.find((s) => sameLabel(s.label, answers.session)) ?? null;
  const contacts = contactKeys(answers.phone, answers.email);
  const mailTo = singleMailAddress(answers.email);
  const mailProblem = mailAnswerProblem(answers.email);
  const consent = answers.consent !== '';
  const ageBand = codeOf(AGE_BAND, answers.age_band);
  const gender = genderOfAnswer(answers.gender);
  const base = { session, ageBand, gender, consent, contacts, mailTo, mailProblem, fillsSession: false, duplicateOf: null };
  const holder = session ? contacts.map((k) => session.holders.get(k)).find((id) => id !== undefined) : undefined;
  if (holder !== undefined) {
    return { ...base, kind: 'register', status: 'cancelled', reasons: [], duplicateOf: holder, mailTo: null };
  }
  const reasons: ReviewReason[] = [];
  if (!session) reasons.push('unknown_session');
  if (!consent) reasons.push('no_consent');
  if (answers.name === '') reasons.push('no_name');
  if (contacts.length === 0) reasons.push('no_contact');
  if (reasons.length > 0 || !session) return { ...base, kind: 'register', status: 'needs_review', reasons };
  const place = hasPlace(session);
  const fillsSession = place && session.capacity !== null && session.confirmed + 1 >= session.capacity;
  return { ...base, kind: 'register', status: place ? 'confirmed' : 'waitlisted', reasons, fillsSession };
}

/** The register after the decision's row (numbered `registrationId`) is written. */
export function applyDecision(register: Register, a: SignupAnswers, at: string, d: SignupDecision, registrationId: string): void {
  if (d.kind !== 'register') return;
  register.nextNumber += 1;
  markAnswered(register, at, senderOf(a.answers.name, a.answers.phone, a.answers.email));
  const s = d.session;
  if (!s || (d.status !== 'confirmed' && d.status !== 'waitlisted')) return;
  if (d.status === 'confirmed') s.confirmed += 1; else s.waitlisted += 1;
  for (const k of d.contacts) if (!s.holders.has(k)) s.holders.set(k, registrationId);
}
