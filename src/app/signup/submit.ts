import { civilDateTimeIn } from '../../domain/civil-date';
import { answerTime, formSubmitEventSchema, readSignupAnswers } from '../../domain/signup/form-answers';
import { cacheEntries } from '../../domain/signup/signup-cache';
import type { Registration } from '../../domain/schema/tabs';
import type { Clock, Lock, Mailer, PropertyBag, SignupForms, TableStore } from '../ports';
import { underWriteLock } from '../shared/write-boundary';
import { MailBudget } from './mail-budget';
import { loadCache, readSignupState } from './signup-state';
import { pushChoices } from './sync';
import { sendPending, takeAnswer, type PendingMail, type SignupOutcome } from './take-answer';

export type { SignupOutcome } from './take-answer';

// One form submission (installable spreadsheet on-form-submit trigger). The answer is already
// safe in the form's response tab; this adds it to 申込 once, with a place or a waitlist spot
// decided under the script lock against 申込 itself (signup/register.ts): 申込's key columns and
// イベント are read fresh every time, so nothing a stale copy says can confirm a place twice.
// A submit that cannot get the lock in 30 s, or fails, writes nothing more: the next sync (daily,
// or the menu 申込を再確認) finds the answer in the response tab and takes it (sync.ts).
// Service use per submit: forms.md "Call budget".
export interface SignupSubmitPorts {
  readonly store: TableStore;
  readonly props: PropertyBag;
  readonly clock: Clock;
  readonly lock: Lock;
  readonly mailer: Mailer;
  readonly forms: SignupForms | null;
  readonly log?: (line: string) => void;
}

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

interface Decided {
  readonly out: SignupSubmitResult;
  readonly mail: PendingMail | null;
  readonly cache: { language: 'ja' | 'en'; centerName: string };
}

/**
 * `submittedAt`: the answer's time as its response row holds it (`YYYY-MM-DDTHH:MM:SS` in the
 * spreadsheet's zone; the entry point reads it through the event's range), so the sync later
 * recognises this answer in the response tab by the same second; null: the event's text is read.
 */
export function handleSignupSubmit(ports: SignupSubmitPorts, rawEvent: unknown, submittedAt: string | null = null): SignupSubmitResult {
  const parsed = formSubmitEventSchema.safeParse(rawEvent);
  if (!parsed.success) return result('invalid_event');
  const answers = readSignupAnswers(parsed.data);
  // Apps Script sometimes fires an extra, empty event: nothing to lock for.
  if (answers.blank) return result('skipped_blank');
  const locked = underWriteLock(ports, (): Decided => {
    const now = ports.clock.now();
    let cache = loadCache(ports.props, ports.store, ports.clock);
    const at = answerTime(submittedAt, answers.timestamp, civilDateTimeIn(now, cache.timeZone));
    const state = readSignupState(ports.store, cache, now);
    const taken = takeAnswer(ports.store, state, cache, answers, at, new MailBudget(ports.mailer, cache.mailReserve));
    let formUpdated = false;
    if (taken.decision.kind === 'register' && taken.decision.fillsSession) {
      const pushed = pushChoices(ports.forms, cache, state.register, ports.log);
      formUpdated = pushed.updated;
      if (pushed.cache.sessionItemId !== cache.sessionItemId) {
        cache = pushed.cache;
        ports.props.setAll(cacheEntries(cache));
      }
    }
    const reg: Registration | null = taken.registration;
    return {
      out: result(taken.outcome, { registration_id: reg?.registration_id ?? null, event_id: reg?.event_id ?? null, form_updated: formUpdated }),
      mail: taken.mail, cache,
    };
  }, SUBMIT_LOCK_MS);
  // Busy after 30 s: the answer stays in the response tab, where the next sync takes it.
  if (!locked.ok) {
    ports.log?.('signup: the script lock stayed busy; the answer waits in the response tab for the next sync');
    return result('busy');
  }
  const { out, mail, cache } = locked.value;
  // Mail after the lock: a slow mail server must not hold up the next person's sign-up.
  if (mail && sendPending(ports.mailer, cache, mail)) return { ...out, mailed: true };
  return out;
}
