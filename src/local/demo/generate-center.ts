import { addDays, daysBetween, weekdayIndex, type CivilDate } from '../../domain/civil-date';
import type { AgeBand, Area, ActivityKind, Engagement, Gender, JobEngagement, JoinRoute, Motivation, Sector } from '../../domain/enums';
import { MOTIVATION } from '../../domain/enums';
import type { Activity, Client, Coordinator, EventRecord, Job, Match, Member } from '../../domain/schema/tabs';
import { signupFormSpec } from '../../domain/signup/form-spec';
import { ALL_SLOTS, type Slot } from '../../domain/slots';
import {
  ENROLLED_AT_START, FY_END, FY_START, NEW_MEMBERS_BY_ROUTE, NEXT_ORIENTATIONS, ORIENTATIONS, PLACED_MEMBERS, RESIGNED,
  WOMEN_SESSION_JOINERS,
} from './kashiwa-2015';
import { CATEGORIES, DISTRICTS, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SKILLS } from './names';
import { Prng } from './prng';
import { planSession } from './session-plan';

// The sample center, decided up front and deterministically from one seed: the roster on
// 2015-03-31, the clients and jobs of earlier years, the year's events, and the season's
// happenings day by day. The season runner then plays the happenings through the use cases.
// Who gets placed is NOT decided here: the runner asks the matching engine at the time.

export type ActivityDraft = Omit<Activity, 'activity_id' | 'recorded_at' | 'status'>;

/** One person's answers to the sign-up form, as they will send them. Phone sign-ups are typed
 *  into the same form by the coordinator who took the call (no e-mail, so no mail). */
export interface SignupDraft {
  /** The demo's own reference to this answer; the add-in numbers the 申込 row itself. */
  readonly ref: string;
  readonly eventId: string;
  /** When the answer is sent, as the response tab writes it: `2015/03/25 19:04:31`. */
  readonly timestamp: string;
  readonly name: string;
  readonly kana: string;
  readonly phone: string;
  readonly email: string;
  readonly ageBand: AgeBand;
  /** The form's 性別 answer: 男性, 女性 or 答えない. */
  readonly genderAnswer: string;
  /** The form's きっかけ answer. */
  readonly source: string;
  /** First sent without the consent box ticked (kept as 要確認), then again with it. */
  readonly forgotConsentFirst: boolean;
  /** Apps Script fires the submit trigger twice for this answer. */
  readonly deliveredTwice: boolean;
  /** Sent by someone who opened the form before the session filled: it goes on the waitlist. */
  readonly late: boolean;
}

export type Happening =
  | { readonly kind: 'signup'; readonly date: CivilDate; readonly draft: SignupDraft }
  | { readonly kind: 'cancel'; readonly date: CivilDate; readonly ref: string; readonly coordinator: string }
  | { readonly kind: 'attendance'; readonly date: CivilDate; readonly eventId: string; readonly attended: readonly string[]; readonly coordinator: string }
  | { readonly kind: 'close_event'; readonly date: CivilDate; readonly eventId: string }
  /** `ref` names the sign-up of someone joining after an orientation; null for the other routes. */
  | { readonly kind: 'join'; readonly date: CivilDate; readonly member: Member; readonly ref: string | null; readonly coordinator: string }
  | { readonly kind: 'leave'; readonly date: CivilDate; readonly memberId: string }
  /** The year's new client and job, registered through the 開拓 panel: their IDs here are the
   *  generator's references, which the runner maps to the IDs the panel gives. */
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
const SIGNUP_AGE_BANDS: readonly AgeBand[] = ['50s', 'early_60s', 'early_60s', 'late_60s', 'late_60s', '70s'];
/** きっかけ as the form offers it (its choices are fixed; the session choices are not). */
const FORM_SOURCES: readonly string[] = signupFormSpec('ja', '', []).questions.find((q) => q.key === 'source')?.choices ?? [];
const DOMAIN = 'kashiwa-silver.example';
/** Orientations with at least this many attendees fill their room (4/7, 6/15, 8/25, 3/15). */
const FILLS_FROM = 32;

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
  private signupSeq = 0;
  private readonly signupPhones = new Set<string>();
  private readonly signupEmails = new Set<string>();
  readonly season: Happening[] = [];

  memberId(): string { return `M${pad(++this.memberSeq, 5)}`; }
  clientId(): string { return `C${pad(++this.clientSeq, 4)}`; }
  jobId(): string { return `J${pad(++this.jobSeq, 4)}`; }
  matchId(): string { return `T${pad(++this.matchSeq, 5)}`; }
  signupRef(): string { return `S${pad(++this.signupSeq, 4)}`; }

  person(gender: Gender): { name: string; kana: string } {
    const [family, familyKana] = this.rng.pick(FAMILY_NAMES);
    const [given, givenKana] = this.rng.pick(gender === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
    return { name: `${family} ${given}`, kana: `${familyKana} ${givenKana}` };
  }

  phone(): string {
    return `04-71${pad(this.rng.int(30, 99), 2)}-${pad(this.rng.int(0, 9999), 4)}`;
  }

  /** A phone number no other sign-up used: the form takes a second answer with the same number
   *  for the same session as the same person, and would rightly not add it. */
  signupPhone(): string {
    let phone = this.phone();
    while (this.signupPhones.has(phone)) phone = this.phone();
    this.signupPhones.add(phone);
    return phone;
  }

  signupEmail(kana: string): string {
    let email = '';
    do email = `${kana.length}${pad(this.rng.int(0, 9999), 4)}@example.jp`; while (this.signupEmails.has(email));
    this.signupEmails.add(email);
    return email;
  }

  /** The form's timestamp text for a moment of `day` in opening hours: `2015/03/25 19:04:31`. */
  stamp(day: CivilDate): string {
    return `${day.replace(/-/g, '/')} ${pad(this.rng.int(9, 20), 2)}:${pad(this.rng.int(0, 59), 2)}:${pad(this.rng.int(0, 59), 2)}`;
  }

  /** One person's form answers for `eventId`, sent at `timestamp`. */
  signup(eventId: string, timestamp: string, gender: Gender, flags: Partial<Pick<SignupDraft, 'forgotConsentFirst' | 'deliveredTwice' | 'late'>> = {}): SignupDraft {
    const person = this.person(gender);
    // About four in ten sign up by phone; the coordinator fills in the form for them.
    const byPhone = this.rng.chance(0.4);
    return {
      ref: this.signupRef(), eventId, name: person.name, kana: person.kana, phone: this.signupPhone(),
      email: byPhone ? '' : this.signupEmail(person.kana), ageBand: this.rng.pick(SIGNUP_AGE_BANDS),
      genderAnswer: this.rng.chance(0.05) ? '答えない' : gender === 'female' ? '女性' : '男性',
      source: byPhone && this.rng.chance(0.5) ? 'センターの窓口' : this.rng.pick(FORM_SOURCES),
      timestamp,
      forgotConsentFirst: flags.forgotConsentFirst ?? false, deliveredTwice: flags.deliveredTwice ?? false, late: flags.late ?? false,
    };
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
      consent: this.rng.chance(0.92), notes: '', leave_reason: null,
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

interface JobTemplate { title: string; category: string; slots: Slot[]; pay: string; hourly: number; social: boolean }

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
  const hourly = b.rng.pick([900, 950, 1000, 1050, 1100]);
  return { title, category, slots, pay: `時給 ${hourly}円`, hourly, social: sector === 'welfare' || sector === 'public' };
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
      // 単価 is the 報酬's hourly rate (the monthly close pays 時間 × 単価); a 職業紹介 job has none:
      // the employer pays, the center only counts the work.
      unit_price: engagement === 'placement' ? null : t.hourly, unit: engagement === 'placement' ? null : 'hour',
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
        ended_on: ended ? b.dayBetween(addDays(placedOn, 30), '2015-03-27') : null, coordinator: job.coordinator, fit_score: null, notes: '', slots: [],
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
  const joins: { date: CivilDate; route: JoinRoute; gender: Gender; draft: SignupDraft | null }[] = [];
  ORIENTATIONS.forEach((o, i) => {
    const eventId = `E${pad(i + 1, 3)}`;
    const capacity = events[i]?.capacity ?? 40;
    const joining = joiners[i] ?? 0;
    // The well-attended sessions fill up: late answers wait, and a cancellation promotes one.
    const plan = planSession(b.rng, {
      attendees: o.attendees, capacity, fills: o.attendees >= FILLS_FROM, joining, women: o.womenOnly ? joining : (womenJoiners[i] ?? 0),
    });
    // Answers arrive over the three weeks before the session, in the plan's order.
    const stamps = plan.roles.map(() => b.stamp(weekdayOnOrAfter(addDays(o.date, -b.rng.int(5, 20))))).sort();
    const drafts = plan.roles.map((role, p) => {
      const gender: Gender = o.womenOnly || plan.womanJoiner[p] ? 'female' : role === 'joiner' ? 'male' : b.rng.chance(0.22) ? 'female' : 'male';
      const draft = b.signup(eventId, stamps[p] ?? b.stamp(o.date), gender, {
        late: role === 'waitlisted' || p >= capacity,
        forgotConsentFirst: i % 6 === 2 && p === 3,
        deliveredTwice: i % 5 === 1 && p === 5,
      });
      return { draft, role, gender };
    });
    for (const d of drafts) b.add({ kind: 'signup', date: dayOf(d.draft), draft: d.draft });
    // Cancellations come by phone after the last answer, before the session.
    const lastDay = dayOf(drafts[drafts.length - 1]?.draft) ?? o.date;
    const cancelDay = weekdayOnOrAfter(addDays(lastDay, 1)) < o.date ? weekdayOnOrAfter(addDays(lastDay, 1)) : lastDay;
    for (const d of drafts) if (d.role === 'cancels') b.add({ kind: 'cancel', date: cancelDay, ref: d.draft.ref, coordinator: jcOn(cancelDay, i) });
    const present = drafts.filter((d) => d.role === 'joiner' || d.role === 'attendee');
    b.add({ kind: 'attendance', date: o.date, eventId, attended: present.map((d) => d.draft.ref), coordinator: jcOn(o.date, i) });
    b.add({ kind: 'close_event', date: o.date, eventId });
    b.add({ kind: 'activity', date: o.date, activity: activity(eventId, o.date, jcOn(o.date, i), 'recruitment', 'orientation', 150, `参加 ${o.attendees}人`) });
    b.add({ kind: 'activity', date: o.date, activity: activity(eventId, o.date, jcOn(o.date, i + 1), 'recruitment', 'orientation', 150, '') });
    for (const d of present.filter((x) => x.role === 'joiner')) {
      const day = weekdayOnOrAfter(addDays(o.date, b.rng.int(7, 13)));
      joins.push({ date: day > FY_END ? FY_END : day, route: 'orientation', gender: d.gender, draft: d.draft });
    }
  });
  // Sign-ups for next year's sessions arrive in March.
  NEXT_ORIENTATIONS.forEach((_o, i) => {
    const eventId = `E${pad(ORIENTATIONS.length + i + 1, 3)}`;
    const stamps = Array.from({ length: 12 - i * 5 }, () => b.stamp(b.dayBetween('2016-03-07', '2016-03-31'))).sort();
    for (const stamp of stamps) {
      const draft = b.signup(eventId, stamp, b.rng.chance(0.25) ? 'female' : 'male', { deliveredTwice: stamp === stamps[2] });
      b.add({ kind: 'signup', date: dayOf(draft), draft });
    }
  });

  // ---- the other routes: 窓口 63, 紹介 60, 広報 30, その他 14, spread over the year's weekdays.
  for (const route of ['window', 'referral', 'publicity', 'other'] as const) {
    const split = NEW_MEMBERS_BY_ROUTE[route];
    const genders2: Gender[] = b.rng.sample([...Array<Gender>(split.male).fill('male'), ...Array<Gender>(split.female).fill('female')], split.male + split.female);
    genders2.forEach((g) => joins.push({ date: b.dayBetween('2015-04-02', FY_END), route, gender: g, draft: null }));
  }
  joins.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  joins.forEach((j, k) => {
    const who = j.draft ? { name: j.draft.name, kana: j.draft.kana, phone: j.draft.phone, email: j.draft.email } : undefined;
    const ageBandAge: Readonly<Record<string, number>> = { '50s': 58, early_60s: 62, late_60s: 67, '70s': 71, '80_plus': 80 };
    const age = j.draft ? (ageBandAge[j.draft.ageBand] ?? 62) : b.rng.int(60, 70);
    const m = b.member(j.gender, j.date, j.route, age, who);
    // New members have just given their consent for the talent database (人材データベース).
    m.consent = true;
    b.add({ kind: 'join', date: j.date, member: m, ref: j.draft?.ref ?? null, coordinator: jcOn(j.date, k) });
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
    leave: 0, develop_client: 1, open_job: 2, signup: 3, cancel: 4, attendance: 5, close_event: 6, join: 7, propose: 8, activity: 9,
  };
  b.season.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : rank[x.kind] - rank[y.kind]));
  return { centerName: '柏市シルバー人材センター（デモ）', manager, coordinators, members, clients, jobs, matches, events, season: b.season };
}

/** The civil day an answer is sent. */
function dayOf(draft: SignupDraft): CivilDate;
function dayOf(draft: SignupDraft | undefined): CivilDate | undefined;
function dayOf(draft: SignupDraft | undefined): CivilDate | undefined {
  return draft?.timestamp.slice(0, 10).replace(/\//g, '-');
}

function activity(eventNote: string, date: CivilDate, coordinator: string, area: Area, kind: ActivityKind, minutes: number, outcome: string): ActivityDraft {
  return { date, coordinator, area, kind, member_id: '', client_id: '', job_id: '', minutes, outcome, notes: eventNote ? `イベント ${eventNote}` : '' };
}
