import type { MonthlyClose } from '../schema/tabs';
import { parseMonth, type Month } from './month';

// Which months 月次締め holds closed: a row per month whose 状態 is 締め (再開 = reopened by a
// manager, open again). A month with two rows is a duplicate-ID problem; the last row read wins.
export function closedMonths(closes: readonly Pick<MonthlyClose, 'month' | 'status'>[]): Set<Month> {
  const state = new Map<Month, boolean>();
  for (const c of closes) {
    const month = parseMonth(c.month);
    if (month !== null) state.set(month, c.status === 'closed');
  }
  return new Set([...state].filter(([, closed]) => closed).map(([m]) => m));
}
