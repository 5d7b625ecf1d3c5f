import { guard, type Guarded } from './guard';
import { PROTECTION_TYPE } from './enums';
import { UserImpl } from './session';

type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GUser = GoogleAppsScript.Base.User;

/** The real message Sheets gives a script whose user may not edit a protected sheet. */
export const PROTECTED_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

type Methods = 'setDescription' | 'getDescription' | 'setWarningOnly' | 'isWarningOnly' | 'getProtectionType' | 'remove' | 'canEdit'
  | 'addEditor' | 'addEditors' | 'removeEditor' | 'removeEditors' | 'getEditors';

// A sheet protection as Apps Script documents it (Sheet.protect, the Protection class): until a
// script changes its editors, its permissions mirror the spreadsheet's own, "which effectively
// means that the sheet remains unprotected"; once they are changed, only the listed editors (the
// user who protected it among them) may write, and any other user's write fails with Sheets'
// message. A warning-only protection lets every user write (the person gets a warning in the UI,
// a script none): the add-in's own tabs are protected so, since it writes them as the person using it.
export class ProtectionImpl implements Pick<GProtection, Methods> {
  _self!: GProtection;
  private _description = '';
  private _warningOnly = false;
  /** null: the spreadsheet's own editors (nothing changed yet). */
  private _editors: string[] | null = null;

  constructor(private readonly _ctx: Guarded, private readonly _onRemove: (p: ProtectionImpl) => void, private readonly _user: () => string, private readonly _creator: string) {}

  static create(ctx: Guarded, onRemove: (p: ProtectionImpl) => void, user: () => string = () => ''): ProtectionImpl {
    const impl = new ProtectionImpl(ctx, onRemove, user, user());
    impl._self = guard<GProtection>(impl, 'Protection', ctx);
    return impl;
  }

  /** Whether `email` may write the sheet (what canEdit answers for the user running the script). */
  _allows(email: string): boolean {
    return this._warningOnly || this._editors === null || this._editors.includes(email);
  }

  private _edit(change: (editors: string[]) => string[]): GProtection {
    const editors = this._editors ?? [this._creator];
    // The user who protected it stays an editor (Sheets never locks its owner out).
    this._editors = [...new Set([this._creator, ...change(editors)])].filter((e) => e !== '');
    return this._self;
  }

  setDescription(description: string): GProtection { this._description = description; return this._self; }
  getDescription(): string { return this._description; }
  setWarningOnly(warningOnly: boolean): GProtection { this._warningOnly = warningOnly; return this._self; }
  isWarningOnly(): boolean { return this._warningOnly; }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return PROTECTION_TYPE.SHEET as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  remove(): void { this._onRemove(this); }
  canEdit(): boolean { return this._allows(this._user()); }
  // Each takes e-mail addresses or User objects, as the real methods do.
  addEditor(user: string | GUser): GProtection { return this._edit((e) => [...e, emailOf(user)]); }
  addEditors(users: string[]): GProtection { return this._edit((e) => [...e, ...users.map(emailOf)]); }
  removeEditor(user: string | GUser): GProtection { return this._edit((e) => e.filter((x) => x !== emailOf(user))); }
  removeEditors(users: (string | GUser)[]): GProtection {
    const gone = users.map(emailOf);
    return this._edit((e) => e.filter((x) => !gone.includes(x)));
  }
  getEditors(): GUser[] {
    return (this._editors ?? [this._creator]).filter((e) => e !== '').map((e) => guard<GUser>(new UserImpl(e), 'User', this._ctx));
  }
}

function emailOf(user: string | GUser): string {
  return typeof user === 'string' ? user : user.getEmail();
}
