import { AGE_BAND, codeOf, type AgeBand, type Gender, type RegistrationStatus } from '../enums';
import { genderOfAnswer } from './form-spec';
import type { SignupAnswers } from './form-answers';
import { hasPlace, type LedgerSession, type SignupLedger } from './ledger';
import { normalisePhone, personKeys } from './person-key';
import { sameLabel } from './session-label';

// What one form answer becomes. Pure: the caller holds the script lock, passes the ledger as it
// stands, and applies `apply` to it only after the row is written.
export type ReviewReason = 'unknown_session' | 'no_consent' | 'no_name' | 'no_contact';

export type SignupDecision =
  | { readonly kind: 'skip'; readonly why: 'blank' | 'duplicate_delivery' }
  | { readonly kind: 'duplicate_person'; readonly eventId: string }
  | {
    readonly kind: 'register';
    readonly status: Extract<RegistrationStatus, 'confirmed' | 'waitlisted' | 'needs_review'>;
    readonly session: LedgerSession | null;
    readonly reasons: readonly ReviewReason[];
    readonly ageBand: AgeBand | null;
    readonly gender: Gender | null;
    readonly consent: boolean;
    readonly keys: readonly string[];
    /** True when this answer takes the session's last place (the form must drop the choice). */
    readonly fillsSession: boolean;
  };

export function decideSignup(ledger: SignupLedger, a: SignupAnswers): SignupDecision {
  if (a.blank) return { kind: 'skip', why: 'blank' };
  if (ledger.recentResponses.includes(a.responseKey)) return { kind: 'skip', why: 'duplicate_delivery' };
  const { answers } = a;
  const session = answers.session === '' ? null : ledger.sessions.find((s) => sameLabel(s.label, answers.session)) ?? null;
  const keys = personKeys(answers.phone, answers.email);
  if (session && keys.some((k) => session.people.includes(k))) return { kind: 'duplicate_person', eventId: session.eventId };
  const reasons: ReviewReason[] = [];
  if (!session) reasons.push('unknown_session');
  if (answers.consent === '') reasons.push('no_consent');
  if (answers.name === '') reasons.push('no_name');
  if (normalisePhone(answers.phone).length < 6 && !answers.email.includes('@')) reasons.push('no_contact');
  const consent = answers.consent !== '';
  const ageBand = codeOf(AGE_BAND, answers.age_band);
  const gender = genderOfAnswer(answers.gender);
  if (reasons.length > 0 || !session) {
    return { kind: 'register', status: 'needs_review', session, reasons, ageBand, gender, consent, keys, fillsSession: false };
  }
  const place = hasPlace(session);
  const fillsSession = place && session.capacity !== null && session.confirmed + 1 >= session.capacity;
  return { kind: 'register', status: place ? 'confirmed' : 'waitlisted', session, reasons, ageBand, gender, consent, keys, fillsSession };
}

/** The ledger after the decision's row is written. */
export function applyDecision(ledger: SignupLedger, a: SignupAnswers, d: SignupDecision): void {
  ledger.recentResponses = [...ledger.recentResponses, a.responseKey].slice(-200);
  if (d.kind !== 'register') return;
  ledger.nextNumber += 1;
  const s = d.session;
  if (!s || d.status === 'needs_review') return;
  if (d.status === 'confirmed') s.confirmed += 1; else s.waitlisted += 1;
  for (const k of d.keys) if (!s.people.includes(k)) s.people.push(k);
}
