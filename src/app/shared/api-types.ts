import type { ActivityKind, Area, JobEngagement, Language, MatchStatus, Role, Sector } from '../../domain/enums';
import type { Slot } from '../../domain/slots';

// What crosses google.script.run between the sidebar and the server: plain JSON only (dates as
// `YYYY-MM-DD` text, timestamps as `YYYY-MM-DDTHH:MM:SS` in the center's zone, never a Date).
// The client imports these types only (no code), so the browser bundle stays free of server code.

/** Every server call answers with this: data, or a message already in the user's language. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: ApiErrorCode; message: string };

export type ApiErrorCode =
  | 'not_signed_in' | 'unknown_user' | 'inactive_user' | 'read_only' | 'busy' | 'bad_input'
  | 'not_found' | 'bad_transition' | 'duplicate_match' | 'bad_workbook' | 'internal'
  | 'already_member' | 'not_attended' | 'registration_cancelled';

export interface SidebarUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly canWrite: boolean;
}

export interface MemberOption { readonly id: string; readonly kana: string; readonly name: string }
/** One answer of searchMembers: a member option, and whether the member is still enrolled. */
export interface MemberMatch extends MemberOption { readonly enrolled: boolean }
export interface SearchMembersOutput {
  readonly members: readonly MemberMatch[];
  /** True when more members matched than were sent: the person should type more. */
  readonly more: boolean;
}
export interface ClientOption { readonly id: string; readonly name: string }
export interface JobOption {
  readonly id: string;
  readonly title: string;
  readonly client_id: string;
  readonly status: string | null;
  readonly slots: readonly Slot[];
  readonly headcount: number;
}

export interface ActivityView {
  readonly activity_id: string;
  readonly date: string;
  readonly coordinator: string;
  readonly area: Area;
  readonly kind: ActivityKind | null;
  readonly member_id: string;
  readonly client_id: string;
  readonly job_id: string;
  readonly minutes: number | null;
  readonly outcome: string;
}

/** One headline figure of the week: this week so far and the whole week before. */
export interface HeadlineFigure {
  readonly key: HeadlineKey;
  readonly current: number;
  readonly previous: number;
}
export type HeadlineKey =
  | 'members_enrolled' | 'new_members' | 'placed_members' | 'working_members' | 'jobs_developed'
  | 'activities' | 'activity_minutes' | 'open_jobs' | 'follow_ups_due' | 'waiting_members';

export interface WeekHeadline {
  readonly current: { readonly from: string; readonly to: string };
  readonly previous: { readonly from: string; readonly to: string };
  readonly figures: readonly HeadlineFigure[];
}

export interface Bootstrap {
  readonly user: SidebarUser;
  readonly language: Language;
  readonly centerName: string;
  readonly today: string;
  /** Every enrolled member when the center has at most MEMBER_LIST_LIMIT of them; otherwise only
   *  the members of recentActivities (for their names) and `memberSearch` is true. */
  readonly members: readonly MemberOption[];
  /** True at a large center: the member picker asks searchMembers as the person types. */
  readonly memberSearch: boolean;
  readonly clients: readonly ClientOption[];
  readonly jobs: readonly JobOption[];
  readonly recentActivities: readonly ActivityView[];
  readonly week: WeekHeadline;
  /** Rows the workbook could not read (already rendered `tab!cell: message`), at most 20. */
  readonly problems: readonly string[];
}

export interface LogActivityInput {
  readonly date: string;
  readonly area: Area;
  readonly kind?: ActivityKind | null;
  readonly member_id?: string;
  readonly client_id?: string;
  readonly job_id?: string;
  readonly minutes?: number | null;
  readonly outcome?: string;
  readonly notes?: string;
}

export interface LogActivityOutput {
  readonly activity: ActivityView;
}

export interface CandidateView {
  readonly member_id: string;
  readonly kana: string;
  readonly name: string;
  readonly score: number;
  readonly slots: readonly Slot[];
  /** Reasons rendered in the user's language. */
  readonly reasons: readonly string[];
  /** The member's open match for this job, if any (so the buttons show the next steps). */
  readonly match: { readonly match_id: string; readonly status: MatchStatus } | null;
}

export interface CandidatesOutput {
  readonly job: JobOption;
  readonly candidates: readonly CandidateView[];
  readonly team: {
    readonly members: readonly { readonly member_id: string; readonly slots: readonly Slot[] }[];
    readonly backups: readonly { readonly slot: Slot; readonly member_id: string }[];
    readonly uncovered_slots: readonly Slot[];
  };
  /** Matches already recorded for this job, any status. */
  readonly matches: readonly { readonly match_id: string; readonly member_id: string; readonly status: MatchStatus }[];
  /** How many members each hard rule turned away, rendered in the user's language. */
  readonly excluded: readonly string[];
}

export type MatchAction = 'propose' | 'interview' | 'place' | 'decline' | 'end' | 'reject';

export interface ChangeMatchStatusInput {
  readonly action: MatchAction;
  readonly job_id: string;
  readonly member_id: string;
  /** The candidate's score when proposing (0–100), written to 適合度. */
  readonly fit_score?: number | null;
  readonly date?: string;
}

export interface ChangeMatchStatusOutput {
  readonly match_id: string;
  readonly status: MatchStatus;
  readonly proposed_on: string | null;
  readonly placed_on: string | null;
  readonly ended_on: string | null;
}

/** 開拓 panel: a client (業務提供先) won on a visit. */
export interface RegisterClientInput {
  readonly name: string;
  readonly sector?: Sector | null;
  readonly district?: string;
  readonly contact_person?: string;
  readonly phone?: string;
  readonly email?: string;
  /** 開拓日; today in the center's zone when left out. */
  readonly developed_on?: string;
}

export interface RegisterClientOutput {
  readonly client: ClientOption;
  readonly developed_on: string;
}

/** 開拓 panel: a job (仕事) for a client already in 業務提供先. */
export interface RegisterJobInput {
  readonly client_id: string;
  readonly title: string;
  readonly category?: string;
  readonly engagement?: JobEngagement | null;
  readonly required_skills?: readonly string[];
  readonly slots?: readonly Slot[];
  /** People needed in each slot, at least 1 (the default). */
  readonly headcount?: number;
  readonly district?: string;
  readonly start_on?: string | null;
  readonly end_on?: string | null;
  readonly pay?: string;
  readonly social_contribution?: boolean;
  /** 募集中 (open, the default) or 提案中 (proposed: still being put to the client). */
  readonly status?: 'open' | 'proposed';
  /** 登録日; today in the center's zone when left out. */
  readonly created_on?: string;
}

export interface RegisterJobOutput {
  readonly job: JobOption;
  readonly created_on: string;
}
