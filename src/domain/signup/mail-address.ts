// The メール answer of the sign-up form is typed by a stranger: the desk mails it only when it is
// exactly one address. `a@x.jp,b@x.jp` (or with `;`, spaces, `<…>`, a second `@`) sent one
// confirmation to fifty people from the center's account and spent fifty of the day's quota,
// so anything but one plain address means no mail at all (the place is still kept, and 申込's
// メモ says why).
//
// One address: after NFKC (a phone's full-width `ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ` is the same
// address) and trimming the ends, an RFC 5322 dot-atom local part of at most 64 characters, `@`,
// and a DNS host name (labels of letters, digits and inner hyphens, at most 63 each) whose last
// label is 2–63 letters; at most 254 characters in all. No quoted local parts, comments, IP
// literals or display names: nobody signing up for a seminar needs them, and each is a way to
// smuggle a second recipient past a looser check. Case is kept (the local part may be case
// sensitive); `sameAddress` compares without it.

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const ADDRESS = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+[A-Za-z]{2,63}$`);

/** The address when `answer` is exactly one syntactically valid address, else null. */
export function singleMailAddress(answer: string): string | null {
  const text = answer.normalize('NFKC').trim();
  if (text.length < 6 || text.length > 254) return null;
  if (!ADDRESS.test(text)) return null;
  return text.indexOf('@') <= 64 ? text : null;
}

/** What an answer that is not blank but is no address means for the row: 'invalid'; blank: null. */
export function mailAnswerProblem(answer: string): 'invalid_address' | null {
  return answer.trim() !== '' && singleMailAddress(answer) === null ? 'invalid_address' : null;
}

/** The address as a dedupe key: lower-cased (two sign-ups by `Hanako@x.jp` and `hanako@x.jp` are one person). */
export function addressKey(address: string): string {
  return address.toLowerCase();
}
