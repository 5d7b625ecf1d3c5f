// User text that reaches a cell must never run as a formula (OWASP "CSV/formula injection"):
// a leading `=`, `+`, `-`, `@`, tab or carriage return makes Sheets and Excel evaluate it.
// A leading apostrophe makes the cell plain text and is not shown by Sheets.
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** Neutralises every string of a row; numbers, booleans, dates and blanks pass as they are. */
export function neutraliseRow<T>(row: readonly T[]): T[] {
  return row.map((v) => (typeof v === 'string' ? (neutraliseFormula(v) as T) : v));
}
