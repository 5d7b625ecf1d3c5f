import { addDays, mondayOf } from '../../domain/civil-date';
import { DEFAULT_SETTINGS, type Settings } from '../../domain/settings';
import type { Activity, Job, Match, Member } from '../../domain/schema/tabs';
import type { Workbook } from '../../domain/workbook';
import { utf8Length } from '../../domain/text/utf8-length';
import type { HeadlineKey, WeekHeadline } from '../shared/api-types';
import { HEADLINE_KEYS, headlineFiguresOf, weekHeadlineOf, type HeadlineValues } from './week-headline';

// The 今週 headline kept as figures (a document property) instead of recounted on every sidebar
// open: the recount read 会員 and マッチング by column and 活動記録's last 5,000 rows, 1.1 M cells
// at 50,000 members (13–37 s in Apps Script). The figures are recounted by the nightly trigger
// run and by setup (and by the first sidebar open that finds none), and kept current by every
// sidebar write that changes them: the write records the rows it changed, before and after
// (figure-changes.ts), and the figures move by what those rows counted before and after — the
// same code as the recount (computeReport over just those rows), so a delta can never count
// differently from the recount. Figures a write cannot move exactly are said to be as of the
// recount (`as_of`).

/** The document property holding the figures (Apps Script: 9 KB a value; the fakes enforce it). */
export const STORED_HEADLINE_KEY = 'ikigai.headline.v1';

/** Under the 9 KB a property value may hold, with room for the JSON's own growth. */
export const STORED_HEADLINE_MAX_BYTES = 8_500;

/**
 * Figures a write moves exactly, from the rows it wrote alone: activities by their own date and
 * state; 会員数 and 新規入会者数 by the member's row; 就労者数 and 就業中 by all the member's
 * matches (the writes that change a placement read them all, by 会員ID); 新規開拓 and 募集中の仕事
 * by the job's row. 要フォロー and 待機会員 also depend on the day (a placement turns 14 days old, a
 * match leaves the 90-day window) and on rows the write did not read (the member's 継続支援
 * activities): they stay as of the recount.
 */
export const KEPT_CURRENT: readonly HeadlineKey[] = [
  'members_enrolled', 'new_members', 'placed_members', 'working_members', 'jobs_developed', 'activities', 'activity_minutes', 'open_jobs',
];

/** Which figures a kind of row moves (figure-changes.ts records rows of these kinds). */
export const FIGURES_OF: Readonly<Record<SliceKind, readonly HeadlineKey[]>> = {
  activities: ['activities', 'activity_minutes'],
  members: ['members_enrolled', 'new_members'],
  memberMatches: ['placed_members', 'working_members'],
  jobs: ['jobs_developed', 'open_jobs'],
};

export type SliceKind = 'activities' | 'members' | 'memberMatches' | 'jobs';

/** Some rows of the workbook: what a write changed, as they were or as they are. `memberMatches`
 *  must hold every match of each member it names (the per-member figures count distinct members). */
export interface Slice {
  readonly activities?: readonly Activity[];
  readonly members?: readonly Member[];
  readonly memberMatches?: readonly Match[];
  readonly jobs?: readonly Job[];
}

export interface StoredHeadline {
  readonly v: 1;
  /** The day the figures are for (this week = Monday .. day). */
  readonly day: string;
  /** When they were recounted (`YYYY-MM-DDTHH:MM`, the center's zone). */
  readonly at: string;
  /** Per figure: [this week so far, the week before]. */
  readonly figures: HeadlineValues;
  /** 地区 in use (members, clients, jobs) and the jobs' 職種, for the dropdowns; null when the
   *  lists did not fit the property (the bootstrap then reads the columns). */
  readonly districts: readonly string[] | null;
  readonly categories: readonly string[] | null;
  /** How long the pickers' lists would be: jobs not 終了, clients (the bootstrap lists them, or
   *  the picker searches on the server past 設定's limits). */
  readonly sizes: { readonly jobs: number; readonly clients: number };
}

/** The JSON to store: the word lists dropped when the whole would not fit a property value. */
export function storedText(h: StoredHeadline): string {
  const full = JSON.stringify(h);
  if (utf8Length(full) <= STORED_HEADLINE_MAX_BYTES) return full;
  return JSON.stringify({ ...h, districts: null, categories: null });
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isWords = (v: unknown): v is string[] | null => v === null || (Array.isArray(v) && v.every((w) => typeof w === 'string'));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The stored figures, or null when there are none or they cannot be read (then recounted). */
export function parseStoredHeadline(text: string | null): StoredHeadline | null {
  if (text === null || text === '') return null;
  let v: unknown;
  try { v = JSON.parse(text); } catch { return null; }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const sizes = o.sizes as Record<string, unknown> | null | undefined;
  if (typeof sizes !== 'object' || sizes === null || !isCount(sizes.jobs) || !isCount(sizes.clients)) return null;
  if (o.v !== 1 || typeof o.day !== 'string' || !DAY.test(o.day) || typeof o.at !== 'string' || !isWords(o.districts) || !isWords(o.categories)) return null;
  const f = o.figures;
  if (typeof f !== 'object' || f === null) return null;
  const figures: Partial<Record<HeadlineKey, [number, number]>> = {};
  for (const key of HEADLINE_KEYS) {
    const pair = (f as Record<string, unknown>)[key];
    if (!Array.isArray(pair) || pair.length !== 2 || !isCount(pair[0]) || !isCount(pair[1])) return null;
    figures[key] = [pair[0], pair[1]];
  }
  return {
    v: 1, day: o.day, at: o.at, figures: figures as HeadlineValues, districts: o.districts, categories: o.categories,
    sizes: { jobs: sizes.jobs, clients: sizes.clients },
  };
}

/** Distinct non-blank words (trimmed, compared in NFKC so full- and half-width forms are one), first form kept, sorted. */
export function distinctWords(words: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const w of words) {
    const t = w.trim();
    const k = t.normalize('NFKC');
    if (t !== '' && !seen.has(k)) seen.set(k, t);
  }
  return [...seen.values()].sort();
}

/** The 地区 in use and the jobs' 職種 (the dropdowns' words besides the 技能 tab). */
export function wordsOf(workbook: Pick<Workbook, 'jobs' | 'members' | 'clients'>): { districts: string[]; categories: string[] } {
  return {
    categories: distinctWords(workbook.jobs.map((j) => j.category)),
    districts: distinctWords([...workbook.clients.map((c) => c.district), ...workbook.jobs.map((j) => j.district), ...workbook.members.map((m) => m.district)]),
  };
}

/** The jobs the pickers list: every job not 終了. */
const isListed = (j: Pick<Job, 'status'>): boolean => j.status !== 'closed';

/** The figures recounted from a workbook holding the columns of HEADLINE_READS (and, for the
 *  words, members', clients' and jobs' 地区 and 職種). */
export function recountHeadline(workbook: Workbook, today: string, at: string): StoredHeadline {
  const { districts, categories } = wordsOf(workbook);
  return {
    v: 1, day: today, at, figures: headlineFiguresOf(workbook, today), districts, categories,
    sizes: { jobs: workbook.jobs.filter(isListed).length, clients: workbook.clients.length },
  };
}

/** The 今週 panel's figures from the stored ones: the week of their day; `as_of` names the
 *  recount's time and the figures that are as of it (every one when the day is not today). */
export function headlineOfStored(h: StoredHeadline, today: string): WeekHeadline {
  const current = { from: mondayOf(h.day), to: h.day };
  const previous = { from: addDays(current.from, -7), to: addDays(current.from, -1) };
  const figures = HEADLINE_KEYS.map((key) => ({ key, current: h.figures[key][0], previous: h.figures[key][1] }));
  const stale = h.day !== today;
  return { current, previous, figures, as_of: { at: h.at, figures: HEADLINE_KEYS.filter((k) => stale || !KEPT_CURRENT.includes(k)) } };
}

function sliceWorkbook(settings: Settings, rows: Slice): Workbook {
  return {
    settings, coordinators: [], members: [...(rows.members ?? [])], clients: [], jobs: [...(rows.jobs ?? [])],
    activities: [...(rows.activities ?? [])], matches: [...(rows.memberMatches ?? [])], events: [], registrations: [], surveys: [],
    workLog: [], workReports: [], monthlyCloses: [], skills: [], tables: {}, problems: [],
  };
}

/** One write's rows before and after, of one kind (figure-changes.ts). */
export interface RowChange {
  readonly kind: SliceKind;
  readonly before: Slice;
  readonly after: Slice;
}

/** What one change moves, counted over the two weeks of `day`: each figure of its kind by what
 *  the rows counted after minus before, and the pickers' job count by the jobs listed after minus before. */
function deltaOf(change: RowChange, day: string): { figures: Partial<Record<HeadlineKey, [number, number]>>; jobs: number } {
  const settings = { ...DEFAULT_SETTINGS, weeklyRecipients: [] };
  const after = headlineFiguresOf(sliceWorkbook(settings, change.after), day);
  const before = headlineFiguresOf(sliceWorkbook(settings, change.before), day);
  const figures: Partial<Record<HeadlineKey, [number, number]>> = {};
  for (const key of FIGURES_OF[change.kind]) figures[key] = [after[key][0] - before[key][0], after[key][1] - before[key][1]];
  const jobs = change.kind === 'jobs' ? (change.after.jobs ?? []).filter(isListed).length - (change.before.jobs ?? []).filter(isListed).length : 0;
  return { figures, jobs };
}

/**
 * Whether `changes` would move any stored figure for `today` (applyChanges moves figures only when
 * they are for today, so no other day need be asked): false for a write whose rows count the same
 * before and after — a member's 地区 or 技能 retyped, an activity's note or kind corrected — which
 * then reads and writes no property at all (figure-changes.ts).
 */
export function changesMoveFigures(changes: readonly RowChange[], today: string): boolean {
  return changes.some((change) => {
    const d = deltaOf(change, today);
    return d.jobs !== 0 || Object.values(d.figures).some(([c, p]) => c !== 0 || p !== 0);
  });
}

/**
 * The stored figures moved by `changes` (each figure by what the changed rows counted after minus
 * before, over the stored day's two weeks), with `words` added to the lists. Nothing moves when
 * the figures are not for `today` (a night whose recount did not run): they stay as of their day.
 */
export function applyChanges(
  h: StoredHeadline, changes: readonly RowChange[], words: { districts: readonly string[]; categories: readonly string[]; clients: number }, today: string,
): StoredHeadline {
  if (h.day !== today) return h;
  let jobs = h.sizes.jobs;
  const figures: Record<HeadlineKey, [number, number]> = { ...h.figures } as Record<HeadlineKey, [number, number]>;
  for (const change of changes) {
    const d = deltaOf(change, h.day);
    for (const key of FIGURES_OF[change.kind]) {
      const [c, p] = figures[key];
      const [dc, dp] = d.figures[key] ?? [0, 0];
      figures[key] = [c + dc, p + dp];
    }
    jobs += d.jobs;
  }
  const add = (list: readonly string[] | null, more: readonly string[]): readonly string[] | null =>
    list === null || more.length === 0 ? list : distinctWords([...list, ...more]);
  return {
    ...h, figures, districts: add(h.districts, words.districts), categories: add(h.categories, words.categories),
    sizes: { jobs, clients: h.sizes.clients + words.clients },
  };
}

/** The figures that differ between a recount and what was stored for the same day (names and
 *  counts only: the nightly run logs them). */
export function headlineDifferences(stored: StoredHeadline | null, recount: StoredHeadline): string[] {
  if (stored === null || stored.day !== recount.day) return [];
  return HEADLINE_KEYS.filter((k) => KEPT_CURRENT.includes(k))
    .filter((k) => stored.figures[k][0] !== recount.figures[k][0] || stored.figures[k][1] !== recount.figures[k][1])
    .map((k) => `${k} ${stored.figures[k].join('/')}→${recount.figures[k].join('/')}`);
}

export { weekHeadlineOf };
