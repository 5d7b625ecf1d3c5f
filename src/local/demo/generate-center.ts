import { addDays, daysBetween, weekdayIndex, type CivilDate } from '../../domain/civil-date';
import type { AgeBand, Area, ActivityKind, Engagement, Gender, JobEngagement, JoinRoute, Motivation, Sector } from '../../domain/enums';
import { MOTIVATION } from '../../domain/enums';
import type { Activity, Client, Coordinator, EventRecord, Job, Match, Member, Registration } from '../../domain/schema/tabs';
import { ALL_SLOTS, type Slot } from '../../domain/slots';
import {
  ENROLLED_AT_START, FY_END, FY_START, NEW_MEMBERS_BY_ROUTE, NEXT_ORIENTATIONS, ORIENTATIONS, PLACED_MEMBERS, RESIGNED,
  WOMEN_SESSION_JOINERS,
} from './kashiwa-2015';
import { CATEGORIES, DISTRICTS, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SIGNUP_SOURCES, SKILLS } from './names';
import { Prng } from './prng';

// The sample center, decided up front and deterministically from one seed: the roster on
// 2015-03-31, the clients and jobs of earlier years, the year's events, and the season's
// happenings day by day. The season runner then plays the happenings through the use cases.
// Who gets placed is NOT decided here: the runner asks the matching engine at the time.

export type ActivityDraft = Omit<Activity, 'activity_id' | 'recorded_at'>;

export type Happening =
  | { readonly kind: 'signup'; readonly date: CivilDate; readonly registration: Registration; readonly viaForm: boolean }
  | { readonly kind: 'attendance'; readonly date: CivilDate; readonly eventId: string; readonly attended: readonly string[] }
  | { readonly kind: 'close_event'; readonly date: CivilDate; readonly eventId: string }
  | { readonly kind: 'join'; readonly date: CivilDate; readonly member: Member; readonly registrationId: string | null }
  | { readonly kind: 'leave'; readonly date: CivilDate; readonly memberId: string }
  | { readonly kind: 'develop_client'; readonly date: CivilDate; readonly client: Client }
  | { readonly kind: 'open_job'; readonly date: CivilDate; readonly job: Job }
  | { readonly kind: 'propose'; readonly date: CivilDate; readonly jobId: string | null; readonly engagement: Engagement; readonly coordinator: string; readonly placeOn: CivilDate; readonly declineFirst: boolean; readonly headcount: number }
  | { readonly kind: 'activity'; readonly date: CivilDate; readonly activity: ActivityDraft };

export interface DemoCenter {
  readonly centerName: string;
  readonly manager: string;
  readonly coordinators: Coordinator[];
  readonly members: Member[];
  readonly clients: Client[];
  readonly jobs: Job[];
  readonly matches: Match[];
  readonly events: EventRecord[];
  /** Sorted by date; same-day happenings keep the order they were made in. */
  readonly season: Happening[];
}

export const DEMO_SEED = 20150401;
const DOMAIN = 'kashiwa-silver.example';

export const JCS: readonly { email: string; name: string; from: CivilDate }[] = [
  { email: `jc.ishii@${DOMAIN}`, name: '石井 真理子', from: '2014-04-01' },
  { email: `jc.okamoto@${DOMAIN}`, name: '岡本 浩二', from: '2014-04-01' },
  // The two JCs hired in May 2015 (H27年度: 既存のJC2名が新規雇用のJC2名のOJT教育を担当).
  { email: `jc.nishimura@${DOMAIN}`, name: '西村 由紀', from: '2015-05-11' },
  { email: `jc.hoshino@${DOMAIN}`, name: '星野 誠', from: '2015-05-11' },
];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The weekday on or after `day` (the center is closed on weekends). */
function weekdayOnOrAfter(day: CivilDate): CivilDate {
  let d = day;
  while (weekdayIndex(d) >= 5) d = addDays(d, 1);
  return d;
}

function lastDayOfMonth(year: number, month: number): CivilDate {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1, 2)}-01`;
  return addDays(next, -1);
}

/** Splits `total` over weights in whole numbers that add up exactly (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

class Builder {
  readonly rng = new Prng(DEMO_SEED);
  private memberSeq = 0;
  private clientSeq = 0;
  private jobSeq = 0;
  private matchSeq = 0;
  private regSeq = 0;
  readonly season: Happening[] = [];

  memberId(): string { return `M${pad(++this.memberSeq, 5)}`; }
  clientId(): string { return `C${pad(++this.clientSeq, 4)}`; }
  jobId(): string { return `J${pad(++this.jobSeq, 4)}`; }
  matchId(): string { return `T${pad(++this.matchSeq, 5)}`; }
  registrationId(): string { return `R${pad(++this.regSeq, 5)}`; }

  person(gender: Gender): { name: string; kana: string } {
    const [family, familyKana] = this.rng.pick(FAMILY_NAMES);
    const [given, givenKana] = this.rng.pick(gender === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
    return { name: `${family} ${given}`, kana: `${familyKana} ${givenKana}` };
  }

  phone(): string {
    return `04-71${pad(this.rng.int(30, 99), 2)}-${pad(this.rng.int(0, 9999), 4)}`;
  }

  /** Half-day slots a member offers: mostly weekdays, a few weekends. */
  availability(): Slot[] {
    const weekdaySlots = ALL_SLOTS.filter((s) => !s.startsWith('Sat') && !s.startsWith('Sun'));
    const n = this.rng.int(2, 7);
    const picked = new Set(this.rng.sample(weekdaySlots, n));
    if (this.rng.chance(0.15)) picked.add(this.rng.pick(['Sat-AM', 'Sat-PM', 'Sun-AM'] as const));
    return ALL_SLOTS.filter((s) => picked.has(s));
  }

  member(gender: Gender, joinedOn: CivilDate, route: JoinRoute, ageAtJoin: number, who?: { name: string; kana: string; phone: string; email: string }): Member {
    const person = who ?? { ...this.person(gender), phone: this.phone(), email: '' };
    const [y, m, d] = joinedOn.split('-').map(Number) as [number, number, number];
    const birthYear = y - ageAtJoin - (m < 4 ? 1 : 0);
    const birth = `${birthYear}-${pad(this.rng.int(1, 12), 2)}-${pad(this.rng.int(1, 28), 2)}`;
    void d;
    const categories = this.rng.sample(CATEGORIES, this.rng.int(1, 3));
    const skills = [...new Set(categories.flatMap((c) => this.rng.sample(c.skills, this.rng.int(1, c.skills.length))))];
    if (this.rng.chance(0.3)) skills.push(this.rng.pick(SKILLS));
    const motivations = this.rng.sample(MOTIVATION.codes, this.rng.int(1, 3)) as Motivation[];
    const id = this.memberId();
    return {
      member_id: id, name: person.name, kana: person.kana, gender, birth_date: birth, joined_on: joinedOn, left_on: null,
      join_route: route, district: this.rng.pick(DISTRICTS), phone: person.phone,
      email: person.email !== '' ? person.email : this.rng.chance(0.25) ? `${id.toLowerCase()}@example.jp` : '',
      skills: [...new Set(skills)], preferred_categories: categories.map((c) => c.category), availability: this.availability(),
      max_days_per_week: this.rng.int(2, 5), motivations: MOTIVATION.codes.filter((c) => motivations.includes(c)),
      consent: this.rng.chance(0.92), notes: '',
    };
  }

  /** A weekday somewhere in [from, to]. */
  dayBetween(from: CivilDate, to: CivilDate): CivilDate {
    const d = weekdayOnOrAfter(addDays(from, this.rng.int(0, Math.max(0, daysBetween(from, to)))));
    return d > to ? weekdayOnOrAfter(from) : d;
  }

  add(h: Happening): void {
    this.season.push(h);
  }
}

const SECTOR_CLIENTS: Readonly<Record<Sector, readonly string[]>> = {
  welfare: ['特別養護老人ホーム 柏の杜', 'デイサービス ひだまり', 'グループホーム 豊四季の家', '介護老人保健施設 あけぼの', '障害者支援施設 わかば園', '保育園 すくすく柏', '学童保育 なかよしクラブ'],
  company: ['株式会社 柏ロジスティクス', '東葛フーズ 株式会社', '柏の葉スマート管理 株式会社', '株式会社 北柏ビルサービス', '有限会社 南柏クリーニング', '株式会社 手賀沼ファーム', 'ホテル 柏セントラル'],
  household: ['個人宅（豊四季）', '個人宅（増尾）', '個人宅（光ケ丘）', '個人宅（逆井）', '個人宅（柏の葉）'],
  public: ['柏市 道路整備課', '柏市立図書館', '柏市 公園緑政課', '柏市 市民活動センター', '柏市 子育て支援課'],
  other: ['NPO法人 かしわ地域の輪', '柏神社 社務所', '自治会館（新柏）'],
};

interface JobTemplate { title: string; category: string; slots: Slot[]; pay: string; social: boolean }

function jobTemplate(b: Builder, sector: Sector): JobTemplate {
  const byCategory: Readonly<Record<string, readonly string[]>> = {
    '清掃': ['施設内清掃', '共用部清掃', '窓・床清掃'],
    '施設管理': ['施設受付・管理', '会議室管理', '夜間巡回'],
    '福祉・介護': ['配膳・下膳補助', '送迎車添乗', '入浴準備補助', '話し相手ボランティア'],
    '家事援助': ['家事援助（掃除・洗濯）', '買い物代行', '調理援助'],
    '植木・除草': ['植木剪定', '除草作業', '公園花壇管理'],
    '事務': ['データ入力', '書類整理', '封入・発送作業'],
    '子育て支援': ['学童見守り', '保育補助', '学習支援'],
    '運転': ['送迎運転', '配達運転'],
    '駐輪場': ['駐輪場整理'],
    '技能': ['襖・障子張り', '小修繕', '塗装補修'],
  };
  const fits: Readonly<Record<Sector, readonly string[]>> = {
    welfare: ['福祉・介護', '清掃', '運転', '子育て支援'],
    company: ['清掃', '施設管理', '事務', '運転'],
    household: ['家事援助', '植木・除草', '技能'],
    public: ['駐輪場', '植木・除草', '施設管理', '事務', '子育て支援'],
    other: ['施設管理', '清掃', '事務'],
  };
  const category = b.rng.pick(fits[sector]);
  const title = b.rng.pick(byCategory[category] ?? ['軽作業']);
  const days = b.rng.sample([0, 1, 2, 3, 4], b.rng.int(1, 3)).sort();
  const half = b.rng.chance(0.6) ? ['AM'] : b.rng.chance(0.5) ? ['PM'] : ['AM', 'PM'];
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
  const slots = days.flatMap((d) => half.map((h) => `${names[d]}-${h}` as Slot));
  const pay = `時給 ${b.rng.pick([900, 950, 1000, 1050, 1100])}円`;
  return { title, category, slots, pay, social: sector === 'welfare' || sector === 'public' };
}

export function generateCenter(): DemoCenter {
  const b = new Builder();
  const manager = `kanri@${DOMAIN}`;
  const coordinators: Coordinator[] = [
    { email: manager, name: '事務局長 柏木 正', role: 'manager', active: true },
    ...JCS.map((j) => ({ email: j.email, name: j.name, role: 'coordinator' as const, active: true })),
  ];

  // ---- the roster on 2015-03-31: 1,346 members, male 1,037, female 309 (joined 2000..2015).
  const members: Member[] = [];
  const genders: Gender[] = [...Array<Gender>(ENROLLED_AT_START.male).fill('male'), ...Array<Gender>(ENROLLED_AT_START.female).fill('female')];
  const rosterOrder = b.rng.sample(genders, genders.length);
  const routes: JoinRoute[] = ['orientation', 'orientation', 'orientation', 'referral', 'publicity', 'other'];
  const joinDays = rosterOrder.map(() => {
    // More recent years are more likely: members who joined long ago have often left.
    const year = 2015 - Math.floor(Math.pow(b.rng.next(), 1.6) * 15) - 1;
    return b.dayBetween(`${year}-04-01`, `${year + 1}-03-31`);
  }).sort();
  rosterOrder.forEach((g, i) => {
    const joined = joinDays[i] ?? '2010-04-01';
    members.push(b.member(g, joined > '2015-03-31' ? '2015-03-31' : joined, b.rng.pick(routes), b.rng.int(60, 72)));
  });

  // ---- clients and jobs of earlier years, and the placements still running.
  const clients: Client[] = [];
  const jobs: Job[] = [];
  const matches: Match[] = [];
  const sectors: Sector[] = ['welfare', 'company', 'household', 'public', 'other'];
  const usedNames = new Set<string>();
  const newClient = (sector: Sector, developedOn: CivilDate, by: string): Client => {
    const pool = SECTOR_CLIENTS[sector].filter((n) => !usedNames.has(n));
    const name = pool.length > 0 ? b.rng.pick(pool) : `${b.rng.pick(SECTOR_CLIENTS[sector])}（${b.rng.pick(DISTRICTS)}）`;
    usedNames.add(name);
    const contact = b.person(b.rng.chance(0.5) ? 'male' : 'female');
    return {
      client_id: b.clientId(), name, sector, district: b.rng.pick(DISTRICTS), contact_person: sector === 'household' ? '' : contact.name,
      phone: b.phone(), email: '', developed_on: developedOn, developed_by: by,
    };
  };
  for (let i = 0; i < 18; i++) {
    clients.push(newClient(sectors[i % 5] ?? 'company', b.dayBetween('2008-04-01', '2015-03-20'), i % 3 === 0 ? JCS[i % 2]?.email ?? '' : ''));
  }
  const makeJob = (client: Client, engagement: JobEngagement, createdOn: CivilDate, headcount: number, coordinator: string): Job => {
    const t = jobTemplate(b, client.sector ?? 'company');
    return {
      job_id: b.jobId(), client_id: client.client_id, title: t.title, category: t.category, engagement,
      required_skills: CATEGORIES.find((c) => c.category === t.category)?.skills.slice(0, 1) ?? [], slots: t.slots, headcount,
      district: client.district, start_on: addDays(createdOn, 14), end_on: null, pay: t.pay, social_contribution: t.social,
      status: 'open', created_on: createdOn, coordinator,
    };
  };
  const enrolledBefore = members.filter((m) => m.joined_on < '2015-01-01');
  const busy = new Set<string>();
  for (let i = 0; i < 36; i++) {
    const client = clients[i % clients.length] as Client;
    const job = makeJob(client, i % 4 === 0 ? 'dispatch' : 'contract', b.dayBetween('2012-04-01', '2015-02-27'), b.rng.int(2, 5), JCS[i % 2]?.email ?? '');
    jobs.push(job);
    const team = b.rng.sample(enrolledBefore.filter((m) => !busy.has(m.member_id) && m.consent && m.joined_on <= (job.created_on ?? '')), job.headcount ?? 1);
    team.forEach((m) => {
      busy.add(m.member_id);
      const createdOn = job.created_on ?? '2014-04-01';
      const placedOn = b.dayBetween(addDays(createdOn, 7), addDays(createdOn, 30));
      const ended = b.rng.chance(0.2);
      matches.push({
        match_id: b.matchId(), job_id: job.job_id, member_id: m.member_id, engagement: job.engagement ?? 'contract',
        status: ended ? 'ended' : 'placed', proposed_on: addDays(placedOn, -7), placed_on: placedOn,
        ended_on: ended ? b.dayBetween(addDays(placedOn, 30), '2015-03-27') : null, coordinator: job.coordinator, fit_score: null, notes: '',
      });
    });
    job.status = team.length >= (job.headcount ?? 1) ? 'filled' : 'open';
  }

  // ---- resignations during the year: 90 men and 30 women of the roster, never one still working.
  const free = members.filter((m) => !busy.has(m.member_id));
  const months: [number, number][] = [[2015, 4], [2015, 5], [2015, 6], [2015, 7], [2015, 8], [2015, 9], [2015, 10], [2015, 11], [2015, 12], [2016, 1], [2016, 2], [2016, 3]];
  for (const g of ['male', 'female'] as const) {
    b.rng.sample(free.filter((m) => m.gender === g), RESIGNED[g]).forEach((m, i) => {
      const [y, mo] = months[i % 12] as [number, number];
      b.add({ kind: 'leave', date: lastDayOfMonth(y, mo), memberId: m.member_id });
    });
  }

  // ---- events: the year's orientations with their attendance, and next year's first two.
  const events: EventRecord[] = [];
  ORIENTATIONS.forEach((o, i) => {
    events.push({
      event_id: `E${pad(i + 1, 3)}`, kind: 'orientation', title: o.womenOnly ? '入会説明会（女性）' : '入会説明会', date: o.date,
      start_time: '13:30', venue: o.venue, capacity: o.attendees > 40 ? 60 : 40, status: 'open',
    });
  });
  NEXT_ORIENTATIONS.forEach((o, i) => {
    events.push({
      event_id: `E${pad(ORIENTATIONS.length + i + 1, 3)}`, kind: 'orientation', title: '入会説明会', date: o.date, start_time: '13:30',
      venue: '柏市センター会議室', capacity: o.capacity, status: 'open',
    });
  });

  const jcOn = (day: CivilDate, k: number): string => {
    const active = JCS.filter((j) => j.from <= day);
    return (active[k % active.length] ?? JCS[0])?.email ?? '';
  };

  // ---- orientations: sign-ups, attendance, and who joins afterwards (230: 160 men, 70 women).
  const others = ORIENTATIONS.map((o) => (o.womenOnly ? 0 : o.attendees));
  const joiners = ORIENTATIONS.map((o, i) => (o.womenOnly ? WOMEN_SESSION_JOINERS : 0) + (apportion(NEW_MEMBERS_BY_ROUTE.orientation.male + NEW_MEMBERS_BY_ROUTE.orientation.female - WOMEN_SESSION_JOINERS, others)[i] ?? 0));
  const womenJoiners = apportion(NEW_MEMBERS_BY_ROUTE.orientation.female - WOMEN_SESSION_JOINERS, joiners.map((j, i) => (ORIENTATIONS[i]?.womenOnly ? 0 : j)));
  const joins: { date: CivilDate; route: JoinRoute; gender: Gender; registration: Registration | null }[] = [];
  const ageBands: AgeBand[] = ['50s', 'early_60s', 'early_60s', 'late_60s', 'late_60s', '70s'];
  ORIENTATIONS.forEach((o, i) => {
    const eventId = `E${pad(i + 1, 3)}`;
    const noShows = Math.round(o.attendees * 0.1);
    const registrations: Registration[] = [];
    const joining = joiners[i] ?? 0;
    const women = o.womenOnly ? joining : (womenJoiners[i] ?? 0);
    for (let r = 0; r < o.attendees + noShows; r++) {
      // The first `joining` attendees are the ones who join; the first `women` of those are women.
      const gender: Gender = o.womenOnly ? 'female' : r < joining ? (r < women ? 'female' : 'male') : b.rng.chance(0.22) ? 'female' : 'male';
      const person = b.person(gender);
      const viaForm = b.rng.chance(0.6);
      const registeredOn = weekdayOnOrAfter(addDays(o.date, -b.rng.int(5, 20)));
      const registrationId = b.registrationId();
      const registration: Registration = {
        registration_id: registrationId, event_id: eventId, name: person.name, kana: person.kana, phone: b.phone(),
        email: viaForm ? `${person.kana.length}${pad(b.rng.int(0, 9999), 4)}@example.jp` : '', age_band: b.rng.pick(ageBands), gender,
        source: b.rng.pick(SIGNUP_SOURCES), registered_at: `${registeredOn}T${pad(b.rng.int(9, 20), 2)}:${pad(b.rng.int(0, 59), 2)}:00`,
        status: 'confirmed', attended: false, member_id: '', response_id: viaForm ? `resp-${registrationId}` : '',
        consent: true, notes: '',
      };
      registrations.push(registration);
      b.add({ kind: 'signup', date: registeredOn, registration, viaForm });
    }
    const attended = registrations.slice(0, o.attendees);
    b.add({ kind: 'attendance', date: o.date, eventId, attended: attended.map((r) => r.registration_id) });
    b.add({ kind: 'close_event', date: o.date, eventId });
    b.add({ kind: 'activity', date: o.date, activity: activity(eventId, o.date, jcOn(o.date, i), 'recruitment', 'orientation', 150, `参加 ${o.attendees}人`) });
    b.add({ kind: 'activity', date: o.date, activity: activity(eventId, o.date, jcOn(o.date, i + 1), 'recruitment', 'orientation', 150, '') });
    attended.slice(0, joining).forEach((r) => {
      const day = weekdayOnOrAfter(addDays(o.date, b.rng.int(7, 13)));
      joins.push({ date: day > FY_END ? FY_END : day, route: 'orientation', gender: r.gender ?? 'male', registration: r });
    });
  });
  // Sign-ups for next year's sessions arrive in March.
  NEXT_ORIENTATIONS.forEach((o, i) => {
    const eventId = `E${pad(ORIENTATIONS.length + i + 1, 3)}`;
    for (let r = 0; r < 12 - i * 5; r++) {
      const gender: Gender = b.rng.chance(0.25) ? 'female' : 'male';
      const person = b.person(gender);
      const day = b.dayBetween('2016-03-07', '2016-03-31');
      const registrationId = b.registrationId();
      const registration: Registration = {
        registration_id: registrationId, event_id: eventId, name: person.name, kana: person.kana, phone: b.phone(),
        email: `${person.kana.length}${pad(b.rng.int(0, 9999), 4)}@example.jp`, age_band: b.rng.pick(ageBands), gender,
        source: b.rng.pick(SIGNUP_SOURCES), registered_at: `${day}T${pad(b.rng.int(9, 20), 2)}:${pad(b.rng.int(0, 59), 2)}:00`,
        status: 'confirmed', attended: false, member_id: '', response_id: `resp-${registrationId}`, consent: true, notes: '',
      };
      b.add({ kind: 'signup', date: day, registration, viaForm: true });
    }
  });

  // ---- the other routes: 窓口 63, 紹介 60, 広報 30, その他 14, spread over the year's weekdays.
  for (const route of ['window', 'referral', 'publicity', 'other'] as const) {
    const split = NEW_MEMBERS_BY_ROUTE[route];
    const genders2: Gender[] = b.rng.sample([...Array<Gender>(split.male).fill('male'), ...Array<Gender>(split.female).fill('female')], split.male + split.female);
    genders2.forEach((g) => joins.push({ date: b.dayBetween('2015-04-02', FY_END), route, gender: g, registration: null }));
  }
  joins.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  joins.forEach((j, k) => {
    const who = j.registration
      ? { name: j.registration.name, kana: j.registration.kana, phone: j.registration.phone, email: j.registration.email }
      : undefined;
    const ageBandAge: Readonly<Record<string, number>> = { '50s': 58, early_60s: 62, late_60s: 67, '70s': 71, '80_plus': 80 };
    const age = j.registration ? (ageBandAge[j.registration.age_band ?? 'early_60s'] ?? 62) : b.rng.int(60, 70);
    const m = b.member(j.gender, j.date, j.route, age, who);
    // New members have just given their consent for the talent database (人材データベース).
    m.consent = true;
    b.add({ kind: 'join', date: j.date, member: m, registrationId: j.registration?.registration_id ?? null });
    if (j.route === 'window') {
      b.add({ kind: 'activity', date: j.date, activity: { ...activity('', j.date, jcOn(j.date, k), 'recruitment', 'consultation', 45, 'セカンドライフ応援窓口から'), member_id: m.member_id } });
    }
  });

  // ---- the year's job development and placements: 派遣 37, 職業紹介 9, 請負 16 positions, 就労相談 10.
  const fyClients: Client[] = [];
  for (let i = 0; i < 14; i++) {
    const day = b.dayBetween(addDays(FY_START, i * 24), addDays(FY_START, i * 24 + 20));
    const by = jcOn(day, i);
    const client = newClient(sectors[(i * 2) % 5] ?? 'welfare', day, by);
    fyClients.push(client);
    b.add({ kind: 'develop_client', date: day, client });
    b.add({ kind: 'activity', date: day, activity: { ...activity('', day, by, 'development', 'visit', 90, '新規開拓'), client_id: client.client_id } });
  }
  const positions: [JobEngagement, number][] = [['dispatch', PLACED_MEMBERS.dispatch], ['placement', PLACED_MEMBERS.placement], ['contract', PLACED_MEMBERS.contract]];
  const fyJobs: { engagement: JobEngagement; headcount: number; fill: number }[] = [];
  for (const [engagement, total] of positions) {
    let left = total;
    while (left > 0) {
      const headcount = Math.min(left, engagement === 'placement' ? 1 : b.rng.int(1, 4));
      left -= headcount;
      fyJobs.push({ engagement, headcount, fill: headcount });
    }
  }
  // Unfilled openings too: a real desk always has some (募集中, some of them stale).
  for (let i = 0; i < 9; i++) fyJobs.push({ engagement: i % 3 === 0 ? 'contract' : 'dispatch', headcount: b.rng.int(1, 2), fill: 0 });
  const order = b.rng.sample(fyJobs.map((_, i) => i), fyJobs.length);
  order.forEach((idx, k) => {
    const spec = fyJobs[idx];
    if (!spec) return;
    const span = daysBetween('2015-04-08', '2016-02-19');
    const created = weekdayOnOrAfter(addDays('2015-04-08', Math.floor((k * span) / order.length)));
    const client = k % 3 === 0 ? (fyClients[Math.min(fyClients.length - 1, Math.floor((k / order.length) * fyClients.length))] as Client) : b.rng.pick(clients);
    const coordinator = jcOn(created, k);
    const job = makeJob(client.developed_on && client.developed_on > created ? (clients[k % clients.length] as Client) : client, spec.engagement, created, spec.headcount, coordinator);
    b.add({ kind: 'open_job', date: created, job });
    b.add({ kind: 'activity', date: created, activity: { ...activity('', created, coordinator, 'development', 'proposal', 60, '業務提案'), client_id: job.client_id, job_id: job.job_id } });
    for (let p = 0; p < spec.fill; p++) {
      const proposed = weekdayOnOrAfter(addDays(created, b.rng.int(3, 10)));
      const placeOn = weekdayOnOrAfter(addDays(proposed, b.rng.int(5, 12)));
      b.add({ kind: 'propose', date: proposed, jobId: job.job_id, engagement: spec.engagement, coordinator, placeOn, declineFirst: (k + p) % 4 === 0, headcount: spec.headcount });
    }
  });
  for (let i = 0; i < PLACED_MEMBERS.consultation; i++) {
    const day = weekdayOnOrAfter(addDays('2015-05-11', i * 30));
    b.add({ kind: 'propose', date: day, jobId: null, engagement: 'consultation', coordinator: jcOn(day, i), placeOn: day, declineFirst: false, headcount: 1 });
  }

  // ---- the background of a JC's week: calls to clients, follow-up calls to working members.
  for (let day = FY_START; day <= FY_END; day = addDays(day, 1)) {
    if (weekdayIndex(day) >= 5) continue;
    const active = JCS.filter((j) => j.from <= day);
    active.forEach((jc, k) => {
      if (b.rng.chance(0.55)) {
        const client = b.rng.pick(clients);
        b.add({ kind: 'activity', date: day, activity: { ...activity('', day, jc.email, 'development', b.rng.chance(0.7) ? 'call' : 'visit', b.rng.pick([15, 20, 30, 60]), ''), client_id: client.client_id } });
      }
      if (b.rng.chance(0.35)) {
        const match = b.rng.pick(matches.filter((m) => m.status === 'placed'));
        b.add({ kind: 'activity', date: day, activity: { ...activity('', day, jc.email, 'follow_up', 'follow_up_contact', b.rng.pick([10, 15, 20]), ''), member_id: match.member_id, job_id: match.job_id ?? '' } });
      }
      if (k === 0 && b.rng.chance(0.3)) {
        b.add({ kind: 'activity', date: day, activity: activity('', day, jc.email, 'recruitment', 'call', 20, '説明会の問い合わせ') });
      }
    });
  }

  const rank: Readonly<Record<Happening['kind'], number>> = {
    leave: 0, develop_client: 1, open_job: 2, signup: 3, attendance: 4, close_event: 5, join: 6, propose: 7, activity: 8,
  };
  b.season.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : rank[x.kind] - rank[y.kind]));
  return { centerName: '柏市シルバー人材センター（デモ）', manager, coordinators, members, clients, jobs, matches, events, season: b.season };
}

function activity(eventNote: string, date: CivilDate, coordinator: string, area: Area, kind: ActivityKind, minutes: number, outcome: string): ActivityDraft {
  return { date, coordinator, area, kind, member_id: '', client_id: '', job_id: '', minutes, outcome, notes: eventNote ? `イベント ${eventNote}` : '' };
}
