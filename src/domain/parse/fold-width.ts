// NFKC folds full-width digits and letters (２０１５／４／１) to ASCII. It costs a scan and often a
// new string per call, and text that is already ASCII comes back unchanged, so the parsers ask
// for it only when a character above U+007F is present: most cells of a large center are ASCII
// IDs, dates and numbers, and the fold was a tenth of the weekly run's parse time.

/** True when every UTF-16 unit of `text` is ASCII. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** `text` in NFKC; the same string without any work when it is ASCII (NFKC leaves ASCII alone). */
export function foldWidth(text: string): string {
  return isAscii(text) ? text : text.normalize('NFKC');
}
