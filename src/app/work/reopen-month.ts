import { MONTHLY_CLOSE_TAB } from '../../domain/schema/tabs';
import type { Month } from '../../domain/work/month';
import { writeAudit } from '../shared/audit';
import { updateRecord } from '../shared/record-writes';
import { underWriteLock } from '../shared/write-boundary';
import type { ClosePorts } from './close-month';
import { readMonthCloses } from './month-closes';
import type { WorkContext } from './record-work';

// A manager reopens a closed month (issue 13): its row in 月次締め says 再開, with when and by
// whom, and recordWork takes its rows again until the month is closed once more. Only a manager
// may: the caller checks (the CLI is run by whoever holds the file; a menu item would be
// `manager` in the table of server calls). Writes 状態, 再開日時 and 再開担当 only.
export type ReopenResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'busy' | 'not_closed' };

export function reopenMonth(ports: ClosePorts, ctx: WorkContext, month: Month): ReopenResult {
  const locked = underWriteLock(ports, (): ReopenResult => {
    const closes = readMonthCloses(ports.store, ctx.lang);
    const existing = closes.rows.get(month);
    if (!closes.closed.has(month) || !existing || closes.tab === null) return { ok: false, code: 'not_closed' };
    updateRecord(ports.store, MONTHLY_CLOSE_TAB, { tab: closes.tab, index: closes.index, row: existing.row }, existing.record,
      { ...existing.record, status: 'reopened', reopened_at: ctx.now, reopened_by: ctx.user }, ctx.lang);
    writeAudit(ports.store, ctx.lang, { at: ctx.now, user: ctx.user, action: 'reopen_month', sheet: closes.tab, recordId: month, detail: 'status=reopened' });
    return { ok: true };
  });
  return locked.ok ? locked.value : { ok: false, code: 'busy' };
}
