import type { Language } from './enums';

// A slot is a weekday plus a half day (workbook.md "Availability slots").
// The code is the English form `Mon-AM`; the Japanese form is `月AM`.
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAYS_JA = ['月', '火', '水', '木', '金', '土', '日'] as const;
export const HALVES = ['AM', 'PM'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Slot = `${Weekday}-${(typeof HALVES)[number]}`;

export const ALL_SLOTS: readonly Slot[] = WEEKDAYS.flatMap((d) => HALVES.map((h) => `${d}-${h}` as Slot));

/** `月AM`, `月ＡＭ`, `Mon-AM`, `mon am`, `Mon AM` → `Mon-AM`; anything else → null. */
export function parseSlot(text: string): Slot | null {
  const t = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const m = /^(.+?)[-\s]?(AM|PM|午前|午後)$/i.exec(t);
  if (!m) return null;
  const dayText = (m[1] ?? '').replace(/曜日?$/, '');
  const halfText = (m[2] ?? '').toUpperCase();
  const half = halfText === '午前' ? 'AM' : halfText === '午後' ? 'PM' : halfText;
  let dayIndex = WEEKDAYS_JA.indexOf(dayText as (typeof WEEKDAYS_JA)[number]);
  if (dayIndex < 0) dayIndex = WEEKDAYS.findIndex((d) => d.toLowerCase() === dayText.toLowerCase());
  if (dayIndex < 0) return null;
  return `${WEEKDAYS[dayIndex]}-${half}` as Slot;
}

export function slotLabel(slot: Slot, lang: Language): string {
  if (lang === 'en') return slot;
  const [day, half] = slot.split('-') as [Weekday, string];
  return `${WEEKDAYS_JA[WEEKDAYS.indexOf(day)]}${half}`;
}

/** Weekday (0 = Monday) of a slot. */
export function slotWeekday(slot: Slot): number {
  return WEEKDAYS.indexOf(slot.split('-')[0] as Weekday);
}
