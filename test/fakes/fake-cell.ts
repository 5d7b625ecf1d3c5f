import type { Stored } from './user-entered';

/** One cell of a fake sheet: what it holds, its validation rule and its number format. */
export interface FakeCell {
  stored: Stored;
  validation: GoogleAppsScript.Spreadsheet.DataValidation | null;
  numberFormat: string;
}

/** A fresh sheet in Google Sheets has 1,000 rows and 26 columns. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
/** What getNumberFormat answers for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
