import type { Cell } from '../cell';
import { labelOf, ROLE, type Language } from '../enums';
import { normalizeHeader } from '../parse/parse-table';
import { SETTING_KEYS, settingsRows, type SettingKey, type Settings } from '../settings';
import type { PlacedFormat } from './column-format';
import { headerOf, type SetupTab } from './setup-tabs';

// Setup as a pure plan: given what the spreadsheet holds now, the steps that make it a working
// desk. A step is only planned when something is missing, so a second run plans nothing and
// writes nothing. Nothing is ever removed, renamed or reordered: a center's own columns and rows
// stay where they are, and missing columns go at the right end.

/** What one tab looks like now: its header row as written and its frozen rows. */
export interface TabLayout {
  readonly name: string;
  readonly header: readonly string[];
  readonly frozenRows: number;
}

export interface SetupState {
  readonly language: Language;
  readonly tabs: readonly TabLayout[];
  /** The fingerprint of the formats setup last applied, per tab key (document properties). */
  readonly formatted: Readonly<Record<string, string>>;
  /** Setting keys that already have a row in 設定 (empty when the tab is missing). */
  readonly settingKeysPresent: ReadonlySet<SettingKey>;
  /** Rows in コーディネータ with an e-mail (0 when the tab is missing). */
  readonly coordinatorCount: number;
  /** Who runs setup: becomes the first manager. '' when Google does not say. */
  readonly userEmail: string;
  /** Values for the 設定 rows setup adds. */
  readonly settings: Settings;
}

export type SetupStep =
  | { readonly kind: 'create_tab'; readonly tab: string; readonly name: string; readonly header: readonly string[] }
  | { readonly kind: 'append_columns'; readonly tab: string; readonly name: string; readonly fromColumn: number; readonly headers: readonly string[] }
  | { readonly kind: 'freeze_header'; readonly tab: string; readonly name: string }
  | { readonly kind: 'format'; readonly tab: string; readonly name: string; readonly formats: readonly PlacedFormat[]; readonly protect: boolean; readonly fingerprint: string }
  | { readonly kind: 'append_rows'; readonly tab: string; readonly name: string; readonly rows: readonly (readonly Cell[])[] };

/** The existing tab for `def`, by its Japanese or English name. */
export function findTab(def: { ja: string; en: string }, tabs: readonly TabLayout[]): TabLayout | undefined {
  return tabs.find((t) => t.name.trim() === def.ja) ?? tabs.find((t) => t.name.trim() === def.en);
}

/** 1-based column of each of `def`'s columns in `header` (either language); absent columns are left out. */
export function columnPositions(def: SetupTab, header: readonly string[]): Map<string, number> {
  const normalized = header.map((h) => normalizeHeader(String(h ?? '')));
  const at = new Map<string, number>();
  for (const c of def.columns) {
    const i = normalized.findIndex((h) => h === normalizeHeader(c.ja) || h === normalizeHeader(c.key));
    if (i >= 0) at.set(c.key, i + 1);
  }
  return at;
}

/** What the format step records, so the next run can tell the formats are already in place. */
export function formatFingerprint(formats: readonly PlacedFormat[], protect: boolean): string {
  return JSON.stringify({ v: 1, protect, formats });
}

export function planSetup(tabs: readonly SetupTab[], state: SetupState): SetupStep[] {
  const lang = state.language;
  const steps: SetupStep[] = [];
  for (const def of tabs) {
    const existing = findTab(def, state.tabs);
    const name = existing?.name ?? (lang === 'ja' ? def.ja : def.en);
    let header: readonly string[];
    if (!existing) {
      header = def.columns.map((c) => headerOf(c, lang));
      steps.push({ kind: 'create_tab', tab: def.key, name, header });
      if (header.length > 0) steps.push({ kind: 'freeze_header', tab: def.key, name });
    } else {
      const found = columnPositions(def, existing.header);
      const missing = def.columns.filter((c) => !found.has(c.key)).map((c) => headerOf(c, lang));
      header = [...existing.header, ...missing];
      if (missing.length > 0) {
        steps.push({ kind: 'append_columns', tab: def.key, name, fromColumn: existing.header.length + 1, headers: missing });
      }
      if (existing.frozenRows < 1 && header.length > 0) steps.push({ kind: 'freeze_header', tab: def.key, name });
    }

    const positions = columnPositions(def, header);
    const formats: PlacedFormat[] = [];
    for (const c of def.columns) {
      const format = c.format(lang);
      const column = positions.get(c.key);
      if (format && column !== undefined) formats.push({ column, format });
    }
    const fingerprint = formatFingerprint(formats, def.protect);
    if ((formats.length > 0 || def.protect) && state.formatted[def.key] !== fingerprint) {
      steps.push({ kind: 'format', tab: def.key, name, formats, protect: def.protect, fingerprint });
    }

    const rows = defaultRows(def.key, positions, header.length, state, !existing);
    if (rows.length > 0) steps.push({ kind: 'append_rows', tab: def.key, name, rows });
  }
  return steps;
}

/** Rows a new center needs: the 設定 keys it lacks, and the person running setup as manager. */
function defaultRows(tabKey: string, positions: Map<string, number>, width: number, state: SetupState, created: boolean): Cell[][] {
  const lang = state.language;
  const place = (values: Record<string, Cell>): Cell[] => {
    const row: Cell[] = Array.from({ length: width }, () => null);
    for (const [key, value] of Object.entries(values)) {
      const at = positions.get(key);
      if (at !== undefined) row[at - 1] = value;
    }
    return row;
  };
  if (tabKey === 'settings') {
    const all = settingsRows(state.settings, lang);
    return SETTING_KEYS.flatMap((k, i) => {
      const present = !created && state.settingKeysPresent.has(k.key);
      const entry = all[i];
      return present || !entry ? [] : [place({ key: entry[0], value: entry[1] })];
    });
  }
  if (tabKey === 'coordinators' && (created || state.coordinatorCount === 0) && state.userEmail !== '') {
    return [place({ email: state.userEmail, name: '', role: labelOf(ROLE, 'manager', lang), active: true })];
  }
  return [];
}
