import { cellText, type Cell } from '../../domain/cell';
import type { Language } from '../../domain/enums';
import { normalizeHeader, parseTable } from '../../domain/parse/parse-table';
import { encodeRecord } from '../../domain/schema/record-cells';
import { MEMBERS_TAB, WORK_REPORTS_TAB, headerName, tabName, tabNames, type Match, type WorkRecord } from '../../domain/schema/tabs';
import type { Settings } from '../../domain/settings';
import { parseFormTimestamp } from '../../domain/signup/form-answers';
import { readWorkReport, type WorkReport } from '../../domain/work/report-form';
import type { Month } from '../../domain/work/month';
import type { KeyValueStore, TableStore } from '../ports';
import { writeAudits, type AuditInput } from '../shared/audit';
import { readColumnsOf } from '../shared/read-part';
import { checked } from '../shared/tab-read';
import { placementHolds, readAllPlacements, readWorkLog, type WorkLogRead } from './member-work';
import { readMonthCloses } from './month-closes';
import { recordUnderLock, type WorkRowInput } from './record-work';

// Taking 就業報告 answers (one from its submit trigger, or every answer of the response tab from
// the menu sweep): the desk is read once (会員's IDs, マッチング, 月次締め, 就業実績's key columns,
// 就業報告), every answer is decided in memory against it — and against the answers decided
// before it in the same run — and then written at once: one recordWork of all the good answers'
// days, one append of the answers kept 要確認, one append of their audit rows. Nothing per answer
// or per day. An answer whose every day is already in 就業実績 on that job with the same hours,
// or that 就業報告 already keeps (same 回答日時, 会員ID, 仕事ID, 対象月), is taken: running twice
// adds nothing.

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

/** The reason a kept answer's メモ gives, in the center's language. */
export function reasonText(lang: Language, reason: WorkReportReason): string {
  return REASONS[lang][reason];
}

/** One answer as Forms delivers it: question title → answers, and its timestamp text. */
export interface ReportAnswer {
  readonly named: Readonly<Record<string, readonly string[]>>;
  readonly stamp: string;
}

type ReportText = Record<'member_id' | 'job_id' | 'month' | 'days' | 'hours', string>;
type Decision =
  | { readonly kind: 'record'; readonly report: WorkReport; readonly at: string | null }
  | { readonly kind: 'keep'; readonly text: ReportText; readonly at: string | null; readonly reason: WorkReportReason }
  | { readonly kind: 'taken' };

/** What the desk holds that an answer is checked against, read once a run. */
interface Desk {
  readonly members: ReadonlySet<string>;
  readonly placements: readonly Match[];
  readonly closed: ReadonlySet<Month>;
  readonly log: WorkLogRead;
  /** 就業実績 rows so far: the log's and this run's. */
  readonly work: WorkRecord[];
  /** The 就業報告 answers kept so far, as `at|member|job|month`. */
  readonly kept: Set<string>;
  readonly reports: { readonly name: string; readonly index: ReadonlyMap<string, number> } | null;
}

function readDesk(store: TableStore, lang: Language): Desk {
  const log = readWorkLog(store);
  const raw = store.read(tabNames(WORK_REPORTS_TAB, lang));
  const kept = new Set<string>();
  let reports: Desk['reports'] = null;
  if (raw) {
    const read = checked(raw.name, parseTable(WORK_REPORTS_TAB, raw));
    reports = { name: read.name, index: read.parsed.columnIndex };
    for (const r of read.parsed.records) if (r.answered_at) kept.add(keptKey(r.answered_at, r.member_id, r.job_id, r.month));
  }
  return {
    members: memberIds(store), placements: readAllPlacements(store), closed: readMonthCloses(store, lang).closed,
    log, work: [...log.records], kept, reports,
  };
}

function keptKey(at: string, member: string, job: string, month: string): string {
  return [at.slice(0, 19), member.trim().toUpperCase(), job.trim().toUpperCase(), month.trim()].join('|');
}

function memberIds(store: TableStore): Set<string> {
  const raw = readColumnsOf(store, MEMBERS_TAB, ['member_id']);
  if (!raw) return new Set();
  const at = raw.header.findIndex((h) => [normalizeHeader(MEMBERS_TAB.columns[0].ja), 'member_id'].includes(normalizeHeader(h)));
  return new Set(at < 0 ? [] : raw.rows.map((r) => cellText(r[at]).trim().toUpperCase()));
}

function decide(desk: Desk, answer: ReportAnswer): Decision {
  const at = parseFormTimestamp(answer.stamp);
  const read = readWorkReport(answer.named);
  if (!read.ok) {
    const p = read.partial;
    const text = { member_id: p.member_id ?? '', job_id: p.job_id ?? '', month: p.month ?? '', days: p.days ?? '', hours: p.hours ?? '' };
    return keepOnce(desk, text, at, 'unreadable');
  }
  const report = read.report;
  const text = textOf(report);
  const recorded = new Map(desk.work.filter((r) => r.member_id === report.member_id && r.job_id === report.job_id).map((r) => [r.date, r.hours]));
  // Taken before (the trigger fired twice, the sweep ran after the submit, the member sent it again):
  // first, so an answer recorded before its month was closed is not kept 要確認 afterwards.
  if (report.days.every((d) => recorded.get(d) === report.hours)) return { kind: 'taken' };
  if (at !== null && desk.kept.has(keptKey(at, text.member_id, text.job_id, text.month))) return { kind: 'taken' };
  if (!desk.members.has(report.member_id)) return keepOnce(desk, text, at, 'unknown_member');
  const mine = desk.placements.filter((m) => m.member_id === report.member_id && m.job_id === report.job_id);
  if (report.days.some((day) => !mine.some((m) => placementHolds(m, day)))) return keepOnce(desk, text, at, 'not_placed');
  if (desk.closed.has(report.month)) return keepOnce(desk, text, at, 'month_closed');
  if (report.days.some((d) => recorded.has(d))) return keepOnce(desk, text, at, 'already_recorded');
  return { kind: 'record', report, at };
}

function keepOnce(desk: Desk, text: ReportText, at: string | null, reason: WorkReportReason): Decision {
  if (at !== null && desk.kept.has(keptKey(at, text.member_id, text.job_id, text.month))) return { kind: 'taken' };
  return { kind: 'keep', text, at, reason };
}

export type TakeOutcome =
  | { readonly outcome: 'recorded'; readonly work_ids: readonly string[]; readonly rows: readonly WorkRowInput[] }
  | { readonly outcome: 'needs_review'; readonly reason: WorkReportReason }
  | { readonly outcome: 'skipped_duplicate' };

export interface TakeContext {
  readonly settings: Settings;
  readonly now: string;
  /** Who the audit rows name: `work-report-form` for the trigger, the coordinator for the sweep. */
  readonly user: string;
}

export interface TakePorts {
  readonly store: TableStore;
  readonly props: KeyValueStore;
}

/** Takes `answers` (already under the write lock): each answer's outcome, in order. */
export function takeReports(ports: TakePorts, ctx: TakeContext, answers: readonly ReportAnswer[]): { outcomes: TakeOutcome[]; work: readonly WorkRecord[] } {
  const lang = ctx.settings.language;
  const desk = readDesk(ports.store, lang);
  const decisions = answers.map((a) => {
    const d = decide(desk, a);
    // What this run takes, the next answer sees: one answer sent twice is recorded once.
    if (d.kind === 'record') for (const date of d.report.days) desk.work.push(workOf(d.report, date));
    if (d.kind === 'keep' && d.at !== null) desk.kept.add(keptKey(d.at, d.text.member_id, d.text.job_id, d.text.month));
    return d;
  });
  const note = lang === 'ja' ? '就業報告' : 'work report';
  const rows: WorkRowInput[] = decisions.flatMap((d) => (d.kind === 'record'
    ? d.report.days.map((date) => ({ date, member_id: d.report.member_id, job_id: d.report.job_id, hours: d.report.hours, notes: note })) : []));
  let ids: readonly string[] = [];
  let closedNow = false;
  if (rows.length > 0) {
    const result = recordUnderLock(ports, { lang, now: ctx.now, user: ctx.user }, rows, desk.log.layout ?? undefined);
    if (result.ok) ids = result.workIds;
    else closedNow = true;
  }
  let next = 0;
  const outcomes = decisions.map((d): TakeOutcome => {
    if (d.kind === 'taken') return { outcome: 'skipped_duplicate' };
    if (d.kind === 'keep') return { outcome: 'needs_review', reason: d.reason };
    if (closedNow) return { outcome: 'needs_review', reason: 'month_closed' };
    const mine = ids.slice(next, next + d.report.days.length);
    next += d.report.days.length;
    return { outcome: 'recorded', work_ids: mine, rows: rows.filter((r) => r.member_id === d.report.member_id && r.job_id === d.report.job_id && d.report.days.includes(r.date)) };
  });
  // recordWork refused (a month closed between the read and the write, which the lock makes
  // rare): those answers are kept 要確認 like any other.
  const keeps = decisions.flatMap((d) => (d.kind === 'keep' ? [d] : d.kind === 'record' && closedNow ? [{ kind: 'keep' as const, text: textOf(d.report), at: d.at, reason: 'month_closed' as const }] : []));
  keepAll(ports.store, ctx, desk, keeps);
  return { outcomes, work: desk.work };
}

function workOf(report: WorkReport, date: string): WorkRecord {
  return { work_id: null, date, member_id: report.member_id, job_id: report.job_id, hours: report.hours, amount: null, confirmed: false, recorded_at: null, notes: '' };
}

function textOf(report: WorkReport): ReportText {
  return { member_id: report.member_id, job_id: report.job_id, month: report.month, days: report.days.map((d) => String(Number(d.slice(8)))).join(', '), hours: String(report.hours) };
}

/** Appends the kept answers to 就業報告 (made with the schema's header when absent), each
 *  column under its header wherever the center moved it, and one audit row each, in one write each. */
function keepAll(store: TableStore, ctx: TakeContext, desk: Desk, keeps: readonly Extract<Decision, { kind: 'keep' }>[]): void {
  if (keeps.length === 0) return;
  const lang = ctx.settings.language;
  const records = keeps.map((k) => encodeRecord(WORK_REPORTS_TAB, {
    answered_at: k.at, ...k.text, status: 'needs_review', notes: reasonText(lang, k.reason),
  }, lang));
  let name: string;
  if (desk.reports) {
    name = desk.reports.name;
    const index = desk.reports.index;
    const placed = WORK_REPORTS_TAB.columns.map((c) => ({ key: c.key, at: index.get(c.key) ?? -1 })).filter((p) => p.at >= 0).sort((a, b) => a.at - b.at);
    store.appendCells(name, { columns: placed.map((p) => p.at), rows: records.map((r) => placed.map((p): Cell => r[p.key] ?? null)) });
  } else {
    name = tabName(WORK_REPORTS_TAB, lang);
    store.replace(name, WORK_REPORTS_TAB.columns.map((c) => headerName(c, lang)), records.map((r) => WORK_REPORTS_TAB.columns.map((c): Cell => r[c.key] ?? null)));
  }
  const audits: AuditInput[] = keeps.map((k) => ({
    at: ctx.now, user: ctx.user, action: 'work_report_review', sheet: name, recordId: k.text.member_id, detail: `reason=${k.reason} month=${k.text.month}`,
  }));
  writeAudits(store, lang, audits);
}
