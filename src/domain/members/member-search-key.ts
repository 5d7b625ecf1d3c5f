import { regexQuoted } from '../text/regex-quoted';
import { searchKey } from '../text/search-key';

// The stored search key of a member (the hidden tab _会員検索, src/app/members/member-search-index.ts):
// 会員ID, フリガナ and 氏名 folded as searchKey folds what a person types, each after a `・`:
// `・m000123・ヤマシタタカシ・山下隆`. searchKey removes every `・` (a middle dot is a separator a
// person may or may not type), so a key's fields never hold one and a query never does: a search
// for the folded query can never match across two fields. The picker's rules (matchRank) become
// three regular expressions on the key, for Sheets' TextFinder (RE2) and JavaScript alike:
// the ID matched from its start only, フリガナ and 氏名 anywhere.

export const FIELD_MARK = '・';

/** The key of a row without a 会員ID: the picker never lists one, and no pattern below matches it
 *  (every pattern needs a character of the query after a mark). It keeps the row filled, so the
 *  hidden tab's last row is 会員's and an appended member lands on the same row number in both. */
export const NO_MEMBER_KEY = FIELD_MARK;

/** Before the key of a member who had left when it was written (退会日 on or before that day): past
 *  SEARCH_LIMIT matches the picker reads the enrolled first, as searchMembersInTab ranks them — by
 *  sheet order alone the oldest rows, where the leavers are, hid every enrolled member. The mark
 *  only chooses which rows are read; whether a member is enrolled is read from 会員 at search time. */
export const LEFT_MARK = '退';

/** The stored key of a member's row of 会員 (`left`: they had left when it was written). */
export function memberSearchKey(id: string, kana: string, name: string, left = false): string {
  const folded = searchKey(id);
  if (folded === '') return NO_MEMBER_KEY;
  return `${left ? LEFT_MARK : ''}${FIELD_MARK}${folded}${FIELD_MARK}${searchKey(kana)}${FIELD_MARK}${searchKey(name)}`;
}

/** The three searches of a folded query `key` (non-empty, so without a `・`) on the stored keys,
 *  from the loosest to the tightest, each a match anywhere in the cell with case kept:
 *  - any: the ID starts with it, or the kana or name contains it (matchRank 0–2);
 *  - starting: the ID, kana or name starts with it (matchRank 0–1);
 *  - exact: the ID, kana or name is it (matchRank 0). */
export function keyPatterns(key: string, withLeavers = true): { readonly any: string; readonly starting: string; readonly exact: string } {
  const q = regexQuoted(key);
  const other = `[^${FIELD_MARK}]*${FIELD_MARK}`; // the rest of one field and the mark after it
  // Every member's key, or (withLeavers false) only those without the leavers' mark.
  const start = withLeavers ? `^(?:${LEFT_MARK})?${FIELD_MARK}` : `^${FIELD_MARK}`;
  return {
    any: `${start}(?:${q}|${other}.*${q})`,
    starting: `${start}(?:${q}|${other}(?:${q}|${other}${q}))`,
    exact: `${start}(?:${q}${FIELD_MARK}|${other}(?:${q}${FIELD_MARK}|${other}${q}$))`,
  };
}
