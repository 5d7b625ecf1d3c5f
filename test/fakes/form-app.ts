import { guard, type Guarded } from './guard';

// FormApp, as much as the sign-up form adapter uses: creating a form with text, multiple-choice
// and checkbox items, setting its spreadsheet destination, opening it by ID, replacing a
// question's choices and closing it to answers. Like the other fakes: typed against
// @types/google-apps-script, every call counted, any other method throws.
type GFormApp = GoogleAppsScript.Forms.FormApp;
type GForm = GoogleAppsScript.Forms.Form;
type GItem = GoogleAppsScript.Forms.Item;
type GTextItem = GoogleAppsScript.Forms.TextItem;
type GChoiceItem = GoogleAppsScript.Forms.MultipleChoiceItem;
type GCheckboxItem = GoogleAppsScript.Forms.CheckboxItem;
type GChoice = GoogleAppsScript.Forms.Choice;
type Integer = number;

export const ITEM_TYPE = { TEXT: 'TEXT', MULTIPLE_CHOICE: 'MULTIPLE_CHOICE', CHECKBOX: 'CHECKBOX', LIST: 'LIST', PARAGRAPH_TEXT: 'PARAGRAPH_TEXT' } as const;
export const DESTINATION_TYPE = { SPREADSHEET: 'SPREADSHEET' } as const;
type ItemKind = 'TEXT' | 'MULTIPLE_CHOICE' | 'CHECKBOX';

/** A form as plain data, for assertions. */
export interface FormRecord {
  id: string;
  title: string;
  description: string;
  confirmationMessage: string;
  closedMessage: string;
  accepting: boolean;
  destination: { type: string; id: string } | null;
  items: { id: number; kind: ItemKind; title: string; helpText: string; required: boolean; choices: string[] }[];
}

class ChoiceImpl implements Pick<GChoice, 'getValue'> {
  constructor(private readonly _value: string) {}
  getValue(): string { return this._value; }
}

class ItemImpl implements Pick<GItem & GTextItem & GChoiceItem & GCheckboxItem,
  'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'setRequired' | 'isRequired' | 'getType'
  | 'asMultipleChoiceItem' | 'asCheckboxItem' | 'asTextItem' | 'setChoiceValues' | 'getChoices'> {
  _self!: GItem & GTextItem & GChoiceItem & GCheckboxItem;
  constructor(private readonly _ctx: Guarded, readonly _record: FormRecord['items'][number]) {}
  getId(): number { return this._record.id; }
  getTitle(): string { return this._record.title; }
  setTitle(title: string): never { this._record.title = String(title); return this._self as never; }
  getHelpText(): string { return this._record.helpText; }
  setHelpText(text: string): never { this._record.helpText = String(text); return this._self as never; }
  setRequired(enabled: boolean): never { this._record.required = Boolean(enabled); return this._self as never; }
  isRequired(): boolean { return this._record.required; }
  getType(): GoogleAppsScript.Forms.ItemType { return this._record.kind as unknown as GoogleAppsScript.Forms.ItemType; }
  private _as(kind: ItemKind): never {
    // Apps Script throws when an item is cast to a type it is not.
    if (this._record.kind !== kind) throw new this._ctx.realm.Error(`Item with ID ${this._record.id} is not of type ${kind}.`);
    return this._self as never;
  }
  asMultipleChoiceItem(): GChoiceItem { return this._as('MULTIPLE_CHOICE'); }
  asCheckboxItem(): GCheckboxItem { return this._as('CHECKBOX'); }
  asTextItem(): GTextItem { return this._as('TEXT'); }
  setChoiceValues(values: string[]): never {
    if (this._record.kind === 'TEXT') throw new this._ctx.realm.Error('fake: setChoiceValues on a text item');
    // A choice question with no choice cannot be saved in Forms; the fake refuses it the same way.
    if (!Array.isArray(values) || values.length === 0) throw new this._ctx.realm.Error('Invalid argument: values');
    this._record.choices = values.map(String);
    return this._self as never;
  }
  getChoices(): GChoice[] {
    return this._record.choices.map((c) => guard<GChoice>(new ChoiceImpl(c), 'Choice', this._ctx));
  }
}

class FormImpl implements Pick<GForm, 'getId' | 'getTitle' | 'setTitle' | 'setDescription' | 'getDescription' | 'setConfirmationMessage'
  | 'setCustomClosedFormMessage' | 'getCustomClosedFormMessage' | 'setAcceptingResponses' | 'isAcceptingResponses' | 'addTextItem'
  | 'addMultipleChoiceItem' | 'addCheckboxItem' | 'setDestination' | 'getDestinationId' | 'getPublishedUrl' | 'getEditUrl'
  | 'getItemById' | 'getItems'> {
  _self!: GForm;
  readonly _items: ItemImpl[] = [];
  constructor(private readonly _ctx: Guarded, readonly _record: FormRecord, private readonly _nextItemId: () => number,
    private readonly _linked: (spreadsheetId: string) => void = () => undefined) {}
  getId(): string { return this._record.id; }
  getTitle(): string { return this._record.title; }
  setTitle(title: string): GForm { this._record.title = String(title); return this._self; }
  setDescription(d: string): GForm { this._record.description = String(d); return this._self; }
  getDescription(): string { return this._record.description; }
  setConfirmationMessage(m: string): GForm { this._record.confirmationMessage = String(m); return this._self; }
  setCustomClosedFormMessage(m: string): GForm { this._record.closedMessage = String(m); return this._self; }
  getCustomClosedFormMessage(): string { return this._record.closedMessage; }
  setAcceptingResponses(enabled: boolean): GForm { this._record.accepting = Boolean(enabled); return this._self; }
  isAcceptingResponses(): boolean { return this._record.accepting; }
  private _add(kind: ItemKind): never {
    const rec = { id: this._nextItemId(), kind, title: '', helpText: '', required: false, choices: [] as string[] };
    this._record.items.push(rec);
    const impl = new ItemImpl(this._ctx, rec);
    impl._self = guard(impl, kind === 'TEXT' ? 'TextItem' : kind === 'CHECKBOX' ? 'CheckboxItem' : 'MultipleChoiceItem', this._ctx);
    this._items.push(impl);
    return impl._self as never;
  }
  addTextItem(): GTextItem { return this._add('TEXT'); }
  addMultipleChoiceItem(): GChoiceItem { return this._add('MULTIPLE_CHOICE'); }
  addCheckboxItem(): GCheckboxItem { return this._add('CHECKBOX'); }
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): GForm {
    if (String(type) !== DESTINATION_TYPE.SPREADSHEET) throw new this._ctx.realm.Error('fake: only the SPREADSHEET destination is modelled');
    const first = this._record.destination?.id !== String(id);
    this._record.destination = { type: String(type), id: String(id) };
    if (first) this._linked(String(id));
    return this._self;
  }
  getDestinationId(): string {
    if (!this._record.destination) throw new this._ctx.realm.Error('This form does not currently have a response destination.');
    return this._record.destination.id;
  }
  getPublishedUrl(): string { return `https://docs.google.com/forms/d/e/${this._record.id}/viewform`; }
  getEditUrl(): string { return `https://docs.google.com/forms/d/${this._record.id}/edit`; }
  getItemById(id: Integer): GItem {
    // Item IDs are integers; Apps Script accepts the number or its text.
    return (this._items.find((i) => i._record.id === Number(id))?._self ?? null) as GItem;
  }
  getItems(itemType?: GoogleAppsScript.Forms.ItemType): GItem[] {
    return this._items.filter((i) => itemType === undefined || i._record.kind === String(itemType)).map((i) => i._self);
  }
}

export interface FormHandles {
  /** Every form created, by ID, as plain data. */
  readonly forms: ReadonlyMap<string, FormRecord>;
}

/** A spreadsheet a form may send its responses to (the fakes' active spreadsheet). */
export interface ResponseDestination {
  readonly id: string;
  /** Adds the form's response tab (Spreadsheet fake `_addResponseSheet`). */
  addResponseSheet(formUrl: string, questions: readonly string[]): void;
}

/** The URL Sheet.getFormUrl gives for a form: the form's edit ID, not its published key. */
export function formUrlOf(formId: string): string {
  return `https://docs.google.com/forms/d/${formId}/viewform`;
}

export class FormAppImpl implements Pick<GFormApp, 'create' | 'openById' | 'openByUrl'> {
  readonly DestinationType = DESTINATION_TYPE as unknown as GFormApp['DestinationType'];
  readonly ItemType = ITEM_TYPE as unknown as GFormApp['ItemType'];
  private readonly _forms = new Map<string, FormImpl>();
  private readonly _records = new Map<string, FormRecord>();
  private _nextForm = 1;
  private _nextItem = 1000;
  constructor(private readonly _ctx: Guarded, private readonly _destinations: readonly ResponseDestination[] = []) {}

  /** `destinations`: the spreadsheets setDestination links to with a response tab, as Forms does
   *  (none: the destination is only recorded). */
  static create(ctx: Guarded, destinations: readonly ResponseDestination[] = []): { service: GFormApp; handles: FormHandles } {
    const impl = new FormAppImpl(ctx, destinations);
    return { service: guard<GFormApp>(impl, 'FormApp', ctx), handles: { forms: impl._records } };
  }

  create(title: string): GForm {
    const id = `fake-form-${this._nextForm++}`;
    const record: FormRecord = {
      id, title: String(title), description: '', confirmationMessage: '', closedMessage: '', accepting: true, destination: null, items: [],
    };
    const impl = new FormImpl(this._ctx, record, () => this._nextItem++, (spreadsheetId) => {
      this._destinations.find((d) => d.id === spreadsheetId)?.addResponseSheet(formUrlOf(id), impl._items.map((i) => i._record.title));
    });
    impl._self = guard<GForm>(impl, 'Form', this._ctx);
    this._forms.set(id, impl);
    this._records.set(id, record);
    return impl._self;
  }

  openByUrl(url: string): GForm {
    const m = /\/forms\/d\/([A-Za-z0-9_-]+)\//.exec(String(url));
    const form = m ? this._forms.get(m[1] ?? '') : undefined;
    if (!form) throw new this._ctx.realm.Error(`No item with the given ID could be found, or you do not have permission to access it.`);
    return form._self;
  }

  openById(id: string): GForm {
    const form = this._forms.get(String(id));
    if (!form) throw new this._ctx.realm.Error(`No item with the given ID could be found, or you do not have permission to access it.`);
    return form._self;
  }
}
