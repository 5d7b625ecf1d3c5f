import { guard, type Guarded } from './guard';
import { DATA_VALIDATION_CRITERIA, type CriteriaName } from './enums';

type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

interface Rule { criteria: CriteriaName; values: unknown[]; allowInvalid: boolean; helpText: string }

/** A built rule (immutable, like the real DataValidation). */
export class DataValidationImpl implements Pick<GDataValidation, 'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy'> {
  constructor(private readonly _ctx: Guarded, private readonly _rule: Rule) {}

  static wrap(ctx: Guarded, rule: Rule): GDataValidation {
    return guard<GDataValidation>(new DataValidationImpl(ctx, rule), 'DataValidation', ctx);
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return DATA_VALIDATION_CRITERIA[this._rule.criteria] as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] { return [...this._rule.values]; }
  getAllowInvalid(): boolean { return this._rule.allowInvalid; }
  getHelpText(): string { return this._rule.helpText; }
  copy(): GBuilder { return DataValidationBuilderImpl.wrap(this._ctx, { ...this._rule, values: [...this._rule.values] }); }
}

export class DataValidationBuilderImpl implements Pick<GBuilder, 'requireValueInList' | 'requireCheckbox' | 'requireDate' | 'setAllowInvalid' | 'setHelpText' | 'build'> {
  private _self!: GBuilder;
  constructor(private readonly _ctx: Guarded, private _rule: Rule) {}

  static wrap(ctx: Guarded, rule?: Rule): GBuilder {
    const impl = new DataValidationBuilderImpl(ctx, rule ?? { criteria: 'VALUE_IN_LIST', values: [], allowInvalid: true, helpText: '' });
    impl._self = guard<GBuilder>(impl, 'DataValidationBuilder', ctx);
    return impl._self;
  }

  requireValueInList(values: string[], showDropdown?: boolean): GBuilder {
    this._rule = { ...this._rule, criteria: 'VALUE_IN_LIST', values: [[...values], showDropdown ?? true] };
    return this._self;
  }
  requireCheckbox(): GBuilder {
    this._rule = { ...this._rule, criteria: 'CHECKBOX', values: [] };
    return this._self;
  }
  requireDate(): GBuilder {
    this._rule = { ...this._rule, criteria: 'DATE_IS_VALID_DATE', values: [] };
    return this._self;
  }
  setAllowInvalid(allowInvalidData: boolean): GBuilder {
    this._rule = { ...this._rule, allowInvalid: allowInvalidData };
    return this._self;
  }
  setHelpText(helpText: string): GBuilder {
    this._rule = { ...this._rule, helpText };
    return this._self;
  }
  build(): GDataValidation {
    return DataValidationImpl.wrap(this._ctx, { ...this._rule });
  }
}

/** The rule a built DataValidation carries, for cells to keep. */
export function isDataValidation(v: unknown): v is GDataValidation {
  return typeof v === 'object' && v !== null && typeof (v as GDataValidation).getCriteriaType === 'function';
}
