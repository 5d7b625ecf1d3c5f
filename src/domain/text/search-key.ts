// What a person types to find a member, and what the member's ID, フリガナ and 氏名 are compared
// as: both folded the same way, so that a coordinator finds 山下 隆 whether they type
// 「やました」, 「ヤマシタ」, 「ﾔﾏｼﾀ」, 「山下隆」, 「山下　隆」 or 「髙橋」 for 高橋. Pure (no Node, no
// Google), so the sidebar's own picker can fold its list with the very same function.

/** Small kana a name may be written with in large form in an old record (キヨウコ for キョウコ),
 *  and the voiced kana that sound alike (ヂ/ジ, ヅ/ズ): folded to one form. */
const KANA_FOLD: Readonly<Record<string, string>> = {
  ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ',
  ヂ: 'ジ', ヅ: 'ズ',
};

/** Old and variant forms of kanji common in family names, which NFKC leaves as they are: a
 *  member registered as 髙橋 is found by 高橋 and the other way round. */
const KANJI_FOLD: Readonly<Record<string, string>> = {
  髙: '高', 﨑: '崎', 嵜: '崎', 齋: '斎', 齊: '斉', 邊: '辺', 邉: '辺', 濵: '浜', 濱: '浜', 廣: '広',
  澤: '沢', 眞: '真', 國: '国', 榮: '栄', 德: '徳', 惠: '恵', 冨: '富', 櫻: '桜', 來: '来', 龍: '竜', 嶋: '島',
  嶌: '島', 鷗: '鴎', 壽: '寿', 與: '与', 實: '実', 藝: '芸', 條: '条', 淺: '浅', 瀨: '瀬', 靜: '静', 將: '将',
};

const FOLD_PATTERN = new RegExp(`[${Object.keys(KANA_FOLD).join('')}${Object.keys(KANJI_FOLD).join('')}]`, 'gu');

/**
 * NFKC (full-width letters and digits, half-width katakana and the ideographic space become
 * their ordinary forms), hiragana → katakana (フリガナ is written in katakana), small and
 * voiced kana and variant kanji folded, every space and middle dot removed (so family and given
 * name may be typed together or apart), lower case.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .replace(FOLD_PATTERN, (ch) => KANA_FOLD[ch] ?? KANJI_FOLD[ch] ?? ch)
    .replace(/[\s・･]+/g, '')
    .toLowerCase();
}

/** How well a folded `key` fits a member: 0 = the ID, kana or name is exactly the query,
 *  1 = one of them starts with it, 2 = the kana or name contains it, null = no match. */
export function matchRank(key: string, id: string, kana: string, name: string): 0 | 1 | 2 | null {
  if (key === '') return null;
  const k = searchKey(kana);
  const n = searchKey(name);
  const i = searchKey(id);
  if (i === key || k === key || n === key) return 0;
  if (i.startsWith(key) || k.startsWith(key) || n.startsWith(key)) return 1;
  if (k.includes(key) || n.includes(key)) return 2;
  return null;
}
