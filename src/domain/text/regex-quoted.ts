/** `text` as a regular expression that matches it literally: RE2 (Sheets' TextFinder) and
 *  JavaScript read these escapes alike. */
export function regexQuoted(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any run of the spaces `String.prototype.trim` removes, as a regular expression Google reads as
 *  JavaScript does: RE2's and Java's `\s` are the ASCII spaces only, so a full-width space (U+3000)
 *  or NBSP typed after an ID, which the ID readers trim, would not be matched by `\s*`. The
 *  characters are given literally in one class, which every flavour reads alike. */
export const TRIMMED_SPACES = `[\\t\\n\\x0B\\f\\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*`;
