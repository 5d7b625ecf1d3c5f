import { addressKey, singleMailAddress } from './mail-address';

// Who a sign-up is, for "the same person signed up twice" and for "this answer is already in
// 申込": the phone's digits, the e-mail address, the name. They are compared in memory, straight
// from 申込's own columns under the script lock: no key, hash or list of people is stored
// anywhere (the old sign-up ledger kept 32-bit FNV hashes of phones in document properties,
// reversible in seconds). So there is nothing to protect with a keyed hash (issue 11 item 7).

/** `０４-１２３４-５６７８` → `0412345678`; `+81 90…` → `090…` (a Japanese number written the international way). */
export function normalisePhone(text: string): string {
  const digits = text.normalize('NFKC').replace(/\D/g, '');
  return digits.startsWith('81') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

export function normaliseEmail(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** A name as compared: width folded, no spaces at all (`山田　花子` is `山田 花子`). */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The phone as a key: its digits without leading zeros, since a response tab may hold
 *  `0471234567` as the number 471234567. Null under 6 digits (no usable phone). */
export function phoneKey(text: string): string | null {
  const digits = normalisePhone(text).replace(/^0+/, '');
  return digits.length >= 6 ? `tel:${digits}` : null;
}

/** The keys a person is known by for one session (phone, a valid single address); empty when neither. */
export function contactKeys(phone: string, email: string): string[] {
  const keys: string[] = [];
  const p = phoneKey(phone);
  if (p) keys.push(p);
  const address = singleMailAddress(email);
  if (address) keys.push(`mail:${addressKey(address)}`);
  return keys;
}

/** FNV-1a 32-bit as 8 hex digits: the short tail of a フォーム回答ID (`申込日時/hash`), for a
 *  person reading 申込; answers are recognised by time and person, not by this. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
