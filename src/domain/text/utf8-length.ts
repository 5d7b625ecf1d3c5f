/** Bytes of `text` in UTF-8, counted by hand: Apps Script has no TextEncoder. The limits it is
 *  held to (a cache value's 100 KB, a property value's 9 KB, a mail's size) are Google's, in bytes;
 *  a kana is 3 of them. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { n += 4; i += 1; }
    else n += 3;
  }
  return n;
}
