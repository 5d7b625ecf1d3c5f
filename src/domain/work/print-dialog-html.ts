import type { Language } from '../enums';
import { workCloseText } from '../messages/catalog';
import { escapeHtml } from '../text/escape-html';
import { PAGE_CSS } from './print-page';

// The manager's print dialog of Sheets (menu 配分金明細を印刷): the last closed month's 配分金明細,
// the same A4 pages as `ikigai pay --out`, one after the other with a page break between them,
// and a 印刷 button (window.print(): the browser's print screen, which also saves a PDF — no Drive
// scope needed). A center with more members than one batch gets a choice of member ranges;
// choosing one asks the server for that batch (the same menu function, reopening the dialog).
// The toolbar and the grey screen background are hidden in print. The pages' text is escaped by
// statement-html.ts; the dialog's own words are the catalog's (workClose).

/** Members a dialog holds: a fullest statement is ~4.8 KB (UTF-8), so a batch is ~0.5 MB. */
export const PRINT_BATCH = 100;

export interface PrintDialogInput {
  readonly lang: Language;
  readonly month: string;
  /** Each member's page body (statementBody), in member ID order. */
  readonly pages: readonly string[];
  /** 1-based position of the first page among all `total` members, and how many there are. */
  readonly first: number;
  readonly total: number;
  /** The server function the range choice calls (google.script.run[fn](first)). */
  readonly fn: string;
}

const SCREEN_CSS = `@media screen{body{background:#e6e6e6;padding:0 0 8mm}.page{background:#fff;padding:11mm 15mm;width:210mm;min-height:297mm;margin:0 auto 6mm;box-shadow:0 1px 4px rgba(0,0,0,.3)}
.bar{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid #999;padding:8px 12px;margin-bottom:6mm;display:flex;gap:12px;align-items:center;flex-wrap:wrap;font-size:16px}
.bar button{font:inherit;font-weight:bold;min-height:2.6rem;padding:.4rem 1.4rem;border:1px solid #0b5cad;border-radius:4px;background:#0b5cad;color:#fff;cursor:pointer}
.bar select{font:inherit;min-height:2.4rem}.bar label{font-weight:bold}.bar p{margin:0;flex-basis:100%;font-size:14px;color:#333}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}}
@media print{.bar{display:none}}
.page{break-after:page}.page:last-child{break-after:auto}`;

function rangeOptions(input: PrintDialogInput): string {
  const t = workCloseText(input.lang);
  const out: string[] = [];
  for (let first = 1; first <= input.total; first += PRINT_BATCH) {
    const last = Math.min(input.total, first + PRINT_BATCH - 1);
    out.push(`<option value="${first}"${first === input.first ? ' selected' : ''}>${escapeHtml(t.printRange(first, last, input.total))}</option>`);
  }
  return out.join('');
}

export function printDialogHtml(input: PrintDialogInput): string {
  const t = workCloseText(input.lang);
  const choice = input.total > PRINT_BATCH
    ? `<label for="range">${escapeHtml(t.printMembers)}</label><select id="range">${rangeOptions(input)}</select>` : '';
  const bar = `<div class="bar"><button id="print" type="button">${escapeHtml(t.printButton)}</button>${choice}<span id="msg" role="status" aria-live="polite"></span>`
    + `<p>${escapeHtml(t.printHint(input.pages.length))}</p></div>`;
  // The function name and the loading word reach the script as JSON, so no quote can end a string early.
  const vars = JSON.stringify({ fn: input.fn, loading: t.printLoading }).replace(/</g, '\\u003c');
  const script = `<script>var V=${vars};document.getElementById('print').addEventListener('click',function(){window.print();});
var r=document.getElementById('range');if(r){r.addEventListener('change',function(){r.disabled=true;document.getElementById('msg').textContent=V.loading;
google.script.run.withFailureHandler(function(e){r.disabled=false;document.getElementById('msg').textContent=String(e&&e.message||e);})[V.fn](Number(r.value));});}</script>`;
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(t.printTitle(input.month))}</title><style>${PAGE_CSS}\n${SCREEN_CSS}</style></head><body>`
    + bar + input.pages.map((p) => `<div class="page">${p}</div>`).join('') + script + '</body></html>';
}
