import type {
  ActivityKind, ActivityStatus, Area, Gender, JobEngagement, JobStatus, JoinRoute, Language, LeaveReason, MatchStatus, Motivation, PayUnit, Role, Sector,
} from '../../domain/enums';
import type { FollowUpReason } from '../../domain/follow-up/worklist';
import type { Slot } from '../../domain/slots';

// What crosses google.script.run between the sidebar and the server: plain JSON only (dates as
// `YYYY-MM-DD` text, timestamps as `YYYY-MM-DDTHH:MM:SS` in the center's zone, never a Date).
// The client imports these types only (no code), so the browser bundle stays free of server code.

/** Every server call answers with this: data, or a message already in the user's language. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: ApiErrorCode; message: string };

export type ApiErrorCode =
  | 'not_signed_in' | 'unknown_user' | 'inactive_user' | 'read_only' | 'busy' | 'bad_input'
  | 'not_found' | 'bad_transition' | 'duplicate_match' | 'bad_workbook' | 'internal'
  | 'already_member' | 'not_attended' | 'registration_cancelled'
  | 'slots_full' | 'job_full' | 'no_shared_slot' | 'job_closed' | 'empty_activity' | 'not_yours' | 'activity_withdrawn'
  | 'activity_too_old' | 'undo_not_today' | 'leave_before_join' | 'birth_after_join' | 'no_change' | 'member_left'
  | 'month_closed' | 'not_placed' | 'work_exists';

export interface SidebarUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly canWrite: boolean;
}

export interface MemberOption {
  readonly id: string;
  readonly kana: string;
  readonly name: string;
  /** Age today (null: no birth date) and district: what tells two members of one name apart. */
  readonly age: number | null;
  readonly district: string;
}
/** One answer of searchMembers: a member option (with age and district, so two of one name can
 *  be told apart), and whether the member is still enrolled. */
export interface MemberMatch extends MemberOption { readonly enrolled: boolean }
export interface SearchMembersOutput {
  readonly members: readonly MemberMatch[];
  /** True when more members matched than were sent: the person should type more. */
  readonly more: boolean;
}
export interface ClientOption { readonly id: string; readonly name: string }
/** searchClients' answer: the best matches (ID, name), and whether others were cut off. */
export interface SearchClientsOutput {
  readonly clients: readonly ClientOption[];
  readonly more: boolean;
}
/** How full a job is (workbook.md "Capacity, slot by slot"): what a write answers about it. */
export interface JobFill {
  readonly id: string;
  readonly status: JobStatus | null;
  readonly slots: readonly Slot[];
  /** People needed in each slot. */
  readonly headcount: number;
  /** Slots with a place left, and the places left over all slots. */
  readonly open_slots: readonly Slot[];
  readonly places_left: number;
}

/** A job in a picker: its fill, title and client. */
export interface JobOption extends JobFill {
  readonly title: string;
  readonly client_id: string;
  /** The client's name ('' when unknown): six jobs called 夜間巡回 are told apart by it. */
  readonly client_name: string;
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
  readonly notes: string;
  /** active, or withdrawn (取消): kept in the tab, counted nowhere. */
  readonly status: ActivityStatus;
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
  /** Figures taken from the stored ones (weekly/stored-headline.ts): when they were recounted
   *  (`YYYY-MM-DDTHH:MM`) and which of them are as of then (the others kept current by every
   *  write). Absent when everything was just recounted. */
  readonly as_of?: { readonly at: string; readonly figures: readonly HeadlineKey[] };
}

export interface Bootstrap {
  readonly user: SidebarUser;
  readonly language: Language;
  readonly centerName: string;
  readonly today: string;
  /** Every enrolled member when the center has at most 設定 会員一覧の上限 of them (3,000); otherwise
   *  none and `memberSearch` is true (recent entries then name their members by ID). */
  readonly members: readonly MemberOption[];
  /** True at a large center: the member picker asks searchMembers as the person types. */
  readonly memberSearch: boolean;
  readonly clients: readonly ClientOption[];
  /** True past 設定 提供先一覧の上限 (500) clients: `clients` is empty and the pickers ask searchClients. */
  readonly clientSearch: boolean;
  /** Every job not closed (終了), in sheet order, each with its places left (the picker filters them). */
  readonly jobs: readonly JobOption[];
  /** True past 設定 仕事一覧の上限 (200) jobs not 終了: `jobs` is empty and the pickers ask
   *  listJobs with a `query` as the person types. */
  readonly jobSearch: boolean;
  readonly recentActivities: readonly ActivityView[];
  /** For the member and job forms' dropdowns. */
  readonly vocabulary: Vocabulary;
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
  readonly age: number | null;
  readonly district: string;
  /** For a tel: link on a phone; staff only, like the names. */
  readonly phone: string;
  /** Days worked in the 90 days before today (fairness). */
  readonly recent_work_days: number;
  readonly score: number;
  readonly slots: readonly Slot[];
  /** Reasons rendered in the user's language. */
  readonly reasons: readonly string[];
  /** The member's open match for this job, if any (so the buttons show the next steps). */
  readonly match: { readonly match_id: string; readonly status: MatchStatus } | null;
}

export interface CandidatesOutput {
  readonly job: JobOption;
  /** The best CANDIDATES_SHOWN of them. */
  readonly candidates: readonly CandidateView[];
  /** Everyone who passes the hard rules (「上位 30人 / 635人」). */
  readonly qualified: number;
  /** The mosaic team, for a compact slot grid: each member with the slots they would take. */
  readonly team: {
    readonly members: readonly { readonly member_id: string; readonly name: string; readonly slots: readonly Slot[] }[];
    readonly backups: readonly { readonly slot: Slot; readonly member_id: string }[];
    readonly uncovered_slots: readonly Slot[];
  };
  /** Matches already recorded for this job, any status; `placed_on` so a 成立 of today offers 取り消す (undo_place). */
  readonly matches: readonly { readonly match_id: string; readonly member_id: string; readonly status: MatchStatus; readonly placed_on: string | null }[];
  /** How many members each hard rule turned away, rendered in the user's language. */
  readonly excluded: readonly string[];
}

/** `undo_place`: a 成立 made by mistake, undone the same day (back to 提案). */
export type MatchAction = 'propose' | 'interview' | 'place' | 'decline' | 'end' | 'reject' | 'undo_place';

export interface ChangeMatchStatusInput {
  readonly action: MatchAction;
  readonly job_id: string;
  readonly member_id: string;
  /** The candidate's score when proposing (0–100), written to 適合度. */
  readonly fit_score?: number | null;
  readonly date?: string;
  /** propose / place: the job's slots the member is to work (担当枠), e.g. the mosaic team's. */
  readonly slots?: readonly Slot[];
  /** The マッチング activity this change logs: its kind (default by action), minutes and notes. */
  readonly kind?: ActivityKind | null;
  readonly minutes?: number | null;
  readonly notes?: string;
}

export interface ChangeMatchStatusOutput {
  readonly match_id: string;
  readonly status: MatchStatus;
  readonly proposed_on: string | null;
  readonly placed_on: string | null;
  readonly ended_on: string | null;
  /** 担当枠 as written (the slots a placement covers; [] = all the job's). */
  readonly slots: readonly Slot[];
  /** The job after the change (its status may have become 充足 or 募集中). */
  readonly job: JobFill;
  /** The マッチング activity logged (null for undo_place, which withdraws the 成立's instead). */
  readonly activity_id: string | null;
}

/** この編成で提案: every member of the mosaic team proposed in one call. */
export interface ProposeTeamInput {
  readonly job_id: string;
  readonly members: readonly { readonly member_id: string; readonly slots?: readonly Slot[]; readonly fit_score?: number | null }[];
  readonly date?: string;
}

export interface ProposeTeamOutput {
  readonly job: JobFill;
  readonly proposed: readonly { readonly member_id: string; readonly match_id: string; readonly slots: readonly Slot[] }[];
  /** Members left out, with why (already proposed or placed on this job), in the user's language. */
  readonly skipped: readonly { readonly member_id: string; readonly message: string }[];
}

/** The job picker: open jobs by default. */
export interface ListJobsInput {
  /** Also 提案中, 充足 and 終了 jobs. */
  readonly include_all?: boolean;
  /** Only jobs whose ID starts with it or whose 仕事名 or client's name holds it (the picker of a
   *  large center): at most 20, with `more`. */
  readonly query?: string;
}

export interface ListJobsOutput {
  readonly jobs: readonly JobOption[];
  /** Jobs in 仕事, whatever their status (with `cut`: at least this many). */
  readonly total: number;
  /** With a `query`: more jobs matched than were sent. */
  readonly more?: boolean;
  /** Without a `query`: the list is longer than 設定 仕事一覧の上限, so no job was sent and the
   *  picker searches instead (listJobsUpTo). */
  readonly cut?: boolean;
}

/** 終了 (closed) or 再開 (open: 募集中, or 充足 when every slot is already covered). */
export interface SetJobStatusInput {
  readonly job_id: string;
  readonly status: 'closed' | 'open';
}

export interface SetJobStatusOutput {
  readonly job: JobFill;
  /** Whether 状態 was written (setting the status a job already has writes nothing). */
  readonly changed: boolean;
}

/** The 会員 panel's form: a member as saved (codes and arrays, dates `YYYY-MM-DD`). */
export interface MemberView {
  readonly member_id: string;
  readonly name: string;
  readonly kana: string;
  readonly gender: Gender | null;
  readonly birth_date: string | null;
  readonly age: number | null;
  readonly joined_on: string;
  readonly left_on: string | null;
  readonly leave_reason: LeaveReason | null;
  readonly join_route: JoinRoute | null;
  readonly district: string;
  readonly phone: string;
  readonly email: string;
  readonly skills: readonly string[];
  readonly preferred_categories: readonly string[];
  readonly availability: readonly Slot[];
  readonly max_days_per_week: number | null;
  readonly motivations: readonly Motivation[];
  readonly consent: boolean;
  readonly notes: string;
  /** Enrolled today (joined, not left). */
  readonly enrolled: boolean;
}

/** saveMember: no member_id = a new member; with one = an edit of the fields given only. */
export interface SaveMemberInput {
  readonly member_id?: string;
  readonly name?: string;
  readonly kana?: string;
  readonly gender?: Gender | null;
  readonly birth_date?: string | null;
  readonly joined_on?: string;
  readonly join_route?: JoinRoute | null;
  readonly district?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly skills?: readonly string[];
  readonly preferred_categories?: readonly string[];
  readonly availability?: readonly Slot[];
  readonly max_days_per_week?: number | null;
  readonly motivations?: readonly Motivation[];
  readonly consent?: boolean;
  readonly notes?: string;
}

export interface SaveMemberOutput {
  readonly member: MemberView;
  readonly created: boolean;
  /** The fields whose cells were written (an edit that changes nothing writes none). */
  readonly changed: readonly string[];
}

export interface LeaveMemberInput {
  readonly member_id: string;
  readonly date: string;
  readonly reason: LeaveReason;
}

export interface LeaveMemberOutput {
  readonly member: MemberView;
  /** Placements ended (their last day the day before leaving), matches declined, jobs back to 募集中. */
  readonly ended: readonly { readonly match_id: string; readonly job_id: string }[];
  readonly declined: readonly { readonly match_id: string; readonly job_id: string }[];
  readonly reopened_jobs: readonly string[];
  /** The fill of every job whose place this freed, so the sidebar's job lists redraw at once. */
  readonly jobs: readonly JobFill[];
}

export interface GetMemberOutput {
  readonly member: MemberView;
  /** The member's matches that are still open or placed (most recent first, at most 20). */
  readonly matches: readonly { readonly match_id: string; readonly job_id: string; readonly status: MatchStatus; readonly placed_on: string | null }[];
}

/** Dropdown words: the 技能 tab's skills, and the 職種 and 地区 already in use. */
export interface Vocabulary {
  readonly skills: readonly string[];
  readonly categories: readonly string[];
  readonly districts: readonly string[];
}

/** Corrections: only the activity's coordinator (or a manager); the fields given are rewritten. */
export type CorrectActivityInput = { readonly activity_id: string } & Partial<LogActivityInput>;

/** 継続支援: one person to call today (names and phones for the sidebar only). */
export interface FollowUpView {
  readonly member_id: string;
  readonly name: string;
  readonly kana: string;
  readonly phone: string;
  readonly reason: FollowUpReason;
  /** The reason in the user's language, e.g. 就業1か月（夜間巡回、2015-06-01 成立）. */
  readonly reason_text: string;
  readonly since: string;
  readonly days: number;
  readonly match_id: string | null;
  readonly job_id: string | null;
  readonly last_contact: string | null;
}

export interface FollowUpsOutput {
  readonly today: string;
  readonly items: readonly FollowUpView[];
  /** How many qualified under each reason (the list shows the first of each). */
  readonly counts: Readonly<Record<FollowUpReason, number>>;
  /** The day the stored list was last rebuilt ('' if never): a milestone reached since is not in it. */
  readonly built_on: string;
  /** The list was rebuilt before today. */
  readonly stale: boolean;
  /** The groups the rebuild kept only the first `stored_cap` of (their counts are the rebuild's). */
  readonly capped: readonly ('placed' | 'waiting' | 'no_contact')[];
  readonly stored_cap: number;
}

/** A follow-up call logged in one tap: 継続支援・フォロー for the member, today unless dated. */
export interface LogFollowUpInput {
  readonly member_id: string;
  readonly job_id?: string;
  readonly kind?: ActivityKind | null;
  readonly minutes?: number | null;
  readonly outcome?: string;
  readonly notes?: string;
  readonly date?: string;
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
  /** 単価 in yen (per hour, or per day when `unit` is day); blank when not agreed yet. */
  readonly unit_price?: number | null;
  readonly unit?: PayUnit | null;
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
