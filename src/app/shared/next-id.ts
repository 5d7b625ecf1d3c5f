import type { KeyValueStore, TableStore } from '../ports';

// IDs the add-in makes: a prefix plus a zero-padded number (workbook.md), e.g. A000001 for
// activities and X000001 for matches. Reading a 50,000-row tab to find the highest ID on every
// save would cost seconds, so the last number issued is kept in document properties, seeded once
// from the tab. Callers hold the script lock (the write boundary, shared/write-boundary.ts), which
// makes read-increment-write safe.
export interface IdScheme {
  readonly prefix: string;
  readonly width: number;
  /** Document-property key holding the last number issued. */
  readonly key: string;
}

export const ACTIVITY_IDS: IdScheme = { prefix: 'A', width: 6, key: 'ikigai.last_id.activities' };
export const MATCH_IDS: IdScheme = { prefix: 'X', width: 6, key: 'ikigai.last_id.matches' };
/** Members the add-in creates (the イベント panel's 入会, the 会員 panel's saveMember): M00001…,
 *  never an ID already in 会員 (入会 passes the IDs it reads; saveMember checks the new ID free by
 *  a search and reads the column only when it is taken). */
export const MEMBER_IDS: IdScheme = { prefix: 'M', width: 5, key: 'ikigai.last_id.members' };

/** The highest number among `ids` written in `scheme`'s form (other IDs, e.g. imported, are ignored). */
export function highestNumber(scheme: IdScheme, ids: Iterable<string>): number {
  const pattern = new RegExp(`^${scheme.prefix}(\\d+)$`);
  let max = 0;
  for (const id of ids) {
    const m = pattern.exec(id.trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

export function formatId(scheme: IdScheme, n: number): string {
  return `${scheme.prefix}${String(n).padStart(scheme.width, '0')}`;
}

/**
 * Issues the next ID. `seedIds` is called only when the counter is missing (first use, or the
 * property was cleared) and must list the IDs already in the tab. `knownIds`, when the caller has
 * read the tab anyway, keeps the counter ahead of rows somebody typed by hand.
 */
export function nextId(props: KeyValueStore, scheme: IdScheme, seedIds: () => Iterable<string>, knownIds?: Iterable<string>): string {
  const stored = props.get(scheme.key);
  const parsed = stored !== null && /^\d+$/.test(stored) ? Number(stored) : null;
  let last = parsed ?? highestNumber(scheme, seedIds());
  if (knownIds) last = Math.max(last, highestNumber(scheme, knownIds));
  const next = last + 1;
  props.set(scheme.key, String(next));
  return formatId(scheme, next);
}

/** The text IDs in column `column` (0-based) of tab `tab`, reading that column alone where the
 *  store can (a 500,000-row 活動記録 is 6 million cells, its ID column 500,000): what a counter's
 *  seed reads, once per document. */
export function idsInColumn(store: TableStore, tab: string, column: number): string[] {
  if (column < 0) return [];
  const raw = store.readColumns ? store.readColumns([tab], () => [column]) : store.read([tab]);
  const ids: string[] = [];
  for (const row of raw?.rows ?? []) {
    const c = row[column];
    if (typeof c === 'string') ids.push(c);
  }
  return ids;
}

// Clients and jobs developed from the sidebar's 開拓 panel: C0001…, J0001…, the width the demo
// center's generator uses, so a demo workbook and a live one number alike.
export const CLIENT_IDS: IdScheme = { prefix: 'C', width: 4, key: 'ikigai.last_id.clients' };
export const JOB_IDS: IdScheme = { prefix: 'J', width: 4, key: 'ikigai.last_id.jobs' };
