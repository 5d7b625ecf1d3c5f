import type { Job } from '../schema/tabs';
import type { RankedMember } from './types';
import type { SkillVocabulary } from '../skills/vocabulary';
import type { Reason } from './types';
import { slotsOf } from './slot-bits';

// The 0–100 fit score (issue 4): five parts, each with a reason a coordinator can read.
export const WEIGHTS = { skills: 30, slots: 25, district: 15, ikigai: 15, fairness: 15 } as const;

/** Ikigai fit: the job's social contribution × 社会貢献, the job's category among the member's
 *  preferred ones, and one other motivation the job serves. 6 + 6 + 3 = WEIGHTS.ikigai. */
export const IKIGAI_POINTS = { contribution: 6, category: 6, other: 3 } as const;

/** Recent work days at which fairness reaches 0: half of the 90-day window. */
export const FAIRNESS_ZERO_AT = 45;
/** Up to this many recent days the reason says the member has worked little. */
export const FEW_RECENT_DAYS = 15;

export type Parts = Record<keyof typeof WEIGHTS, number>;

export interface ScoreInput {
  readonly member: RankedMember;
  readonly job: Job;
  /** The job's slots this member can take (bit mask), and how many at once within the caps. */
  readonly coverable: number;
  readonly mostSlots: number;
  readonly recentDays: number;
}

/** Skills, districts and categories are free text typed by people: compare them after NFKC
 *  folding, trimming and lower-casing, so `草刈り` and ` 草刈り`, `ＰＣ` and `pc` agree. */
export function fold(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

/** The job's terms folded once per ranking, and a memo of folded member terms: a center uses a
 *  few dozen skill and district words, so 50,000 members fold only those few dozen. */
export interface JobTerms {
  /** The job's required skills as the vocabulary's skills (folded). */
  readonly skills: readonly string[];
  readonly district: string;
  readonly category: string;
  readonly fold: (s: string) => string;
  /** A skill word as the vocabulary's skill it stands for (清掃 for 掃除), folded. */
  readonly skill: (s: string) => string;
}

/** `vocabulary`: the center's 技能 tab (src/domain/skills/vocabulary.ts); without it a skill is
 *  only the word itself, folded. */
export function jobTerms(job: Job, vocabulary?: SkillVocabulary): JobTerms {
  const memo = new Map<string, string>();
  const cached = (s: string): string => {
    let f = memo.get(s);
    if (f === undefined) { f = fold(s); memo.set(s, f); }
    return f;
  };
  const skillMemo = new Map<string, string>();
  const skill = vocabulary?.defined
    ? (s: string): string => {
      let f = skillMemo.get(s);
      if (f === undefined) { f = vocabulary.canonical(s); skillMemo.set(s, f); }
      return f;
    }
    : cached;
  return { skills: job.required_skills.map(skill), district: cached(job.district), category: cached(job.category), fold: cached, skill };
}

export function scoreCandidate(input: ScoreInput, terms: JobTerms = jobTerms(input.job)): { score: number; parts: Parts; reasons: Reason[] } {
  const { member, job } = input;
  const fold = terms.fold;
  const reasons: Reason[] = [];

  // Skills: the share of the required skills the member has; full marks when none are required.
  const required = job.required_skills;
  const has = member.skills.map(terms.skill);
  const matched = required.filter((_, i) => has.includes(terms.skills[i] ?? ''));
  const missing = required.filter((_, i) => !has.includes(terms.skills[i] ?? ''));
  const skills = required.length === 0 ? WEIGHTS.skills : (WEIGHTS.skills * matched.length) / required.length;
  if (required.length === 0) reasons.push({ code: 'skills_not_required', params: {} });
  else if (missing.length === 0) reasons.push({ code: 'skills_match', params: { skills: matched.join(',') } });
  else if (matched.length === 0) reasons.push({ code: 'skills_none', params: { missing: missing.join(',') } });
  else reasons.push({ code: 'skills_partial', params: { skills: matched.join(','), missing: missing.join(',') } });

  // Slots: the share of the job's slots the member can take at once within their caps.
  const total = job.slots.length;
  const slots = total === 0 ? 0 : (WEIGHTS.slots * input.mostSlots) / total;
  reasons.push({ code: 'slots_cover', params: { slots: slotsOf(input.coverable).join(','), count: input.mostSlots, total } });

  // District: same district as the job (a short trip matters to older members).
  let district = 0;
  const memberDistrict = fold(member.district);
  if (memberDistrict === '' || terms.district === '') {
    reasons.push({ code: 'district_unknown', params: {} });
  } else if (memberDistrict === terms.district) {
    district = WEIGHTS.district;
    reasons.push({ code: 'district_same', params: { district: member.district.trim() } });
  } else {
    reasons.push({ code: 'district_other', params: { district: member.district.trim() } });
  }

  // Ikigai fit: what the member wants from working, against what the job offers.
  let ikigai = 0;
  if (job.social_contribution && member.motivations.includes('contribution')) {
    ikigai += IKIGAI_POINTS.contribution;
    reasons.push({ code: 'ikigai_contribution', params: {} });
  }
  if (terms.category !== '' && member.preferred_categories.some((c) => fold(c) === terms.category)) {
    ikigai += IKIGAI_POINTS.category;
    reasons.push({ code: 'ikigai_category', params: { category: job.category.trim() } });
  }
  const other = otherMotivation(member, job, matched.length, missing.length);
  if (other) {
    ikigai += IKIGAI_POINTS.other;
    reasons.push({ code: other, params: {} });
  }

  // Fairness: fewer work days in the last 90 days first, since work must be shared fairly.
  const r = input.recentDays;
  const fairness = (WEIGHTS.fairness * Math.max(0, FAIRNESS_ZERO_AT - r)) / FAIRNESS_ZERO_AT;
  reasons.push({ code: r <= FEW_RECENT_DAYS ? 'fairness_few' : 'fairness_many', params: { days: r } });

  const raw = skills + slots + district + ikigai + fairness;
  const parts: Parts = {
    skills: round1(skills), slots: round1(slots), district, ikigai, fairness: round1(fairness),
  };
  return { score: Math.min(100, Math.max(0, Math.round(raw))), parts, reasons };
}

/** One further motivation the job serves, checked in this order. */
function otherMotivation(member: RankedMember, job: Job, matched: number, missing: number): string | null {
  const wants = member.motivations;
  if (wants.includes('experience') && matched > 0) return 'ikigai_experience';
  if (wants.includes('friendship') && (job.headcount ?? 1) >= 2) return 'ikigai_friendship';
  if (wants.includes('learning') && missing > 0) return 'ikigai_learning';
  if (wants.includes('income') && job.pay.trim() !== '') return 'ikigai_income';
  return null;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
