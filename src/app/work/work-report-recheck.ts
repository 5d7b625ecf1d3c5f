import { cellText } from '../../domain/cell';
import { civilDateTimeIn } from '../../domain/civil-date';
import { SETTINGS_TAB, tabNames } from '../../domain/schema/tabs';
import { parseSettings } from '../../domain/settings';
import type { Clock, KeyValueStore, Lock, TableStore } from '../ports';
import type { ResponseTabs } from '../signup/sync';
import { underWriteLock } from '../shared/write-boundary';
import { takeReports, type ReportAnswer } from './work-report-take';

// Menu 就業報告を再確認 (a coordinator or manager), like 申込を再確認: every answer of the 就業報告
// form's response tab that neither 就業実績 nor 就業報告 holds yet is taken, in order — what a
// submit that found the lock busy for 30 s (or a trigger that did not run) left behind. Under the
// write boundary; the response tab is read once and every answer decided in memory
// (work-report-take.ts), so the writes are one recordWork of all the good answers' days, one
// append to 就業報告, one of audit rows: nothing per answer. Run twice, the second adds nothing.

export interface RecheckWorkReportsPorts {
  readonly store: TableStore;
  readonly lock: Lock;
  readonly clock: Clock;
  /** Document properties: the W… counter. */
  readonly props: KeyValueStore;
  readonly responses: ResponseTabs;
}

export type RecheckWorkReportsResult =
  | { readonly ok: true; readonly answers: number; readonly recorded: number; readonly rows: number; readonly kept: number }
  | { readonly ok: false; readonly code: 'busy' | 'no_form' };

/** `formId`: the 就業報告 form's (設定's 就業報告フォームID); `user`: who ran it, for the audit rows. */
export function recheckWorkReports(ports: RecheckWorkReportsPorts, formId: string, user: string): RecheckWorkReportsResult {
  const locked = underWriteLock(ports, (): RecheckWorkReportsResult => {
    const tab = formId === '' ? null : ports.responses.tabOf(formId);
    const raw = tab === null ? null : ports.store.read([tab, tab]);
    if (!raw) return { ok: false, code: 'no_form' };
    const settings = parseSettings(ports.store.read(tabNames(SETTINGS_TAB))).settings;
    const now = civilDateTimeIn(ports.clock.now(), settings.timeZone);
    const answers: ReportAnswer[] = raw.rows
      .filter((row) => row.some((c) => cellText(c).trim() !== ''))
      .map((row) => {
        const named: Record<string, string[]> = {};
        raw.header.forEach((h, i) => { named[String(h)] = [cellText(row[i] ?? null)]; });
        // Forms' first column is the answer's time (its title in the form's language).
        return { named, stamp: cellText(row[0] ?? null) };
      });
    if (answers.length === 0) return { ok: true, answers: 0, recorded: 0, rows: 0, kept: 0 };
    const { outcomes } = takeReports(ports, { settings, now, user }, answers);
    const recorded = outcomes.flatMap((o) => (o.outcome === 'recorded' ? [o] : []));
    return {
      ok: true, answers: answers.length, recorded: recorded.length, rows: recorded.reduce((n, o) => n + o.work_ids.length, 0),
      kept: outcomes.filter((o) => o.outcome === 'needs_review').length,
    };
  });
  return locked.ok ? locked.value : { ok: false, code: 'busy' };
}
