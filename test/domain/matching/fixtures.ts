import type { Job, Match, Member } from '../../../src/domain/schema/tabs';
import type { WorkCaps } from '../../../src/domain/matching/hard-rules';

// Small record builders: a test states only the fields its rule is about.
export const DEFAULT_CAPS: WorkCaps = { slotHours: 4, weeklyHoursCap: 20, monthlyDaysCap: 10 };

export function member(over: Partial<Member> & { member_id: string }): Member {
  return {
    name: '', kana: '', gender: null, birth_date: null, joined_on: '2015-04-01', left_on: null,
    join_route: null, district: '', phone: '', email: '', skills: [], preferred_categories: [],
    availability: [], max_days_per_week: null, motivations: [], consent: true, notes: '', leave_reason: null,
    ...over,
  };
}

export function job(over: Partial<Job> & { job_id: string }): Job {
  return {
    client_id: null, title: '', category: '', engagement: null, required_skills: [], slots: [],
    headcount: 1, district: '', start_on: null, end_on: null, pay: '', social_contribution: false,
    status: 'open', created_on: null, coordinator: '', unit_price: null, unit: null,
    ...over,
  };
}

export function placement(over: Partial<Match> & { match_id: string; member_id: string; job_id: string; placed_on: string }): Match {
  return {
    engagement: 'contract', status: 'placed', proposed_on: null, ended_on: null, coordinator: '',
    fit_score: null, notes: '', slots: [],
    ...over,
  };
}
