import type { Settings } from '../../domain/settings';
import type { KeyValueStore, TableStore } from '../ports';
import { loadWorkbookPart } from '../shared/read-part';
import { STORED_HEADLINE_READS } from '../sidebar/read-plans';
import {
  headlineDifferences, parseStoredHeadline, recountHeadline, storedText, STORED_HEADLINE_KEY, type StoredHeadline,
} from './stored-headline';

// The stored 今週 figures recounted from the sheet (stored-headline.ts): by the nightly trigger
// run, by setup, and by the first sidebar open that finds none. The caller holds the script lock,
// so no write moves the figures between the recount's read and its store. A recount that finds
// the figures kept current by the writes differ from it says so (names and counts only): a hand
// edit in the sheet, or a write that moved them wrongly.

export function recountStoredHeadline(
  store: TableStore, props: KeyValueStore, settings: Settings, now: string, log: (line: string) => void = () => undefined,
): StoredHeadline {
  const workbook = loadWorkbookPart(store, STORED_HEADLINE_READS, settings);
  const fresh = recountHeadline(workbook, now.slice(0, 10), now.slice(0, 16));
  const stored = parseStoredHeadline(props.get(STORED_HEADLINE_KEY));
  const differences = headlineDifferences(stored, fresh);
  if (differences.length > 0) log(`headline: the recount differs from the stored figures (${differences.join(', ')}); stored the recount`);
  // The same figures as stored (setup run again): nothing to write, and they stay as of their count.
  if (stored !== null && storedText({ ...stored, at: fresh.at }) === storedText(fresh)) return stored;
  props.set(STORED_HEADLINE_KEY, storedText(fresh));
  return fresh;
}
