import { escapeHtml } from '../text/escape-html';
import type { Bar } from './weekly-sections';

// A bar chart as nested tables with inline styles: the only kind Gmail (web and phone) draws
// faithfully, since it drops <style>, images need "display images", and SVG/canvas never show.
export const BAR_COLOUR = '#3b8d5a';
const TRACK = '#e6ece8';

/** One bar, `fraction` 0..1 of the track filled. A zero shows as an empty track, not a sliver. */
export function barCell(fraction: number, colour: string = BAR_COLOUR, height = 12): string {
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  const cell = (w: number, bg: string): string =>
    `<td width="${w}%" style="width:${w}%;background-color:${bg};height:${height}px;font-size:0;line-height:0;">&nbsp;</td>`;
  const cells = pct === 0 ? cell(100, TRACK) : pct === 100 ? cell(100, colour) : cell(pct, colour) + cell(100 - pct, TRACK);
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${cells}</tr></table>`;
}

/** Rows of label | bar | figure, the bars scaled to the largest value of the chart. */
export function barChart(bars: readonly Bar[]): string {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const rows = bars.map((b) => [
    '<tr>',
    `<td style="padding:4px 8px 4px 0;font-size:13px;line-height:18px;width:34%;vertical-align:middle;">${escapeHtml(b.label)}</td>`,
    `<td style="padding:4px 0;width:40%;vertical-align:middle;">${barCell(max === 0 ? 0 : b.value / max)}</td>`,
    `<td style="padding:4px 0 4px 8px;font-size:13px;line-height:18px;text-align:right;white-space:nowrap;vertical-align:middle;">`
      + `<b>${escapeHtml(b.shown)}</b><br><span style="color:#6b7570;font-size:11px;">${escapeHtml(b.aside)}</span></td>`,
    '</tr>',
  ].join(''));
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">${rows.join('')}</table>`;
}
