import type { Language } from '../enums';

// A small cache in document properties, so a form submit need not read 設定 and コーディネータ:
// the form, the center's language, zone and name, and how many mails to leave for the weekly
// summary. It holds no place, no count and no person (those are 申込's: register.ts) and is only
// ever a copy: every sync rebuilds it from the sheets, and a submit that finds none rebuilds it
// before it goes on. One value, far under the 9 KB a property may hold.
export const SIGNUP_PREFIX = 'ikigai.signup.';
/** The cache's key (the caller check of the submit trigger reads the form ID from it). */
export const SIGNUP_CACHE_KEY = `${SIGNUP_PREFIX}core`;
/** Kept for the trigger check's import. */
export const LEDGER_CORE_KEY = SIGNUP_CACHE_KEY;

export interface SignupCache {
  readonly version: 2;
  readonly syncedAt: string;
  readonly formId: string;
  /** The session question's item ID ('' until known: found by title). */
  readonly sessionItemId: string;
  readonly language: Language;
  readonly timeZone: string;
  readonly centerName: string;
  /** Mails each day's quota keeps for the weekly summary: its recipients (forms.md "Mail budget"). */
  readonly mailReserve: number;
}

export function cacheEntries(cache: SignupCache): Record<string, string> {
  return { [SIGNUP_CACHE_KEY]: JSON.stringify(cache) };
}

/** The cache from property entries; null when there is none, it is of the old ledger, or unreadable. */
export function cacheFromEntries(entries: Readonly<Record<string, string>>): SignupCache | null {
  const raw = entries[SIGNUP_CACHE_KEY];
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<SignupCache>;
    if (parsed.version !== 2 || typeof parsed.formId !== 'string' || typeof parsed.mailReserve !== 'number') return null;
    return parsed as SignupCache;
  } catch {
    return null;
  }
}

/** Properties the old sign-up ledger and reminder list left (one per session, the sent-list):
 *  deleted by the next sync. */
export function staleSignupKeys(existing: readonly string[]): string[] {
  return existing.filter((k) => k.startsWith(`${SIGNUP_PREFIX}session.`) || k === 'ikigai.reminders.sent');
}
