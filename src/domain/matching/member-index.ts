import type { CivilDate } from '../civil-date';
import { MOTIVATION } from '../enums';
import type { Settings } from '../settings';
import type { Job, Match, Member, Skill } from '../schema/tabs';
import { skillVocabulary } from '../skills/vocabulary';
import { dayNumber } from './day-number';
import type { WorkCaps } from './hard-rules';
import { indexPlacements, type Placement } from './placements';
import type { MatchContext } from './rank-candidates';
import { slotMask, slotsOf } from './slot-bits';
import type { RankedMember } from './types';
import { RECENT_DAYS } from './work-load';
import { WORKED_WINDOW_DAYS, type WorkedRow } from './worked-load';

// The candidate index (issue 15 item 2, matching.md "The candidate index"): per member what the
// hard rules and the score read (RankedMember), what the candidate list shows of them (kana, name,
// birth date, phone), their placements as the caps count them and their real work of the last
// four weeks — so ranking one job reads this instead of 会員, 仕事, マッチング and 就業実績 whole.
// Entries live in INDEX_BUCKETS buckets by a hash of the member ID: a bucket is one cell of JSON
// (a few KB at 50,000 members), so a write re-packs the one bucket of the member it changed, and a
// reader reads a fixed number of cells whatever the center's size (but their bytes grow with it:
// bench/README.md says how much).

/** What one member is to the index. */
export interface IndexEntry {
  readonly member: RankedMember & Pick<Member, 'kana' | 'name' | 'birth_date' | 'phone'>;
  /** Placements still able to count on any day from the build on (placements.ts). */
  readonly placements: readonly Placement[];
  /** 就業実績 rows dated in the caps' window of the build day or later (worked-load.ts). */
  readonly work: readonly WorkedRow[];
}

/** Buckets of the index: fixed, so a writer finds a member's bucket without reading anything.
 *  At 50,000 members a bucket holds ~49 entries (~7 KB of JSON), far below a cell's limit
 *  (50,000 characters in Sheets, 32,767 in an .xlsx file). */
export const INDEX_BUCKETS = 1024;

/** The index's tab (`_候補索引`, the add-in's own: workbook.md "Written by the add-in"), the same
 *  name in either language, and its header: a stamp row, then one row per bucket — its members
 *  (会員数, 索引) and, in 仕事, the matches of the jobs whose 仕事ID hashes to it (job-matches.ts). */
export const CANDIDATE_INDEX_TAB = '_候補索引';
export const INDEX_HEADER = ['区分', '会員数', '索引', '仕事'] as const;
/** The packing's version: a reader finding another one rebuilds (a new bundle, a new layout). */
export const INDEX_VERSION = 3;

/** The bucket of a member ID (FNV-1a of the trimmed ID), 0 … INDEX_BUCKETS − 1. */
export function bucketOf(memberId: string): number {
  let h = 0x811c9dc5;
  const id = memberId.trim();
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % INDEX_BUCKETS;
}

/** The civil date of a day number (day-number.ts), through UTC so no zone shifts it. */
export function civilOfDayNumber(n: number): CivilDate {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** A placement can still count on `today` or later: open, ended without a date (fairness counts it
 *  up to the day before asOf, work-load.ts), or ended within the fairness window. */
function stillCounts(p: Placement, today: number): boolean {
  return p.toDay === null || p.toDay >= today - RECENT_DAYS - 1;
}

/** The rows of `rows` a ranking on `today` or later can still count (the caps' window). */
export function recentRows(rows: readonly WorkedRow[], today: CivilDate): WorkedRow[] {
  const first = dayNumber(today) - WORKED_WINDOW_DAYS;
  return rows.filter((r) => r.day >= first);
}

/** One member's entry from their row of 会員, their matches (any; only placements count) with the
 *  jobs those name (for a blank 担当枠: all the job's slots), and their work rows. */
export function entryOf(
  member: Member, matches: readonly Match[], jobs: readonly Pick<Job, 'job_id' | 'slots'>[], work: readonly WorkedRow[], today: CivilDate,
): IndexEntry {
  const own = matches.filter((m) => m.member_id === member.member_id);
  return entryFrom(member, indexPlacements(own, jobs).get(member.member_id) ?? [], work, today);
}

/** The entry from the member's placements already indexed (a rebuild indexes every match once). */
function entryFrom(member: Member, placements: readonly Placement[], work: readonly WorkedRow[], today: CivilDate): IndexEntry {
  const day = dayNumber(today);
  return { member: indexedMember(member), placements: placements.filter((p) => stillCounts(p, day)), work: recentRows(work, today) };
}

/** The entry again with other placements (a match changed) or more work rows (work recorded). */
export function withPlacements(entry: IndexEntry, matches: readonly Match[], jobs: readonly Pick<Job, 'job_id' | 'slots'>[], today: CivilDate): IndexEntry {
  const day = dayNumber(today);
  const own = matches.filter((m) => m.member_id === entry.member.member_id);
  return { ...entry, placements: (indexPlacements(own, jobs).get(entry.member.member_id) ?? []).filter((p) => stillCounts(p, day)) };
}

export function withWork(entry: IndexEntry, added: readonly WorkedRow[], today: CivilDate): IndexEntry {
  return { ...entry, work: recentRows([...entry.work, ...added], today) };
}

function indexedMember(m: Member): IndexEntry['member'] {
  return {
    member_id: m.member_id, kana: m.kana, name: m.name, birth_date: m.birth_date, phone: m.phone, district: m.district,
    joined_on: m.joined_on, left_on: m.left_on, consent: m.consent, availability: slotsOf(slotMask(m.availability)),
    max_days_per_week: m.max_days_per_week, skills: m.skills, motivations: m.motivations, preferred_categories: m.preferred_categories,
  };
}

// The JSON of an entry: an array, dates as day numbers, slots as masks, 地区, 技能, 就業動機, 希望職種
// and the placements' 仕事ID as numbers into the bucket's own word list (the same few dozen words
// recur in every entry: at 50,000 members this halves the bytes a ranking reads), placements as
// [job, slots, slotCount, from, to|null, ended 0/1], work as day, hours pairs flattened.
type Packed = [
  string, string, string, number | null, string, number, number, number | null, 0 | 1, number, number | null,
  number[], number[], number[], (number | null)[][], number[],
];

/** A bucket's word list as it is packed: each word once, numbered in the order first met. */
class Words {
  readonly list: string[] = [];
  private readonly at = new Map<string, number>();
  of(word: string): number {
    let n = this.at.get(word);
    if (n === undefined) { n = this.list.length; this.list.push(word); this.at.set(word, n); }
    return n;
  }
}

function pack(e: IndexEntry, words: Words): Packed {
  const m = e.member;
  return [
    m.member_id, m.kana, m.name, m.birth_date === null ? null : dayNumber(m.birth_date), m.phone, words.of(m.district),
    dayNumber(m.joined_on), m.left_on === null ? null : dayNumber(m.left_on), m.consent ? 1 : 0, slotMask(m.availability), m.max_days_per_week,
    m.skills.map((w) => words.of(w)), m.motivations.map((w) => words.of(w)), m.preferred_categories.map((w) => words.of(w)),
    e.placements.map((p) => [words.of(p.job_id), p.slots, p.slotCount, p.fromDay, p.toDay, p.ended ? 1 : 0]),
    e.work.flatMap((w) => [w.day, w.hours]),
  ];
}

const MOTIVATIONS: ReadonlySet<string> = new Set(MOTIVATION.codes);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function unpack(v: unknown, list: readonly string[]): IndexEntry | null {
  if (!Array.isArray(v) || typeof v[0] !== 'string') return null;
  const word = (n: unknown): string => (typeof n === 'number' ? list[n] ?? '' : '');
  const texts = (a: unknown): string[] => (Array.isArray(a) ? a.map(word) : []);
  const birth = numOrNull(v[3]);
  const left = numOrNull(v[7]);
  const placements: Placement[] = (Array.isArray(v[14]) ? v[14] : []).filter(Array.isArray).map((p: unknown[]) => {
    const fromDay = num(p[3]);
    const toDay = numOrNull(p[4]);
    return {
      job_id: word(p[0]), slots: num(p[1]), slotCount: num(p[2]), from: civilOfDayNumber(fromDay), to: toDay === null ? null : civilOfDayNumber(toDay),
      ended: p[5] === 1, fromDay, toDay,
    };
  });
  const flat = Array.isArray(v[15]) ? v[15].map(num) : [];
  const work: WorkedRow[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) work.push({ day: flat[i] ?? 0, hours: flat[i + 1] ?? 0 });
  return {
    member: {
      member_id: v[0], kana: text(v[1]), name: text(v[2]), birth_date: birth === null ? null : civilOfDayNumber(birth), phone: text(v[4]),
      district: word(v[5]), joined_on: civilOfDayNumber(num(v[6])), left_on: left === null ? null : civilOfDayNumber(left), consent: v[8] === 1,
      availability: slotsOf(num(v[9])), max_days_per_week: numOrNull(v[10]), skills: texts(v[11]),
      motivations: texts(v[12]).filter((c): c is Member['motivations'][number] => MOTIVATIONS.has(c)), preferred_categories: texts(v[13]),
    },
    placements,
    work,
  };
}

/** One bucket's cell: `[words, entry, entry…]`, entries in member ID order (the same text for the
 *  same entries). */
export function packBucket(entries: readonly IndexEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.member.member_id < b.member.member_id ? -1 : a.member.member_id > b.member.member_id ? 1 : 0));
  const words = new Words();
  const packed = sorted.map((e) => pack(e, words));
  return JSON.stringify([words.list, ...packed]);
}

/** A bucket's entries; null when the cell is not one (typed over by a person): the reader rebuilds. */
export function unpackBucket(cell: string): IndexEntry[] | null {
  if (cell.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return null;
  const [list, ...rest] = parsed as unknown[];
  if (!Array.isArray(list) || !list.every((w) => typeof w === 'string')) return null;
  const out: IndexEntry[] = [];
  for (const v of rest) {
    const e = unpack(v, list);
    if (!e) return null;
    out.push(e);
  }
  return out;
}

/** Every bucket's entries from the members, matches, jobs and work rows read (a rebuild). */
export function bucketsOf(
  members: readonly Member[], matches: readonly Match[], jobs: readonly Pick<Job, 'job_id' | 'slots'>[],
  workLog: readonly { member_id: string; date: CivilDate; hours: number }[], today: CivilDate,
): IndexEntry[][] {
  const first = dayNumber(today) - WORKED_WINDOW_DAYS;
  const workBy = new Map<string, WorkedRow[]>();
  for (const r of workLog) {
    const day = dayNumber(r.date);
    if (day < first) continue;
    const list = workBy.get(r.member_id);
    if (list) list.push({ day, hours: r.hours }); else workBy.set(r.member_id, [{ day, hours: r.hours }]);
  }
  // Every match indexed once (O(matches + jobs)), not once per member.
  const placements = indexPlacements(matches, jobs);
  const buckets: IndexEntry[][] = Array.from({ length: INDEX_BUCKETS }, () => []);
  for (const m of members) {
    buckets[bucketOf(m.member_id)]?.push(entryFrom(m, placements.get(m.member_id) ?? [], workBy.get(m.member_id) ?? [], today));
  }
  return buckets;
}

/** A ranking context from the index's entries (rank-candidates.ts), as matchContext builds one
 *  from the tabs. */
export function contextOfEntries(
  entries: readonly IndexEntry[], settings: Pick<Settings, keyof WorkCaps>, skills: readonly Pick<Skill, 'skill' | 'synonyms'>[],
): MatchContext {
  const placements = new Map<string, Placement[]>();
  const work = new Map<string, WorkedRow[]>();
  for (const e of entries) {
    const id = e.member.member_id;
    // A member ID typed twice in 会員 has two entries with the same placements and work (both
    // were packed from every match and row of the ID), as matchContext gives both rows.
    if (e.placements.length > 0) placements.set(id, [...e.placements]);
    if (e.work.length > 0) work.set(id, [...e.work]);
  }
  const { slotHours, weeklyHoursCap, monthlyDaysCap } = settings;
  return {
    vocabulary: skillVocabulary(skills),
    members: entries.map((e) => e.member),
    availability: Int32Array.from(entries, (e) => slotMask(e.member.availability)),
    placements,
    work,
    caps: { slotHours, weeklyHoursCap, monthlyDaysCap },
  };
}
