import { addDays, weekdayIndex, type CivilDate } from '../src/domain/civil-date';
import { dateCell, type Cell, type RawTable } from '../src/domain/cell';
import {
  ACTIVITY_KIND, AGE_BAND, AREA, GENDER, JOB_ENGAGEMENT, JOB_STATUS, JOIN_ROUTE, MATCH_ENGAGEMENT, MATCH_STATUS, MOTIVATION,
  SECTOR, EVENT_KIND, REGISTRATION_STATUS, labelOf, type Enumeration,
} from '../src/domain/enums';
import {
  ACTIVITIES_TAB, CLIENTS_TAB, COORDINATORS_TAB, EVENTS_TAB, JOBS_TAB, MATCHES_TAB, MEMBERS_TAB, REGISTRATIONS_TAB,
  SURVEYS_TAB, type TabDef,
} from '../src/domain/schema/tabs';
import { ALL_SLOTS, slotLabel } from '../src/domain/slots';
import { CATEGORIES, DISTRICTS, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SIGNUP_SOURCES } from '../src/local/demo/names';
import { Prng } from '../src/local/demo/prng';

// A center of any size for the benchmark, as the cells a person would have typed (Japanese
// labels, date cells, lists joined with 、), every tab of workbook.md filled with valid rows.
// The demo's generator (src/local/demo) plays one Kashiwa year through the use cases, which is
// right for the demo and far too slow for 500,000 activities; this one writes rows directly,
// from the demo's seeded PRNG and name lists, in one pass per tab.

export interface BenchSize {
  readonly name: string;
  readonly members: number;
  readonly activities: number;
  /** 設定's picker limits (会員一覧の上限, 仕事一覧の上限, 提供先一覧の上限) when not the defaults:
   *  the quick check's two centers sit on the same side of them, searching on the server as L does. */
  readonly listLimits?: { readonly members: number; readonly jobs: number; readonly clients: number };
}

export const SIZES: readonly BenchSize[] = [
  { name: 'S', members: 1_600, activities: 10_000 },
  { name: 'M', members: 20_000, activities: 200_000 },
  { name: 'L', members: 50_000, activities: 500_000 },
];

/** BENCH_QUICK: two small centers, enough to see whether a call count moves with size. Big enough
 *  that J00001's matches (one every matches/8 rows of マッチング, 12 columns) lie more than a round
 *  trip's worth of cells apart at both (50 ms at 31 µs a cell: rowBlocks, src/gas/read-cost.ts): rows found closer
 *  are read in one block, whose cells grow with the gap, so at 300 members a status change read
 *  more cells at the bigger center although it reads rows found by key. Few activities, which
 *  only the weekly figures and the growing calls read. */
export const QUICK_SIZES: readonly BenchSize[] = [
  { name: 'q1', members: 1_200, activities: 2_000, listLimits: { members: 500, jobs: 50, clients: 20 } },
  { name: 'q2', members: 3_600, activities: 6_000, listLimits: { members: 500, jobs: 50, clients: 20 } },
];

/** The instant the bench runs at: Monday 2025-03-10 09:00 in Tokyo, so the weekly run reports 03-03..03-09. */
export const BENCH_NOW = '2025-03-10T00:00:00Z';
export const BENCH_TODAY: CivilDate = '2025-03-10';
export const BENCH_USER = 'jc01@bench-center.example';
/** A response tab Google Forms would have made, registered in アンケート. */
export const SURVEY_SHEET = 'フォームの回答 2';
/** The survey's choice questions (アンケート 選択式の設問). */
export const SURVEY_CHOICES = '年代;性別;満足度;参加のきっかけ;よかった点';
/** Sessions still open for sign-up (after BENCH_TODAY), the same at every size. */
export const OPEN_SESSIONS = 4;

export interface BenchCenter {
  readonly size: BenchSize;
  /** Every tab as RawTable (header in Japanese, rows of domain cells), in the order they are loaded. */
  readonly tables: RawTable[];
  /** An open job to rank and place for, and a member to place. */
  readonly jobId: string;
  readonly memberId: string;
  /** Rows of マッチング (its IDs are X000001 … X<matchCount>). */
  readonly matchCount: number;
  readonly cells: number;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function header(def: TabDef): string[] {
  return def.columns.map((c) => c.ja);
}

function label<C extends string>(e: Enumeration<C>, code: C): string {
  return labelOf(e, code, 'ja');
}

/** The matches of J00001 (the job the bench's status changes are about), the same at every size. */
export const JOB_ONE_MATCHES = 8;
/** The activities naming member 1 (M000001), the same at every size. */
export const MEMBER_ONE_ACTIVITIES = 6;

export function generateBenchCenter(size: BenchSize, seed = 20250310): BenchCenter {
  const rng = new Prng(seed + size.members);
  const pick = <T>(xs: readonly T[]): T => rng.pick(xs);
  const n = size.members;
  const coordinators = 5 + Math.floor(n / 1_000);
  const clients = Math.max(20, Math.floor(n / 20));
  const jobs = Math.max(40, Math.floor(n / 10));
  const matches = n;
  const events = 40 + Math.floor(n / 500);
  const registrations = Math.floor(n / 2);
  const responses = Math.max(100, Math.floor(n / 5));

  // Five years of days up to today, once: rows pick from it instead of doing date arithmetic.
  const days: CivilDate[] = [];
  for (let d = addDays(BENCH_TODAY, -5 * 365); d <= BENCH_TODAY; d = addDays(d, 1)) days.push(d);
  const lastYear = days.slice(-365);
  const weekdays = lastYear.filter((d) => weekdayIndex(d) < 5);
  const dayIn = (from: number, to: number): CivilDate => days[rng.int(from, to)] as CivilDate;

  const jcs = Array.from({ length: coordinators }, (_, i) => `jc${pad(i + 1, 2)}@bench-center.example`);
  const coordinatorRows: Cell[][] = jcs.map((email, i) => [email, `コーディネータ ${i + 1}`, i === 0 ? '管理者' : 'コーディネータ', true]);
  coordinatorRows.push(['kanri@bench-center.example', '事務局長', '管理者', true]);

  const memberRows: Cell[][] = [];
  const memberIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `M${pad(i + 1, 6)}`;
    memberIds.push(id);
    const female = rng.chance(0.3);
    const [family, familyKana] = pick(FAMILY_NAMES);
    const [given, givenKana] = pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
    const categories = rng.sample(CATEGORIES, rng.int(1, 3));
    const skills = [...new Set(categories.flatMap((c) => c.skills))];
    const drawn = ALL_SLOTS.filter(() => rng.chance(0.3)).map((s) => slotLabel(s, 'ja'));
    const joined = dayIn(0, days.length - 1);
    const drawnLeft = rng.chance(0.08) ? dayIn(days.length - 365, days.length - 1) : null;
    // The member every bench operation places (memberId): enrolled and free every half day, so
    // placing them on J00001 is allowed at every size (the same random draws for everyone else).
    const slots = i === 0 ? ALL_SLOTS.map((s) => slotLabel(s, 'ja')) : drawn;
    const left = i === 0 ? null : drawnLeft;
    memberRows.push([
      id, `${family} ${given}`, `${familyKana} ${givenKana}`, label(GENDER, female ? 'female' : 'male'),
      dateCell(`${rng.int(1940, 1962)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`), dateCell(joined),
      left !== null && left > joined ? dateCell(left) : null, label(JOIN_ROUTE, pick(JOIN_ROUTE.codes)), pick(DISTRICTS),
      `04-71${pad(rng.int(30, 99), 2)}-${pad(rng.int(0, 9999), 4)}`, rng.chance(0.25) ? `${id.toLowerCase()}@example.jp` : null,
      skills.join('、'), categories.map((c) => c.category).join('、'), slots.join('、') || null, rng.int(2, 5),
      rng.sample(MOTIVATION.codes, rng.int(1, 2)).map((m) => label(MOTIVATION, m)).join('、'), rng.chance(0.92), null,
    ]);
  }

  const clientRows: Cell[][] = [];
  for (let i = 0; i < clients; i++) {
    const sector = pick(SECTOR.codes);
    clientRows.push([
      `C${pad(i + 1, 5)}`, `${pick(['株式会社', '有限会社', '社会福祉法人', 'NPO法人'])} ${pick(DISTRICTS)}${pad(i + 1, 4)}`, label(SECTOR, sector),
      pick(DISTRICTS), `${pick(FAMILY_NAMES)[0]} 様`, `04-71${pad(rng.int(30, 99), 2)}-${pad(rng.int(0, 9999), 4)}`, null,
      dateCell(dayIn(0, days.length - 1)), pick(jcs),
    ]);
  }

  const jobRows: Cell[][] = [];
  const jobIds: string[] = [];
  for (let i = 0; i < jobs; i++) {
    const id = `J${pad(i + 1, 5)}`;
    jobIds.push(id);
    const cat = pick(CATEGORIES);
    const created = dayIn(0, days.length - 30);
    const slots = rng.sample(ALL_SLOTS.slice(0, 10), rng.int(1, 4)).map((s) => slotLabel(s, 'ja'));
    const status = i === 0 ? 'open' : pick(JOB_STATUS.codes);
    jobRows.push([
      id, `C${pad(rng.int(1, clients), 5)}`, `${cat.category}の仕事 ${i + 1}`, cat.category, label(JOB_ENGAGEMENT, pick(JOB_ENGAGEMENT.codes)),
      cat.skills[0] ?? null, slots.join('、'), rng.int(1, 4), pick(DISTRICTS), dateCell(addDays(created, 14)), null,
      `時給 ${pick([950, 1000, 1050, 1100])}円`, rng.chance(0.4), label(JOB_STATUS, status), dateCell(created), pick(jcs),
    ]);
  }

  const activityRows: Cell[][] = [];
  // Days drawn first and sorted: the sidebar appends activities as they are logged, so the tab is
  // in time order, IDs rising with it (the sidebar's headline reads only its last rows).
  const activityDays = Array.from({ length: size.activities }, () => pick(weekdays)).sort();
  for (let i = 0; i < size.activities; i++) {
    const day = activityDays[i] as CivilDate;
    const area = pick(AREA.codes);
    activityRows.push([
      `A${pad(i + 1, 7)}`, dateCell(day), pick(jcs), label(AREA, area), label(ACTIVITY_KIND, pick(ACTIVITY_KIND.codes)),
      area === 'development' ? null : pick(memberIds), area === 'development' ? `C${pad(rng.int(1, clients), 5)}` : null,
      area === 'matching' ? pick(jobIds) : null, pick([10, 15, 20, 30, 60, 90]), rng.chance(0.3) ? '対応済み' : null, null,
      dateCell(`${day}T${pad(rng.int(9, 17), 2)}:${pad(rng.int(0, 59), 2)}:00`),
    ]);
  }

  // Member 1 (the member the bench places, follows up and whose activity it corrects) has the same
  // MEMBER_ONE_ACTIVITIES rows at every size, spread over the tab's first 70%: the writes that re-count them on
  // 継続支援's stored list read their rows of 活動記録 by key (one getValues per run of rows), so
  // their calls follow the member's own history, which is then the same at every size.
  const one = memberIds[0] as string;
  const other = memberIds[1] as string;
  const memberAt = ACTIVITIES_TAB.columns.findIndex((c) => c.key === 'member_id');
  // In the first 70% of the tab: never among its last rows, which undo_place searches (a window).
  const oneRows = new Set(Array.from({ length: MEMBER_ONE_ACTIVITIES }, (_, k) => Math.floor(((k + 0.5) * 0.7 * size.activities) / MEMBER_ONE_ACTIVITIES)));
  activityRows.forEach((row, i) => {
    if (oneRows.has(i)) row[memberAt] = one;
    else if (row[memberAt] === one) row[memberAt] = other;
  });

  // Placements and the pipeline around them; member 1 stays free so the bench can place them.
  // J00001, the job the bench places member 1 on, has JOB_ONE_MATCHES matches at every size, one
  // every `spread` rows (none next to another) and none placed (it has room): its status changes
  // then find the same rows at every size, as a real job's would whatever the center's size.
  const spread = Math.floor(matches / JOB_ONE_MATCHES);
  const jobOne = (i: number): boolean => i % spread === spread - 1 && i < spread * JOB_ONE_MATCHES;
  const JOB_ONE_STATUS = ['proposed', 'declined', 'ended', 'rejected'] as const;
  const otherJobs = jobIds.slice(1);
  const matchRows: Cell[][] = [];
  for (let i = 0; i < matches; i++) {
    const status = jobOne(i) ? JOB_ONE_STATUS[Math.floor(i / spread) % JOB_ONE_STATUS.length] ?? 'proposed' : pick(MATCH_STATUS.codes);
    const proposed = dayIn(days.length - 730, days.length - 8);
    const placed = status === 'placed' || status === 'ended' ? addDays(proposed, rng.int(1, 7)) : null;
    const ended = status === 'ended' && placed !== null ? addDays(placed, rng.int(1, 300)) : null;
    const consultation = !jobOne(i) && rng.chance(0.05);
    matchRows.push([
      `X${pad(i + 1, 6)}`, consultation ? null : jobOne(i) ? jobIds[0] ?? 'J00001' : pick(otherJobs), memberIds[rng.int(1, n - 1)] ?? 'M000002',
      label(MATCH_ENGAGEMENT, consultation ? 'consultation' : pick(JOB_ENGAGEMENT.codes)), label(MATCH_STATUS, status),
      dateCell(proposed), placed === null ? null : dateCell(placed), ended === null || ended > BENCH_TODAY ? null : dateCell(ended),
      pick(jcs), rng.int(40, 95), null,
    ]);
  }

  // Events: past sessions (closed) and OPEN_SESSIONS future ones with a few places taken.
  const eventRows: Cell[][] = [];
  for (let i = 0; i < events; i++) {
    const future = i >= events - OPEN_SESSIONS;
    const date = future ? addDays(BENCH_TODAY, 7 * (i - (events - OPEN_SESSIONS) + 1)) : dayIn(days.length - 730, days.length - 2);
    eventRows.push([
      `E${pad(i + 1, 4)}`, label(EVENT_KIND, i % 5 === 4 ? 'seminar' : 'orientation'), i % 5 === 4 ? '生きがいセミナー' : '入会説明会',
      dateCell(date), '13:30', `会場 ${(i % 7) + 1}`, 40, future ? '受付中' : '締切',
    ]);
  }
  const regRows: Cell[][] = [];
  for (let i = 0; i < registrations; i++) {
    // The last OPEN_SESSIONS × 10 sign-ups are for the open sessions (the same at every size).
    const openIndex = i - (registrations - OPEN_SESSIONS * 10);
    const eventNo = openIndex >= 0 ? events - OPEN_SESSIONS + Math.floor(openIndex / 10) : rng.int(1, events - OPEN_SESSIONS);
    const female = rng.chance(0.3);
    const [family, familyKana] = pick(FAMILY_NAMES);
    const [given, givenKana] = pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
    const day = openIndex >= 0 ? addDays(BENCH_TODAY, -rng.int(1, 20)) : dayIn(days.length - 740, days.length - 10);
    const attended = openIndex < 0 && rng.chance(0.85);
    regRows.push([
      `R${pad(i + 1, 6)}`, `E${pad(eventNo + (openIndex >= 0 ? 1 : 0), 4)}`, `${family} ${given}`, `${familyKana} ${givenKana}`,
      `04-72${pad(rng.int(10, 99), 2)}-${pad(i % 10000, 4)}`, rng.chance(0.5) ? `r${i + 1}@example.jp` : null, label(AGE_BAND, pick(AGE_BAND.codes)),
      label(GENDER, female ? 'female' : 'male'), pick(SIGNUP_SOURCES), dateCell(`${day}T${pad(rng.int(9, 20), 2)}:${pad(rng.int(0, 59), 2)}:00`),
      label(REGISTRATION_STATUS, 'confirmed'), attended, attended && rng.chance(0.6) ? pick(memberIds) : null, null, true, null,
    ]);
  }

  // Its choice questions named in アンケート, as a center with no Google Form to ask would (ご意見 is free text).
  const surveyRows: Cell[][] = [[SURVEY_SHEET, '入会説明会アンケート', responses * 2, '年代', null, SURVEY_CHOICES]];
  const responseHeader = ['タイムスタンプ', '年代', '性別', '満足度', '参加のきっかけ', 'よかった点', 'ご意見'];
  const responseRows: Cell[][] = [];
  for (let i = 0; i < responses; i++) {
    const day = pick(lastYear);
    responseRows.push([
      dateCell(`${day}T${pad(rng.int(10, 16), 2)}:${pad(rng.int(0, 59), 2)}:00`), label(AGE_BAND, pick(AGE_BAND.codes)),
      pick(['男性', '女性']), rng.int(1, 5), pick(SIGNUP_SOURCES), rng.sample(['説明が分かりやすい', '仕事の種類', '仲間づくり', '会場'], rng.int(1, 3)).join(', '),
      rng.chance(0.4) ? `感想 ${i + 1}: とても参考になりました。${pick(DISTRICTS)}から参加しました。` : '',
    ]);
  }

  const tables: RawTable[] = [
    { name: '設定', header: ['項目', '値'], rows: [['センター名', `ベンチ市シルバー人材センター（${size.name}）`], ['言語', 'ja'], ['タイムゾーン', 'Asia/Tokyo'], ['申込フォームID', null],
      ...(size.listLimits ? [['会員一覧の上限', size.listLimits.members], ['仕事一覧の上限', size.listLimits.jobs], ['提供先一覧の上限', size.listLimits.clients]] : [])] },
    { name: COORDINATORS_TAB.ja, header: header(COORDINATORS_TAB), rows: coordinatorRows },
    { name: MEMBERS_TAB.ja, header: header(MEMBERS_TAB), rows: memberRows },
    { name: CLIENTS_TAB.ja, header: header(CLIENTS_TAB), rows: clientRows },
    { name: JOBS_TAB.ja, header: header(JOBS_TAB), rows: jobRows },
    { name: ACTIVITIES_TAB.ja, header: header(ACTIVITIES_TAB), rows: activityRows },
    { name: MATCHES_TAB.ja, header: header(MATCHES_TAB), rows: matchRows },
    { name: EVENTS_TAB.ja, header: header(EVENTS_TAB), rows: eventRows },
    { name: REGISTRATIONS_TAB.ja, header: header(REGISTRATIONS_TAB), rows: regRows },
    { name: SURVEYS_TAB.ja, header: header(SURVEYS_TAB), rows: surveyRows },
    { name: SURVEY_SHEET, header: responseHeader, rows: responseRows },
  ];
  const cells = tables.reduce((s, t) => s + (t.rows.length + 1) * t.header.length, 0);
  return { size, tables, jobId: 'J00001', memberId: 'M000001', matchCount: matches, cells };
}
