import type { Language } from '../enums';
import type { Period } from '../weekly/week-period';

// Small formatting shared by the subject, the HTML body and the text body.

/** `2026/11/16–11/22` (ja) or `2026-11-16 – 11-22` (en); the year is repeated when the week
 *  runs into the next one (`2026/12/28–2027/01/03`). */
export function weekRange(week: Period, lang: Language): string {
  const sameYear = week.from.slice(0, 4) === week.to.slice(0, 4);
  if (lang === 'ja') {
    const from = week.from.replace(/-/g, '/');
    const to = (sameYear ? week.to.slice(5) : week.to).replace(/-/g, '/');
    return `${from}–${to}`;
  }
  return `${week.from} – ${sameYear ? week.to.slice(5) : week.to}`;
}

/** `11/16(月)` / `Mon 11-16`: a day in the events tables. */
export function shortDay(day: string, weekdayIndex: number, lang: Language): string {
  const ja = ['月', '火', '水', '木', '金', '土', '日'];
  const en = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const md = day.slice(5);
  return lang === 'ja' ? `${md.replace('-', '/')}(${ja[weekdayIndex] ?? ''})` : `${en[weekdayIndex] ?? ''} ${md}`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatPercent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** `▲3` / `▼2` / `±0`; rates change in percentage points (`▲1.2pt`), times in the time unit (`▲1時間55分`). */
export function formatChange(now: number, before: number, kind: 'count' | 'rate' | 'minutes', minutes: (m: number) => string = String): string {
  const diff = now - before;
  if (kind === 'rate') {
    const pts = Math.round(diff * 1000) / 10;
    if (pts === 0) return '±0pt';
    return `${pts > 0 ? '▲' : '▼'}${Math.abs(pts).toFixed(1)}pt`;
  }
  if (diff === 0) return '±0';
  return `${diff > 0 ? '▲' : '▼'}${kind === 'minutes' ? minutes(Math.abs(diff)) : formatCount(Math.abs(diff))}`;
}
