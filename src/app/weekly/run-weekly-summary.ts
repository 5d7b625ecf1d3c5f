import { addDays, civilDateIn, civilDateTimeIn, parseCivilDate, type CivilDate } from '../../domain/civil-date';
import type { RawTable } from '../../domain/cell';
import { formatProblem } from '../../domain/messages/catalog';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { weekBefore, weekHolding, type Period } from '../../domain/weekly/week-period';
import { weeklySummary } from '../../domain/weekly/weekly-summary';
import {
  findWeekRow, weekRowValues, weekRowWrite, writesNothing, WEEKLY_KPI_TAB, type WeekRowWrite, type WeekSending,
} from '../../domain/weekly/weekly-kpi-tab';
import type { Language } from '../../domain/enums';
import type { Clock, KeyValueStore, Mailer, TableStore } from '../ports';
import { countActivities, weeklyProblemCount, type CountedActivities } from './count-activities';
import { writeAudit } from '../shared/audit';
import { ACTIVITY_TOTALS_TAB } from '../../domain/weekly/activity-totals-tab';
import type { Coordinator } from '../../domain/schema/tabs';
import type { WeeklyNotice } from '../../domain/weekly/weekly-mail-model';
import { sendFailureNotice, type WeeklyFailureKind } from './failure-notice';
import { managerAddresses, weeklyRecipients } from './recipients';
import { loadWeeklyWorkbook, type WeeklyWorkbook } from './weekly-reads';
import { readWeeklySurveys } from './weekly-surveys';
import type { WeeklySurveyInput } from '../../domain/mail/weekly-survey-section';
import { TREND_TAB, trendTabCells } from '../../domain/weekly/trend-tab';
import type { WeeklyTrends } from '../../domain/weekly/weekly-trends';

// The weekly job (kpi.md "Weekly summary"): figures for the week, the week before and the
// fiscal year to date; one row in 週次KPI per week; one mail per week unless asked to resend.
// Service budget: every tab it needs read once (設定 and the data tabs' columns the figures use,
// weekly-reads.ts: one getValues per run of adjacent columns; 週次KPI whole here), 週次KPI
// written at most once and not at all when nothing changed, the quota asked once before sending.

export interface WeeklyPorts {
  readonly store: TableStore;
  readonly mailer: Mailer;
  readonly clock: Clock;
  /** Where a run says what it did (console / Logger); lines carry counts and IDs, never personal data. */
  readonly log?: (line: string) => void;
  /** The e-mail of the recorded owner of the desk's triggers (null: none recorded; absent locally).
   *  When it is not an active manager in コーディネータ the mail ends with a note saying so. */
  readonly triggerOwner?: () => string | null;
  /** The spreadsheet's address, for the link at the end of the mail (absent locally: no link). */
  readonly spreadsheetUrl?: () => string | null;
  /** Document properties: the on-edit trigger's stamp that 活動記録 was edited by hand
   *  (count-activities.ts). Absent: no stamp is looked for. */
  readonly properties?: KeyValueStore;
}

export interface WeeklyOptions {
  /** Any day of the week to report (`--week DATE`); default: the week that ended last Sunday. */
  readonly week?: CivilDate;
  /** Send the mail again even if the week's row says it was sent. */
  readonly resend?: boolean;
}

export type WeeklyRunStatus = 'sent' | 'already_sent' | 'quota_short' | 'no_recipients' | 'failed';

export interface WeeklyRunResult {
  readonly status: WeeklyRunStatus;
  readonly week: Period | null;
  readonly recipients: number;
  /** The quota the mailer reported, when it was asked. */
  readonly quota: number | null;
  /** The tab written, or null when nothing needed writing (or the run failed before it). */
  readonly written: string | null;
  /** Data problems in the workbook (the figures leave those rows out). */
  readonly problems: number;
  readonly failure: WeeklyFailureKind | null;
  readonly failureNoticeSent: boolean;
  /** The center's language (設定), so an entry point can word its message without reading again. */
  readonly language: Language;
  /** The week before, sent in this run because its own run never mailed it (missedWeek), or null. */
  readonly caughtUp?: Period | null;
  /** How 活動記録 was counted: its rows read, and why it was counted whole (null: only the rows
   *  after the stored totals), with what the count found beside the stored totals. */
  readonly activities?: Pick<CountedActivities, 'rowsRead' | 'recount' | 'differed' | 'written'>;
}

const BLOCKING = new Set(['missing_tab', 'missing_header', 'duplicate_header']);

export function runWeeklySummary(ports: WeeklyPorts, options: WeeklyOptions = {}): WeeklyRunResult {
  const log = ports.log ?? ((): void => undefined);
  let workbook: WeeklyWorkbook;
  try {
    workbook = loadWeeklyWorkbook(ports.store);
  } catch (error) {
    log(`weekly: read_failed: ${errorName(error)}`);
    return failed(null, 'read_failed', false, 0, 'ja');
  }
  const { settings } = workbook;
  const lang = settings.language;
  const managers = managerAddresses(workbook.coordinators);
  const notify = (week: Period | null, kind: WeeklyFailureKind, details: string[] = []): boolean => {
    try {
      return sendFailureNotice({ mailer: ports.mailer, managers, centerName: settings.centerName, language: lang, week, kind, details });
    } catch (error) {
      log(`weekly: failure notice not sent: ${errorName(error)}`);
      return false;
    }
  };

  const requested = options.week === undefined ? null : parseCivilDate(options.week);
  if (options.week !== undefined && requested === null) throw new Error(`Not a date: ${options.week}`);
  const today = civilDateIn(ports.clock.now(), settings.timeZone || DEFAULT_SETTINGS.timeZone);
  const week = requested === null ? weekBefore(today) : weekHolding(requested);

  // 活動記録: the stored totals and the rows after them (or the whole tab, when due).
  let counted: CountedActivities;
  try {
    counted = countActivities({ store: ports.store, properties: ports.properties, today, language: lang, log });
  } catch (error) {
    log(`weekly: read_failed (活動記録) for ${week.from}: ${errorName(error)}`);
    return failed(week, 'read_failed', notify(week, 'read_failed'), workbook.problems.length, lang);
  }
  const activityInfo = { rowsRead: counted.rowsRead, recount: counted.recount, differed: counted.differed, written: counted.written };
  if (counted.differed) {
    // A whole count that found the stored totals wrong is kept in 監査ログ (dates and codes only),
    // beside the log line count-activities.ts wrote: someone changed counted rows no trigger saw.
    try {
      const d = counted.differed;
      writeAudit(ports.store, lang, {
        at: civilDateTimeIn(ports.clock.now(), settings.timeZone || DEFAULT_SETTINGS.timeZone), user: 'weekly', action: 'activity_totals_corrected',
        sheet: ACTIVITY_TOTALS_TAB.ja, recordId: '',
        detail: `reason=${counted.recount ?? ''} days=${d.days.length} first=${d.days[0] ?? ''} last=${d.days[d.days.length - 1] ?? ''} members=${d.members} problems=${d.problems}`,
      });
    } catch (error) {
      log(`weekly: the totals' correction was not audited: ${errorName(error)}`);
    }
  }
  const problemCount = weeklyProblemCount(workbook, counted);

  const blocking = [...workbook.problems, ...counted.headerProblems].filter((p) => BLOCKING.has(p.code));
  if (blocking.length > 0) {
    // Tab and column names only: these problems never quote a cell.
    const details = blocking.map((p) => formatProblem(p, lang));
    log(`weekly: workbook_invalid for ${week.from}: ${details.join(' | ')}`);
    return failed(week, 'workbook_invalid', notify(week, 'workbook_invalid', details), workbook.problems.length + counted.headerProblems.length, lang);
  }

  // 週次KPI first: its rows are the trends' history (the 12 weeks before this one) as well as
  // where this week's row goes.
  let table: RawTable | null;
  try {
    table = ports.store.read([WEEKLY_KPI_TAB.ja, WEEKLY_KPI_TAB.en]);
  } catch (error) {
    log(`weekly: read_failed (${WEEKLY_KPI_TAB.ja}) for ${week.from}: ${errorName(error)}`);
    return failed(week, 'read_failed', notify(week, 'read_failed'), problemCount, lang);
  }
  const spreadsheetUrl = readUrl(ports, log);
  // The survey section: a survey that cannot be read leaves the section out, never the mail.
  let surveys: WeeklySurveyInput[] = [];
  try {
    surveys = readWeeklySurveys(ports.store, lang);
  } catch (error) {
    log(`weekly: surveys unreadable, the mail goes without them: ${errorName(error)}`);
  }

  let summary;
  try {
    summary = weeklySummary(workbook, week, problemCount, weeklyNotices(ports, workbook.coordinators, log), { history: table, spreadsheetUrl, surveys, activityTotals: counted.totals, members: workbook.memberColumns, matches: workbook.matchColumns });
  } catch (error) {
    log(`weekly: compute_failed for ${week.from}: ${errorName(error)}`);
    return failed(week, 'compute_failed', notify(week, 'compute_failed'), problemCount, lang);
  }
  const previous = findWeekRow(table, week.from);
  // A week whose own run never mailed it (the lock was held all day, the quota was short, the
  // send failed) goes out with this one, before it: only for the regular run, not a resend or --week.
  const missed = requested === null && !options.resend ? missedWeek(table, week) : null;
  let caughtUp: Period | null = null;
  const { to, skipped } = weeklyRecipients(settings, workbook.coordinators);
  if (skipped > 0) log(`weekly: ${skipped} recipient entries are not mail addresses and were skipped`);

  let status: WeeklyRunStatus;
  let sending: WeekSending;
  let quota: number | null = null;
  let failure: WeeklyFailureKind | null = null;
  let noticeSent = false;
  if (previous?.sending.sentAt && !options.resend) {
    status = 'already_sent';
    sending = { ...previous.sending, status: 'sent' };
    log(`weekly: ${week.from} was already sent at ${previous.sending.sentAt}; not sending again`);
  } else if (to.length === 0) {
    status = 'no_recipients';
    sending = { status: 'no_recipients', sentAt: null, recipients: 0 };
    log(`weekly: no recipients for ${week.from} (設定 週次メール送信先 is empty and no active coordinator)`);
  } else {
    quota = ports.mailer.remainingQuota();
    if (quota < to.length) {
      status = 'quota_short';
      sending = { status: 'quota_short', sentAt: null, recipients: to.length };
      log(`weekly: quota short for ${week.from}: ${quota} left, ${to.length} needed; not sent`);
    } else {
      if (missed && quota >= 2 * to.length) {
        try {
          const late = weeklySummary(workbook, missed, problemCount, [], { history: table, spreadsheetUrl, surveys, activityTotals: counted.totals, members: workbook.memberColumns, matches: workbook.matchColumns });
          ports.mailer.send({ to, subject: late.mail.subject, text: late.mail.text, html: late.mail.html, senderName: settings.centerName || undefined });
          const lateRow = weekRowWrite(table, weekRowValues(missed, late.reports.week, {
            status: 'sent', sentAt: civilDateTimeIn(ports.clock.now(), settings.timeZone), recipients: to.length,
          }, lang), lang);
          writeWeekRow(ports.store, lateRow);
          // Read again: the current week's row goes below (or beside) the one just written.
          table = ports.store.read([WEEKLY_KPI_TAB.ja, WEEKLY_KPI_TAB.en]);
          caughtUp = missed;
          log(`weekly: ${missed.from} had not been sent; sent now, before ${week.from}`);
        } catch (error) {
          log(`weekly: the unsent week ${missed.from} could not be sent: ${errorName(error)}`);
        }
      } else if (missed) {
        log(`weekly: ${missed.from} has not been sent, and the quota (${quota}) is short for both weeks; only ${week.from} goes`);
      }
      try {
        ports.mailer.send({ to, subject: summary.mail.subject, text: summary.mail.text, html: summary.mail.html, senderName: settings.centerName || undefined });
        status = 'sent';
        sending = { status: 'sent', sentAt: civilDateTimeIn(ports.clock.now(), settings.timeZone), recipients: to.length };
        log(`weekly: sent ${week.from} to ${to.length} recipients`);
      } catch (error) {
        status = 'failed';
        failure = 'send_failed';
        sending = { status: 'send_failed', sentAt: null, recipients: to.length };
        log(`weekly: send_failed for ${week.from}: ${errorName(error)}`);
        noticeSent = notify(week, 'send_failed');
      }
    }
  }

  const next = weekRowWrite(table, weekRowValues(week, summary.reports.week, sending, lang), lang);
  let written: string | null = null;
  if (!writesNothing(next)) {
    try {
      writeWeekRow(ports.store, next);
      written = next.name;
    } catch (error) {
      log(`weekly: write_failed for ${week.from}: ${errorName(error)}`);
      return { status: 'failed', week, recipients: to.length, quota, written: null, problems: problemCount,
        failure: 'write_failed', failureNoticeSent: notify(week, 'write_failed'), language: lang };
    }
  }
  writeTrendTab(ports.store, summary.trends, log);
  return { status, week, recipients: to.length, quota, written, problems: problemCount, failure, failureNoticeSent: noticeSent, language: lang, caughtUp, activities: activityInfo };
}

/** The 13 weeks into 推移 (trend-tab.ts), under the chart setup built, when the tab exists: its
 *  header once (usually from the desk cache), one write of 13 rows. A failure here costs the
 *  chart a week, not the run: the mail went and 週次KPI holds the figures. */
function writeTrendTab(store: TableStore, trends: WeeklyTrends, log: (line: string) => void): void {
  try {
    const found = store.header([TREND_TAB.ja, TREND_TAB.en]);
    if (!found) return;
    const cells = trendTabCells(found.header, trends);
    if (cells.columns.length > 0) store.writeCells(found.name, 2, cells);
  } catch (error) {
    log(`weekly: ${TREND_TAB.ja} not written: ${errorName(error)}`);
  }
}

/** The week before `week` when it was never mailed and should be: its 週次KPI row says 送信枠不足
 *  or 送信失敗, or it has no row at all while an earlier week has one (the desk was running, and
 *  that week's run never got through: the lock held past every retry). A desk's first week, or a
 *  week with 送信先なし, is not chased. */
export function missedWeek(table: RawTable | null, week: Period): Period | null {
  if (!table) return null;
  const before = weekHolding(addDays(week.from, -7));
  const row = findWeekRow(table, before.from);
  if (row) return row.sending.status === 'quota_short' || row.sending.status === 'send_failed' ? before : null;
  const earlier = weekHolding(addDays(before.from, -7));
  return findWeekRow(table, earlier.from) ? before : null;
}

/** The week's cells only: a new tab gets its header first; an existing one its missing header cells. */
function writeWeekRow(store: TableStore, write: WeekRowWrite): void {
  if (write.create) store.replace(write.name, write.create, []);
  else if (write.header.columns.length > 0) store.writeCells(write.name, 1, write.header);
  if (write.cells.columns.length === 0) return;
  if (write.append) store.appendCells(write.name, write.cells);
  else store.writeCells(write.name, write.row, write.cells);
}

function failed(week: Period | null, kind: WeeklyFailureKind, noticeSent: boolean, problems: number, language: Language): WeeklyRunResult {
  return { status: 'failed', week, recipients: 0, quota: null, written: null, problems, failure: kind, failureNoticeSent: noticeSent, language };
}

/** The error's kind for the log: its name and first line, which never holds cell contents we put there. */
function errorName(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0] ?? ''}`.slice(0, 200);
  return String(error).slice(0, 200);
}

/** The spreadsheet's address, or null (none, or it could not be had: the mail goes without the link). */
function readUrl(ports: WeeklyPorts, log: (line: string) => void): string | null {
  try {
    return ports.spreadsheetUrl?.() ?? null;
  } catch (error) {
    log(`weekly: spreadsheet address unreadable: ${errorName(error)}`);
    return null;
  }
}

/** The notes at the end of the mail: the trigger owner who is no longer an active manager (the
 *  triggers stop with their account; a manager's 初期設定 takes them over). No address in it. */
function weeklyNotices(ports: WeeklyPorts, coordinators: readonly Coordinator[], log: (line: string) => void): WeeklyNotice[] {
  let owner: string | null = null;
  try {
    owner = ports.triggerOwner?.() ?? null;
  } catch (error) {
    log(`weekly: trigger owner unreadable: ${errorName(error)}`);
  }
  if (owner === null || owner.trim() === '') return [];
  const wanted = owner.trim().toLowerCase();
  const active = coordinators.some((c) => c.active && c.role === 'manager' && c.email.trim().toLowerCase() === wanted);
  if (!active) log('weekly: the owner of the triggers is no longer an active manager; the mail says so');
  return active ? [] : ['trigger_owner_inactive'];
}
