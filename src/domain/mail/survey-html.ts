import { surveyMailText } from '../messages/catalog';
import { OTHER_ANSWERS } from '../survey/tally-rows';
import type { ChoiceCount, CrossTab, QuestionTally } from '../survey/tally';
import { escapeHtml } from '../text/escape-html';
import { barCell } from './html-bar-chart';
import { mailDay, type SurveyMailModel } from './survey-mail-model';
import { surveySubject } from './survey-subject';
import { formatCount, formatPercent } from './weekly-format';

// The survey mail's HTML body, built like the weekly's for Gmail on a phone first: one column at
// most 600px wide, tables for layout, inline styles only, bars as table cells (barCell), no
// images or scripts. Every text goes through escapeHtml: question titles and choices are the
// center's and the form's words. Free-text answers are never here, only their number.
const FONT = "'Hiragino Kaku Gothic ProN','Hiragino Sans','Noto Sans JP','Noto Sans CJK JP',Meiryo,Arial,sans-serif";
const INK = '#222b26';
const MUTED = '#6b7570';
const RULE = '#e0e8e2';
const TABLE = 'role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"';

const num = (n: number | null): string => (n === null ? '—' : String(Math.round(n * 100) / 100));

function label(c: { value: string; other?: true }, lang: SurveyMailModel['language']): string {
  return c.other ? OTHER_ANSWERS[lang] : c.value;
}

/** label | bar of the share | count and share: the bar is the share of the question's answers
 *  (a checkbox question's bars add up to more than the track). */
function choiceRows(choices: readonly ChoiceCount[], lang: SurveyMailModel['language']): string {
  const rows = choices.map((c) => '<tr>'
    + `<td style="padding:3px 8px 3px 0;font-size:13px;line-height:17px;width:38%;vertical-align:middle;">${escapeHtml(label(c, lang))}</td>`
    + `<td style="padding:3px 0;width:40%;vertical-align:middle;">${barCell(c.share)}</td>`
    + `<td style="padding:3px 0 3px 8px;font-size:13px;line-height:17px;text-align:right;white-space:nowrap;vertical-align:middle;">`
    + `<b>${formatCount(c.count)}</b> <span style="color:${MUTED};font-size:11px;">${formatPercent(c.share)}</span></td>`
    + '</tr>').join('');
  return `<table ${TABLE}>${rows}</table>`;
}

/** The cross-tab: one row per group of the `by` question, one column per choice, the count with
 *  its share of the group's answers. */
function crossTable(cross: CrossTab, choices: readonly ChoiceCount[], lang: SurveyMailModel['language']): string {
  const t = surveyMailText(lang);
  const keys = choices.map((c) => (c.other ? null : c.value));
  const th = (text: string, align: string): string =>
    `<th style="padding:4px 3px;font-size:11px;line-height:14px;font-weight:normal;color:${MUTED};text-align:${align};">${escapeHtml(text)}</th>`;
  const head = `<tr>${th(cross.by, 'left')}${th(t.group, 'right')}${choices.map((c) => th(label(c, lang), 'right')).join('')}</tr>`;
  const body = cross.groups.map((g) => {
    const cells = keys.map((k) => {
      const hit = g.choices.find((c) => (k === null ? c.other === true : !c.other && c.value === k));
      return `<td style="padding:5px 3px;font-size:13px;line-height:16px;text-align:right;white-space:nowrap;">${hit ? formatCount(hit.count) : '0'}`
        + `<br><span style="color:${MUTED};font-size:10px;">${formatPercent(hit?.share ?? 0)}</span></td>`;
    }).join('');
    return `<tr style="border-top:1px solid ${RULE};"><td style="padding:5px 3px;font-size:13px;line-height:16px;">${escapeHtml(label(g, lang))}</td>`
      + `<td style="padding:5px 3px;font-size:13px;line-height:16px;text-align:right;color:${MUTED};">${formatCount(g.answers)}</td>${cells}</tr>`;
  }).join('');
  return `<div style="padding:6px 0 2px 0;font-size:12px;color:${MUTED};">${escapeHtml(t.crossTab(cross.by))}</div><table ${TABLE}>${head}${body}</table>`;
}

function question(q: QuestionTally, lang: SurveyMailModel['language']): string {
  const t = surveyMailText(lang);
  const head = `<tr><td style="padding:16px 16px 2px 16px;font-size:14px;line-height:19px;font-weight:bold;color:#1b5e20;">${escapeHtml(q.question)}</td></tr>`
    + `<tr><td style="padding:0 16px 4px 16px;font-size:11px;line-height:15px;color:${MUTED};border-bottom:2px solid ${RULE};">`
    + `${escapeHtml(t.kinds[q.kind])}${escapeHtml(t.separator)}${escapeHtml(t.answers(formatCount(q.answers)))}</td></tr>`;
  if (q.kind === 'text') {
    return `${head}<tr><td style="padding:6px 16px 0 16px;font-size:13px;line-height:18px;">${escapeHtml(t.freeText(formatCount(q.answers)))}</td></tr>`;
  }
  const scale = q.kind === 'scale'
    ? `<div style="padding:4px 0;font-size:13px;line-height:18px;"><b>${escapeHtml(t.meanMedian(num(q.mean), num(q.median)))}</b></div>` : '';
  const cross = q.cross && q.cross.groups.length > 0 ? crossTable(q.cross, q.choices, lang) : '';
  return `${head}<tr><td style="padding:6px 16px 0 16px;">${scale}${choiceRows(q.choices, lang)}${cross}</td></tr>`;
}

export function renderSurveyHtml(model: SurveyMailModel): string {
  const lang = model.language;
  const t = surveyMailText(lang);
  const s = model.tally;
  const center = model.centerName.trim() || t.defaultCenter;
  const rate = s.responseRate === null
    ? `<div style="font-size:14px;line-height:20px;">${escapeHtml(t.noTarget(formatCount(s.responses)))}</div>`
    : `<table ${TABLE}><tr><td style="padding:2px 0;font-size:13px;color:${MUTED};">${escapeHtml(t.responseRate)}</td>`
      + `<td style="padding:2px 0;text-align:right;font-size:22px;line-height:28px;font-weight:bold;">${formatPercent(s.responseRate)}</td></tr>`
      + `<tr><td colspan="2" style="padding:2px 0;">${barCell(s.responseRate, undefined, 14)}</td></tr>`
      + `<tr><td colspan="2" style="padding:2px 0;font-size:12px;color:${MUTED};text-align:right;">${escapeHtml(t.ofTarget(formatCount(s.responses), formatCount(s.target ?? 0)))}</td></tr></table>`;
  const fresh = model.newAnswers === null ? t.firstMail : t.newSince(formatCount(model.newAnswers));
  const rows = [
    `<tr><td style="padding:18px 16px 14px 16px;background-color:#2e7d32;color:#ffffff;">`
      + `<div style="font-size:12px;line-height:16px;opacity:0.9;">${escapeHtml(center)}</div>`
      + `<div style="font-size:20px;line-height:28px;font-weight:bold;">${escapeHtml(t.title)}</div>`
      + `<div style="font-size:14px;line-height:20px;">${escapeHtml(s.name)}&nbsp;&nbsp;<span style="font-size:12px;">(${escapeHtml(t.asOf(mailDay(model.asOf, lang)))})</span></div></td></tr>`,
    `<tr><td style="padding:12px 16px 0 16px;font-size:13px;line-height:19px;color:${INK};">${escapeHtml(t.intro(s.name))}</td></tr>`,
    `<tr><td style="padding:12px 16px 0 16px;">${rate}<div style="padding-top:4px;font-size:12px;color:#1565c0;">${escapeHtml(fresh)}</div></td></tr>`,
    ...(s.questions.length === 0 ? [`<tr><td style="padding:12px 16px 0 16px;font-size:13px;color:${MUTED};">${escapeHtml(t.noQuestions)}</td></tr>`] : s.questions.map((q) => question(q, lang))),
    `<tr><td style="padding:20px 16px 18px 16px;font-size:11px;line-height:16px;color:${MUTED};">${escapeHtml(t.footer)}</td></tr>`,
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(surveySubject(model))}</title></head>`,
    `<body style="margin:0;padding:0;background-color:#eef2ef;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#eef2ef;"><tr><td align="center" style="padding:12px 6px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;font-family:${FONT};color:${INK};border-collapse:collapse;">`,
    rows,
    '</table>',
    '</td></tr></table>',
    '</body></html>',
  ].join('\n');
}
