import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import type { CivilDate } from '../../domain/civil-date';
import { wordText } from '../../domain/messages/catalog';
import { capsExceeded, type CapExcess } from '../../domain/work/caps-exceeded';
import { monthOf } from '../../domain/work/month';
import type { KeyValueStore, TableStore } from '../ports';
import { civilDateArg, freeText, recordId } from '../shared/arg-schemas';
import { ApiError } from '../shared/api-error';
import type { CallContext } from '../shared/call-context';
import { byDayThenJob, placementHolds, readPlacements, readWorkLog, rowView, type WorkRowView } from './member-work';
import { recordUnderLock } from './record-work';

// The 就業実績 panel's save (the recordWork call): one member's work on one job for a day or a
// month at once, one row per day. The job must be one of the member's placements holding on each
// day (マッチング 成立, or 終了 on or after it); a day the member already has a row for on that
// job is refused (one row = one member's work on one job on one day: the sheet is the place to
// correct it); a day in a closed month is refused naming the month. Going over the 臨短軽 caps is
// a warning in the answer, not a refusal: the work was done. The caller holds the write lock.
// Service use: マッチング and 就業実績 (a few columns each), 月次締め, the ID counter, one append,
// one audit row.

export const WORK_DAYS_MAX = 62;

export const RECORD_MEMBER_WORK_INPUT = lazySchema(() => z.strictObject({
  member_id: recordId,
  job_id: recordId,
  days: z.array(z.strictObject({
    date: civilDateArg,
    // A day of no hours is no work day: the panel leaves such days out.
    hours: z.number().check(z.gt(0), z.lte(24)),
    amount: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(10_000_000)))),
  })).check(z.minLength(1), z.maxLength(WORK_DAYS_MAX), z.refine((days) => new Set(days.map((d) => d.date)).size === days.length, { message: 'one row per day' })),
  notes: z.optional(freeText(500)),
}));
export type RecordMemberWorkInput = z.infer<typeof RECORD_MEMBER_WORK_INPUT>;

export interface RecordMemberWorkOutput {
  readonly work_ids: readonly string[];
  /** The member's rows of the months the save touched, the new ones included. */
  readonly rows: readonly WorkRowView[];
  readonly excess: CapExcess;
}

export function recordMemberWork(
  ports: { readonly store: TableStore; readonly props: KeyValueStore }, ctx: Pick<CallContext, 'lang' | 'settings' | 'now' | 'email'>, input: RecordMemberWorkInput,
): RecordMemberWorkOutput {
  const words = wordText(ctx.lang);
  const placements = readPlacements(ports.store, input.member_id).filter((m) => m.job_id === input.job_id);
  const unplaced = input.days.map((d) => d.date).filter((day) => !placements.some((m) => placementHolds(m, day))).sort();
  if (unplaced.length > 0) throw new ApiError('not_placed', { member: input.member_id, job: input.job_id, dates: words.list(unplaced) });

  const log = readWorkLog(ports.store);
  const mine = log.records.filter((r) => r.member_id === input.member_id);
  const taken = new Set(mine.filter((r) => r.job_id === input.job_id).map((r) => r.date));
  const twice = input.days.map((d) => d.date).filter((day) => taken.has(day)).sort();
  if (twice.length > 0) throw new ApiError('work_exists', { member: input.member_id, job: input.job_id, dates: words.list(twice) });

  const rows = input.days.map((d) => ({ date: d.date, member_id: input.member_id, job_id: input.job_id, hours: d.hours, amount: d.amount ?? null, notes: input.notes ?? '' }));
  const result = recordUnderLock(ports, { lang: ctx.lang, now: ctx.now, user: ctx.email }, rows, log.layout ?? undefined);
  if (!result.ok) {
    if (result.code === 'month_closed') throw new ApiError('month_closed', { months: words.list(result.months) });
    throw new ApiError(result.code === 'busy' ? 'busy' : 'bad_input', result.code === 'busy' ? {} : { detail: result.detail });
  }
  const added = rows.map((r, i) => rowView({ ...r, work_id: result.workIds[i] ?? '', confirmed: false, recorded_at: ctx.now, notes: r.notes }));
  const all = [...mine.map(rowView), ...added];
  const months = new Set(rows.map((r) => monthOf(r.date)));
  const touched: CivilDate[] = rows.map((r) => r.date);
  return {
    work_ids: result.workIds,
    rows: all.filter((r) => months.has(monthOf(r.date))).sort(byDayThenJob),
    excess: capsExceeded(all, touched, { weeklyHoursCap: ctx.settings.weeklyHoursCap, monthlyDaysCap: ctx.settings.monthlyDaysCap }),
  };
}
