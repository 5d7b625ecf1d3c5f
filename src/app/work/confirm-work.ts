import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { wordText } from '../../domain/messages/catalog';
import { encodeRecord, ownedCells } from '../../domain/schema/record-cells';
import { headerName, WORK_LOG_TAB } from '../../domain/schema/tabs';
import { monthOf } from '../../domain/work/month';
import type { TableStore } from '../ports';
import { recordId } from '../shared/arg-schemas';
import { ApiError } from '../shared/api-error';
import { writeAudit } from '../shared/audit';
import type { CallContext } from '../shared/call-context';
import { readWorkLog } from './member-work';
import { readMonthCloses } from './month-closes';

// 確認 ticked (or unticked) on work rows: the client confirmed the member's work (the panel's
// 確認 tick, a row or the whole month at once). Only the 確認 cells are written: one write per
// run of consecutive sheet rows, and the rows of one save are consecutive (recordWork appends
// them together), so a month recorded in one save is confirmed in one write. A row in a closed
// month is refused naming the month (the close counted what was there). The caller holds the
// write lock. Service use: 就業実績 (a few columns), 月次締め, the writes, one audit row.

export const CONFIRM_WORK_INPUT = lazySchema(() => z.strictObject({
  work_ids: z.array(recordId).check(z.minLength(1), z.maxLength(500)),
  confirmed: z.boolean(),
}));
export type ConfirmWorkInput = z.infer<typeof CONFIRM_WORK_INPUT>;

const confirmedColumn = WORK_LOG_TAB.columns.find((c) => c.key === 'confirmed')!;

export interface ConfirmWorkOutput {
  readonly confirmed: boolean;
  /** The rows whose 確認 changed (a row already so is not written again). */
  readonly changed: readonly string[];
}

export function confirmWork(store: TableStore, ctx: Pick<CallContext, 'lang' | 'now' | 'email'>, input: ConfirmWorkInput): ConfirmWorkOutput {
  const words = wordText(ctx.lang);
  const log = readWorkLog(store);
  const at = new Map<string, number>();
  log.records.forEach((r, i) => { if (r.work_id) at.set(r.work_id, i); });
  const wanted = [...new Set(input.work_ids)];
  const missing = wanted.find((id) => !at.has(id));
  if (missing !== undefined || log.layout === null) throw new ApiError('not_found', { what: words.things.work, id: missing ?? wanted[0] ?? '' });
  const layout = log.layout;
  // A 就業実績 without 確認 (a tab made by hand): say which column to add rather than write nowhere.
  if ((layout.index.get('confirmed') ?? -1) < 0) throw new ApiError('bad_workbook', { detail: words.missingColumn(layout.name, headerName(confirmedColumn, ctx.lang)) });
  const found = wanted.map((id) => { const i = at.get(id) ?? 0; return { record: log.records[i]!, row: log.rowNumbers[i] ?? 0 }; });
  const closes = readMonthCloses(store, ctx.lang);
  const closed = [...new Set(found.map((f) => monthOf(f.record.date)).filter((m) => closes.closed.has(m)))].sort();
  if (closed.length > 0) throw new ApiError('month_closed', { months: words.list(closed) });

  const change = found.filter((f) => (f.record.confirmed === true) !== input.confirmed).sort((a, b) => a.row - b.row);
  const cell = encodeRecord(WORK_LOG_TAB, { confirmed: input.confirmed }, ctx.lang);
  // Runs of consecutive rows: one writeCells each.
  let start = 0;
  for (let i = 1; i <= change.length; i++) {
    if (i < change.length && change[i]!.row === change[i - 1]!.row + 1) continue;
    const run = change.slice(start, i);
    store.writeCells(layout.name, run[0]!.row, ownedCells<typeof WORK_LOG_TAB>(layout.index, ['confirmed'], run.map(() => cell)));
    start = i;
  }
  const changed = change.map((f) => f.record.work_id ?? '');
  if (changed.length > 0) {
    writeAudit(store, ctx.lang, {
      at: ctx.now, user: ctx.email, action: input.confirmed ? 'confirm_work' : 'unconfirm_work', sheet: layout.name,
      recordId: changed.length > 1 ? `${changed[0]}..${changed[changed.length - 1]}` : (changed[0] ?? ''),
      detail: `rows=${changed.length}`,
    });
  }
  return { confirmed: input.confirmed, changed };
}
