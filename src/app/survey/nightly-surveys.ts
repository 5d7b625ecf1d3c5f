import { civilDateIn } from '../../domain/civil-date';
import { renderSurveyMail } from '../../domain/mail/survey-mail';
import type { Problem } from '../../domain/messages/problem';
import { parseTable } from '../../domain/parse/parse-table';
import { COORDINATORS_TAB, tabNames, type Coordinator } from '../../domain/schema/tabs';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import {
  answersSeen, dueMail, markEntry, markOf, readSurveyMarks, sameAnswers, type AnswersSeen, type SurveyMark,
} from '../../domain/survey/survey-marks';
import type { SurveyTally } from '../../domain/survey/tally';
import { surveyTallyRows } from '../../domain/survey/tally-rows';
import { utf8Length } from '../../domain/text/utf8-length';
import type { Clock, Mailer, PropertyBag, TableStore } from '../ports';
import { weeklyRecipients } from '../weekly/recipients';
import { surveyRecipients } from './survey-recipients';
import { readSurveyTabs, tallyOne, writeTallies, type SurveyForms, type SurveyTab } from './tally-surveys';

// The nightly survey run (forms.md "The nightly survey run"), inside the write boundary: every
// survey of アンケート read once; when one has answers its last tally did not have, アンケート集計
// is written again (owned columns only); each survey with answers its last mail did not have, and
// no mail yet today, is mailed to the active coordinators and managers. A night without new
// answers reads and writes nothing more, and mails nothing.
// Once a day, whatever fires: the survey's mark (survey-marks.ts) is written before its mail
// goes, so a second firing — the same night, or the trigger installed twice — finds it mailed;
// a send that fails puts the mark back (the survey goes the next night). Quota first, like the
// weekly: one getRemainingDailyQuota, and a survey goes only while the quota covers its
// recipients and still leaves the weekly summary's (forms.md "Mail budget").

export interface NightlySurveyPorts {
  readonly store: TableStore;
  readonly mailer: Mailer;
  readonly clock: Clock;
  /** The document properties (one getProperties, at most two setProperties). */
  readonly props: PropertyBag;
  readonly forms?: SurveyForms;
  /** Counts and tab names only. */
  readonly log?: (line: string) => void;
}

export interface SurveyMailed {
  readonly sheet: string;
  readonly recipients: number;
  readonly sizeBytes: number;
}

export interface NightlySurveyResult {
  readonly surveys: number;
  /** Whether アンケート集計 was written. */
  readonly tallied: boolean;
  readonly mailed: SurveyMailed[];
  /** Surveys due a mail the quota did not cover (they go the next night). */
  readonly quotaShort: string[];
  /** Surveys due a mail whose send failed (their marks put back). */
  readonly failed: string[];
  /** Surveys were due a mail and nobody active could get it. */
  readonly noRecipients: boolean;
  readonly problems: Problem[];
}

export function runNightlySurveys(ports: NightlySurveyPorts): NightlySurveyResult {
  const log = ports.log ?? ((): void => undefined);
  const read = readSurveyTabs(ports.store);
  const { settings } = read;
  const today = civilDateIn(ports.clock.now(), settings.timeZone || DEFAULT_SETTINGS.timeZone);
  const marks = readSurveyMarks(ports.props.getAll());
  const seen = new Map<string, AnswersSeen>(read.surveys.map((s) => [s.def.sheet, answersSeen(s.responses)]));
  const now = (s: SurveyTab): AnswersSeen => seen.get(s.def.sheet) ?? { count: 0, latest: '' };
  const fresh = read.surveys.filter((s) => !sameAnswers(markOf(marks, s.def.sheet).tallied, now(s)));
  const due = read.surveys.filter((s) => dueMail(markOf(marks, s.def.sheet), now(s), today));
  const result = { surveys: read.surveys.length, tallied: false, mailed: [] as SurveyMailed[], quotaShort: [] as string[], failed: [] as string[], noRecipients: false, problems: [...read.problems] };
  if (fresh.length === 0 && due.length === 0) {
    log(`survey: ${read.surveys.length} surveys, no new answers; nothing written or mailed`);
    return result;
  }

  // アンケート集計 is one table of every survey: when one is new, all are tallied and written;
  // otherwise only the surveys to mail are tallied (the menu may have written the tab since).
  const tallies = new Map<string, SurveyTally>();
  for (const s of fresh.length > 0 ? read.surveys : due) tallies.set(s.def.sheet, tallyOne(read, s, result.problems, ports.forms));
  const next = new Map<string, SurveyMark>();
  const markNow = (sheet: string): SurveyMark => next.get(sheet) ?? markOf(marks, sheet);
  if (fresh.length > 0) {
    writeTallies(ports.store, read.language, surveyTallyRows(read.surveys.map((s) => tallies.get(s.def.sheet)).filter((t): t is SurveyTally => t !== undefined), read.language));
    result.tallied = true;
    for (const s of read.surveys) next.set(s.def.sheet, { ...markNow(s.def.sheet), tallied: now(s) });
    log(`survey: ${fresh.length} of ${read.surveys.length} surveys have new answers; アンケート集計 written`);
  }

  const sendable: SurveyTab[] = [];
  let to: string[] = [];
  if (due.length > 0) {
    const coordinators: Coordinator[] = parseTable(COORDINATORS_TAB, ports.store.read(tabNames(COORDINATORS_TAB, read.language)) ?? { name: '', header: [], rows: [] }).records;
    to = surveyRecipients(coordinators);
    if (to.length === 0) {
      result.noRecipients = true;
      log(`survey: ${due.length} surveys have new answers but no active coordinator or manager has an address; not mailed`);
    } else {
      const reserve = weeklyRecipients(settings, coordinators).to.length;
      let left = ports.mailer.remainingQuota() - reserve;
      for (const s of due) {
        if (left >= to.length) {
          sendable.push(s);
          left -= to.length;
        } else result.quotaShort.push(s.def.sheet);
      }
      if (result.quotaShort.length > 0) log(`survey: the mail quota (less ${reserve} kept for the weekly summary) is short for ${result.quotaShort.length} surveys; they go the next night`);
    }
  }
  const before = new Map(sendable.map((s) => [s.def.sheet, markNow(s.def.sheet)]));
  for (const s of sendable) next.set(s.def.sheet, { ...markNow(s.def.sheet), mailed: now(s), mailedOn: today });
  // The marks before the mails: a second firing finds them, whatever happens to the sends.
  if (next.size > 0) ports.props.setAll(Object.fromEntries([...next].map(([sheet, mark]) => markEntry(sheet, mark))));

  const putBack: [string, string][] = [];
  for (const s of sendable) {
    const tally = tallies.get(s.def.sheet);
    const last = before.get(s.def.sheet)?.mailed ?? null;
    if (!tally) continue;
    const mail = renderSurveyMail({
      language: read.language, centerName: settings.centerName, tally, asOf: today,
      newAnswers: last === null ? null : Math.max(0, now(s).count - last.count),
    });
    try {
      ports.mailer.send({ to, subject: mail.subject, text: mail.text, html: mail.html, senderName: settings.centerName || undefined });
      result.mailed.push({ sheet: s.def.sheet, recipients: to.length, sizeBytes: utf8Length(mail.html) + utf8Length(mail.text) });
    } catch (error) {
      result.failed.push(s.def.sheet);
      putBack.push(markEntry(s.def.sheet, { ...(before.get(s.def.sheet) ?? markNow(s.def.sheet)), tallied: markNow(s.def.sheet).tallied }));
      log(`survey: the mail of one survey could not be sent (${error instanceof Error ? error.name : 'error'}); it goes the next night`);
    }
  }
  if (putBack.length > 0) ports.props.setAll(Object.fromEntries(putBack));
  if (result.mailed.length > 0) log(`survey: ${result.mailed.length} survey mails sent to ${to.length} recipients each`);
  return result;
}
