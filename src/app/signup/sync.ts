import { civilDateTimeIn } from '../../domain/civil-date';
import { parseTable } from '../../domain/parse/parse-table';
import { EVENTS_TAB, REGISTRATIONS_TAB, SETTINGS_TAB, headerName, tabName, tabNames, type EventRecord, type Registration } from '../../domain/schema/tabs';
import { parseSettings, settingsColumns, type Settings } from '../../domain/settings';
import { closedMessage } from '../../domain/signup/form-spec';
import {
  buildLedger, ledgerEntries, ledgerFromEntries, offeredLabels, staleLedgerKeys, type SignupLedger,
} from '../../domain/signup/ledger';
import type { Problem } from '../../domain/messages/problem';
import type { Clock, PropertyBag, SignupForms, TableStore } from '../ports';

// Rebuilds the sign-up ledger from the sheets (one read each of 設定, イベント, 申込) and makes the
// form offer exactly the sessions with a place left. Runs from the menu, at setup, from the
// daily trigger and after every cancellation; the submit handler keeps the ledger in step between.
export interface SignupSyncPorts {
  readonly store: TableStore;
  readonly props: PropertyBag;
  readonly clock: Clock;
  readonly forms: SignupForms | null;
}

export interface SignupSyncResult {
  readonly formId: string;
  /** The choices the form now offers (empty: the form is closed with a kind message). */
  readonly choices: string[];
  readonly accepting: boolean;
  readonly problems: Problem[];
}

export interface SheetsForSignup {
  readonly settings: Settings;
  readonly settingsRowOf: Map<string, number>;
  readonly settingsTab: string | null;
  /** 設定's 項目 and 値 columns (0-based), found by header. */
  readonly settingsColumns: { key: number; value: number };
  readonly events: EventRecord[];
  readonly registrations: Registration[];
  readonly registrationRows: number[];
  readonly registrationsTab: string;
  readonly registrationsHeader: string[];
  readonly problems: Problem[];
}

/** One read of each tab the sign-up needs. A missing 申込 tab is created with its header. */
export function readSheetsForSignup(store: TableStore): SheetsForSignup {
  const settingsRaw = store.read(tabNames(SETTINGS_TAB));
  const { settings, problems, rowOf } = parseSettings(settingsRaw);
  const lang = settings.language;
  const eventsRaw = store.read(tabNames(EVENTS_TAB, lang));
  const events = eventsRaw ? parseTable(EVENTS_TAB, eventsRaw) : null;
  let regRaw = store.read(tabNames(REGISTRATIONS_TAB, lang));
  if (!regRaw) {
    const header = REGISTRATIONS_TAB.columns.map((c) => headerName(c, lang));
    store.replace(tabName(REGISTRATIONS_TAB, lang), header, []);
    regRaw = { name: tabName(REGISTRATIONS_TAB, lang), header, rows: [] };
  }
  const regs = parseTable(REGISTRATIONS_TAB, regRaw);
  return {
    settings, settingsRowOf: rowOf as Map<string, number>, settingsTab: settingsRaw?.name ?? null,
    settingsColumns: settingsColumns(settingsRaw?.header ?? []),
    events: events?.records ?? [], registrations: regs.records, registrationRows: regs.rowNumbers,
    registrationsTab: regRaw.name, registrationsHeader: [...regRaw.header],
    problems: [...problems, ...(events?.problems ?? []), ...regs.problems],
  };
}

/** The stored ledger, or null. */
export function loadLedger(props: PropertyBag): { ledger: SignupLedger | null; keys: string[] } {
  const all = props.getAll();
  return { ledger: ledgerFromEntries(all), keys: Object.keys(all) };
}

/** Saves `ledger` whole, deleting entries of sessions it no longer has. */
export function saveLedger(props: PropertyBag, ledger: SignupLedger, existingKeys: readonly string[]): void {
  const entries = ledgerEntries(ledger);
  props.setAll(entries);
  const stale = staleLedgerKeys(existingKeys, entries);
  if (stale.length > 0) props.delete(stale);
}

export function rebuildLedger(sheets: SheetsForSignup, previous: SignupLedger | null, now: Date, formId?: string, itemId?: string): SignupLedger {
  const { settings } = sheets;
  const at = civilDateTimeIn(now, settings.timeZone);
  const id = formId ?? (settings.signupFormId || previous?.formId || '');
  return buildLedger({
    today: at.slice(0, 10), syncedAt: at, language: settings.language, timeZone: settings.timeZone,
    centerName: settings.centerName, formId: id,
    sessionItemId: itemId ?? (previous && previous.formId === id ? previous.sessionItemId : ''),
    registrationsTab: sheets.registrationsTab, header: sheets.registrationsHeader,
    events: sheets.events, registrations: sheets.registrations,
  });
}

/** Pushes the ledger's offered sessions to the form; returns the ledger with the item ID it found. */
export function pushChoices(forms: SignupForms | null, ledger: SignupLedger): SignupLedger {
  if (!forms || ledger.formId === '') return ledger;
  const itemId = forms.setSessions(ledger.formId, ledger.sessionItemId, offeredLabels(ledger), closedMessage(ledger.language));
  return itemId === ledger.sessionItemId ? ledger : { ...ledger, sessionItemId: itemId };
}

export function syncSignup(ports: SignupSyncPorts, sheets: SheetsForSignup = readSheetsForSignup(ports.store)): SignupSyncResult {
  const { ledger: previous, keys } = loadLedger(ports.props);
  let ledger = rebuildLedger(sheets, previous, ports.clock.now());
  // Answers already seen stay seen: a late duplicate firing after a sync is still dropped.
  ledger.recentResponses = previous?.recentResponses ?? [];
  ledger = pushChoices(ports.forms, ledger);
  saveLedger(ports.props, ledger, keys);
  const choices = offeredLabels(ledger);
  return { formId: ledger.formId, choices, accepting: choices.length > 0, problems: sheets.problems };
}
