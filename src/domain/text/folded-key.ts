import { regexQuoted } from './regex-quoted';
import { searchKey } from './search-key';

// A stored search key (the hidden tabs _会員検索 and _仕事検索, src/app/shared/folded-key-tab.ts):
// a record's ID and two names folded as searchKey folds what a person types, each after a `・`,
// with a mark before the first when the record is to be read after the others past the picker's
// limit (a leaver, a job no longer open): `・m000123・ヤマシタタカシ・山下隆`. searchKey removes
// every `・` (a middle dot is a separator a person may or may not type), so a key's fields never
// hold one and a query never does: a search for the folded query can never match across two
// fields. The picker's rules (matchRank) become three regular expressions on the key, for
// Sheets' TextFinder (RE2) and JavaScript alike: the ID matched from its start only, the names
// anywhere.

export const FIELD_MARK = '・';

/** The one header cell of a folded-key tab (column A: the keys); the add-in writes it, and knows it
 *  without reading it (src/app/shared/desk-cache.ts WRITTEN_HEADERS). */
export const KEY_HEADER = '検索キー';

/** The key of a row without an ID: the picker never lists one, and no pattern below matches it
 *  (every pattern needs a character of the query after a mark). It keeps the row filled, so the
 *  hidden tab's last row is the center tab's and an appended record lands on the same row number. */
export const NO_ID_KEY = FIELD_MARK;

/** The stored key of a record: `mark` (one character or '') before its folded ID and names. */
export function foldedKey(mark: string, id: string, first: string, second: string): string {
  const folded = searchKey(id);
  if (folded === '') return NO_ID_KEY;
  return `${mark}${FIELD_MARK}${folded}${FIELD_MARK}${searchKey(first)}${FIELD_MARK}${searchKey(second)}`;
}

/** The start of the keys searched: `marks` the marks allowed ('' for none), every key when null. */
export function keysMarked(marks: readonly string[] | null, all: readonly string[]): string {
  const allowed = marks ?? ['', ...all];
  const chars = allowed.filter((m) => m !== '').map(regexQuoted).join('');
  const optional = allowed.includes('');
  if (chars === '') return `^${FIELD_MARK}`;
  return `^[${chars}]${optional ? '?' : ''}${FIELD_MARK}`;
}

/** The three searches of a folded query `key` (non-empty, so without a `・`) on the keys that
 *  begin as `start` (keysMarked), from the loosest to the tightest, each a match anywhere in the
 *  cell with case kept:
 *  - any: the ID starts with it, or a name contains it (matchRank 0–2);
 *  - starting: the ID or a name starts with it (matchRank 0–1);
 *  - exact: the ID or a name is it (matchRank 0). */
export function foldedKeyPatterns(key: string, start: string): { readonly any: string; readonly starting: string; readonly exact: string } {
  const q = regexQuoted(key);
  const other = `[^${FIELD_MARK}]*${FIELD_MARK}`; // the rest of one field and the mark after it
  return {
    any: `${start}(?:${q}|${other}.*${q})`,
    starting: `${start}(?:${q}|${other}(?:${q}|${other}${q}))`,
    exact: `${start}(?:${q}${FIELD_MARK}|${other}(?:${q}${FIELD_MARK}|${other}${q}$))`,
  };
}
