// What a cell holds once an adapter has read it. Adapters turn the spreadsheet's Date objects
// into `DateCell`s in the center's time zone, so the domain never meets a Date or a time zone.
export interface DateCell {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when the cell carries a time of day. */
  readonly date: string;
}
export type Cell = string | number | boolean | null | DateCell;

/** A tab as read: its actual name, its header row as written, and the data rows below it. */
export interface RawTable {
  readonly name: string;
  readonly header: readonly string[];
  /** Row i is sheet row i + firstRow. Rows may be shorter than the header; missing cells read as null. */
  readonly rows: readonly (readonly Cell[])[];
  /** The sheet row of `rows[0]`: 2 (just below the header) unless only the tab's last rows were read. */
  readonly firstRow?: number;
  /** The sheet row of each row, when the rows read are not one block (rows found by key): overrides firstRow. */
  readonly rowNumbers?: readonly number[];
}

/** Some columns of some rows of a tab: `columns` are 0-based positions in the tab's header, in
 *  any order, each once; every row holds one value per column, in the same order. What a writer
 *  owns: nothing outside these columns is read back or written. */
export interface OwnedCells {
  readonly columns: readonly number[];
  readonly rows: readonly (readonly Cell[])[];
}

export function isDateCell(c: Cell): c is DateCell {
  return typeof c === 'object' && c !== null && typeof (c as DateCell).date === 'string';
}

export function dateCell(date: string): DateCell {
  return { date };
}

/** True for null, '' and whitespace-only text. */
export function isBlank(c: Cell | undefined): boolean {
  return c === undefined || c === null || (typeof c === 'string' && c.trim() === '');
}

/** The plain text of a cell, as a person would read it. */
export function cellText(c: Cell | undefined): string {
  if (c === undefined || c === null) return '';
  if (isDateCell(c)) return c.date;
  return String(c).trim();
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 reference of a data row (0-based, below the header) and column (0-based). */
export function cellRef(rowIndex: number, colIndex: number): string {
  return `${columnLetter(colIndex)}${rowIndex + 2}`;
}
