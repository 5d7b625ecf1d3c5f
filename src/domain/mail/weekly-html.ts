import { escapeHtml } from '../text/escape-html';
import type { WeeklyMailModel } from '../weekly/weekly-mail-model';
import { BAR_COLOUR, barCell, barChart } from './html-bar-chart';
import { weekRange } from './weekly-format';
import { weeklySubject } from './weekly-subject';
import { weeklySections, type EventRow, type HeadlineRow, type IdList } from './weekly-sections';

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

function section(title: string, body: string): string {
  return `<tr><td style="padding:20px 16px 4px 16px;font-size:15px;line-height:20px;font-weight:bold;color:#1b5e20;">${escapeHtml(title)}</td></tr>`
    + `<tr><td style="padding:0 16px;"><div style="border-top:2px solid ${RULE};height:0;line-height:0;font-size:0;">&nbsp;</div></td></tr>`
    + `<tr><td style="padding:6px 16px 0 16px;">${body}</td></tr>`;
}

function nothing(text: string): string {
  return `<p style="margin:4px 0;font-size:13px;color:${MUTED};">${escapeHtml(text)}</p>`;
}

function headlineTable(rows: readonly HeadlineRow[], heads: readonly string[]): string {
  const th = (t: string, align: string): string =>
    `<th style="padding:4px 2px;font-size:11px;line-height:14px;font-weight:normal;color:${MUTED};text-align:${align};white-space:nowrap;">${escapeHtml(t)}</th>`;
  const head = `<tr>${th('', 'left')}${heads.map((h) => th(h, 'right')).join('')}</tr>`;
  const body = rows.map((r, i) => {
    const bg = i % 2 === 0 ? '#f6f9f7' : '#ffffff';
    const colour = r.direction > 0 ? UP : r.direction < 0 ? DOWN : MUTED;
    const td = (content: string, style = ''): string =>
      `<td style="padding:6px 2px;font-size:13px;line-height:17px;text-align:right;white-space:nowrap;${style}">${content}</td>`;
    return `<tr style="background-color:${bg};">`
      + `<td style="padding:6px 4px;font-size:13px;line-height:17px;text-align:left;">${escapeHtml(r.label)}</td>`
      + td(`<b style="font-size:15px;">${escapeHtml(r.week)}</b>`)
      + td(escapeHtml(r.change), `color:${colour};font-size:12px;`)
      + td(escapeHtml(r.lastWeek), `color:${MUTED};`)
      + td(escapeHtml(r.fiscalYearToDate))
      + '</tr>';
  }).join('');
  return `<table ${TABLE}>${head}${body}</table>`;
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

function idLists(lists: readonly IdList[], none: string, more: (n: number) => string, note: string): string {
  const blocks = lists.map((l) => {
    const count = l.ids.length + l.more;
    const ids = count === 0
      ? `<span style="color:${MUTED};">${escapeHtml(none)}</span>`
      : l.ids.map((id) => `<span style="white-space:nowrap;">${escapeHtml(id)}</span>`).join(', ')
        + (l.more > 0 ? ` <span style="color:${MUTED};">${escapeHtml(more(l.more))}</span>` : '');
    return `<tr><td style="padding:6px 0 2px 0;font-size:13px;line-height:18px;"><b>${escapeHtml(l.label)}</b> `
      + `<span style="display:inline-block;min-width:18px;padding:0 6px;border-radius:9px;background-color:${count > 0 ? '#fff3e0' : '#eef2ef'};color:${count > 0 ? '#e65100' : MUTED};text-align:center;">${count}</span></td></tr>`
      + `<tr><td style="padding:0 0 6px 0;font-size:13px;line-height:19px;font-family:Menlo,Consolas,monospace;word-break:break-all;">${ids}</td></tr>`;
  }).join('');
  return `<table ${TABLE}>${blocks}<tr><td style="padding:4px 0;font-size:11px;color:${MUTED};">${escapeHtml(note)}</td></tr></table>`;
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
    section(s.sections.placements, barChart(x.placements)),
    section(s.sections.newMembers, barChart(x.newMembers)),
    section(s.sections.activitiesByArea, barChart(x.activitiesByArea)),
    section(s.sections.activitiesByCoordinator, x.activitiesByCoordinator.length === 0 ? nothing(s.nothing) : barChart(x.activitiesByCoordinator)),
    section(s.sections.eventsHeld, eventTable(x.eventsHeld.columns, x.eventsHeld.rows, s.nothing, false)),
    section(s.sections.upcoming, eventTable(x.upcoming.columns, x.upcoming.rows, s.nothing, true)),
    section(s.sections.attention, idLists(x.attention, s.attention.none, s.attention.more, s.attention.note)),
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
