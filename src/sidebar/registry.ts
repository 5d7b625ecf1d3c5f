import type { Language } from '../domain/enums';
import type { Bootstrap } from '../app/shared/api-types';
import type { Strings } from './i18n';

// The sidebar's sections as a registry, so a feature adds its own panel in its own file
// (e.g. an イベント panel: `registerPanel({...})` in panels/events.ts plus one import line in
// client.ts) without touching the others. Panels appear as tabs in registration order.
export interface PanelContext {
  readonly boot: Bootstrap;
  readonly lang: Language;
  readonly t: Strings;
  /** Shows another panel by its id (the 今週 panel's 要フォロー opens 継続支援); with a record ID,
   *  about that record (the イベント panel's 入会 opens the new member in 会員: its onRecord). */
  readonly open: (id: string, recordId?: string) => void;
}

export interface Panel {
  /** Stable id: used for element ids and by tests (`#panel-<id>`). */
  readonly id: string;
  readonly title: (t: Strings, lang: Language) => string;
  /** Builds the panel's content into `root` once, after the bootstrap call. */
  readonly render: (root: HTMLElement, ctx: PanelContext) => void;
  /** Called when the tab is shown (optional: e.g. to focus the first field). */
  readonly onShow?: (root: HTMLElement) => void;
  /** Called each time the tab is shown, by click, keyboard or `open` (optional: e.g. to load
   *  what the bootstrap does not carry, only when someone looks at it). */
  readonly onOpen?: (root: HTMLElement) => void;
  /** Called instead of onShow when another panel sends the person here about one record. */
  readonly onRecord?: (root: HTMLElement, recordId: string) => void;
}

const panels: Panel[] = [];

export function registerPanel(panel: Panel): void {
  if (panels.some((p) => p.id === panel.id)) return;
  panels.push(panel);
}

export function registeredPanels(): readonly Panel[] {
  return panels;
}
