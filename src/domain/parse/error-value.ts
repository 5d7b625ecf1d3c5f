import type { Cell } from '../cell';
import { foldWidth } from './fold-width';
import { isWhiteSpace } from './white-space';

// A cell whose formula failed holds an error value, not data (workbook.md, General rules).
// Google Sheets' getValues and exceljs both hand it over as its text (`#N/A`), which every reader
// would otherwise take at face value: `#N/A` as a member's ID, `#REF!` as a name.

/** The error values of Excel and Google Sheets (`#ERROR!` is Sheets' own), as they are shown. */
export const ERROR_VALUES = [
  '#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA',
  '#ERROR!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!',
] as const;

export type ErrorValue = (typeof ERROR_VALUES)[number];

const BY_TEXT: ReadonlyMap<string, ErrorValue> = new Map(ERROR_VALUES.map((e) => [e, e]));

/**
 * The error value `c` holds (`#N/A`), or null for every other cell. Text is compared trimmed, in
 * any case and width (`＃ｎ／ａ` is `#N/A`). Costs one character test for a cell that does not
 * start with `#` (nearly every cell), so it can run on every cell a parser reads.
 */
export function errorValueOf(c: Cell | undefined): ErrorValue | null {
  if (typeof c !== 'string' || c.length < 4) return null;
  let code = c.charCodeAt(0);
  if (code !== 0x23 /* # */ && code !== 0xff03 /* ＃ */) {
    // Leading white space is rare; only then is the text trimmed to look further.
    if (!isWhiteSpace(code)) return null;
    code = c.trimStart().charCodeAt(0);
    if (code !== 0x23 && code !== 0xff03) return null;
  }
  return BY_TEXT.get(foldWidth(c.trim()).toUpperCase()) ?? null;
}

const NON_FINITE_TEXT = /^[+-]?(?:nan|inf|infinity)$/i;

/**
 * True for a number that is not finite (NaN, ±Infinity: what a failed calculation in a script
 * leaves) and for its text in the spellings JavaScript and Python print (`NaN`, `-Infinity`,
 * `inf`, `nan`), which are never an ID or a number a person typed.
 */
export function isNonFinite(c: Cell | undefined): boolean {
  if (typeof c === 'number') return !Number.isFinite(c);
  if (typeof c !== 'string' || c.length === 0 || c.length > 12) return false;
  // Every ID is tested: one look at the first character turns nearly all of them away (`M00001`).
  const first = c.charCodeAt(0);
  const letter = first | 0x20;
  if (first < 0x80 && letter !== 0x6e /* n */ && letter !== 0x69 /* i */ && first !== 0x2b && first !== 0x2d && !isWhiteSpace(first)) return false;
  return NON_FINITE_TEXT.test(foldWidth(c.trim()));
}
