import { escapeHtml } from '../text/escape-html';
import type { WeeklyMailModel } from '../weekly/weekly-mail-model';
import { BAR_COLOUR, barCell, barChart } from './html-bar-chart';
import { weekRange } from './weekly-format';
import { weeklySubject } from './weekly-subject';
import { weeklySurveyHtml } from './weekly-survey-section';
import { weeklySections, type AttentionList, type CoordinatorRow, type EventRow, type HeadlineRow, type TargetRow, type TrendRow } from './weekly-sections';

// The HTML body of the weekly mail, for Gmail on a phone first: one column at most 600px wide,
// tables for layout, inline styles only (Gmail drops <style> in many clients), no images, no
// scripts, no web fonts. Every piece of text goes through escapeHtml, the center's own words
// (names, event titles) included.
const FONT = "'Hiragino Kaku Gothic ProN','Hiragino Sans','Noto Sans JP','Noto Sans CJK JP',Meiryo,Arial,sans-serif";
const INK = '#222b26';
const MUTED = '#6b7570';
const RULE = '#e0e8e2';
const UP = '#1565c0';
const DOWN = '#c62828';

const TABLE = 'role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"';
/** A table whose cells inherit the body text's size (13px/17px), so each cell need not say it. */
const TABLE_13 = 'role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-size:13px;line-height:17px;"';

function section(title: string, body: string): string {
  return `<tr><td style="padding:20px 16px 4px 16px;font-size:15px;line-height:20px;font-weight:bold;color:#1b5e20;">${escapeHtml(title)}</td></tr>`
    + `<tr><td style="padding:0 16px;"><div style="border-top:2px solid ${RULE};height:0;line-height:0;font-size:0;">&nbsp;</div></td></tr>`
    + `<tr><td style="padding:6px 16px 0 16px;">${body}</td></tr>`;
}

/** A label that may wrap only between its words, never inside one (issue 14: on a 375px phone
 *  `新規開拓件数` broke as 新規開/拓件数): each word is a no-wrap span. English words are split at
 *  spaces; a Japanese label at its parts, before （ and after ） and ・. */
export function labelHtml(label: string): string {
  const words = label.split(/(?<=\s)|(?=（)|(?<=）)|(?<=・)/u).filter((w) => w !== '');
  return words.map((w) => `<span style="white-space:nowrap;">${escapeHtml(w)}</span>`).join('');
}

function nothing(text: string): string {
  return `<p style="margin:4px 0;font-size:13px;color:${MUTED};">${escapeHtml(text)}</p>`;
}

/** The headline figures, each figure under its label (issue 14: beside it, a 375px phone broke
 *  the labels inside words): a label row across the table, then this week, the change, the week
 *  before and the year to date in four equal columns. */
function headlineTable(rows: readonly HeadlineRow[], heads: readonly string[]): string {
  const th = (t: string): string =>
    `<th width="25%" style="padding:4px 2px;font-size:11px;line-height:14px;font-weight:normal;color:${MUTED};text-align:right;">${labelHtml(t)}</th>`;
  const head = `<tr>${heads.map((h) => th(h)).join('')}</tr>`;
  const body = rows.map((r, i) => {
    const bg = i % 2 === 0 ? '#f6f9f7' : '#ffffff';
    const colour = r.direction > 0 ? UP : r.direction < 0 ? DOWN : MUTED;
    const td = (content: string, style = ''): string => `<td style="padding:0 2px 6px 2px;text-align:right;white-space:nowrap;${style}">${content}</td>`;
    return `<tr style="background-color:${bg};"><td colspan="4" style="padding:6px 4px 0 4px;">${labelHtml(r.label)}</td></tr>`
      + `<tr style="background-color:${bg};">`
      + td(`<b style="font-size:15px;">${escapeHtml(r.week)}</b>`)
      + td(escapeHtml(r.change), `color:${colour};font-size:12px;`)
      + td(escapeHtml(r.lastWeek), `color:${MUTED};`)
      + td(escapeHtml(r.fiscalYearToDate))
      + '</tr>';
  }).join('');
  return `<table ${TABLE_13}>${head}${body}</table>`;
}

function eventTable(columns: readonly string[], rows: readonly EventRow[], empty: string, withFill: boolean): string {
  if (rows.length === 0) return nothing(empty);
  const th = (t: string, align: string): string =>
    `<th style="padding:4px 3px;font-size:11px;line-height:14px;font-weight:normal;color:${MUTED};text-align:${align};">${escapeHtml(t)}</th>`;
  const head = `<tr>${th('', 'left')}${columns.map((c) => th(c, 'right')).join('')}</tr>`;
  const body = rows.map((r) => {
    const fill = withFill && r.fill !== null ? `<div style="padding-top:3px;">${barCell(r.fill, r.fill >= 1 ? '#ef6c00' : BAR_COLOUR, 6)}</div>` : '';
    return `<tr style="border-bottom:1px solid ${RULE};">`
      + `<td style="padding:6px 3px;font-size:13px;line-height:17px;text-align:left;">`
      + `<span style="color:${MUTED};font-size:12px;">${escapeHtml(r.day)}</span><br>${escapeHtml(r.title)}${fill}</td>`
      + r.cells.map((c) => `<td style="padding:6px 3px;font-size:13px;line-height:17px;text-align:right;white-space:nowrap;vertical-align:top;">${escapeHtml(c)}</td>`).join('')
      + '</tr>';
  }).join('');
  return `<table ${TABLE}>${head}${body}</table>`;
}

function attentionLists(lists: readonly AttentionList[], s: { none: string; more: (n: number) => string; note: string; mostUrgent: (n: number) => string }): string {
  const blocks = lists.map((l) => {
    const badge = `<span style="display:inline-block;min-width:18px;padding:0 6px;border-radius:9px;background-color:${l.count > 0 ? '#fff3e0' : '#eef2ef'};color:${l.count > 0 ? '#e65100' : MUTED};text-align:center;">${l.count}</span>`;
    const head = `<tr><td colspan="2" style="padding:8px 0 2px 0;font-size:13px;line-height:18px;"><b>${labelHtml(l.label)}</b> ${badge}`
      + (l.more > 0 ? ` <span style="color:${MUTED};font-size:11px;white-space:nowrap;">${escapeHtml(s.mostUrgent(l.items.length))}</span>` : '') + '</td></tr>';
    if (l.count === 0) return `${head}<tr><td colspan="2" style="padding:0 0 4px 0;font-size:13px;color:${MUTED};">${escapeHtml(s.none)}</td></tr>`;
    const items = l.items.map((i) => `<tr valign="top"><td style="padding:2px 8px 2px 0;font-family:Menlo,Consolas,monospace;white-space:nowrap;">${escapeHtml(i.id)}</td>`
      + `<td style="padding:2px 0;font-size:12px;">${escapeHtml(i.detail)}</td></tr>`).join('');
    const more = l.more > 0 ? `<tr><td colspan="2" style="padding:0 0 4px 0;font-size:12px;color:${MUTED};">${escapeHtml(s.more(l.more))}</td></tr>` : '';
    return head + items + more;
  }).join('');
  return `<table ${TABLE_13}>${blocks}<tr><td colspan="2" style="padding:6px 0 4px 0;font-size:11px;color:${MUTED};">${escapeHtml(s.note)}</td></tr></table>`;
}

/** One row per figure: its label and this week's figure, then 13 bars as table cells (a div of
 *  the bar's height in each: Gmail keeps inline heights and colours; no image, no SVG). The newest
 *  week is the darker bar; a week without a row is a short grey stub. */
function trendRows(rows: readonly TrendRow[], note: string): string {
  const HEIGHT = 26;
  // Bytes count here (Gmail clips a message over 102 KB): 78 bar cells share their table's
  // font-size:0, and each is a bare cell with an empty div of the bar's height.
  const body = rows.map((r) => {
    const bars = r.heights.map((h, i) => {
      const px = h === null ? 2 : Math.max(1, Math.round(h * HEIGHT));
      const colour = h === null ? RULE : i === r.heights.length - 1 ? '#1b5e20' : BAR_COLOUR;
      return `<td width="7%" valign="bottom" style="padding:0 1px;"><div style="height:${px}px;background-color:${colour};"></div></td>`;
    }).join('');
    return `<tr><td style="padding:8px 0 2px 0;">${labelHtml(r.label)}</td>`
      + `<td style="padding:8px 0 2px 0;text-align:right;white-space:nowrap;"><b>${escapeHtml(r.latest)}</b> <span style="color:${MUTED};font-size:11px;">${escapeHtml(r.range)}</span></td></tr>`
      + `<tr><td colspan="2" style="padding:0;border-bottom:1px solid ${RULE};">`
      + `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-size:0;line-height:0;"><tr style="height:${HEIGHT}px;">${bars}</tr></table></td></tr>`;
  }).join('');
  return `<table ${TABLE_13}>${body}<tr><td colspan="2" style="padding:6px 0 0 0;font-size:11px;line-height:15px;color:${MUTED};">${escapeHtml(note)}</td></tr></table>`;
}

/** Each target: its label and the achievement, then a bar (the year to date against the pro-rata
 *  target, full at 100%) and the three numbers under it. */
function targetRows(rows: readonly TargetRow[], note: string, none: string): string {
  if (rows.length === 0) return nothing(none);
  const body = rows.map((r) => `<tr><td style="padding:8px 0 2px 0;">${labelHtml(r.label)}</td>`
    + `<td style="padding:8px 0 2px 0;font-size:15px;text-align:right;white-space:nowrap;color:${r.onTrack ? UP : '#e65100'};"><b>${escapeHtml(r.achievement)}</b></td></tr>`
    + `<tr><td colspan="2" style="padding:0;">${barCell(r.fraction, r.onTrack ? BAR_COLOUR : '#ef6c00', 8)}</td></tr>`
    + `<tr><td colspan="2" style="padding:2px 0 4px 0;font-size:12px;line-height:16px;color:${MUTED};">${escapeHtml(r.line)}</td></tr>`).join('');
  return `<table ${TABLE_13}>${body}<tr><td colspan="2" style="padding:6px 0 0 0;font-size:11px;line-height:15px;color:${MUTED};">${escapeHtml(note)}</td></tr></table>`;
}

/** Coordinators by name (staff), four figures each: this week above, the year to date below. */
function coordinatorTable(columns: readonly string[], rows: readonly CoordinatorRow[], note: string, empty: string): string {
  if (rows.length === 0) return nothing(empty);
  const th = (t: string, align: string): string =>
    `<th style="padding:4px 3px;font-size:11px;line-height:14px;font-weight:normal;color:${MUTED};text-align:${align};white-space:nowrap;">${escapeHtml(t)}</th>`;
  const head = `<tr>${th('', 'left')}${columns.map((c) => th(c, 'right')).join('')}</tr>`;
  const body = rows.map((r, i) => `<tr style="background-color:${i % 2 === 0 ? '#f6f9f7' : '#ffffff'};">`
    + `<td style="padding:5px 4px;text-align:left;">${labelHtml(r.name)}</td>`
    + r.week.map((w, k) => `<td style="padding:5px 3px;text-align:right;white-space:nowrap;"><b>${escapeHtml(w)}</b><br><span style="color:${MUTED};font-size:11px;">${escapeHtml(r.year[k] ?? '')}</span></td>`).join('')
    + '</tr>').join('');
  return `<table ${TABLE_13}>${head}${body}<tr><td colspan="${columns.length + 1}" style="padding:6px 0 0 0;font-size:11px;line-height:15px;color:${MUTED};">${escapeHtml(note)}</td></tr></table>`;
}

export function renderWeeklyHtml(model: WeeklyMailModel): string {
  const x = weeklySections(model);
  const s = x.strings;
  const lang = model.language;
  const center = model.centerName.trim() || s.defaultCenter;
  const range = weekRange(model.periods.week, lang);
  const subject = weeklySubject(model.centerName, model.periods.week, lang);
  const problems = model.problemCount > 0
    ? `<tr><td style="padding:12px 16px 0 16px;"><div style="padding:8px 10px;background-color:#fff8e1;border-left:4px solid #f9a825;font-size:12px;line-height:18px;">${escapeHtml(s.problems(model.problemCount))}</div></td></tr>`
    : '';
  const rows = [
    `<tr><td style="padding:18px 16px 14px 16px;background-color:#2e7d32;color:#ffffff;">`
      + `<div style="font-size:12px;line-height:16px;opacity:0.9;">${escapeHtml(center)}</div>`
      + `<div style="font-size:20px;line-height:28px;font-weight:bold;">${escapeHtml(s.title)}</div>`
      + `<div style="font-size:14px;line-height:20px;">${escapeHtml(range)}　<span style="font-size:12px;">(${escapeHtml(s.fiscalYear(model.periods.fiscalYear))})</span></div></td></tr>`,
    `<tr><td style="padding:12px 16px 0 16px;font-size:13px;line-height:19px;color:${INK};">${escapeHtml(s.intro(range))}</td></tr>`,
    problems,
    section(s.sections.headline, headlineTable(x.headline, [s.thisWeek, s.change, s.lastWeek, s.fyToDate])),
    x.trends.length === 0 ? '' : section(s.sections.trends, trendRows(x.trends, x.trendsNote)),
    section(s.sections.targets, targetRows(x.targets, x.targetsNote, s.targets.none)),
    section(s.sections.placements, barChart(x.placements)),
    section(s.sections.newMembers, barChart(x.newMembers)),
    section(s.sections.activitiesByArea, barChart(x.activitiesByArea)),
    section(s.sections.coordinators, coordinatorTable(x.coordinators.columns, x.coordinators.rows, s.coordinatorNote, s.nothing)),
    section(s.sections.activitiesByCoordinator, x.activitiesByCoordinator.length === 0 ? nothing(s.nothing) : barChart(x.activitiesByCoordinator)),
    section(s.sections.eventsHeld, eventTable(x.eventsHeld.columns, x.eventsHeld.rows, s.nothing, false)),
    section(s.sections.upcoming, eventTable(x.upcoming.columns, x.upcoming.rows, s.nothing, true)),
    weeklySurveyHtml(model.surveys, lang),
    section(s.sections.attention, attentionLists(x.attention, { ...s.attention, mostUrgent: s.urgency.mostUrgent })),
    x.spreadsheetUrl === null ? ''
      : `<tr><td style="padding:14px 16px 0 16px;font-size:14px;line-height:20px;"><a href="${escapeHtml(x.spreadsheetUrl)}" style="color:${UP};font-weight:bold;">${escapeHtml(s.openSheet)} →</a></td></tr>`,
    ...model.notices.map((n) => `<tr><td style="padding:16px 16px 0 16px;"><div style="padding:8px 10px;background-color:#fff8e1;border-left:4px solid #f9a825;font-size:12px;line-height:18px;">${escapeHtml(s.notices[n])}</div></td></tr>`),
    `<tr><td style="padding:20px 16px 18px 16px;font-size:11px;line-height:16px;color:${MUTED};">${escapeHtml(s.footer)}</td></tr>`,
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background-color:#eef2ef;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#eef2ef;"><tr><td align="center" style="padding:12px 6px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;font-family:${FONT};color:${INK};border-collapse:collapse;">`,
    rows,
    '</table>',
    '</td></tr></table>',
    '</body></html>',
  ].join('\n');
}
