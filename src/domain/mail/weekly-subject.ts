import type { Language } from '../enums';
import type { Period } from '../weekly/week-period';
import { weekRange } from './weekly-format';
import { WEEKLY_STRINGS } from './weekly-strings';

/** `【柏市シルバー人材センター】週次サマリー 2026/11/16–11/22` / `[Kashiwa] Weekly summary 2026-11-16 – 11-22`. */
export function weeklySubject(centerName: string, week: Period, lang: Language): string {
  const s = WEEKLY_STRINGS[lang];
  const center = centerName.trim() || s.defaultCenter;
  return lang === 'ja'
    ? `【${center}】${s.title} ${weekRange(week, lang)}`
    : `[${center}] ${s.title} ${weekRange(week, lang)}`;
}
