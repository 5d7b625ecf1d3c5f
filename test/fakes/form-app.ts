import { guard, type Guarded } from './guard';

// FormApp, as much as the adapters use: creating a form with question items (text, paragraph,
// multiple choice, list, checkbox, scale, grid, checkbox grid), setting its spreadsheet
// destination, opening it by ID or URL, replacing a question's choices, closing it to answers,
// publishing it and whether answering needs a sign-in. Like the other fakes: typed against
// @types/google-apps-script (plus the publishing methods it does not list yet), every call
// counted, any other method throws.
//
// Publishing, as Google's reference and guide describe it (developers.google.com/apps-script/
// reference/forms/form; workspace/forms/api/guides/publish-form):
// - a form created by a script after Google's Forms change starts unpublished, and an
//   unpublished form accepts no answers (isAcceptingResponses is false; asking it to accept
//   while unpublished is refused: the REST API answers an error for isAcceptingResponses true
//   with isPublished false);
// - setPublished(true) publishes and also opens it to answers, setPublished(false) unpublishes
//   and closes it;
// - supportsAdvancedResponderPermissions() says whether the form has the publishing model at
//   all: a legacy form does not, and setPublished/isPublished are not enabled on it (the fake
//   throws), while it takes answers whenever it accepts them.
// Sign-in: requiresLogin/setRequireLogin (deprecated, Google Workspace only: "respondents log in to
// an account in the same domain"). On a consumer account no form requires it; in a Workspace the
// domain may make new forms require it, and may keep it so (the fake's setRequireLogin throws).
type GFormApp = GoogleAppsScript.Forms.FormApp;
type GForm = GoogleAppsScript.Forms.Form;
type GItem = GoogleAppsScript.Forms.Item;
type GTextItem = GoogleAppsScript.Forms.TextItem;
type GChoiceItem = GoogleAppsScript.Forms.MultipleChoiceItem;
type GCheckboxItem = GoogleAppsScript.Forms.CheckboxItem;
type GListItem = GoogleAppsScript.Forms.ListItem;
type GScaleItem = GoogleAppsScript.Forms.ScaleItem;
type GGridItem = GoogleAppsScript.Forms.GridItem;
type GChoice = GoogleAppsScript.Forms.Choice;
type Integer = number;

/** The publishing methods Google added to Form, which @types/google-apps-script does not list yet. */
export interface FormPublishing {
  supportsAdvancedResponderPermissions(): boolean;
  isPublished(): boolean;
  setPublished(enabled: boolean): GForm;
}

export const ITEM_TYPE = {
  TEXT: 'TEXT', PARAGRAPH_TEXT: 'PARAGRAPH_TEXT', MULTIPLE_CHOICE: 'MULTIPLE_CHOICE', LIST: 'LIST', CHECKBOX: 'CHECKBOX',
  SCALE: 'SCALE', GRID: 'GRID', CHECKBOX_GRID: 'CHECKBOX_GRID', DATE: 'DATE', TIME: 'TIME',
} as const;
export const DESTINATION_TYPE = { SPREADSHEET: 'SPREADSHEET' } as const;
type ItemKind = 'TEXT' | 'PARAGRAPH_TEXT' | 'MULTIPLE_CHOICE' | 'LIST' | 'CHECKBOX' | 'SCALE' | 'GRID' | 'CHECKBOX_GRID';
const CHOICE_KINDS: readonly ItemKind[] = ['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'];
const GRID_KINDS: readonly ItemKind[] = ['GRID', 'CHECKBOX_GRID'];
const SERVICE_OF: Record<ItemKind, string> = {
  TEXT: 'TextItem', PARAGRAPH_TEXT: 'ParagraphTextItem', MULTIPLE_CHOICE: 'MultipleChoiceItem', LIST: 'ListItem',
  CHECKBOX: 'CheckboxItem', SCALE: 'ScaleItem', GRID: 'GridItem', CHECKBOX_GRID: 'CheckboxGridItem',
};

/** How forms come out of FormApp.create. */
export interface FormAppOptions {
  /** 'unpublished' (default): forms start unpublished, as after Google's change; 'legacy': forms
   *  without the publishing model (supportsAdvancedResponderPermissions false), taking answers. */
  readonly publishing?: 'unpublished' | 'legacy';
  /** 'none' (default): a consumer account, no sign-in; 'domain': a Workspace that makes new forms
   *  require a sign-in to the domain, which setRequireLogin(false) lifts; 'domain_locked': the
   *  Workspace keeps it (setRequireLogin throws). */
  readonly signIn?: 'none' | 'domain' | 'domain_locked';
}

/** A form as plain data, for assertions. */
export interface FormRecord {
  id: string;
  title: string;
  description: string;
  confirmationMessage: string;
  closedMessage: string;
  accepting: boolean;
  /** null: a legacy form, without the publishing model. */
  published: boolean | null;
  requireLogin: boolean;
  destination: { type: string; id: string } | null;
  items: {
    id: number; kind: ItemKind; title: string; helpText: string; required: boolean; choices: string[]; other: boolean;
    bounds: [number, number] | null; rows: string[]; columns: string[];
  }[];
}

export const NOT_PUBLISHABLE = 'fake: this form does not support publishing (supportsAdvancedResponderPermissions is false)';
export const ACCEPTING_UNPUBLISHED = 'fake: an unpublished form cannot accept responses (publish it first)';
export const REQUIRE_LOGIN_LOCKED = 'fake: the domain does not allow changing who may respond';

class ChoiceImpl implements Pick<GChoice, 'getValue'> {
  constructor(private readonly _value: string) {}
  getValue(): string { return this._value; }
}

type AnyItem = GItem & GTextItem & GChoiceItem & GCheckboxItem & GListItem & GScaleItem & GGridItem;

class ItemImpl implements Pick<AnyItem,
  'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'setRequired' | 'isRequired' | 'getType'
  | 'asMultipleChoiceItem' | 'asCheckboxItem' | 'asTextItem' | 'asListItem' | 'asParagraphTextItem' | 'asScaleItem'
  | 'asGridItem' | 'asCheckboxGridItem' | 'setChoiceValues' | 'getChoices' | 'showOtherOption' | 'hasOtherOption'
  | 'setBounds' | 'getLowerBound' | 'getUpperBound' | 'setRows' | 'getRows' | 'setColumns' | 'getColumns'> {
  _self!: AnyItem;
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
  asListItem(): GListItem { return this._as('LIST'); }
  asParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem { return this._as('PARAGRAPH_TEXT'); }
  asScaleItem(): GScaleItem { return this._as('SCALE'); }
  asGridItem(): GGridItem { return this._as('GRID'); }
  asCheckboxGridItem(): GoogleAppsScript.Forms.CheckboxGridItem { return this._as('CHECKBOX_GRID'); }
  private _only(kinds: readonly ItemKind[], method: string): void {
    if (!kinds.includes(this._record.kind)) throw new this._ctx.realm.Error(`fake: ${method} on a ${this._record.kind} item`);
  }
  setChoiceValues(values: string[]): never {
    this._only(CHOICE_KINDS, 'setChoiceValues');
    // A choice question with no choice cannot be saved in Forms; the fake refuses it the same way.
    if (!Array.isArray(values) || values.length === 0) throw new this._ctx.realm.Error('Invalid argument: values');
    this._record.choices = values.map(String);
    return this._self as never;
  }
  getChoices(): GChoice[] {
    this._only(CHOICE_KINDS, 'getChoices');
    return this._record.choices.map((c) => guard<GChoice>(new ChoiceImpl(c), 'Choice', this._ctx));
  }
  showOtherOption(enabled: boolean): never {
    this._only(['MULTIPLE_CHOICE', 'CHECKBOX'], 'showOtherOption');
    this._record.other = Boolean(enabled);
    return this._self as never;
  }
  hasOtherOption(): boolean { this._only(['MULTIPLE_CHOICE', 'CHECKBOX'], 'hasOtherOption'); return this._record.other; }
  setBounds(lower: Integer, upper: Integer): never {
    this._only(['SCALE'], 'setBounds');
    this._record.bounds = [Number(lower), Number(upper)];
    return this._self as never;
  }
  getLowerBound(): Integer { this._only(['SCALE'], 'getLowerBound'); return this._record.bounds?.[0] ?? 1; }
  getUpperBound(): Integer { this._only(['SCALE'], 'getUpperBound'); return this._record.bounds?.[1] ?? 5; }
  setRows(rows: string[]): never { this._only(GRID_KINDS, 'setRows'); this._record.rows = rows.map(String); return this._self as never; }
  getRows(): string[] { this._only(GRID_KINDS, 'getRows'); return [...this._record.rows]; }
  setColumns(columns: string[]): never { this._only(GRID_KINDS, 'setColumns'); this._record.columns = columns.map(String); return this._self as never; }
  getColumns(): string[] { this._only(GRID_KINDS, 'getColumns'); return [...this._record.columns]; }
}

class FormImpl implements Pick<GForm, 'getId' | 'getTitle' | 'setTitle' | 'setDescription' | 'getDescription' | 'setConfirmationMessage'
  | 'setCustomClosedFormMessage' | 'getCustomClosedFormMessage' | 'setAcceptingResponses' | 'isAcceptingResponses' | 'addTextItem'
  | 'addParagraphTextItem' | 'addMultipleChoiceItem' | 'addListItem' | 'addCheckboxItem' | 'addScaleItem' | 'addGridItem'
  | 'addCheckboxGridItem' | 'setDestination' | 'getDestinationId' | 'getPublishedUrl' | 'getEditUrl'
  | 'getItemById' | 'getItems' | 'requiresLogin' | 'setRequireLogin'>, FormPublishing {
  _self!: GForm;
  readonly _items: ItemImpl[] = [];
  constructor(private readonly _ctx: Guarded, readonly _record: FormRecord, private readonly _nextItemId: () => number,
    private readonly _signIn: NonNullable<FormAppOptions['signIn']>,
    private readonly _linked: (spreadsheetId: string) => void = () => undefined) {}
  getId(): string { return this._record.id; }
  getTitle(): string { return this._record.title; }
  setTitle(title: string): GForm { this._record.title = String(title); return this._self; }
  setDescription(d: string): GForm { this._record.description = String(d); return this._self; }
  getDescription(): string { return this._record.description; }
  setConfirmationMessage(m: string): GForm { this._record.confirmationMessage = String(m); return this._self; }
  setCustomClosedFormMessage(m: string): GForm { this._record.closedMessage = String(m); return this._self; }
  getCustomClosedFormMessage(): string { return this._record.closedMessage; }
  setAcceptingResponses(enabled: boolean): GForm {
    if (Boolean(enabled) && this._record.published === false) throw new this._ctx.realm.Error(ACCEPTING_UNPUBLISHED);
    this._record.accepting = Boolean(enabled);
    return this._self;
  }
  /** An unpublished form accepts nothing, whatever was set before. */
  isAcceptingResponses(): boolean { return this._record.published !== false && this._record.accepting; }
  supportsAdvancedResponderPermissions(): boolean { return this._record.published !== null; }
  isPublished(): boolean {
    if (this._record.published === null) throw new this._ctx.realm.Error(NOT_PUBLISHABLE);
    return this._record.published;
  }
  setPublished(enabled: boolean): GForm {
    if (this._record.published === null) throw new this._ctx.realm.Error(NOT_PUBLISHABLE);
    // Publishing also opens the form to answers; unpublishing closes it.
    this._record.published = Boolean(enabled);
    this._record.accepting = Boolean(enabled);
    return this._self;
  }
  requiresLogin(): boolean { return this._record.requireLogin; }
  setRequireLogin(requireLogin: boolean): GForm {
    if (this._signIn === 'domain_locked') throw new this._ctx.realm.Error(REQUIRE_LOGIN_LOCKED);
    // Without a domain there is nothing to sign in to: the setting stays off.
    this._record.requireLogin = this._signIn === 'none' ? false : Boolean(requireLogin);
    return this._self;
  }
  private _add(kind: ItemKind): never {
    const rec: FormRecord['items'][number] = {
      id: this._nextItemId(), kind, title: '', helpText: '', required: false, choices: [], other: false, bounds: null, rows: [], columns: [],
    };
    this._record.items.push(rec);
    const impl = new ItemImpl(this._ctx, rec);
    impl._self = guard(impl, SERVICE_OF[kind], this._ctx);
    this._items.push(impl);
    return impl._self as never;
  }
  addTextItem(): GTextItem { return this._add('TEXT'); }
  addParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem { return this._add('PARAGRAPH_TEXT'); }
  addMultipleChoiceItem(): GChoiceItem { return this._add('MULTIPLE_CHOICE'); }
  addListItem(): GListItem { return this._add('LIST'); }
  addCheckboxItem(): GCheckboxItem { return this._add('CHECKBOX'); }
  addScaleItem(): GScaleItem { return this._add('SCALE'); }
  addGridItem(): GGridItem { return this._add('GRID'); }
  addCheckboxGridItem(): GoogleAppsScript.Forms.CheckboxGridItem { return this._add('CHECKBOX_GRID'); }
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

/** The headers Forms gives a question in the response tab: a grid has one column per row. */
function responseHeaders(item: FormRecord['items'][number]): string[] {
  return GRID_KINDS.includes(item.kind) ? item.rows.map((r) => `${item.title} [${r}]`) : [item.title];
}

export class FormAppImpl implements Pick<GFormApp, 'create' | 'openById' | 'openByUrl'> {
  readonly DestinationType = DESTINATION_TYPE as unknown as GFormApp['DestinationType'];
  readonly ItemType = ITEM_TYPE as unknown as GFormApp['ItemType'];
  private readonly _forms = new Map<string, FormImpl>();
  private readonly _records = new Map<string, FormRecord>();
  private _nextForm = 1;
  private _nextItem = 1000;
  constructor(private readonly _ctx: Guarded, private readonly _destinations: readonly ResponseDestination[] = [],
    private readonly _options: FormAppOptions = {}) {}

  /** `destinations`: the spreadsheets setDestination links to with a response tab, as Forms does
   *  (none: the destination is only recorded). */
  static create(ctx: Guarded, destinations: readonly ResponseDestination[] = [], options: FormAppOptions = {}): { service: GFormApp; handles: FormHandles } {
    const impl = new FormAppImpl(ctx, destinations, options);
    return { service: guard<GFormApp>(impl, 'FormApp', ctx), handles: { forms: impl._records } };
  }

  create(title: string): GForm {
    const id = `fake-form-${this._nextForm++}`;
    const legacy = this._options.publishing === 'legacy';
    const signIn = this._options.signIn ?? 'none';
    const record: FormRecord = {
      id, title: String(title), description: '', confirmationMessage: '', closedMessage: '',
      // A legacy form takes answers from the start; a new one once it is published.
      accepting: legacy, published: legacy ? null : false, requireLogin: signIn !== 'none', destination: null, items: [],
    };
    const impl = new FormImpl(this._ctx, record, () => this._nextItem++, signIn, (spreadsheetId) => {
      this._destinations.find((d) => d.id === spreadsheetId)?.addResponseSheet(formUrlOf(id), impl._items.flatMap((i) => responseHeaders(i._record)));
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
