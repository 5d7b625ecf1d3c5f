import { guard, type Guarded } from './guard';
import { DataValidationBuilderImpl } from './data-validation';
import { DATA_VALIDATION_CRITERIA, PROTECTION_TYPE } from './enums';
import { UiImpl, type UiRecord } from './ui';

type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class SpreadsheetAppImpl implements Pick<GSpreadsheetApp, 'getActive' | 'getActiveSpreadsheet' | 'getUi' | 'newDataValidation' | 'flush' | 'openById'> {
  readonly ProtectionType = PROTECTION_TYPE as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  private _ui: GoogleAppsScript.Base.Ui | null = null;

  constructor(private readonly _ctx: Guarded, private readonly _active: GSpreadsheet | null, private readonly _uiRecord: UiRecord) {}

  static wrap(ctx: Guarded, active: GSpreadsheet | null, ui: UiRecord): GSpreadsheetApp {
    return guard<GSpreadsheetApp>(new SpreadsheetAppImpl(ctx, active, ui), 'SpreadsheetApp', ctx);
  }

  // Null in a trigger or web app with no spreadsheet open, as in Apps Script.
  getActive(): GSpreadsheet { return this._active as GSpreadsheet; }
  getActiveSpreadsheet(): GSpreadsheet { return this._active as GSpreadsheet; }

  openById(id: string): GSpreadsheet {
    if (this._active && this._active.getId() === id) return this._active;
    throw new this._ctx.realm.Error(`fake: no spreadsheet with id ${id}`);
  }

  getUi(): GoogleAppsScript.Base.Ui {
    this._ui ??= UiImpl.wrap(this._ctx, this._uiRecord);
    return this._ui;
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return DataValidationBuilderImpl.wrap(this._ctx);
  }

  /** Sends the running execution's held writes (test/fakes/executions.ts). */
  flush(): void { this._ctx.executions?.flush(); }
}
