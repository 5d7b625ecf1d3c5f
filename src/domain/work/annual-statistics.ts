import { inPeriod } from '../civil-date';
import type { JobEngagement, Sector } from '../enums';
import { isEnrolledOn } from '../kpi/members';
import type { Period } from '../kpi/period';
import { ageOn } from '../members/age';
import type { Client, Member, WorkRecord } from '../schema/tabs';
import { jobsById } from './jobs-by-id';
import { monthlyPay } from './monthly-pay';
import { rowsByMonth } from './rows-by-month';
import type { JobPricing } from './row-pay';

// The 年度統計 (issue 13 item 4): the figures a federation's yearly form (事業統計) asks of a
// center, for a fiscal year, laid out as that form lays them: members at the year's end by sex
// and age band; 就業実人員; 就業延人員 by engagement and by the client's sector; 契約金額; 就業率.
// Each line has the same four columns: 男性, 女性, その他・未回答, 計 (契約金額 has only 計).
// - Age is taken on the year's last day (the form's 年度末現在); no 生年月日 → 年齢不明.
// - 就業延人員 = distinct (member, day). A member who worked two kinds of work (or for clients of
//   two sectors) the same day counts once under each kind and once in 計, so a breakdown's lines
//   may add up to more than its 計 (the form counts person-days of each kind of work).
// - A job whose 契約形態 is blank is 請負 (as the monthly close takes it); a job whose client is
//   unknown or has no 業種 counts under 業種不明.
// - 契約金額 = Σ over the year's months of the bills (配分金 + 事務費, rounded per client-month) +
//   Σ 派遣 wages (per member-month): the sum of the twelve closes, as work.actual gives it.
// - 就業率 = 就業実人員 / members enrolled at the year's end, per sex, in percent to one decimal.

export const STAT_SEXES = ['male', 'female', 'other'] as const;
export type StatSex = (typeof STAT_SEXES)[number];

/** The form's age bands (年齢階層). */
export const AGE_BANDS = ['under_60', '60_64', '65_69', '70_74', '75_79', '80_84', '85_plus', 'unknown'] as const;
export type AgeBandCode = (typeof AGE_BANDS)[number];

export const STAT_ENGAGEMENTS: readonly JobEngagement[] = ['contract', 'mandate', 'dispatch', 'placement'];
export const STAT_SECTORS: readonly (Sector | 'unknown')[] = ['welfare', 'company', 'household', 'public', 'other', 'unknown'];

export type StatSection = 'members' | 'workers' | 'person_days_engagement' | 'person_days_sector' | 'contract_amount' | 'employment_rate';

/** One line of the form: its section, its item (an age band, an engagement, a sector or `total`). */
export interface StatLine {
  readonly section: StatSection;
  readonly item: string;
  /** By sex; null where the form asks for the total only. */
  readonly bySex: Readonly<Record<StatSex, number>> | null;
  readonly total: number;
}

export interface AnnualStatistics {
  readonly fiscalYear: number;
  readonly period: Period;
  readonly lines: readonly StatLine[];
}

export interface AnnualStatsInput {
  readonly members: readonly Pick<Member, 'member_id' | 'gender' | 'birth_date' | 'joined_on' | 'left_on'>[];
  readonly clients: readonly Pick<Client, 'client_id' | 'sector'>[];
  readonly jobs: readonly JobPricing[];
  readonly workLog: readonly WorkRecord[];
  readonly feeRate: number;
}

function ageBandOf(age: number | null): AgeBandCode {
  if (age === null) return 'unknown';
  if (age < 60) return 'under_60';
  if (age >= 85) return '85_plus';
  const low = 60 + Math.floor((age - 60) / 5) * 5;
  return `${low}_${low + 4}` as AgeBandCode;
}

const sexOf = (gender: Member['gender'] | undefined): StatSex => (gender === 'male' || gender === 'female' ? gender : 'other');

/** Counts by sex, with 計. */
class BySex {
  readonly n: Record<StatSex, number> = { male: 0, female: 0, other: 0 };
  add(sex: StatSex, k = 1): void { this.n[sex] += k; }
  line(section: StatSection, item: string): StatLine {
    return { section, item, bySex: { ...this.n }, total: this.n.male + this.n.female + this.n.other };
  }
}

function counter<K extends string>(keys: readonly K[]): Map<K, BySex> {
  return new Map(keys.map((k) => [k, new BySex()]));
}

export function annualStatistics(input: AnnualStatsInput, fiscalYear: number, period: Period): AnnualStatistics {
  const lines: StatLine[] = [];

  // 会員数（年度末）by age band and sex.
  const sexById = new Map<string, StatSex>();
  const bands = counter(AGE_BANDS);
  const enrolled = new BySex();
  for (const m of input.members) {
    sexById.set(m.member_id, sexOf(m.gender));
    if (!isEnrolledOn(m, period.to)) continue;
    const sex = sexOf(m.gender);
    bands.get(ageBandOf(ageOn(m.birth_date, period.to)))?.add(sex);
    enrolled.add(sex);
  }
  for (const band of AGE_BANDS) lines.push((bands.get(band) ?? new BySex()).line('members', band));
  lines.push(enrolled.line('members', 'total'));

  // 就業実人員 and 就業延人員 from the year's rows.
  const jobs = jobsById(input.jobs);
  const sectorOf = new Map(input.clients.map((c) => [c.client_id, c.sector]));
  const workers = new Set<string>();
  const days = new Set<string>();
  const daysByEngagement = new Set<string>();
  const daysBySector = new Set<string>();
  const workerCount = new BySex();
  const dayCount = new BySex();
  const engagementCount = counter(STAT_ENGAGEMENTS);
  const sectorCount = counter(STAT_SECTORS);
  const inYear: WorkRecord[] = [];
  for (const r of input.workLog) {
    if (!inPeriod(r.date, period.from, period.to)) continue;
    inYear.push(r);
    const sex = sexById.get(r.member_id) ?? 'other';
    if (!workers.has(r.member_id)) { workers.add(r.member_id); workerCount.add(sex); }
    const day = `${r.member_id}\u0000${r.date}`;
    if (!days.has(day)) { days.add(day); dayCount.add(sex); }
    const job = jobs.get(r.job_id);
    const engagement: JobEngagement = job?.engagement ?? 'contract';
    if (!daysByEngagement.has(`${day}\u0000${engagement}`)) { daysByEngagement.add(`${day}\u0000${engagement}`); engagementCount.get(engagement)?.add(sex); }
    const sector = (job?.client_id ? sectorOf.get(job.client_id) : null) ?? 'unknown';
    if (!daysBySector.has(`${day}\u0000${sector}`)) { daysBySector.add(`${day}\u0000${sector}`); sectorCount.get(sector)?.add(sex); }
  }
  lines.push(workerCount.line('workers', 'total'));
  for (const e of STAT_ENGAGEMENTS) lines.push((engagementCount.get(e) ?? new BySex()).line('person_days_engagement', e));
  lines.push(dayCount.line('person_days_engagement', 'total'));
  for (const s of STAT_SECTORS) lines.push((sectorCount.get(s) ?? new BySex()).line('person_days_sector', s));
  lines.push(dayCount.line('person_days_sector', 'total'));

  // 契約金額: the twelve closes' bills and wages.
  let billed = 0;
  let wages = 0;
  for (const [month, rows] of rowsByMonth(inYear)) {
    const pay = monthlyPay({ workLog: rows, jobs: input.jobs, feeRate: input.feeRate }, month);
    billed += pay.totals.billed;
    wages += pay.totals.wages;
  }
  lines.push({ section: 'contract_amount', item: 'allocation', bySex: null, total: billed });
  lines.push({ section: 'contract_amount', item: 'dispatch', bySex: null, total: wages });
  lines.push({ section: 'contract_amount', item: 'total', bySex: null, total: billed + wages });

  // 就業率 (%), to one decimal.
  const rate = (w: number, e: number): number => (e > 0 ? Math.round((w / e) * 1000) / 10 : 0);
  const enrolledTotal = enrolled.n.male + enrolled.n.female + enrolled.n.other;
  lines.push({
    section: 'employment_rate', item: 'total',
    bySex: { male: rate(workerCount.n.male, enrolled.n.male), female: rate(workerCount.n.female, enrolled.n.female), other: rate(workerCount.n.other, enrolled.n.other) },
    total: rate(workers.size, enrolledTotal),
  });
  return { fiscalYear, period, lines };
}
