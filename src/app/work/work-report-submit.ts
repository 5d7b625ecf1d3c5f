import * as z from 'zod/mini';
import { cellText, type Cell } from '../../domain/cell';
import { civilDateTimeIn } from '../../domain/civil-date';
import type { Language } from '../../domain/enums';
import { normalizeHeader } from '../../domain/parse/parse-table';
import { SETTINGS_TAB, tabNames } from '../../domain/schema/tabs';
import { parseSettings } from '../../domain/settings';
import { capsExceeded } from '../../domain/work/caps-exceeded';
import { readWorkReport } from '../../domain/work/report-form';
import { parseFormTimestamp } from '../../domain/signup/form-answers';
import type { Clock, Lock, KeyValueStore, TableStore } from '../ports';
import { writeAudit } from '../shared/audit';
import { readColumnsOf } from '../shared/read-part';
import { underWriteLock } from '../shared/write-boundary';
import { MEMBERS_TAB } from '../../domain/schema/tabs';
import { placementHolds, readPlacements, readWorkLog } from './member-work';
import { readMonthCloses } from './month-closes';
import { recordUnderLock } from './record-work';

// One answer of the monthly 就業報告 form (its installable form-submit trigger, only from the
// form's own response tab: entry/dispatch.ts). The answer is already safe in the response tab.
// Under the script lock it is checked against the workbook: the member in 会員, placed on the job
// (マッチング) on every day reported, no day in a closed month, no day already recorded for that
// job. A good answer becomes one 就業実績 row per day (確認 blank: the client has not confirmed;
// メモ 就業報告) through recordWork. Any other answer is **kept as 要確認** in the 就業報告 tab with
// the reason — never written to 就業実績 (配分金 is paid from it). A trigger that fires twice for
// one answer writes once: the second finds every day already recorded on that job (or the same
// answer already kept in 就業報告) and adds nothing. A submit that cannot get the lock in 30 s
// writes nothing and says so in the log: the answer stays in the response tab, and the person
// who reads the log enters it in the sidebar. Service use: forms.md "就業報告".

export const WORK_REPORT_LOCK_MS = 30000;

/** The 就業報告 tab: answers kept 要確認. IDs, dates and numbers only (no name, phone, address). */
export const WORK_REPORT_TAB = { ja: '就業報告', en: 'WorkReports' } as const;
const HEADER = {
  ja: ['回答日時', '会員ID', '仕事ID', '対象月', '就業日', '時間', '状態', 'メモ'],
  en: ['answered_at', 'member_id', 'job_id', 'month', 'days', 'hours', 'status', 'notes'],
} as const;
const NEEDS_REVIEW = { ja: '要確認', en: 'needs_review' } as const;

export type WorkReportReason = 'unreadable' | 'unknown_member' | 'not_placed' | 'month_closed' | 'already_recorded';
const REASONS: Readonly<Record<Language, Readonly<Record<WorkReportReason, string>>>> = {
  ja: {
    unreadable: '回答が読めません（会員ID・仕事ID・対象月・日・時間を確認）', unknown_member: '会員IDが会員シートにありません',
    not_placed: 'この仕事で成立していない日があります', month_closed: '月次締め済みの月です', already_recorded: '一部の日はすでに就業実績にあります',
  },
  en: {
    unreadable: 'the answer cannot be read (check member ID, job ID, month, days, hours)', unknown_member: 'the member ID is not in Members',
    not_placed: 'some days are not on a placement of this job', month_closed: 'the month is closed', already_recorded: 'some days are already in WorkLog',
  },
};

export interface WorkReportPorts {
  readonly store: TableStore;
  readonly lock: Lock;
  readonly clock: Clock;
  /** Document properties: the W… counter. */
  readonly props: KeyValueStore;
  readonly log?: (line: string) => void;
}

export type WorkReportResult =
  | { readonly outcome: 'recorded'; readonly work_ids: readonly string[]; readonly over_cap: boolean }
  | { readonly outcome: 'needs_review'; readonly reason: WorkReportReason }
  | { readonly outcome: 'skipped_duplicate' | 'skipped_blank' | 'invalid_event' | 'busy' };

const EVENT = z.looseObject({ namedValues: z.record(z.string(), z.array(z.string())) });

export function handleWorkReportSubmit(ports: WorkReportPorts, rawEvent: unknown): WorkReportResult {
  const parsed = EVENT.safeParse(rawEvent);
  if (!parsed.success) return { outcome: 'invalid_event' };
  const named = parsed.data.namedValues;
  // Apps Script sometimes fires an extra, empty event.
  if (Object.values(named).every((v) => v.every((s) => s.trim() === ''))) return { outcome: 'skipped_blank' };
  const stamp = (named['タイムスタンプ'] ?? named.Timestamp ?? [''])[0] ?? '';
  const locked = underWriteLock(ports, () => takeReport(ports, named, stamp), WORK_REPORT_LOCK_MS);
  if (locked.ok) return locked.value;
  ports.log?.('work report: another run held the script lock for 30 s; nothing written (the answer stays in the form\'s response tab)');
  return { outcome: 'busy' };
}

function takeReport(ports: WorkReportPorts, named: Record<string, string[]>, stamp: string): WorkReportResult {
  const settings = parseSettings(ports.store.read(tabNames(SETTINGS_TAB))).settings;
  const lang = settings.language;
  const now = civilDateTimeIn(ports.clock.now(), settings.timeZone);
  const read = readWorkReport(named);
  if (!read.ok) return keep(ports, lang, now, stamp, { member_id: read.partial.member_id ?? '', job_id: read.partial.job_id ?? '', month: read.partial.month ?? '', days: read.partial.days ?? '', hours: read.partial.hours ?? '' }, 'unreadable');
  const report = read.report;
  const asText = { member_id: report.member_id, job_id: report.job_id, month: report.month, days: report.days.map((d) => String(Number(d.slice(8)))).join(', '), hours: String(report.hours) };
  if (!memberIds(ports.store).has(report.member_id)) return keep(ports, lang, now, stamp, asText, 'unknown_member');
  const placements = readPlacements(ports.store, report.member_id).filter((m) => m.job_id === report.job_id);
  if (report.days.some((day) => !placements.some((m) => placementHolds(m, day)))) return keep(ports, lang, now, stamp, asText, 'not_placed');
  if (readMonthCloses(ports.store, lang).closed.has(report.month)) return keep(ports, lang, now, stamp, asText, 'month_closed');
  const log = readWorkLog(ports.store);
  const mine = log.records.filter((r) => r.member_id === report.member_id);
  const recorded = new Map(mine.filter((r) => r.job_id === report.job_id).map((r) => [r.date, r.hours]));
  // The trigger fired twice (or the member sent the same report again): every day is there.
  if (report.days.every((d) => recorded.get(d) === report.hours)) return { outcome: 'skipped_duplicate' };
  if (report.days.some((d) => recorded.has(d))) return keep(ports, lang, now, stamp, asText, 'already_recorded');
  const rows = report.days.map((date) => ({ date, member_id: report.member_id, job_id: report.job_id, hours: report.hours, notes: lang === 'ja' ? '就業報告' : 'work report' }));
  const result = recordUnderLock(ports, { lang, now, user: 'work-report-form' }, rows, log.layout ?? undefined);
  if (!result.ok) return keep(ports, lang, now, stamp, asText, result.code === 'month_closed' ? 'month_closed' : 'unreadable');
  const excess = capsExceeded([...mine, ...rows], report.days, settings);
  return { outcome: 'recorded', work_ids: result.workIds, over_cap: excess.months.length + excess.weeks.length > 0 };
}

function memberIds(store: TableStore): Set<string> {
  const raw = readColumnsOf(store, MEMBERS_TAB, ['member_id']);
  if (!raw) return new Set();
  const at = raw.header.findIndex((h) => ['会員id', 'member_id'].includes(normalizeHeader(h)));
  return new Set(at < 0 ? [] : raw.rows.map((r) => cellText(r[at]).trim().toUpperCase()));
}

type ReportText = Record<'member_id' | 'job_id' | 'month' | 'days' | 'hours', string>;

/** Keeps the answer as 要確認 in 就業報告 (made when absent), once: the same answer kept already is a double firing. */
function keep(ports: WorkReportPorts, lang: Language, now: string, stamp: string, report: ReportText, reason: WorkReportReason): WorkReportResult {
  const store = ports.store;
  const raw = store.read([WORK_REPORT_TAB.ja, WORK_REPORT_TAB.en]);
  // The answer's time as a timestamp cell (its response row's second): what a double firing repeats.
  const at = parseFormTimestamp(stamp);
  const cells: Record<string, Cell> = {
    answered_at: at !== null ? { date: at } : stamp, member_id: report.member_id, job_id: report.job_id, month: report.month, days: report.days, hours: report.hours,
    status: NEEDS_REVIEW[lang], notes: REASONS[lang][reason],
  };
  const keys = HEADER.en;
  let name: string;
  if (!raw) {
    name = WORK_REPORT_TAB[lang];
    store.replace(name, HEADER[lang], [keys.map((k) => cells[k] ?? null)]);
  } else {
    name = raw.name;
    // Each column found by its ja or en title, wherever the center moved it; its own columns untouched.
    const cols = keys.map((k, i) => raw.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(HEADER.ja[i] ?? '') || normalizeHeader(h) === k));
    const same = (row: readonly Cell[]): boolean => (['answered_at', 'member_id', 'job_id', 'month'] as const)
      .every((k) => { const i = cols[keys.indexOf(k)] ?? -1; return i >= 0 && cellText(row[i]).trim() === cellText(cells[k]).trim(); });
    if (stamp !== '' && raw.rows.some(same)) return { outcome: 'skipped_duplicate' };
    const placed = keys.map((k, i) => ({ k, col: cols[i] ?? -1 })).filter((p) => p.col >= 0).sort((a, b) => a.col - b.col);
    store.appendCells(name, { columns: placed.map((p) => p.col), rows: [placed.map((p) => cells[p.k] ?? null)] });
  }
  writeAudit(store, lang, { at: now, user: 'work-report-form', action: 'work_report_review', sheet: name, recordId: report.member_id, detail: `reason=${reason} month=${report.month}` });
  return { outcome: 'needs_review', reason };
}

