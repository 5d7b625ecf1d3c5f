import { civilDateTimeIn } from '../../domain/civil-date';
import type { Registration } from '../../domain/schema/tabs';
import { applyDecision, decideSignup } from '../../domain/signup/decide-signup';
import { formSubmitEventSchema, parseFormTimestamp, readSignupAnswers } from '../../domain/signup/form-answers';
import { changedEntries, ledgerEntries, registrationId } from '../../domain/signup/ledger';
import { registrationCells, reviewNote } from '../../domain/signup/registration-row';
import { renderSignupMail, type SignupMailInput, type SignupMailKind } from '../../domain/signup/signup-mail';
import type { Clock, Lock, Mailer, PropertyBag, SignupForms, TableStore } from '../ports';
import { loadLedger, pushChoices, syncSignup } from './sync';
import { underWriteLock } from '../shared/write-boundary';

// One form submission (installable spreadsheet on-form-submit trigger). The answer is already
// safe in Google's response tab; this adds it to 申込 exactly once, with a place or a waitlist
// position decided under the script lock. Service use per submit (forms.md, "Call budget"):
// the ledger (one properties read, one write), one append to 申込, and only when the session
// fills, one form update. No tab is read.
export interface SignupSubmitPorts {
  readonly store: TableStore;
  readonly props: PropertyBag;
  readonly clock: Clock;
  readonly lock: Lock;
  readonly mailer: Mailer;
  readonly forms: SignupForms | null;
}

export type SignupOutcome =
  | 'confirmed' | 'waitlisted' | 'needs_review'
  | 'skipped_blank' | 'skipped_duplicate' | 'duplicate_person' | 'invalid_event' | 'busy';

export interface SignupSubmitResult {
  readonly outcome: SignupOutcome;
  readonly registration_id: string | null;
  readonly event_id: string | null;
  readonly mailed: boolean;
  readonly form_updated: boolean;
}

/** How long a submit waits for another submit: answers arrive in bursts after a newsletter. */
export const SUBMIT_LOCK_MS = 30000;

const result = (outcome: SignupOutcome, extra: Partial<SignupSubmitResult> = {}): SignupSubmitResult =>
  ({ outcome, registration_id: null, event_id: null, mailed: false, form_updated: false, ...extra });

/** What the locked part decided, and the mail to send once the lock is released. */
interface Decided {
  readonly out: SignupSubmitResult;
  readonly mail: { kind: SignupMailKind; to: string; reg: Registration } | null;
  readonly language: 'ja' | 'en';
  readonly centerName: string;
  readonly session: SignupMailInput['session'];
}

export function handleSignupSubmit(ports: SignupSubmitPorts, rawEvent: unknown): SignupSubmitResult {
  const parsed = formSubmitEventSchema.safeParse(rawEvent);
  if (!parsed.success) return result('invalid_event');
  const answers = readSignupAnswers(parsed.data);
  // Apps Script sometimes fires an extra, empty event: nothing to lock for.
  if (answers.blank) return result('skipped_blank');
  const locked = underWriteLock(ports, (): Decided => {
    let { ledger } = loadLedger(ports.props);
    if (!ledger) {
      // First submit after the properties were cleared: rebuild from the sheets once.
      syncSignup({ store: ports.store, props: ports.props, clock: ports.clock, forms: ports.forms });
      ledger = loadLedger(ports.props).ledger;
      if (!ledger) throw new Error('sign-up ledger could not be rebuilt');
    }
    const noMail = { mail: null, language: ledger.language, centerName: ledger.centerName, session: null };
    const decision = decideSignup(ledger, answers);
    if (decision.kind === 'skip') return { out: result(decision.why === 'blank' ? 'skipped_blank' : 'skipped_duplicate'), ...noMail };
    if (decision.kind === 'duplicate_person') {
      applyDecision(ledger, answers, decision);
      ports.props.setAll(changedEntries(ledger, null));
      return { out: result('duplicate_person', { event_id: decision.eventId }), ...noMail };
    }
    const a = answers.answers;
    const id = registrationId(ledger.nextNumber);
    const registeredAt = parseFormTimestamp(answers.timestamp) ?? civilDateTimeIn(ports.clock.now(), ledger.timeZone);
    const reg: Registration = {
      registration_id: id, event_id: decision.session?.eventId ?? null, name: a.name, kana: a.kana, phone: a.phone, email: a.email,
      age_band: decision.ageBand, gender: decision.gender, source: a.source, registered_at: registeredAt, status: decision.status,
      attended: false, member_id: null, response_id: `${registeredAt}/${answers.responseKey}`, consent: decision.consent,
      notes: decision.status === 'needs_review' ? reviewNote(decision.reasons, a.session, ledger.language) : '',
    };
    ports.store.appendCells(ledger.registrationsTab, registrationCells(ledger.header, reg, ledger.language));
    applyDecision(ledger, answers, decision);
    const changed = changedEntries(ledger, decision.session?.eventId ?? null);
    let formUpdated = false;
    if (decision.fillsSession && ports.forms && ledger.formId !== '') {
      const after = pushChoices(ports.forms, ledger);
      formUpdated = true;
      if (after.sessionItemId !== ledger.sessionItemId) Object.assign(changed, ledgerEntries(after));
    }
    ports.props.setAll(changed);
    return {
      out: result(decision.status, { registration_id: id, event_id: reg.event_id, form_updated: formUpdated }),
      mail: a.email.includes('@') ? { kind: decision.status, to: a.email.trim(), reg } : null,
      language: ledger.language, centerName: ledger.centerName,
      session: decision.session ? { kind: decision.session.kind, title: decision.session.title, date: decision.session.date, start_time: decision.session.startTime, venue: decision.session.venue } : null,
    };
  }, SUBMIT_LOCK_MS);
  // Busy after 30 s: the answer stays in the response tab and the trigger's failure shows in the
  // executions log; the coordinator can re-run 申込の同期.
  if (!locked.ok) return result('busy');
  const { out, mail, language: ledgerLang, centerName, session } = locked.value;
  // Mail after the lock: a slow mail server must not hold up the next person's sign-up.
  if (mail && ports.mailer.remainingQuota() > 0) {
    const rendered = renderSignupMail({
      kind: mail.kind, language: ledgerLang, centerName, personName: mail.reg.name, registrationId: mail.reg.registration_id, session,
    });
    ports.mailer.send({ to: [mail.to], subject: rendered.subject, text: rendered.text, html: rendered.html, ...(centerName ? { senderName: centerName } : {}) });
    return { ...out, mailed: true };
  }
  return out;
}
