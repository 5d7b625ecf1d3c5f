import { cellText, type Cell } from '../../domain/cell';
import type { Language } from '../../domain/enums';
import { problemMessage } from '../../domain/messages/catalog';
import { locateColumns, normalizeHeader, parseTable } from '../../domain/parse/parse-table';
import { JOBS_TAB, MATCHES_TAB, MEMBERS_TAB, WORK_LOG_TAB, type Match, type WorkRecord } from '../../domain/schema/tabs';
import { monthOf, type Month } from '../../domain/work/month';
import type { TableStore } from '../ports';
import { readColumnsOf } from '../shared/read-part';
import { placementHolds, readWorkLog } from './member-work';
import { readMonthCloses } from './month-closes';
import { WORK_ROW_INPUT, type WorkRowInput } from './record-work';

// Paper work reports typed into a CSV with 就業実績's headers (`ikigai work import`), checked
// against the workbook before anything is written: every line read by the tab's own codec (the
// dates, numbers and booleans a person types), its member and job known, the member placed on the
// job that day (マッチング, as the sidebar asks), its month not closed. A line the tab already holds
// — the same 就業日, 会員ID and 仕事ID (one row = one member's work on one job on one day) with the
// same 時間 and 金額 — is a duplicate and adds nothing, so importing the same file twice adds
// nothing; the same key with other hours is a bad line (which one is right is for a person to
// say), as are two lines of the file with one key. All or nothing: any bad line, nothing added.

/** Columns a CSV may not have: the add-in numbers the rows and stamps the time. */
const ADD_IN_COLUMNS = ['work_id', 'recorded_at'] as const;

/** recordWork's bounds (record-work.ts WORK_ROW_INPUT), said as the codec says a value out of range. */
const LIMITS: Readonly<Record<string, number>> = { hours: 24, amount: 10_000_000 };

export type ImportReason =
  | { readonly code: 'cell'; readonly text: string }
  | { readonly code: 'unknown_header'; readonly header: string }
  | { readonly code: 'add_in_header'; readonly header: string }
  | { readonly code: 'unknown_member'; readonly member: string }
  | { readonly code: 'unknown_job'; readonly job: string }
  | { readonly code: 'not_placed'; readonly member: string; readonly job: string; readonly date: string }
  | { readonly code: 'month_closed'; readonly month: Month }
  | { readonly code: 'conflict'; readonly row: number; readonly hours: number }
  | { readonly code: 'twice'; readonly line: number };

export interface BadLine { readonly line: number; readonly reason: ImportReason }

export type ImportCheck =
  | { readonly ok: true; readonly rows: readonly WorkRowInput[]; readonly duplicates: readonly number[] }
  | { readonly ok: false; readonly bad: readonly BadLine[] };

/** `records`: the CSV's records, the header first. Line numbers are the record's (header = 1). */
export function checkWorkImport(store: TableStore, lang: Language, records: readonly (readonly string[])[]): ImportCheck {
  const header = records[0] ?? [];
  const bad: BadLine[] = [];
  const byName = new Map(WORK_LOG_TAB.columns.flatMap((c) => [[normalizeHeader(c.ja), c.key], [normalizeHeader(c.key), c.key]] as const));
  header.forEach((title) => {
    if (title.trim() === '') return;
    const key = byName.get(normalizeHeader(title));
    if (key === undefined) bad.push({ line: 1, reason: { code: 'unknown_header', header: title } });
    else if ((ADD_IN_COLUMNS as readonly string[]).includes(key)) bad.push({ line: 1, reason: { code: 'add_in_header', header: title } });
  });
  const located = locateColumns(WORK_LOG_TAB, 'csv', header);
  for (const p of located.problems) {
    if (p.code === 'missing_header' || p.code === 'duplicate_header') bad.push({ line: 1, reason: { code: 'cell', text: problemMessage(p, lang) } });
  }
  if (bad.length > 0) return { ok: false, bad };

  // The tab's own reading of every cell: 2015/6/1, ６月… as the sheet takes them.
  const raw = { name: 'csv', header: [...header], rows: records.slice(1).map((r): Cell[] => r.map((f) => (f.trim() === '' ? null : f))) };
  const parsed = parseTable(WORK_LOG_TAB, raw);
  for (const p of parsed.problems) bad.push({ line: Number(/\d+$/.exec(p.cell)?.[0] ?? 0), reason: { code: 'cell', text: problemMessage(p, lang) } });

  const members = idsOf(store, MEMBERS_TAB, 'member_id');
  const jobs = idsOf(store, JOBS_TAB, 'job_id');
  const placements = placementsByKey(store);
  const closes = readMonthCloses(store, lang).closed;
  const log = readWorkLog(store);
  const held = new Map<string, { record: WorkRecord; row: number }>();
  log.records.forEach((r, i) => held.set(keyOf(r), { record: r, row: log.rowNumbers[i] ?? 0 }));

  const rows: WorkRowInput[] = [];
  const duplicates: number[] = [];
  const seen = new Map<string, number>();
  parsed.records.forEach((r, i) => {
    const line = parsed.rowNumbers[i] ?? 0;
    const before = bad.length;
    const input = { date: r.date, member_id: r.member_id, job_id: r.job_id, hours: r.hours, amount: r.amount, confirmed: r.confirmed ?? false, notes: r.notes ?? '' };
    const checked = WORK_ROW_INPUT.safeParse(input);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const key = String(issue.path[0] ?? '');
        const limit = LIMITS[key];
        const column = WORK_LOG_TAB.columns.find((c) => c.key === key);
        const text = limit
          ? problemMessage({ tab: 'csv', cell: '', code: 'out_of_range', params: { value: String(input[key as keyof typeof input] ?? ''), min: 0, max: limit } }, lang)
          : `${column ? (lang === 'ja' ? column.ja : column.key) : key}: ${issue.message}`;
        bad.push({ line, reason: { code: 'cell', text } });
      }
    }
    if (!members.has(r.member_id)) bad.push({ line, reason: { code: 'unknown_member', member: r.member_id } });
    if (!jobs.has(r.job_id)) bad.push({ line, reason: { code: 'unknown_job', job: r.job_id } });
    else if (members.has(r.member_id) && !(placements.get(`${r.member_id}\u0000${r.job_id}`) ?? []).some((m) => placementHolds(m, r.date))) {
      bad.push({ line, reason: { code: 'not_placed', member: r.member_id, job: r.job_id, date: r.date } });
    }
    if (closes.has(monthOf(r.date))) bad.push({ line, reason: { code: 'month_closed', month: monthOf(r.date) } });
    const key = keyOf(r);
    const first = seen.get(key);
    if (first !== undefined) bad.push({ line, reason: { code: 'twice', line: first } });
    seen.set(key, first ?? line);
    const there = held.get(key);
    if (there && (there.record.hours !== r.hours || (there.record.amount ?? null) !== (r.amount ?? null))) {
      bad.push({ line, reason: { code: 'conflict', row: there.row, hours: there.record.hours } });
    }
    if (bad.length > before) return;
    if (there) duplicates.push(line);
    else if (checked.success) rows.push(checked.data);
  });
  if (bad.length > 0) return { ok: false, bad: bad.sort((a, b) => a.line - b.line) };
  return { ok: true, rows, duplicates };
}

function keyOf(r: Pick<WorkRecord, 'date' | 'member_id' | 'job_id'>): string {
  return `${r.date}\u0000${r.member_id}\u0000${r.job_id}`;
}

function idsOf(store: TableStore, def: typeof MEMBERS_TAB | typeof JOBS_TAB, key: string): Set<string> {
  const raw = readColumnsOf(store, def, [key]);
  if (!raw) return new Set();
  const at = locateColumns(def, raw.name, raw.header).index.get(key) ?? -1;
  return new Set(at < 0 ? [] : raw.rows.map((row) => cellText(row[at]).trim()).filter((id) => id !== ''));
}

function placementsByKey(store: TableStore): Map<string, Match[]> {
  const raw = readColumnsOf(store, MATCHES_TAB, ['match_id', 'job_id', 'member_id', 'status', 'placed_on', 'ended_on']);
  const out = new Map<string, Match[]>();
  if (!raw) return out;
  for (const m of parseTable(MATCHES_TAB, raw).records) {
    if (!m.job_id) continue;
    const k = `${m.member_id}\u0000${m.job_id}`;
    out.set(k, [...(out.get(k) ?? []), m]);
  }
  return out;
}
