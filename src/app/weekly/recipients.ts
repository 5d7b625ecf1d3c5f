import type { Coordinator } from '../../domain/schema/tabs';
import type { Settings } from '../../domain/settings';

// Who gets the weekly mail and who hears when it fails. Staff addresses only: members never
// receive the summary, and it never carries their addresses.

function looksLikeAddress(text: string): boolean {
  return /^[^\s@<>,;]+@[^\s@<>,;]+$/.test(text);
}

function unique(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of list) {
    const key = a.toLowerCase();
    if (!seen.has(key)) { seen.add(key); out.push(a); }
  }
  return out;
}

/** 設定 週次メール送信先 when set, else every active coordinator and manager. Text that is not
 *  an address is skipped (counted in `skipped`) rather than failing the whole send. */
export function weeklyRecipients(settings: Settings, coordinators: readonly Coordinator[]): { to: string[]; skipped: number } {
  const wanted = settings.weeklyRecipients.length > 0
    ? settings.weeklyRecipients
    : coordinators.filter((c) => c.active && (c.role === 'coordinator' || c.role === 'manager')).map((c) => c.email.trim());
  const to = unique(wanted.filter(looksLikeAddress));
  return { to, skipped: wanted.length - wanted.filter(looksLikeAddress).length };
}

/** The active managers, who hear when a run fails. */
export function managerAddresses(coordinators: readonly Coordinator[]): string[] {
  return unique(coordinators.filter((c) => c.active && c.role === 'manager').map((c) => c.email.trim()).filter(looksLikeAddress));
}
