import type { KeyValueStore, TableStore } from '../ports';
import { formatId, idsInColumn, nextId, type IdScheme } from '../shared/next-id';

// Work rows are numbered W0000001… (seven digits: a center of 20,000 members logging 20 rows a
// member a month writes 4.8 million a year). A batch takes its numbers in one go: the counter is
// read and moved once, not once per row (a month's paper reports are thousands of rows).
export const WORK_IDS: IdScheme = { prefix: 'W', width: 7, key: 'ikigai.last_id.work' };

/** `count` consecutive new IDs; the counter is seeded from the tab's ID column on first use. */
export function reserveWorkIds(props: KeyValueStore, store: TableStore, tab: string, idColumn: number, count: number): string[] {
  if (count === 0) return [];
  const first = nextId(props, WORK_IDS, () => idsInColumn(store, tab, idColumn));
  const n = Number(first.slice(WORK_IDS.prefix.length));
  if (count > 1) props.set(WORK_IDS.key, String(n + count - 1));
  return Array.from({ length: count }, (_, i) => formatId(WORK_IDS, n + i));
}
