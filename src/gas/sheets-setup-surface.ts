import type { SetupSurface } from '../app/setup/run-setup';
import type { PlacedFormat } from '../domain/setup/column-format';
import type { TabLayout } from '../domain/setup/plan-setup';
import type { Language } from '../domain/enums';
import { isHiddenWorkTab } from '../domain/schema/tabs';
import type { ChartSpec } from '../domain/weekly/trend-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** Setup's surface over SpreadsheetApp. Every call is per tab or per column, never per row:
 *  formats and validations go on a whole column's data range at once. */
export class SheetsSetupSurface implements SetupSurface {
  private readonly sheets = new Map<string, Sheet>();
  private count = 0;
  private readonly rules = new Map<string, DataValidation>();

  constructor(private readonly spreadsheet: () => Spreadsheet) {}

  inspect(): TabLayout[] {
    const all = this.spreadsheet().getSheets();
    this.count = all.length;
    return all.map((sheet) => {
      const name = sheet.getName();
      this.sheets.set(name, sheet);
      const width = sheet.getLastColumn();
      const header = width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((v) => String(v ?? '')) : [];
      return { name, header, frozenRows: sheet.getFrozenRows() };
    });
  }

  createTab(name: string, header: readonly string[]): void {
    // At the end, not after the active sheet: the tabs keep workbook.md's order.
    const sheet = this.spreadsheet().insertSheet(name, this.count);
    this.count += 1;
    this.sheets.set(name, sheet);
    if (header.length > 0) this.writeHeader(sheet, 1, header);
    // The add-in's working tabs (workbook.md: `_継続支援`…) are kept out of the tab bar.
    if (isHiddenWorkTab(name)) sheet.hideSheet();
  }

  appendColumns(name: string, fromColumn: number, headers: readonly string[]): void {
    this.writeHeader(this.sheet(name), fromColumn, headers);
  }

  freezeHeader(name: string): void {
    this.sheet(name).setFrozenRows(1);
  }

  applyFormats(name: string, formats: readonly PlacedFormat[], protect: boolean): void {
    const sheet = this.sheet(name);
    const rows = sheet.getMaxRows() - 1;
    if (rows >= 1) {
      for (const { column, format } of formats) {
        const range = sheet.getRange(2, column, rows, 1);
        if (format.kind === 'number_format') range.setNumberFormat(format.pattern);
        // A checkbox rule, not insertCheckboxes: that would write FALSE into every empty row.
        else if (format.kind === 'checkbox') range.setDataValidation(this.rule('checkbox', () => SpreadsheetApp.newDataValidation().requireCheckbox().build()));
        else range.setDataValidation(this.rule(JSON.stringify(format.values), () => SpreadsheetApp.newDataValidation()
          // Allow other text with a warning: readers also accept the English codes.
          .requireValueInList([...format.values], true).setAllowInvalid(true).build()));
      }
    }
    if (protect && sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
      sheet.protect().setDescription('生きがい就労デスクが書き込むシートです / written by Ikigai Desk').setWarningOnly(true);
    }
  }

  /** One line chart over the tab's block (header + rows), below it, unless the tab has a chart
   *  already (a center may have moved or restyled it: it is theirs then). 2 calls on a run that
   *  finds one (getCharts), about 10 on the run that builds it. */
  ensureChart(names: readonly string[], chart: ChartSpec, language: Language): boolean {
    const sheet = names.map((n) => this.sheets.get(n)).find((s) => s !== undefined);
    if (!sheet || sheet.getCharts().length > 0) return false;
    const series: Record<number, { targetAxisIndex: number }> = {};
    for (const i of chart.rightAxisSeries) series[i] = { targetAxisIndex: 1 };
    sheet.insertChart(sheet.newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange(1, 1, chart.rows, chart.columns))
      .setNumHeaders(1)
      .setPosition(chart.anchorRow, 1, 0, 0)
      .setOption('title', chart.title[language])
      .setOption('series', series)
      .build());
    return true;
  }

  private rule(key: string, build: () => DataValidation): DataValidation {
    let rule = this.rules.get(key);
    if (!rule) {
      rule = build();
      this.rules.set(key, rule);
    }
    return rule;
  }

  private writeHeader(sheet: Sheet, fromColumn: number, headers: readonly string[]): void {
    const last = fromColumn + headers.length - 1;
    const max = sheet.getMaxColumns();
    if (last > max) sheet.insertColumnsAfter(max, last - max);
    sheet.getRange(1, fromColumn, 1, headers.length).setValues([[...headers]]);
  }

  private sheet(name: string): Sheet {
    let sheet = this.sheets.get(name) ?? null;
    if (!sheet) sheet = this.spreadsheet().getSheetByName(name);
    if (!sheet) throw new Error(`No tab named ${name}`);
    this.sheets.set(name, sheet);
    return sheet;
  }
}
