import { FIELD_MARK, NO_ID_KEY, foldedKey, foldedKeyPatterns, keysMarked } from '../text/folded-key';

// The stored search key of a member (the hidden tab _会員検索, src/app/members/member-search-index.ts):
// 会員ID, フリガナ and 氏名 folded as a stored key (domain/text/folded-key.ts):
// `・m000123・ヤマシタタカシ・山下隆`, the ID matched from its start only, フリガナ and 氏名 anywhere.

export { FIELD_MARK };

/** The key of a row without a 会員ID (folded-key.ts NO_ID_KEY). */
export const NO_MEMBER_KEY = NO_ID_KEY;

/** Before the key of a member who had left when it was written (退会日 on or before that day): past
 *  SEARCH_LIMIT matches the picker reads the enrolled first, as searchMembersInTab ranks them — by
 *  sheet order alone the oldest rows, where the leavers are, hid every enrolled member. The mark
 *  only chooses which rows are read; whether a member is enrolled is read from 会員 at search time. */
export const LEFT_MARK = '退';

/** The stored key of a member's row of 会員 (`left`: they had left when it was written). */
export function memberSearchKey(id: string, kana: string, name: string, left = false): string {
  return foldedKey(left ? LEFT_MARK : '', id, kana, name);
}

/** The three searches of a folded query `key` (folded-key.ts foldedKeyPatterns), over every
 *  member's key or (withLeavers false) only those without the leavers' mark. */
export function keyPatterns(key: string, withLeavers = true): { readonly any: string; readonly starting: string; readonly exact: string } {
  return foldedKeyPatterns(key, keysMarked(withLeavers ? null : [''], [LEFT_MARK]));
}
