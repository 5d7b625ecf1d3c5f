/** `text` as a regular expression that matches it literally: RE2 (Sheets' TextFinder) and
 *  JavaScript read these escapes alike. */
export function regexQuoted(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
