import type { RawTable } from '../../domain/cell';
import { locateColumns } from '../../domain/parse/parse-table';
import type { TabDef } from '../../domain/schema/tabs';
import type { Settings } from '../../domain/settings';
import { READ_TABS, readWorkbook, type ReadOptions, type Workbook } from '../../domain/workbook';
import type { TableStore } from '../ports';

// Reading only part of a workbook. The weekly mail and `ikigai check` read every tab whole; a
// sidebar call that reads 8 million cells to show a pick list takes over a minute in Apps Script
// at the largest centers, so the sidebar names the columns and rows it needs (sidebar/read-plans.ts).

/** How much of a tab to read: some columns (by key; the tab's required columns are always added,
 *  so its header parses whole), or its last rows (all columns), or all of it. */
export type TabPart =
  | { readonly whole: true }
  | { readonly columns: readonly string[] }
  | { readonly tail: number };

type TabKey = (typeof READ_TABS)[number]['key'];

/** The parts of the data tabs to read. A tab not named is not read and holds no records. */
export type WorkbookPlan = Readonly<Partial<Record<TabKey, TabPart>>>;

function namesOf(def: TabDef): [string, string] {
  return [def.ja, def.en];
}

/** Which columns of a header hold `keys` of `def` (plus its required ones). */
function pickOf(def: TabDef, keys: readonly string[]): (header: readonly string[]) => number[] {
  const wanted = new Set([...keys, ...def.columns.filter((c) => c.required).map((c) => c.key)]);
  return (header) => {
    const { index } = locateColumns(def, '', header);
    return [...wanted].map((k) => index.get(k) ?? -1).filter((i) => i >= 0);
  };
}

/** The columns `keys` of `def`'s tab (plus its required ones); other cells read as null. */
export function readColumnsOf(store: TableStore, def: TabDef, keys: readonly string[]): RawTable | null {
  // A store without column reads answers with every column: more than asked, never less.
  return store.readColumns ? store.readColumns(namesOf(def), pickOf(def, keys)) : store.read(namesOf(def));
}

/** The last `count` data rows of `def`'s tab, with `firstRow` set so problems name the right cells;
 *  with `keys`, only those columns (plus the required ones), the others null. */
export function readTailOf(store: TableStore, def: TabDef, count: number, keys?: readonly string[]): RawTable | null {
  if (store.readTail) return store.readTail(namesOf(def), count, keys ? pickOf(def, keys) : undefined);
  const whole = store.read(namesOf(def));
  if (!whole) return null;
  const first = Math.max(0, whole.rows.length - count);
  return { ...whole, rows: whole.rows.slice(first), firstRow: (whole.firstRow ?? 2) + first };
}

/** The data rows of `def`'s tab from sheet row `firstRow` down (the columns `keys` plus the
 *  required ones, the others null), with `firstRow` set on the answer. */
export function readFromOf(store: TableStore, def: TabDef, firstRow: number, keys: readonly string[]): RawTable | null {
  if (store.readFrom) return store.readFrom(namesOf(def), firstRow, pickOf(def, keys));
  const whole = readColumnsOf(store, def, keys);
  if (!whole) return null;
  const first = Math.min(whole.rows.length, Math.max(0, firstRow - (whole.firstRow ?? 2)));
  return { ...whole, rows: whole.rows.slice(first), firstRow: (whole.firstRow ?? 2) + first };
}

function readPart(store: TableStore, def: TabDef, part: TabPart): RawTable | null {
  if ('columns' in part) return readColumnsOf(store, def, part.columns);
  if ('tail' in part) return readTailOf(store, def, part.tail);
  return store.read(namesOf(def));
}

/** The columns of each tab `plan` reads by column, as readWorkbook's `columns` option: only those
 *  are parsed (the others hold their blank, as the empty cells a column read leaves would read). */
export function parsedColumnsOf(plan: WorkbookPlan): NonNullable<ReadOptions['columns']> {
  const columns: Record<string, readonly string[]> = {};
  for (const [key, part] of Object.entries(plan)) if (part && 'columns' in part) columns[key] = part.columns;
  return columns;
}

/**
 * The typed workbook of the tabs in `plan`, read as the plan says, with `settings` already read
 * by the caller. Tabs left out read as empty (no records and no problem for them), so its figures
 * are only those the plan was made for; its problems are those of what was read (and of what was
 * parsed: `options`, readWorkbook's).
 */
export function loadWorkbookPart(store: TableStore, plan: WorkbookPlan, settings: Settings, options: ReadOptions = {}): Workbook {
  const byName = new Map<string, TabDef>(READ_TABS.map((d) => [d.ja, d]));
  const workbook = readWorkbook((names) => {
    const def = byName.get(names[0]);
    if (!def) return null; // 設定: the caller's settings stand in for it
    const part = plan[def.key as TabKey];
    return part ? readPart(store, def, part) : { name: def.ja, header: def.columns.map((c) => c.ja), rows: [] };
  }, undefined, options);
  return { ...workbook, settings };
}
