import type { Coordinator } from '../../domain/schema/tabs';

// Who gets a survey mail: every active coordinator and manager of コーディネータ (staff only;
// viewers do not, nor 週次メール送信先's lists: a survey's figures are for the people who act on
// them). An entry that is not one plain address is left out, once per address.
export function surveyRecipients(coordinators: readonly Coordinator[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of coordinators) {
    if (!c.active || (c.role !== 'coordinator' && c.role !== 'manager')) continue;
    const address = c.email.trim();
    if (!/^[^\s@<>,;]+@[^\s@<>,;]+$/.test(address)) continue;
    const key = address.toLowerCase();
    if (!seen.has(key)) { seen.add(key); out.push(address); }
  }
  return out;
}
