import { recountStoredHeadline } from '../weekly/headline-recount';
import type { Cell, OwnedCells } from '../../domain/cell';
import { cellText } from '../../domain/cell';
import type { Language } from '../../domain/enums';
import { normalizeHeader } from '../../domain/parse/parse-table';
import type { PlacedFormat } from '../../domain/setup/column-format';
import type { InitialSettings } from '../../domain/setup/initial-settings';
import { planSetup, type SetupStep, type TabLayout } from '../../domain/setup/plan-setup';
import type { SetupTab } from '../../domain/setup/setup-tabs';
import { DEFAULT_SETTINGS, parseSettings, SETTING_KEYS, settingsColumns, settingsRows, type SettingKey, type Settings } from '../../domain/settings';
import { AUDIT_LOG_TAB, COORDINATORS_TAB, SETTINGS_TAB, tabNames } from '../../domain/schema/tabs';
import type { Clock, FormAccess, KeyValueStore, TableStore, TriggerOwner, TriggerSpec, Triggers, UserIdentity } from '../ports';
import { activeManagersIn, installDeskTriggers } from './desk-triggers';
import { civilDateIn, civilDateTimeIn } from '../../domain/civil-date';
import { CANDIDATE_INDEX_TAB, INDEX_EDITED_PROPERTY, rebuildCandidateIndex } from '../matching/candidate-index';
import { countActivities } from '../weekly/count-activities';
import { ACTIVITY_TOTALS_TAB } from '../../domain/weekly/activity-totals-tab';

// 初期設定: from an empty (or half set-up) spreadsheet to a working desk, in one run, without
// ever deleting or reordering anything; a second run plans nothing and writes nothing.

/** The parts of a spreadsheet setup touches beyond cell values: tabs, frozen rows, formats,
 *  protection. The Google adapter reads the whole layout in one pass (`inspect`). */
import type { ChartSpec } from '../../domain/weekly/trend-tab';

export interface SetupSurface {
  /** Every tab's name, header row and frozen rows. */
  inspect(): TabLayout[];
  /** Adds a tab at the end with `header` in row 1. */
  createTab(name: string, header: readonly string[]): void;
  /** Writes `headers` into row 1 from column `fromColumn` (1-based), widening the tab if needed. */
  appendColumns(name: string, fromColumn: number, headers: readonly string[]): void;
  freezeHeader(name: string): void;
  /** Dropdowns, checkboxes and number formats on the data rows of each column; warning-only
   *  protection when `protect`. */
  applyFormats(name: string, formats: readonly PlacedFormat[], protect: boolean): void;
  /** Puts `chart` on the tab named one of `names` unless the tab already has a chart; true when
   *  it inserted one. Absent on a surface that cannot draw charts (the local .xlsx). */
  ensureChart?(names: readonly string[], chart: ChartSpec, language: Language): boolean;
}

export interface SetupPorts {
  readonly surface: SetupSurface;
  readonly store: TableStore;
  readonly properties: KeyValueStore;
  readonly user: UserIdentity;
  readonly clock: Clock;
  readonly triggers?: Triggers;
}

export interface SetupOptions {
  /** The tabs to make (domain/setup/setup-tabs, with the output tabs of the other features). */
  readonly tabs: readonly SetupTab[];
  /** Answers of the first-run dialog; they overwrite those four settings. */
  readonly initial?: InitialSettings;
  /** Triggers the desk needs, given the settings (weekly mail day and hour). */
  readonly triggers?: (settings: Settings) => readonly TriggerSpec[];
  /** Makes the sign-up form when the center has none; returns its ID. */
  readonly ensureSignupForm?: (settings: Settings) => string | null;
  /** Publishes the sign-up form (new or not) where Google allows and says who can answer it;
   *  null when the form could not be opened. */
  readonly signupFormAccess?: (formId: string) => FormAccess | null;
  /** Native charts setup builds once, each on its tab (推移: domain/weekly/trend-tab.ts). */
  readonly charts?: readonly { readonly tab: { readonly ja: string; readonly en: string }; readonly spec: ChartSpec }[];
  /** Makes the monthly 就業報告 form when the center has none (settings.workReportFormId, or the
   *  document property of a desk set up before 設定 kept it); returns its ID and who can answer it,
   *  or null when Forms failed (the next setup tries again). */
  readonly ensureWorkReportForm?: (settings: Settings) => { readonly formId: string; readonly access: FormAccess | null } | null;
}

/** Whose the desk's triggers are (src/app/setup/desk-triggers.ts). */
export interface SetupTriggerOwnership {
  readonly owner: TriggerOwner | null;
  /** Another active manager's set: setup installed nothing from this account. */
  readonly refusedFor: TriggerOwner | null;
  /** The previous owner, no longer an active manager: this account took the set over. */
  readonly tookOverFrom: TriggerOwner | null;
}

export interface SetupResult {
  readonly language: Language;
  /** The center's zone (設定 タイムゾーン), for saying when triggers were installed. */
  readonly timeZone: string;
  readonly created: string[];
  readonly columnsAdded: { tab: string; headers: string[] }[];
  readonly frozen: string[];
  readonly formatted: string[];
  readonly rowsAdded: { tab: string; rows: number }[];
  readonly settingsChanged: string[];
  readonly triggersInstalled: string[];
  /** The tabs a chart was put on (once: a tab with a chart gets none). */
  readonly chartsAdded: string[];
  /** Whose the triggers are; null when setup was given no triggers to install. */
  readonly triggerOwnership: SetupTriggerOwnership | null;
  readonly signupFormId: string;
  /** Who can answer the sign-up form after this run (null: no form, or it could not be opened). */
  readonly signupForm: FormAccess | null;
  /** The 就業報告 form's ID ('' when there is none). */
  readonly workReportFormId: string;
  /** Who can answer the 就業報告 form after this run (null: no form, or it could not be opened). */
  readonly workReportForm: FormAccess | null;
  /** False when the spreadsheet was already set up: nothing was written. */
  readonly changed: boolean;
}

export const FORMATS_PROPERTY = 'ikigai.setup.formats';

export function runSetup(ports: SetupPorts, options: SetupOptions): SetupResult {
  const { surface, store, properties } = ports;
  const settingsRaw = store.read(tabNames(SETTINGS_TAB));
  const parsed = parseSettings(settingsRaw);
  const present = new Set<SettingKey>(parsed.rowOf.keys());
  const initial = options.initial;
  const language: Language = initial?.language ?? (present.has('language') ? parsed.settings.language : 'ja');
  const settings: Settings = {
    ...DEFAULT_SETTINGS, ...parsed.settings, language,
    ...(initial ? { centerName: initial.centerName, weeklyDay: initial.weeklyDay, weeklyHour: initial.weeklyHour } : {}),
  };
  const coordinators = store.read(tabNames(COORDINATORS_TAB, language));
  const coordinatorCount = coordinators?.rows.filter((r) => r.some((c) => cellText(c) !== '')).length ?? 0;
  const formatted = readFingerprints(properties.get(FORMATS_PROPERTY));

  const steps = planSetup(options.tabs, {
    language, tabs: surface.inspect(), formatted, settingKeysPresent: present, coordinatorCount,
    userEmail: ports.user.email(), settings,
  });
  const result = {
    language, timeZone: settings.timeZone, created: [] as string[], columnsAdded: [] as { tab: string; headers: string[] }[], frozen: [] as string[],
    formatted: [] as string[], rowsAdded: [] as { tab: string; rows: number }[], settingsChanged: [] as string[],
    triggersInstalled: [] as string[], chartsAdded: [] as string[], triggerOwnership: null as SetupTriggerOwnership | null, signupFormId: settings.signupFormId,
    signupForm: null as FormAccess | null, workReportFormId: settings.workReportFormId, workReportForm: null as FormAccess | null,
  };
  const newFingerprints: Record<string, string> = { ...formatted };
  for (const step of steps) execute(step, ports, result, newFingerprints);
  if (steps.some((s) => s.kind === 'format')) properties.set(FORMATS_PROPERTY, JSON.stringify(newFingerprints));
  buildNewStores(ports, settings, result.created);

  if (initial) result.settingsChanged.push(...applyInitialSettings(store, settings, language));

  if (surface.ensureChart) {
    for (const { tab, spec } of options.charts ?? []) {
      if (surface.ensureChart([tab.ja, tab.en], spec, language)) result.chartsAdded.push(language === 'ja' ? tab.ja : tab.en);
    }
  }

  if (options.ensureSignupForm && settings.signupFormId === '') {
    const id = options.ensureSignupForm(settings);
    if (id) {
      result.signupFormId = id;
      writeSetting(store, 'signupFormId', id, language);
      result.settingsChanged.push('signupFormId');
    }
  }

  if (options.ensureWorkReportForm) {
    const made = options.ensureWorkReportForm(settings);
    if (made) {
      result.workReportFormId = made.formId;
      result.workReportForm = made.access;
      // Kept in 設定 like the sign-up form's ID (only its 値 cell, only when it differs).
      if (settings.workReportFormId !== made.formId && writeSetting(store, 'workReportFormId', made.formId, language)) result.settingsChanged.push('workReportFormId');
    }
  }

  if (options.signupFormAccess && result.signupFormId !== '') result.signupForm = options.signupFormAccess(result.signupFormId);

  if (ports.triggers && options.triggers) {
    const install = installDeskTriggers(ports.triggers, options.triggers({ ...settings, signupFormId: result.signupFormId }),
      { email: ports.user.email(), now: ports.clock.now() }, activeManagersIn(coordinators));
    result.triggersInstalled.push(...install.installed);
    result.triggerOwnership = { owner: install.owner, refusedFor: install.refusedFor, tookOverFrom: install.tookOverFrom };
  }

  const formOpened = result.signupForm?.publishing === 'published_now' || result.signupForm?.signIn === 'turned_off';
  const changed = steps.length > 0 || result.settingsChanged.length > 0 || result.triggersInstalled.length > 0
    || result.chartsAdded.length > 0 || formOpened;
  if (changed) audit(ports, result, settings.timeZone);
  // The 今週 figures the sidebar opens with (weekly/stored-headline.ts), counted from the tabs as
  // setup leaves them; the nightly run counts them again every morning.
  recountStoredHeadline(store, properties, settings, civilDateTimeIn(ports.clock.now(), settings.timeZone));
  return { ...result, changed };
}

/**
 * The add-in's stores setup has just made the tabs of (hidden, protected: output-tabs.ts), built
 * at once so each holds its stamp or mark from day one and the first ranking or weekly run reads it
 * rather than building it: `_候補索引` from 会員, 仕事, マッチング and 就業実績, `_活動集計` from
 * 活動記録 (a new center's tabs are empty: a few calls). A tab that was already there is left to
 * the nightly run and to its readers, which rebuild a missing, stale or hand-edited one; so a
 * second setup builds nothing. `_継続支援` is made with its header and filled by the nightly run.
 */
function buildNewStores(ports: SetupPorts, settings: Settings, created: readonly string[]): void {
  const today = civilDateIn(ports.clock.now(), settings.timeZone);
  if (created.includes(CANDIDATE_INDEX_TAB)) {
    rebuildCandidateIndex(ports.store, settings, today, ports.properties.get(INDEX_EDITED_PROPERTY));
  }
  if (created.includes(ACTIVITY_TOTALS_TAB.ja) || created.includes(ACTIVITY_TOTALS_TAB.en)) {
    countActivities({ store: ports.store, properties: ports.properties, today, language: settings.language });
  }
}

function readFingerprints(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    // A damaged property only means the formats are applied once more.
    return {};
  }
}

type MutableResult = Omit<SetupResult, 'changed'>;

function execute(step: SetupStep, ports: SetupPorts, result: MutableResult, fingerprints: Record<string, string>): void {
  switch (step.kind) {
    case 'create_tab':
      ports.surface.createTab(step.name, step.header);
      result.created.push(step.name);
      return;
    case 'append_columns':
      ports.surface.appendColumns(step.name, step.fromColumn, step.headers);
      result.columnsAdded.push({ tab: step.name, headers: [...step.headers] });
      return;
    case 'freeze_header':
      ports.surface.freezeHeader(step.name);
      result.frozen.push(step.name);
      return;
    case 'format':
      ports.surface.applyFormats(step.name, step.formats, step.protect);
      fingerprints[step.tab] = step.fingerprint;
      result.formatted.push(step.name);
      return;
    case 'append_rows':
      ports.store.appendCells(step.name, filledCells(step.rows));
      result.rowsAdded.push({ tab: step.name, rows: step.rows.length });
      return;
  }
}

/** Writes the dialog's answers into 設定, one rewrite of the tab, only when a value differs. */
function applyInitialSettings(store: TableStore, settings: Settings, lang: Language): string[] {
  const keys: SettingKey[] = ['centerName', 'language', 'weeklyDay', 'weeklyHour'];
  const wanted = new Map(SETTING_KEYS.map((k, i) => [k.key, settingsRows(settings, lang)[i]?.[1] ?? '']));
  const values = new Map<SettingKey, Cell>(keys.map((k) => [k, wanted.get(k) ?? '']));
  return rewriteSettings(store, values, lang);
}

function writeSetting(store: TableStore, key: SettingKey, value: Cell, lang: Language): boolean {
  return rewriteSettings(store, new Map([[key, value]]), lang).length > 0;
}

function rewriteSettings(store: TableStore, values: ReadonlyMap<SettingKey, Cell>, lang: Language): string[] {
  const raw = store.read(tabNames(SETTINGS_TAB, lang));
  if (!raw) return [];
  const { rowOf } = parseSettings(raw);
  const col = settingsColumns(raw.header).value;
  const changed: string[] = [];
  for (const [key, value] of values) {
    const rowNumber = rowOf.get(key);
    const row = rowNumber === undefined ? undefined : raw.rows[rowNumber - 2];
    if (!row || rowNumber === undefined) continue;
    if (cellText(row[col] ?? null) === cellText(value)) continue;
    // Only the 値 cell of a key that changes: the center's other columns of 設定 (a note, a
    // formula of its own) are never written back.
    store.writeCells(raw.name, rowNumber, { columns: [col], rows: [[value]] });
    changed.push(key);
  }
  return changed;
}

function audit(ports: SetupPorts, result: MutableResult, timeZone: string): void {
  const names = tabNames(AUDIT_LOG_TAB, result.language);
  const log = ports.store.header(names);
  if (!log) return;
  const detail = [
    result.created.length ? `created: ${result.created.join(', ')}` : '',
    result.columnsAdded.length ? `columns: ${result.columnsAdded.map((c) => `${c.tab}(${c.headers.length})`).join(', ')}` : '',
    result.formatted.length ? `formatted: ${result.formatted.length}` : '',
    result.settingsChanged.length ? `settings: ${result.settingsChanged.join(', ')}` : '',
    result.triggersInstalled.length ? `triggers: ${result.triggersInstalled.join(', ')}` : '',
    result.triggerOwnership?.tookOverFrom ? 'triggers: taken over' : '',
    result.signupForm?.publishing === 'published_now' ? 'form: published' : '',
    result.signupForm?.signIn === 'turned_off' ? 'form: sign-in off' : '',
  ].filter((s) => s !== '').join('; ');
  const at = civilDateTimeIn(ports.clock.now(), timeZone);
  const values: Record<string, Cell> = { at, user: ports.user.email(), action: 'setup', sheet: '', record_id: '', detail };
  const row = log.header.map((h) => {
    const n = normalizeHeader(h);
    const column = AUDIT_LOG_TAB.columns.find((c) => normalizeHeader(c.ja) === n || c.key === n);
    return column ? values[column.key] ?? null : null;
  });
  ports.store.appendCells(log.name, filledCells([row]));
}

/** New rows as owned cells: the columns any of them fills (a new row's other cells are empty). */
function filledCells(rows: readonly (readonly Cell[])[]): OwnedCells {
  const columns = [...new Set(rows.flatMap((r) => r.flatMap((c, i) => (c === null ? [] : [i]))))].sort((a, b) => a - b);
  return { columns, rows: rows.map((r) => columns.map((c) => r[c] ?? null)) };
}
