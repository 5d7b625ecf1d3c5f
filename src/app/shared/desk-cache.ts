import type { RawTable } from '../../domain/cell';
import type { Language } from '../../domain/enums';
import { COORDINATORS_TAB, DATA_TABS, FOLLOW_UP_LIST_TAB, SETTINGS_TAB, tabNames } from '../../domain/schema/tabs';
import { ACTIVITY_TOTALS_HEADER, ACTIVITY_TOTALS_HEADER_EN, ACTIVITY_TOTALS_TAB } from '../../domain/weekly/activity-totals-tab';
import { INDEX_HEADER } from '../../domain/matching/member-index';
import { KEY_HEADER } from '../../domain/text/folded-key';
import type { SharedCache } from '../ports';

// What every call reads before it does anything — 設定 (the language, the zone), コーディネータ (who
// may call) and the header rows of the tabs it appends to — kept for a few minutes in the shared
// cache (CacheService's document cache), so a sidebar write reads them in one round trip instead
// of one getValues each (plus getDataRange / getLastColumn).
//
// How long a change in the sheet can go unseen (design/README.md, "Who may call what"):
// - a person's edit of 設定 or コーディネータ, or of row 1 of any tab, or a change of the sheet's
//   structure (rows, columns, tabs) fires the desk's installable triggers (onDeskEdit,
//   onDeskChange: src/entry/cache-triggers.ts), which drop every entry at once;
// - the add-in's own writes fire no trigger (Apps Script runs on-edit triggers for people's edits
//   only), so every write through the store to those tabs or to a header drops the entries too
//   (cached-header-store.ts), and setup, which writes headers through its own surface, does;
// - anything else — a trigger that did not run, a script of the center's own — is bounded by the
//   TTL: an entry is at most DESK_CACHE_TTL_SECONDS old, and CacheService may drop it sooner.
// A coordinator switched off is therefore refused at once when the trigger runs, and within
// DESK_CACHE_TTL_SECONDS in any case. A cached list can only be stale, never wider than the sheet
// was: a refusal from it is final (no second read), an allow from it at most that old.

/** ≤ 5 minutes: how long an allow from a stale コーディネータ can last when no trigger fires. */
export const DESK_CACHE_TTL_SECONDS = 300;

const PREFIX = 'ikigai.desk.v1.';

export const SETTINGS_KEY = `${PREFIX}settings`;

/** コーディネータ as read with either language's name first (the two differ only when both tabs exist). */
export function coordinatorsKey(lang: Language): string {
  return `${PREFIX}coordinators.${lang}`;
}

/** The add-in's own hidden tabs (workbook.md), by the name lists their writers ask with: their
 *  header rows are cached like the desk tabs' — every status change and member write updates
 *  _候補索引 and _継続支援, every activity correction _活動集計, and each header read is a round
 *  trip and a size question. _候補索引 is named here, not imported: candidate-index.ts imports this module (through
 *  call-context.ts); test/app/shared/desk-cache.test.ts holds the two names equal. */
export const OWN_HEADER_TABS: readonly { readonly key: string; readonly names: readonly string[] }[] = [
  { key: 'candidate_index', names: ['_候補索引'] },
  // The member picker's keys (member-search-index.ts): every member write asks whether it is there.
  { key: 'member_search', names: ['_会員検索'] },
  // The job picker's keys (job-search-index.ts): every new job and status change asks the same.
  { key: 'job_search', names: ['_仕事検索'] },
  { key: 'activity_totals', names: [ACTIVITY_TOTALS_TAB.ja, ACTIVITY_TOTALS_TAB.en] },
  // _継続支援: every status change, member edit and logged contact looks its member up in it
  // (follow-ups/stored-list.ts findListRows), asking in the desk language's order.
  { key: 'follow_up_list.ja', names: tabNames(FOLLOW_UP_LIST_TAB, 'ja') },
  { key: 'follow_up_list.en', names: tabNames(FOLLOW_UP_LIST_TAB, 'en') },
];

/** The header row the add-in itself writes to its own tabs, by tab name: every reader of these tabs
 *  picks its cells by position (the keys in A; 区分, 会員数, 索引 in A–C; キー and 値 in A–B), so
 *  a header here is the tab's width, known from the code that wrote it — no getLastColumn and
 *  getValues of row 1 (two round trips), and no Cache.putAll to remember it, in the runs whose
 *  cache has no entry (the first of every 5 minutes). A header read from the sheet and cached still
 *  comes first (cached-header-store.ts). A column a person inserted into one of these tabs moves
 *  its cells away from where the readers look, as it did with the header read: the readers check
 *  what they find there (a key's ID, a bucket's 区分, a day's key) and rebuild or search when it
 *  is not what they expect; the structural change also stamps them (cache-triggers.ts).
 *  _活動集計's header is written in the desk's language (count-activities.ts): the English text is
 *  known under either name only by position, which is all a reader asks of it. _継続支援 is
 *  not here: its columns are found by their header text (follow-ups/stored-list.ts). */
export const WRITTEN_HEADERS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['_候補索引', INDEX_HEADER],
  ['_会員検索', [KEY_HEADER]],
  ['_仕事検索', [KEY_HEADER]],
  [ACTIVITY_TOTALS_TAB.ja, ACTIVITY_TOTALS_HEADER],
  [ACTIVITY_TOTALS_TAB.en, ACTIVITY_TOTALS_HEADER_EN],
]);

/** The header the add-in writes to its own tab `name` (as found: spaces around it allowed), or null. */
export function writtenHeader(name: string): readonly string[] | null {
  return WRITTEN_HEADERS.get(name.trim()) ?? null;
}

/** Whether `header` is exactly what the add-in writes to `name`: nothing for the cache to keep. */
export function isWrittenHeader(name: string, header: readonly string[]): boolean {
  const written = writtenHeader(name);
  return written !== null && written.length === header.length && written.every((h, i) => h === header[i]);
}

/** The header key of the tab `names` asks for, when it is one of the desk's tabs in either
 *  language's order (tabNames(def, lang)) or one of the add-in's own; null for any other list,
 *  which is never cached. */
export function headerKey(names: readonly string[]): string | null {
  for (const own of OWN_HEADER_TABS) {
    if (names.length === own.names.length && names.every((n, i) => n === own.names[i])) return `${PREFIX}header.${own.key}`;
  }
  if (names.length !== 2) return null;
  for (const def of DATA_TABS) {
    if (names[0] === def.ja && names[1] === def.en) return `${PREFIX}header.${def.key}.ja`;
    if (names[0] === def.en && names[1] === def.ja) return `${PREFIX}header.${def.key}.en`;
  }
  return null;
}

/** Every key the desk caches: one getAll reads them all, one removeAll drops them all. */
export const DESK_CACHE_KEYS: readonly string[] = [
  SETTINGS_KEY, coordinatorsKey('ja'), coordinatorsKey('en'),
  ...DATA_TABS.flatMap((d) => [`${PREFIX}header.${d.key}.ja`, `${PREFIX}header.${d.key}.en`]),
  ...OWN_HEADER_TABS.map((t) => `${PREFIX}header.${t.key}`),
];

const trimmed = (names: readonly string[]): ReadonlySet<string> => new Set(names.map((n) => n.trim()));

/** 設定 and コーディネータ in both languages: a write to them changes who may call and how. */
export const CALLER_TAB_NAMES = trimmed([SETTINGS_TAB.ja, SETTINGS_TAB.en, COORDINATORS_TAB.ja, COORDINATORS_TAB.en]);

/** The tabs whose header rows may be cached. */
export const HEADER_TAB_NAMES = trimmed([...DATA_TABS.flatMap((d) => [d.ja, d.en]), ...OWN_HEADER_TABS.flatMap((t) => t.names)]);

/**
 * One run's view of the shared cache. The first lookup reads every desk key at once (one getAll);
 * values read fresh on a miss are remembered and written at the end of the run (commit: one
 * putAll); invalidate drops every entry, for this run and the next (one removeAll). A run never
 * writes back a value it got from the cache, so nothing outlives its TTL by being passed on.
 */
export class DeskCache {
  private snapshot: Map<string, unknown> | null = null;
  private readonly pending = new Map<string, unknown>();
  private removed = false;

  constructor(private readonly cache: SharedCache) {}

  /** Whether this run has read the cache yet (its first lookup): a run that never needs the desk
   *  entries (a trigger reading 設定 itself) must not pay a getAll for a header alone. */
  get opened(): boolean {
    return this.snapshot !== null;
  }

  /** The cached value of `key`, or undefined for a miss. */
  lookup(key: string): unknown {
    this.snapshot ??= new Map(Object.entries(this.cache.getAll(DESK_CACHE_KEYS)));
    return this.snapshot.get(key);
  }

  /** A value just read from the sheet, for this run's later lookups and for commit. */
  remember(key: string, value: unknown): void {
    this.snapshot?.set(key, value);
    this.pending.set(key, value);
  }

  /** Writes what this run read fresh (nothing when it read nothing). Never throws: a failing
   *  cache only means the next run reads fresh too. */
  commit(): void {
    if (this.pending.size === 0) return;
    const entries = Object.fromEntries(this.pending);
    this.pending.clear();
    this.removed = false;
    this.cache.putAll(entries, DESK_CACHE_TTL_SECONDS);
  }

  /** Drops every desk entry: the sheet's 設定, コーディネータ or a header row has changed. The rest
   *  of this run reads fresh (and remembers what it reads, written by commit). */
  invalidate(): void {
    this.snapshot = new Map();
    this.pending.clear();
    if (this.removed) return;
    this.removed = true;
    this.cache.removeAll(DESK_CACHE_KEYS);
  }
}

function isCell(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return true;
  return typeof v === 'object' && typeof (v as { date?: unknown }).date === 'string';
}

/** Whether a cached value has a RawTable's shape (anything else is a miss). */
export function isRawTable(v: unknown): v is RawTable {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Partial<RawTable>;
  return typeof t.name === 'string' && Array.isArray(t.header) && t.header.every((h) => typeof h === 'string')
    && Array.isArray(t.rows) && t.rows.every((r) => Array.isArray(r) && r.every(isCell))
    && (t.firstRow === undefined || typeof t.firstRow === 'number');
}

/** A small tab read through the cache: the cached table, or `read()` remembered. A missing tab
 *  (null) is never cached. Without a cache: `read()`. */
export function cachedTable(cache: DeskCache | null | undefined, key: string, read: () => RawTable | null): RawTable | null {
  if (!cache) return read();
  const hit = cache.lookup(key);
  if (isRawTable(hit)) return hit;
  const raw = read();
  if (raw) cache.remember(key, raw);
  return raw;
}
