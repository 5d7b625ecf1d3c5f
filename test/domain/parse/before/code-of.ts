// codeOf as it was before the lookup maps (git show 4cf5bc8:src/domain/enums.ts), kept as the
// oracle the property tests hold the fast version to.
import type { Enumeration } from '../../../../src/domain/enums';

export function codeOf<C extends string>(e: Enumeration<C>, text: string): C | null {
  const t = text.trim();
  const lower = t.toLowerCase();
  for (const c of e.codes) {
    if (c.toLowerCase() === lower || e.ja[c] === t) return c;
  }
  return null;
}
