import type * as ExcelJS from 'exceljs';
import { cellText, columnLetter, type Cell } from '../domain/cell';
import type { Language } from '../domain/enums';
import type { ColumnFormat } from '../domain/setup/column-format';
import { allSetupTabs } from '../domain/setup/output-tabs';
import { columnPositions } from '../domain/setup/plan-setup';
import type { SetupTab } from '../domain/setup/setup-tabs';
import { displayWidth } from './report-table';

// What 初期設定 does on Google, done to an .xlsx as it is written, so the file opened in Excel,
// LibreOffice or imported into Sheets looks like the center's working spreadsheet: dropdowns of
// the enumeration labels, TRUE/FALSE for booleans, the setup number formats, readable widths.
// The formats come from the domain's setup tabs (workbook.md), never restated here; columns and
// tabs the center added get nothing. Sheet protection is not copied: Excel has no warning-only
// protection, and a locked 週次KPI would stop people rather than warn them.

/** Rows below the last record that still get the dropdowns, for the rows people add next. */
export const VALIDATED_SPARE_ROWS = 500;

/** Excel refuses an inline list (`"a,b,c"`) longer than this. */
const INLINE_LIST_LIMIT = 255;
const MIN_WIDTH = 8;
const MAX_WIDTH = 40;
/** Room for the padding and the dropdown arrow beside the longest text. */
const WIDTH_PADDING = 2;

/** The workbook.md tab a sheet is, by its Japanese or English name, and the language its labels are in. */
export function setupTabOf(name: string, tabs: readonly SetupTab[]): { def: SetupTab; lang: Language } | null {
  const trimmed = name.trim();
  for (const def of tabs) {
    if (trimmed === def.ja) return { def, lang: 'ja' };
    if (trimmed === def.en) return { def, lang: 'en' };
  }
  return null;
}

/** The formula of an inline list, or null when Excel cannot hold it inline (too long, or a value
 *  with a comma or a quote, which the inline syntax cannot escape). */
export function inlineList(values: readonly string[]): string | null {
  if (values.some((v) => v.includes(',') || v.includes('"'))) return null;
  const formula = `"${values.join(',')}"`;
  return formula.length <= INLINE_LIST_LIMIT ? formula : null;
}

function listValidation(formula: string): ExcelJS.DataValidation {
  // A warning, not a stop: readers also accept the English codes (Sheets' setAllowInvalid(true)).
  return { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'warning' };
}

function validationOf(format: ColumnFormat): ExcelJS.DataValidation | null {
  if (format.kind === 'checkbox') return listValidation('"TRUE,FALSE"');
  if (format.kind === 'dropdown') {
    const formula = inlineList(format.values);
    return formula === null ? null : listValidation(formula);
  }
  return null;
}

/** exceljs's per-sheet validation list: present at run time, missing from its type definitions. */
interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function dataValidationsOf(sheet: ExcelJS.Worksheet): DataValidations {
  const candidate: unknown = (sheet as unknown as { dataValidations?: unknown }).dataValidations;
  if (typeof candidate === 'object' && candidate !== null && typeof (candidate as { add?: unknown }).add === 'function') {
    return candidate as DataValidations;
  }
  throw new Error('exceljs worksheet without dataValidations');
}

/** Width in Excel character units: the widest of header and values, CJK counted as two. */
export function columnWidth(header: string, rows: readonly (readonly Cell[])[], index: number): number {
  let widest = displayWidth(header);
  for (const row of rows) widest = Math.max(widest, displayWidth(cellText(row[index])));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + WIDTH_PADDING));
}

/** Dresses `sheet` (already holding `header` in row 1 and `rows` below) as setup would. Returns
 *  false, touching nothing, when the sheet is not one of workbook.md's tabs. */
export function dressSheet(
  sheet: ExcelJS.Worksheet, name: string, header: readonly string[], rows: readonly (readonly Cell[])[],
  tabs: readonly SetupTab[] = allSetupTabs(),
): boolean {
  const found = setupTabOf(name, tabs);
  if (!found) return false;
  const { def, lang } = found;
  const lastRow = rows.length + 1 + VALIDATED_SPARE_ROWS;
  const positions = columnPositions(def, header);
  const validations = dataValidationsOf(sheet);
  for (const c of def.columns) {
    const at = positions.get(c.key);
    if (at === undefined) continue;
    const column = sheet.getColumn(at);
    column.width = columnWidth(header[at - 1] ?? '', rows, at - 1);
    const format = c.format(lang);
    if (!format) continue;
    if (format.kind === 'number_format') {
      // The column's own style, set after the rows: it is what Excel gives the cells people type
      // later, without restyling every written cell (dates already carry theirs).
      column.style = { ...column.style, numFmt: format.pattern };
      continue;
    }
    const validation = validationOf(format);
    const letter = columnLetter(at - 1);
    // One range per column: exceljs writes it as a single sqref.
    if (validation) validations.add(`${letter}2:${letter}${lastRow}`, validation);
  }
  return true;
}
