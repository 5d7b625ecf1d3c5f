import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { civilDateTimeIn } from '../../domain/civil-date';
import { SETTINGS_TAB, tabNames } from '../../domain/schema/tabs';
import { parseSettings } from '../../domain/settings';
import { capsExceeded } from '../../domain/work/caps-exceeded';
import type { Clock, Lock, KeyValueStore, TableStore } from '../ports';
import { underWriteLock } from '../shared/write-boundary';
import { takeReports, type WorkReportReason } from './work-report-take';

// One answer of the monthly 就業報告 form (its installable form-submit trigger, only from the
// form's own response tab: entry/dispatch.ts). The answer is already safe in the response tab.
// Under the script lock it is checked against the workbook (work-report-take.ts): the member in
// 会員, placed on the job (マッチング) on every day reported, no day in a closed month, no day
// already recorded for that job. A good answer becomes one 就業実績 row per day (確認 blank: the
// client has not confirmed; メモ 就業報告) through recordWork. Any other answer is **kept as
// 要確認** in the 就業報告 tab with the reason — never written to 就業実績 (配分金 is paid from
// it). A trigger that fires twice for one answer writes once. A submit that cannot get the lock in
// 30 s writes nothing and says so in the log: the answer stays in the response tab, and menu
// 就業報告を再確認 (work-report-recheck.ts) takes it later. Service use: forms.md "就業報告".

export const WORK_REPORT_LOCK_MS = 30000;

export type { WorkReportReason } from './work-report-take';

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

const EVENT = lazySchema(() => z.looseObject({ namedValues: z.record(z.string(), z.array(z.string())) }));

export function handleWorkReportSubmit(ports: WorkReportPorts, rawEvent: unknown): WorkReportResult {
  const parsed = EVENT.safeParse(rawEvent);
  if (!parsed.success) return { outcome: 'invalid_event' };
  const named = parsed.data.namedValues;
  // Apps Script sometimes fires an extra, empty event.
  if (Object.values(named).every((v) => v.every((s) => s.trim() === ''))) return { outcome: 'skipped_blank' };
  const stamp = (named['タイムスタンプ'] ?? named.Timestamp ?? [''])[0] ?? '';
  const locked = underWriteLock(ports, () => takeOne(ports, named, stamp), WORK_REPORT_LOCK_MS);
  if (locked.ok) return locked.value;
  ports.log?.('work report: another run held the script lock for 30 s; nothing written (the answer stays in the form\'s response tab)');
  return { outcome: 'busy' };
}

function takeOne(ports: WorkReportPorts, named: Record<string, string[]>, stamp: string): WorkReportResult {
  const settings = parseSettings(ports.store.read(tabNames(SETTINGS_TAB))).settings;
  const now = civilDateTimeIn(ports.clock.now(), settings.timeZone);
  const { outcomes: [outcome], work } = takeReports(ports, { settings, now, user: 'work-report-form' }, [{ named, stamp }]);
  if (!outcome) return { outcome: 'skipped_duplicate' };
  if (outcome.outcome !== 'recorded') return outcome;
  const member = outcome.rows[0]?.member_id ?? '';
  const excess = capsExceeded(work.filter((r) => r.member_id === member), outcome.rows.map((r) => r.date), settings);
  return { outcome: 'recorded', work_ids: outcome.work_ids, over_cap: excess.months.length + excess.weeks.length > 0 };
}
