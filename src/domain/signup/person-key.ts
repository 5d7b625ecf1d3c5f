// Who a sign-up is, for "the same person signed up twice": the phone's digits or the lower-cased
// e-mail. Only a short hash is kept in the sign-up ledger (document properties), so the ledger
// never holds a phone number or an address.

/** `０４-１２３４-５６７８` → `0412345678`; `+81 90…` → `090…` (a Japanese number written the international way). */
export function normalisePhone(text: string): string {
  const digits = text.normalize('NFKC').replace(/\D/g, '');
  return digits.startsWith('81') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

export function normaliseEmail(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** FNV-1a 32-bit as 8 hex digits: small, deterministic, and with no Web or Node API (the bundle has none). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The hashed keys a person is known by (phone, e-mail); empty when neither was given. */
export function personKeys(phone: string, email: string): string[] {
  const keys: string[] = [];
  const p = normalisePhone(phone);
  const e = normaliseEmail(email);
  if (p.length >= 6) keys.push(shortHash(`tel:${p}`));
  if (e.includes('@')) keys.push(shortHash(`mail:${e}`));
  return keys;
}
