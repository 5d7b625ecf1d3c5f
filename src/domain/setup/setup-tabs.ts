import type { Language } from '../enums';
import type { Column } from '../schema/column';
import { DATA_TABS } from '../schema/tabs';
import { formatOf, type ColumnFormat } from './column-format';

// Every tab setup makes (workbook.md), in the order a new spreadsheet gets them, with each
// column's headers and format. The add-in's own output tabs are protected with a warning so a
// person who types into them is told the add-in will overwrite it.
export interface SetupColumn {
  readonly key: string;
  readonly ja: string;
  readonly format: (lang: Language) => ColumnFormat | null;
}

export interface SetupTab {
  readonly key: string;
  readonly ja: string;
  readonly en: string;
  readonly columns: readonly SetupColumn[];
  /** Written only by the add-in: warning-only protection. */
  readonly protect: boolean;
}

function fromSchema(def: { key: string; ja: string; en: string; columns: readonly Column[]; addInOwned?: boolean }): SetupTab {
  return {
    key: def.key, ja: def.ja, en: def.en, protect: def.addInOwned === true,
    columns: def.columns.map((c) => ({ key: c.key, ja: c.ja, format: (lang: Language) => formatOf(c, lang) })),
  };
}

/** Output tabs whose columns another module owns (週次KPI's figures, the survey tally). */
export interface OutputTab {
  readonly key: string;
  readonly ja: string;
  readonly en: string;
  readonly columns: readonly { key: string; ja: string }[];
}

export function outputTab(def: OutputTab): SetupTab {
  return { ...def, protect: true, columns: def.columns.map((c) => ({ key: c.key, ja: c.ja, format: () => null })) };
}

/** The data tabs of workbook.md plus the add-in's output tabs, in creation order. */
export function setupTabs(outputs: readonly OutputTab[]): SetupTab[] {
  const data = DATA_TABS.map(fromSchema);
  // 監査ログ is a data-tab schema but the add-in's output: it goes last, with the other outputs.
  const audit = data.filter((t) => t.key === 'audit_log');
  return [...data.filter((t) => t.key !== 'audit_log'), ...outputs.map(outputTab), ...audit];
}

export function headerOf(column: { key: string; ja: string }, lang: Language): string {
  return lang === 'ja' ? column.ja : column.key;
}
