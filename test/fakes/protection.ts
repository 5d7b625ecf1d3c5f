import { guard, type Guarded } from './guard';
import { PROTECTION_TYPE } from './enums';

type GProtection = GoogleAppsScript.Spreadsheet.Protection;

export class ProtectionImpl implements Pick<GProtection, 'setDescription' | 'getDescription' | 'setWarningOnly' | 'isWarningOnly' | 'getProtectionType' | 'remove' | 'canEdit'> {
  _self!: GProtection;
  private _description = '';
  private _warningOnly = false;

  constructor(private readonly _onRemove: (p: ProtectionImpl) => void) {}

  static create(ctx: Guarded, onRemove: (p: ProtectionImpl) => void): ProtectionImpl {
    const impl = new ProtectionImpl(onRemove);
    impl._self = guard<GProtection>(impl, 'Protection', ctx);
    return impl;
  }

  setDescription(description: string): GProtection { this._description = description; return this._self; }
  getDescription(): string { return this._description; }
  setWarningOnly(warningOnly: boolean): GProtection { this._warningOnly = warningOnly; return this._self; }
  isWarningOnly(): boolean { return this._warningOnly; }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return PROTECTION_TYPE.SHEET as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  remove(): void { this._onRemove(this); }
  canEdit(): boolean { return true; }
}
