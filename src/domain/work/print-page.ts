import { escapeHtml } from '../text/escape-html';

// One printable A4 page (a statement, a certificate): large type for members in their sixties to
// eighties, no scripts, no images, no web fonts, every text escaped. The page is sized for A4 and
// the content is kept to what fits it (statement-html.ts limits its rows), so printing — or
// Chromium's PDF, as the browser test does — gives exactly one page.
const FONT = "'Noto Sans CJK JP','Noto Sans JP','Hiragino Kaku Gothic ProN','Hiragino Sans','BIZ UDPGothic',Meiryo,sans-serif";

export const PAGE_CSS = `@page{size:A4;margin:11mm 15mm}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:${FONT};color:#111;font-size:13pt;line-height:1.45}
.page{width:180mm;margin:0 auto}
h1{font-size:22pt;letter-spacing:.2em;text-align:center;margin:0 0 2mm}
.center{text-align:right;font-size:12pt;margin:0}
.to{font-size:17pt;margin:3mm 0 1mm;border-bottom:1.5pt solid #111;padding-bottom:1mm}
.to small{font-size:12pt;margin-left:4mm}
.lead{margin:3mm 0}
.total{border:1.5pt solid #111;padding:2mm 4mm;margin:3mm 0;display:flex;justify-content:space-between;align-items:baseline}
.total b{font-size:22pt}
table{width:100%;border-collapse:collapse;margin:2mm 0;table-layout:fixed}
th,td{border:0.75pt solid #555;padding:0.7mm 2mm;font-size:13pt;line-height:1.25;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
col.d{width:31mm}col.h{width:31mm}col.y{width:35mm}
td small{font-size:10pt}
th{background:#eee;font-weight:bold}
td.n,th.n{text-align:right;white-space:nowrap}
tfoot td{font-weight:bold;background:#f6f6f6}
.note{font-size:11pt;margin:2mm 0 0}
.issued{font-size:12pt;text-align:right;margin-top:3mm}`;

export function printPage(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head>`
    + `<body><div class="page">${body}</div></body></html>`;
}

/** 1234567.5 → `1,234,567.5`: up to 2 decimals, no trailing zeros. Plain string work, not Intl:
 *  a 20,000-member close prints some 2 million numbers. */
export function grouped(n: number): string {
  const sign = n < 0 ? '-' : '';
  const [int = '0', frac = ''] = (Math.round(Math.abs(n) * 100) / 100).toString().split('.');
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** 12345 → `12,345円`; a fraction of a yen (a row's pay before the month's rounding) keeps up to 2 decimals. */
export function yen(n: number): string {
  return `${grouped(n)}円`;
}

/** 7.5 → `7.5時間`. */
export function hoursText(h: number): string {
  return `${grouped(h)}時間`;
}

/** `2015-06` → `2015年6月`. */
export function monthJa(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** `2015-06-01` → `2015年6月1日`. */
export function dayJa(day: string): string {
  return `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
