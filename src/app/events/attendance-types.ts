import type { EventKind, EventStatus, Gender, JoinRoute, Motivation, RegistrationStatus } from '../../domain/enums';
import type { Slot } from '../../domain/slots';

// What crosses google.script.run for the イベント panel (attendance, check-in, join, cancel):
// plain JSON only, dates as `YYYY-MM-DD`, timestamps as `YYYY-MM-DDTHH:MM:SS` in the center's
// zone. The sidebar client imports these types only.

/** One session of イベント with its head counts, as the panel's picker shows it. */
export interface EventSession {
  readonly event_id: string;
  readonly kind: EventKind;
  readonly title: string;
  readonly date: string;
  readonly start_time: string | null;
  readonly venue: string;
  readonly capacity: number | null;
  readonly status: EventStatus | null;
  /** The form's label for the session (`2026/12/07（月）10:00 会場 — 入会説明会`), in the center's language. */
  readonly label: string;
  readonly confirmed: number;
  readonly waitlisted: number;
  readonly attended: number;
}

export interface EventSessionsOutput {
  readonly today: string;
  /** Sessions from RECENT_DAYS before today onwards, earliest first. */
  readonly sessions: readonly EventSession[];
  /** The session to open first: today's, else the next one, else the latest past one; '' when none. */
  readonly suggested: string;
}

/** One person signed up for a session. The sidebar is staff-only, so the name is shown. */
export interface AttendanceRow {
  readonly registration_id: string;
  readonly name: string;
  readonly kana: string;
  readonly status: RegistrationStatus | null;
  readonly attended: boolean;
  /** '' until the person joins. */
  readonly member_id: string;
  readonly registered_at: string | null;
}

export interface AttendanceList {
  readonly event: EventSession;
  readonly registrations: readonly AttendanceRow[];
}

export interface CheckInOutput {
  readonly registration_id: string;
  readonly attended: boolean;
  /** false when the cell already said so (nothing was written). */
  readonly changed: boolean;
}

/** What the coordinator may add when a person joins; everything else comes from the registration. */
export interface JoinDetails {
  readonly gender?: Gender;
  readonly birth_date?: string;
  readonly district?: string;
  readonly skills?: readonly string[];
  readonly preferred_categories?: readonly string[];
  readonly availability?: readonly Slot[];
  readonly max_days_per_week?: number;
  readonly motivations?: readonly Motivation[];
}

export interface JoinOutput {
  readonly registration_id: string;
  readonly member_id: string;
  readonly joined_on: string;
  readonly join_route: JoinRoute;
}
