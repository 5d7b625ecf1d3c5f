import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import type { CivilDate } from '../../domain/civil-date';
import type { JobEngagement, Language } from '../../domain/enums';
import { parseTable } from '../../domain/parse/parse-table';
import { JOBS_TAB, MATCHES_TAB, WORK_LOG_TAB, type Match, type WorkRecord } from '../../domain/schema/tabs';
import { capsExceeded, type CapExcess } from '../../domain/work/caps-exceeded';
import { monthOf, monthPeriod, parseMonth, type Month } from '../../domain/work/month';
import type { TableStore } from '../ports';
import type { CallContext } from '../shared/call-context';
import { readColumnsOf } from '../shared/read-part';
import { recordId } from '../shared/arg-schemas';
import { ApiError } from '../shared/api-error';
import { wordText } from '../../domain/messages/catalog';
import { layoutFromHeader, type WorkLogLayout } from './record-work';
import { readMonthCloses } from './month-closes';

// The 就業実績 panel's read (listMemberWork): one member's placements that hold during a month
// (the jobs their work can be recorded on) and their rows of the month, with the caps those rows
// go over. Reads a few columns of マッチング, 仕事 and 就業実績, and 月次締め: never a name,
// phone or address (the panel has the member's name from its picker).

/** `YYYY-MM` as the panel sends it. */
export const monthArg = lazySchema(() => z.string().check(z.refine((s) => parseMonth(s) === s, { message: 'YYYY-MM' })));

export const MEMBER_WORK_INPUT = lazySchema(() => z.strictObject({ member_id: recordId, month: monthArg }));

export interface PlacementView {
  readonly match_id: string;
  readonly job_id: string;
  readonly title: string;
  readonly engagement: JobEngagement | null;
  readonly placed_on: CivilDate | null;
  readonly ended_on: CivilDate | null;
}

export interface WorkRowView {
  readonly work_id: string;
  readonly date: CivilDate;
  readonly job_id: string;
  readonly hours: number;
  readonly amount: number | null;
  readonly confirmed: boolean;
}

export interface MemberWorkOutput {
  readonly member_id: string;
  readonly month: Month;
  /** 月次締め holds the month closed: nothing can be recorded or confirmed in it. */
  readonly closed: boolean;
  readonly placements: readonly PlacementView[];
  /** The member's rows of the month, by day then job. */
  readonly rows: readonly WorkRowView[];
  readonly caps: { readonly weekly_hours: number; readonly monthly_days: number };
  readonly excess: CapExcess;
}

/** A placement (成立, or 終了 with its day) holds on `day`: begun by then and not ended before. */
export function placementHolds(m: Pick<Match, 'status' | 'placed_on' | 'ended_on'>, day: CivilDate): boolean {
  if (m.status !== 'placed' && m.status !== 'ended') return false;
  if (m.placed_on !== null && m.placed_on > day) return false;
  return m.ended_on === null ? m.status === 'placed' : m.ended_on >= day;
}

/** The member's placements from マッチング (a few columns, one read). */
export function readPlacements(store: TableStore, memberId: string): Match[] {
  return readAllPlacements(store).filter((m) => m.member_id === memberId);
}

/** Every member's placements on a job from マッチング (the same read, for a run over many members). */
export function readAllPlacements(store: TableStore): Match[] {
  const raw = readColumnsOf(store, MATCHES_TAB, ['match_id', 'job_id', 'member_id', 'status', 'placed_on', 'ended_on']);
  if (!raw) return [];
  return parseTable(MATCHES_TAB, raw).records.filter((m) => m.job_id !== null && m.job_id !== '' && (m.status === 'placed' || m.status === 'ended'));
}

export interface WorkLogRead {
  /** null when the workbook has no 就業実績 yet (recordWork makes it). */
  readonly layout: WorkLogLayout | null;
  readonly records: readonly WorkRecord[];
  readonly rowNumbers: readonly number[];
}

/** 就業実績's key columns (one read: the header and one getValues per run of columns). */
export function readWorkLog(store: TableStore): WorkLogRead {
  const raw = readColumnsOf(store, WORK_LOG_TAB, ['work_id', 'date', 'member_id', 'job_id', 'hours', 'amount', 'confirmed']);
  if (!raw) return { layout: null, records: [], rowNumbers: [] };
  const layout = layoutFromHeader(raw.name, raw.header);
  const parsed = parseTable(WORK_LOG_TAB, raw);
  return { layout, records: parsed.records, rowNumbers: parsed.rowNumbers };
}

export function rowView(r: WorkRecord): WorkRowView {
  return { work_id: r.work_id ?? '', date: r.date, job_id: r.job_id, hours: r.hours, amount: r.amount, confirmed: r.confirmed === true };
}

export function byDayThenJob(a: WorkRowView, b: WorkRowView): number {
  return a.date.localeCompare(b.date) || a.job_id.localeCompare(b.job_id) || a.work_id.localeCompare(b.work_id);
}

export function listMemberWork(store: TableStore, ctx: Pick<CallContext, 'lang' | 'settings'>, input: { member_id: string; month: Month }): MemberWorkOutput {
  const { from, to } = monthPeriod(input.month);
  const placements = readPlacements(store, input.member_id)
    .filter((m) => (m.placed_on === null || m.placed_on <= to) && (m.ended_on === null ? m.status === 'placed' : m.ended_on >= from));
  const jobs = jobsOf(store, ctx.lang);
  const log = readWorkLog(store);
  const mine = log.records.filter((r) => r.member_id === input.member_id);
  const rows = mine.filter((r) => monthOf(r.date) === input.month).map(rowView).sort(byDayThenJob);
  const closes = readMonthCloses(store, ctx.lang);
  const caps = { weeklyHoursCap: ctx.settings.weeklyHoursCap, monthlyDaysCap: ctx.settings.monthlyDaysCap };
  return {
    member_id: input.member_id, month: input.month, closed: closes.closed.has(input.month),
    placements: placements.map((m) => {
      const job = jobs.get(m.job_id ?? '');
      return { match_id: m.match_id, job_id: m.job_id ?? '', title: job?.title ?? '', engagement: job?.engagement ?? null, placed_on: m.placed_on, ended_on: m.ended_on };
    }),
    rows,
    caps: { weekly_hours: caps.weeklyHoursCap, monthly_days: caps.monthlyDaysCap },
    excess: capsExceeded(mine, rows.map((r) => r.date), caps),
  };
}

function jobsOf(store: TableStore, lang: Language): Map<string, { title: string; engagement: JobEngagement | null }> {
  const raw = readColumnsOf(store, JOBS_TAB, ['job_id', 'title', 'engagement']);
  if (!raw) throw new ApiError('bad_workbook', { detail: wordText(lang).missingTab(JOBS_TAB) });
  return new Map(parseTable(JOBS_TAB, raw).records.map((j) => [j.job_id, { title: j.title ?? '', engagement: j.engagement }]));
}
