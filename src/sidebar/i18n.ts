import { ACTIVITY_KIND, AREA, JOB_ENGAGEMENT, JOB_STATUS, MATCH_STATUS, ROLE, SECTOR, type Enumeration, type Language } from '../domain/enums';
import { sidebarText, type SidebarText } from '../domain/messages/catalog';

// Every word the sidebar shows, in Japanese (default) and English: the catalog's sidebar part
// (src/domain/messages/ja.ts, en.ts), the only part this bundle carries. Enumeration labels come
// from the domain's tables so the sidebar says exactly what the sheet says.
export type Strings = SidebarText;

export function stringsFor(lang: Language): Strings {
  return sidebarText(lang);
}

/** An enumeration's label for people: Japanese label, or the English code made readable. */
export function label<C extends string>(e: Enumeration<C>, code: C, lang: Language): string {
  return lang === 'ja' ? e.ja[code] : code.replace(/_/g, ' ');
}

export const ENUMS = { AREA, ACTIVITY_KIND, JOB_STATUS, MATCH_STATUS, ROLE, SECTOR, JOB_ENGAGEMENT };
