import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import type { Language } from '../../domain/enums';
import { locateColumns } from '../../domain/parse/parse-table';
import { encodeRecord, type ColumnKey } from '../../domain/schema/record-cells';
import { headerName, tabName, WORK_LOG_TAB } from '../../domain/schema/tabs';
import { monthOf, type Month } from '../../domain/work/month';
import type { KeyValueStore, Lock, TableStore } from '../ports';
import { civilDateArg, freeText, recordId } from '../shared/arg-schemas';
import { ApiError } from '../shared/api-error';
import { writeAudit } from '../shared/audit';
import { appendRecords } from './append-records';
import { underWriteLock } from '../shared/write-boundary';
import { readMonthCloses } from './month-closes';
import { reserveWorkIds } from './work-ids';
import { inputIssuesOf, inputIssuesText } from '../shared/input-issues';
import { refreshCandidateIndex, type IndexChange } from '../matching/candidate-index';
import { dayNumber } from '../../domain/matching/day-number';
import type { WorkedRow } from '../../domain/matching/worked-load';

// Records work: rows of 就業実績, one per member, job and day, under the write boundary. The one
// way the add-in adds work rows (the sidebar's work panel, the monthly work-report form and
// `ikigai work import` are to call it): a row dated in a month 月次締め holds closed is refused
// (the whole batch, naming the months), until a manager reopens the month. Service use: 月次締め
// (a dozen rows a year), the header of 就業実績, the ID counter, one append of every row, one
// audit row.

/** One row as a caller hands it over (the sidebar's JSON, a form answer, a CSV line). */
export const WORK_ROW_INPUT = lazySchema(() => z.strictObject({
  date: civilDateArg,
  member_id: recordId,
  job_id: recordId,
  hours: z.number().check(z.gte(0), z.lte(24)),
  amount: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(10_000_000)))),
  confirmed: z.optional(z.boolean()),
  notes: z.optional(freeText(500)),
}));
export type WorkRowInput = z.infer<typeof WORK_ROW_INPUT>;

/** At most this many rows a call: a month of one center's paper reports fits many calls. */
export const WORK_ROWS_MAX = 5_000;
export const WORK_ROWS_INPUT = lazySchema(() => z.array(WORK_ROW_INPUT).check(z.minLength(1), z.maxLength(WORK_ROWS_MAX)));

export interface RecordWorkPorts {
  readonly store: TableStore;
  readonly lock: Lock;
  /** Document properties: the W… counter. */
  readonly props: KeyValueStore;
}

export interface WorkContext {
  readonly lang: Language;
  /** `YYYY-MM-DDTHH:MM:SS` now, in the center's zone. */
  readonly now: string;
  /** Who records (an e-mail on Google; the person running `ikigai` locally). */
  readonly user: string;
}

export type RecordWorkResult =
  | { readonly ok: true; readonly workIds: readonly string[] }
  | { readonly ok: false; readonly code: 'busy' }
  | { readonly ok: false; readonly code: 'bad_input' | 'bad_workbook'; readonly detail: string }
  | { readonly ok: false; readonly code: 'month_closed'; readonly months: readonly Month[] };

const COLUMNS: readonly ColumnKey<typeof WORK_LOG_TAB>[] = WORK_LOG_TAB.columns.map((c) => c.key);

export function recordWork(ports: RecordWorkPorts, ctx: WorkContext, input: unknown): RecordWorkResult {
  const parsed = WORK_ROWS_INPUT.safeParse(input);
  if (!parsed.success) {
    return { ok: false, code: 'bad_input', detail: inputIssuesText(inputIssuesOf(parsed.error.issues, 'rows'), ctx.lang) };
  }
  const rows = parsed.data;
  const locked = underWriteLock(ports, (): RecordWorkResult => {
    try {
      return recordUnderLock(ports, ctx, rows);
    } catch (error) {
      // A 月次締め or 就業実績 whose headers are broken: nothing was written.
      if (error instanceof ApiError && error.code === 'bad_workbook') return { ok: false, code: 'bad_workbook', detail: String(error.params.detail ?? '') };
      throw error;
    }
  });
  return locked.ok ? locked.value : { ok: false, code: 'busy' };
}

/** 就業実績 as found: its name and column positions (from a read the caller already made). */
export interface WorkLogLayout { readonly name: string; readonly index: ReadonlyMap<string, number> }

/** The body of recordWork for a caller that already holds the write lock (the sidebar's and the
 *  form's recorders, `ikigai work import`); `layout`, when the caller has read 就業実績 already,
 *  saves the header read. Throws ApiError('bad_workbook') for broken headers. */
export function recordUnderLock(ports: Omit<RecordWorkPorts, 'lock'>, ctx: WorkContext, rows: readonly WorkRowInput[], layout?: WorkLogLayout): RecordWorkResult {
  // Read under the lock: a close that ran a moment ago is seen.
  const closes = readMonthCloses(ports.store, ctx.lang);
  const refused = [...new Set(rows.map((r) => monthOf(r.date)).filter((m) => closes.closed.has(m)))].sort();
  if (refused.length > 0) return { ok: false, code: 'month_closed', months: refused };
  return appendWork(ports, ctx, rows, layout ?? workLogLayout(ports.store, ctx.lang));
}

function appendWork(ports: Omit<RecordWorkPorts, 'lock'>, ctx: WorkContext, rows: readonly WorkRowInput[], layout: WorkLogLayout): RecordWorkResult {
  const ids = reserveWorkIds(ports.props, ports.store, layout.name, layout.index.get('work_id') ?? -1, rows.length);
  const cells = rows.map((r, i) => encodeRecord(WORK_LOG_TAB, {
    work_id: ids[i] ?? null, date: r.date, member_id: r.member_id, job_id: r.job_id, hours: r.hours,
    amount: r.amount ?? null, confirmed: r.confirmed ?? false, recorded_at: ctx.now, notes: r.notes ?? '',
  }, ctx.lang));
  appendRecords<typeof WORK_LOG_TAB>(ports.store, layout, COLUMNS, cells);
  refreshCandidateIndex(ports.store, ctx.lang, ctx.now.slice(0, 10), workChanges(rows));
  const months = [...new Set(rows.map((r) => monthOf(r.date)))].sort();
  writeAudit(ports.store, ctx.lang, {
    at: ctx.now, user: ctx.user, action: 'record_work', sheet: layout.name, recordId: `${ids[0] ?? ''}${ids.length > 1 ? `..${ids[ids.length - 1] ?? ''}` : ''}`,
    // Counts and months only: a note may name a person.
    detail: `rows=${rows.length} months=${months.join(',')}`,
  });
  return { ok: true, workIds: ids };
}

/** The members' new rows as the candidate index counts them (one change per member). */
function workChanges(rows: readonly WorkRowInput[]): IndexChange[] {
  const by = new Map<string, WorkedRow[]>();
  for (const r of rows) {
    const list = by.get(r.member_id) ?? [];
    list.push({ day: dayNumber(r.date), hours: r.hours });
    by.set(r.member_id, list);
  }
  return [...by].map(([memberId, work]) => ({ memberId, work }));
}

/** 就業実績's layout; the tab is made (header in the center's language) when the workbook has none. */
export function workLogLayout(store: TableStore, lang: Language): WorkLogLayout {
  const found = store.header([WORK_LOG_TAB.ja, WORK_LOG_TAB.en]);
  if (found) return layoutFromHeader(found.name, found.header);
  const name = tabName(WORK_LOG_TAB, lang);
  const header = WORK_LOG_TAB.columns.map((c) => headerName(c, lang));
  store.replace(name, header, []);
  return layoutFromHeader(name, header);
}

export function layoutFromHeader(name: string, header: readonly string[]): WorkLogLayout {
  const { index, problems } = locateColumns(WORK_LOG_TAB, name, header);
  if (problems.length > 0) throw new ApiError('bad_workbook', { detail: problems.map((p) => `${p.tab}!${p.cell} ${String(p.params.header ?? '')}`).join(', ') });
  return { name, index };
}
