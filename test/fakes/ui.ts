import { guard, type Guarded } from './guard';
import { BUTTON, BUTTON_SET } from './enums';
import { htmlOutputState } from './html-service';

type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { subMenu: MenuRecord };
export interface MenuRecord { caption: string; entries: MenuEntry[] }
export interface AlertRecord { title: string; prompt: string; buttons: string }
export interface DialogRecord { title: string; content: string; width: number | null; height: number | null }

/** What the script showed the person: menus added to the UI, alerts, sidebars and dialogs. */
export interface UiRecord {
  readonly menus: MenuRecord[];
  readonly alerts: AlertRecord[];
  readonly sidebars: DialogRecord[];
  readonly dialogs: DialogRecord[];
  /** Answers the next alerts will return (default OK). */
  readonly alertAnswers: string[];
}

export function emptyUiRecord(): UiRecord {
  return { menus: [], alerts: [], sidebars: [], dialogs: [], alertAnswers: [] };
}

class MenuImpl implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  _self!: GMenu;
  readonly _record: MenuRecord;
  constructor(private readonly _ui: UiRecord, caption: string, private readonly _subMenus: Map<GMenu, MenuRecord>) {
    this._record = { caption, entries: [] };
  }
  addItem(caption: string, functionName: string): GMenu { this._record.entries.push({ caption, functionName }); return this._self; }
  addSeparator(): GMenu { this._record.entries.push({ separator: true }); return this._self; }
  addSubMenu(menu: GMenu): GMenu {
    const sub = this._subMenus.get(menu);
    if (sub) this._record.entries.push({ subMenu: sub });
    return this._self;
  }
  addToUi(): void { this._ui.menus.push(this._record); }
}

export class UiImpl implements Pick<GUi, 'createMenu' | 'createAddonMenu' | 'alert' | 'showSidebar' | 'showModalDialog'> {
  readonly Button = BUTTON as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  private readonly _subMenus = new Map<GMenu, MenuRecord>();

  constructor(private readonly _ctx: Guarded, private readonly _record: UiRecord) {}

  static wrap(ctx: Guarded, record: UiRecord): GUi {
    return guard<GUi>(new UiImpl(ctx, record), 'Ui', ctx);
  }

  createMenu(caption: string): GMenu {
    const impl = new MenuImpl(this._record, caption, this._subMenus);
    impl._self = guard<GMenu>(impl, 'Menu', this._ctx);
    this._subMenus.set(impl._self, impl._record);
    return impl._self;
  }

  createAddonMenu(): GMenu {
    return this.createMenu('(add-on)');
  }

  alert(a: string, b?: string | GoogleAppsScript.Base.ButtonSet, c?: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button {
    const hasTitle = typeof b === 'string';
    const prompt = hasTitle ? b : a;
    const buttons = String(hasTitle ? c ?? BUTTON_SET.OK : b ?? BUTTON_SET.OK);
    this._record.alerts.push({ title: hasTitle ? a : '', prompt, buttons });
    const answer = this._record.alertAnswers.shift() ?? BUTTON.OK;
    return answer as unknown as GoogleAppsScript.Base.Button;
  }

  showSidebar(userInterface: GHtmlOutput): void {
    this._record.sidebars.push(describe(userInterface));
  }

  showModalDialog(userInterface: GHtmlOutput, title: string): void {
    this._record.dialogs.push({ ...describe(userInterface), title });
  }
}

function describe(html: GHtmlOutput): DialogRecord {
  const state = htmlOutputState(html);
  if (!state) throw new Error('fake: showSidebar/showModalDialog needs an HtmlOutput from the HtmlService fake');
  return state;
}
