// Text that reaches a cell must never run as a formula (OWASP "CSV/formula injection"): a
// leading `=`, `+`, `-`, `@` (or their full-width forms, which a Japanese IME types), tab, CR or
// LF makes Sheets or Excel evaluate it or shift it. Sheets and Excel skip leading spaces and
// invisible characters before deciding, so `' =1+1'`, NBSP, U+3000, BOM, VT or FF before `=` are
// as dangerous as `=` itself. A leading apostrophe makes the cell plain text and is not shown by
// Sheets. Idempotent: a neutralised text starts with `'` and is left alone the second time.
const INVISIBLE = '\\s\\u0000-\\u001f\\u007f-\\u009f\\u00a0\\u00ad\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u2064\\u3000\\ufeff';
const DANGEROUS_START = new RegExp(`^(?:[\\t\\r\\n]|[${INVISIBLE}]*[=+\\-@\\uff1d\\uff0b\\uff0d\\uff20\\u2212])`);

export function neutraliseFormula(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** Whether `text` as written to a cell could be taken for a formula (tests and the write boundary). */
export function looksLikeFormula(text: string): boolean {
  return DANGEROUS_START.test(text);
}

/** Neutralises every string of a row; numbers, booleans, dates and blanks pass as they are. */
export function neutraliseRow<T>(row: readonly T[]): T[] {
  return row.map((v) => (typeof v === 'string' ? (neutraliseFormula(v) as T) : v));
}
