import { civilDateIn, type CivilDate } from '../../domain/civil-date';
import { MATCHES_TAB, SETTINGS_TAB, tabNames } from '../../domain/schema/tabs';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../domain/settings';
import type { Clock, KeyValueStore, TableStore } from '../ports';
import { readRowsByKey } from '../shared/find-rows';
import { FOLLOW_UPS_EDITED_PROPERTY, FOLLOW_UPS_TOUCHED_PROPERTY, parseTouched } from '../matching/index-hand-edits';
import { rebuildFollowUps, refreshFollowUps, type RebuildResult } from './keep-list';
import { readWholeList, type StoredList } from './stored-list';
import { FOLLOW_UPS_ROWS_PROPERTY, parseListBound } from './list-bound';

// 継続支援's stored list after a person's hand edit (sidebar-calls.md "継続支援", "Hand edits"). The
// on-edit trigger (src/entry/cache-triggers.ts) records what the candidate index records, by the
// same code (matching/index-hand-edits.ts), in a list of the follow-ups' own
// (FOLLOW_UPS_TOUCHED_PROPERTY): the 会員ID of every edited row of 会員, マッチング or 活動記録 (both
// IDs of a 会員ID typed over with Sheets' oldValue), the 仕事ID of an edited row of 仕事 (a
// milestone names its job) — or, for what no key names, a full stamp (FOLLOW_UPS_EDITED_PROPERTY):
// a header, an ID pasted, more than 100 rows, the lock busy, rows inserted, deleted or sorted, the
// list's own tab typed into. The next listFollowUps re-counts the members named from their rows by
// key (refreshFollowUps, as the add-in's own writes do) and deletes the list; on a full stamp it
// rebuilds, and keeps the stamp it saw (FOLLOW_UPS_SEEN_PROPERTY: a stamp set meanwhile differs,
// so no stamp is ever lost, though the trigger sets it without the lock).

/** The full stamp the last rebuild saw (any other one: rebuilt first). */
export const FOLLOW_UPS_SEEN_PROPERTY = 'ikigai.followUps.seen';

interface Stamps {
  readonly edited: string | null;
  readonly seen: string | null;
  readonly touched: string | null;
  /** How far down its writers have written the list (list-bound.ts), when known. */
  readonly bound: number | null;
}

/** The three, and the list's bound, in one round trip (one getProperties on Google). */
function readStamps(props: KeyValueStore): Stamps {
  const keys = [FOLLOW_UPS_EDITED_PROPERTY, FOLLOW_UPS_SEEN_PROPERTY, FOLLOW_UPS_TOUCHED_PROPERTY, FOLLOW_UPS_ROWS_PROPERTY];
  const got = props.getMany ? props.getMany(keys) : Object.fromEntries(keys.flatMap((k) => { const v = props.get(k); return v === null ? [] : [[k, v]]; }));
  return {
    edited: got[FOLLOW_UPS_EDITED_PROPERTY] ?? null, seen: got[FOLLOW_UPS_SEEN_PROPERTY] ?? null, touched: got[FOLLOW_UPS_TOUCHED_PROPERTY] ?? null,
    bound: parseListBound(got[FOLLOW_UPS_ROWS_PROPERTY]),
  };
}

/** Whether the stored list, as read, may be shown (no full stamp since its rebuild, no member
 *  touched), and how far down its writers have written it (null: not known, read it whole). */
export function listReadPlan(props: KeyValueStore): { readonly current: boolean; readonly bound: number | null } {
  const s = readStamps(props);
  return { current: s.edited === s.seen && s.touched === null, bound: s.bound };
}

/** The list's bound set under the lock when it is not what it was (list-bound.ts). */
function keepBound(props: KeyValueStore, before: number | null, lastRow: number): void {
  if (before !== lastRow) props.set(FOLLOW_UPS_ROWS_PROPERTY, String(lastRow));
}

/** The whole list rebuilt (the caller holds the lock), the full stamp it saw kept and the touched
 *  list deleted: the rebuild read every tab after both were read under this lock. */
export function rebuildFollowUpsSeen(ports: { store: TableStore; props: KeyValueStore }, settings: Settings, today: CivilDate): StoredList {
  return rebuildSeen(ports, settings, today).list;
}

function rebuildSeen(ports: { store: TableStore; props: KeyValueStore }, settings: Settings, today: CivilDate): RebuildResult {
  const before = readStamps(ports.props);
  const rebuilt = rebuildFollowUps(ports.store, settings, today);
  const { lastRow } = rebuilt;
  // The list's last row, also when the rebuild found it as it was and wrote nothing.
  keepBound(ports.props, before.bound, lastRow);
  if (before.edited !== before.seen) {
    if (before.edited === null) ports.props.delete(FOLLOW_UPS_SEEN_PROPERTY);
    else ports.props.set(FOLLOW_UPS_SEEN_PROPERTY, before.edited);
  }
  if (before.touched !== null) ports.props.delete(FOLLOW_UPS_TOUCHED_PROPERTY);
  return rebuilt;
}

/**
 * The list kept true after hand edits, under the caller's lock: read again under it (another run
 * may have re-counted them, a trigger added some), then the members touched — and those with a
 * match on a job touched — re-counted from their rows by key (refreshFollowUps: one write per row
 * changed, none when the trigger fired twice or another reader did it first) and the list deleted;
 * rebuilt whole when a full stamp is new, the touched list unreadable, or the list's tab missing.
 * The list is read once, after the re-count.
 */
export function followHandEdits(ports: { store: TableStore; props: KeyValueStore }, settings: Settings, today: CivilDate): StoredList {
  const lang = settings.language;
  const now = readStamps(ports.props);
  const list = parseTouched(now.touched);
  if (now.edited !== now.seen || list === 'unreadable') return rebuildFollowUpsSeen(ports, settings, today);
  if (list !== null) {
    const ids = new Set(list.members);
    if (list.jobs.length > 0) {
      for (const m of readRowsByKey(ports.store, MATCHES_TAB, 'job_id', list.jobs, lang).parsed.records) if (m.member_id) ids.add(m.member_id);
    }
    // Their rows of the list found by key and rewritten (nothing when the list does not exist:
    // rebuilt below), then the list read once, as it now stands.
    refreshFollowUps(ports.store, { lang, today }, [...ids]);
    ports.props.delete(FOLLOW_UPS_TOUCHED_PROPERTY);
  }
  // Read whole: its last row is the bound from here on (a bound behind, or none, mended).
  const whole = readWholeList(ports.store, lang, today);
  if (!whole) return rebuildFollowUpsSeen(ports, settings, today);
  keepBound(ports.props, now.bound, whole.lastRow);
  return whole.list;
}

/** The nightly trigger run's part (src/entry/forms.ts tallyAllSurveys): 設定 read, the list
 *  rebuilt as of today in the center's zone, and the hand edits' stamps it holds cleared (the first
 *  listing after the night reads the list alone). The caller holds the lock. */
export function nightlyFollowUps(store: TableStore, clock: Clock, props: KeyValueStore): RebuildResult {
  const settings = parseSettings(store.read(tabNames(SETTINGS_TAB))).settings;
  return rebuildSeen({ store, props }, settings, civilDateIn(clock.now(), settings.timeZone || DEFAULT_SETTINGS.timeZone));
}
