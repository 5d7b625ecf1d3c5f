import type { Cell, RawTable } from '../cell';
import { cellText, isBlank, isDateCell } from '../cell';
import type { Language } from '../enums';
import { surveyMailText } from '../messages/catalog';
import { escapeHtml } from '../text/escape-html';
import type { Period } from '../weekly/week-period';
import { barCell } from './html-bar-chart';
import { formatCount, formatPercent } from './weekly-format';

// The weekly mail's short survey section (kpi.md "Weekly summary"): for each survey open in the
// week — its answers, as their times say, run from on or before the week's last day to on or
// after its first (a survey answered before and after a quiet week still shows, with 0) — the
// response rate against 対象数 at the week's end and the answers of the week. Counts only, from
// the answers' time column: no answer's words are read. Its own file, inserted into the weekly
// mail's HTML and text in one line each.

/** One survey as the weekly run reads it: its アンケート row's name and target, and the time
 *  column of its response tab (タイムスタンプ, else the first). */
export interface WeeklySurveyInput {
  readonly name: string;
  readonly target: number | null;
  readonly times: readonly Cell[];
}

export interface WeeklySurveyLine {
  readonly name: string;
  /** Answers dated up to the week's last day. */
  readonly responses: number;
  readonly target: number | null;
  readonly rate: number | null;
  readonly thisWeek: number;
}

/** The timestamp column of a response tab: タイムスタンプ / Timestamp, else column A. */
export function timeColumn(header: readonly string[]): number {
  const at = header.findIndex((h) => ['タイムスタンプ', 'timestamp'].includes(String(h ?? '').trim().toLowerCase()));
  return at >= 0 ? at : 0;
}

/** The times of a response tab as read (every non-blank row). */
export function answerTimes(table: RawTable): Cell[] {
  const at = timeColumn(table.header);
  return table.rows.filter((r) => !r.every((c) => isBlank(c))).map((r) => r[at] ?? null);
}

/** `2026/05/01 10:00:00`, `2026-05-01T10:00:00` or a date cell → `2026-05-01`; null when unreadable. */
function dayOf(c: Cell): string | null {
  // A date cell (what a form writes) starts with its day: no pattern, no normalising.
  if (isDateCell(c) && c.date.length >= 10 && c.date.charCodeAt(4) === 45 && c.date.charCodeAt(7) === 45) return c.date.slice(0, 10);
  const text = isDateCell(c) ? c.date : cellText(c);
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(text.normalize('NFKC'));
  return m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : null;
}

export function weeklySurveyLines(surveys: readonly WeeklySurveyInput[], week: Period): WeeklySurveyLine[] {
  const out: WeeklySurveyLine[] = [];
  for (const s of surveys) {
    // One pass over the answers' days: the first, the last, those up to the week's end and those in it.
    let first: string | undefined;
    let last: string | undefined;
    let responses = 0;
    let thisWeek = 0;
    for (const time of s.times) {
      const d = dayOf(time);
      if (d === null) continue;
      if (first === undefined || d < first) first = d;
      if (last === undefined || d > last) last = d;
      if (d <= week.to) {
        responses++;
        if (d >= week.from) thisWeek++;
      }
    }
    if (first === undefined || last === undefined || first > week.to || last < week.from) continue;
    const target = s.target !== null && s.target > 0 ? s.target : null;
    out.push({ name: s.name, responses, target, rate: target === null ? null : responses / target, thisWeek });
  }
  return out;
}

/** The section's rows of the weekly HTML (its table of sections), '' when no survey was open. */
export function weeklySurveyHtml(lines: readonly WeeklySurveyLine[], lang: Language): string {
  if (lines.length === 0) return '';
  const t = surveyMailText(lang);
  const rows = lines.map((l) => {
    const rate = l.rate === null ? t.weeklyNoTarget : t.weeklyRate(formatPercent(l.rate));
    return `<tr><td style="padding:6px 0 2px 0;font-size:13px;line-height:18px;"><b>${escapeHtml(l.name)}</b></td></tr>`
      + `<tr><td style="padding:0 0 2px 0;font-size:12px;line-height:17px;color:#6b7570;">${escapeHtml(t.weeklyLine(rate, formatCount(l.thisWeek), formatCount(l.responses)))}</td></tr>`
      + (l.rate === null ? '' : `<tr><td style="padding:0 0 6px 0;">${barCell(l.rate, undefined, 8)}</td></tr>`);
  }).join('');
  return `<tr><td style="padding:20px 16px 4px 16px;font-size:15px;line-height:20px;font-weight:bold;color:#1b5e20;">${escapeHtml(t.weeklySection)}</td></tr>`
    + '<tr><td style="padding:0 16px;"><div style="border-top:2px solid #e0e8e2;height:0;line-height:0;font-size:0;">&nbsp;</div></td></tr>'
    + `<tr><td style="padding:6px 16px 0 16px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">${rows}</table></td></tr>`;
}

/** The section's lines of the weekly text part, none when no survey was open. */
export function weeklySurveyText(lines: readonly WeeklySurveyLine[], lang: Language): string[] {
  if (lines.length === 0) return [];
  const t = surveyMailText(lang);
  return [`\n■ ${t.weeklySection}`, ...lines.map((l) => {
    const rate = l.rate === null ? t.weeklyNoTarget : t.weeklyRate(formatPercent(l.rate));
    return `  ${l.name}: ${t.weeklyLine(rate, formatCount(l.thisWeek), formatCount(l.responses))}`;
  })];
}
