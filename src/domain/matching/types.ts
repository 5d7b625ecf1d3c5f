import type { CivilDate } from '../civil-date';
import type { Member } from '../schema/tabs';
import type { Slot } from '../slots';

// The matching engine's contract (issue 4), shared by `ikigai match`, the sidebar and the bench.

/** The member fields the hard rules and the score read, and nothing else: what the candidate
 *  index (member-index.ts) keeps of each member, so a ranking from it and one from 会員 agree. */
export type RankedMember = Pick<Member,
  'member_id' | 'joined_on' | 'left_on' | 'consent' | 'availability' | 'max_days_per_week' | 'skills' | 'district' | 'motivations' | 'preferred_categories'>;

/** Why a member is or is not a candidate: a message code plus its parameters, rendered in the
 *  user's language by the matching messages. */
export interface Reason {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface Candidate {
  readonly member_id: string;
  /** 0–100. */
  readonly score: number;
  /** Parts of the score, each 0..its weight, for the sidebar's breakdown. */
  readonly parts: Readonly<Record<'skills' | 'slots' | 'district' | 'ikigai' | 'fairness', number>>;
  /** The job's slots this member can cover. */
  readonly slots: readonly Slot[];
  /** Most of the job's slots this member can take at once within the work caps. */
  readonly most_slots: number;
  /** Days worked in the 90 days before as_of (the fairness part; the first tie-breaker). */
  readonly recent_work_days: number;
  readonly reasons: readonly Reason[];
}

export interface TeamMember {
  readonly member_id: string;
  readonly slots: readonly Slot[];
}

export interface MosaicTeam {
  readonly members: readonly TeamMember[];
  /** One backup per slot where somebody outside the team can cover it. */
  readonly backups: readonly { slot: Slot; member_id: string }[];
  readonly uncovered_slots: readonly Slot[];
}

export interface MatchResult {
  readonly job_id: string;
  readonly as_of: CivilDate;
  readonly candidates: readonly Candidate[];
  /** Members placed on this job and working on as_of: they count towards the headcount. */
  readonly placed: readonly string[];
  /** People still needed in the neediest slot: headcount less the placements holding a place on
   *  that slot (never below 0); with no 担当枠 written, headcount less `placed` as before. */
  readonly need: number;
  /** The job's slots with a place left (every slot's placements below the headcount). */
  readonly open_slots: readonly Slot[];
  readonly team: MosaicTeam;
  /** How many members each hard rule turned away (for the sidebar's explanation). */
  readonly excluded: Readonly<Record<string, number>>;
}
