import type { AREA, ACTIVITY_KIND, EVENT_KIND, GENDER, JOIN_ROUTE, MATCH_ENGAGEMENT, SECTOR } from '../enums';
import type { CivilDate } from '../civil-date';
import type { WorkActual } from '../work/work-actual';

// The figures of kpi.md for one period, in exactly the JSON shape of cli.md's `report`.
// Every split has every code as a key, zero included.
type Counts<E extends { codes: readonly string[] }> = Record<E['codes'][number], number>;

export type GenderCounts = { total: number } & Counts<typeof GENDER>;

export interface EventLine {
  event_id: string;
  date: CivilDate;
  kind: (typeof EVENT_KIND.codes)[number];
  registrations: number;
  attendees: number;
  converted: number;
}

export interface UpcomingEvent {
  event_id: string;
  date: CivilDate;
  kind: (typeof EVENT_KIND.codes)[number];
  title: string;
  start_time: string | null;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  /** confirmed / capacity; null when the event has no capacity. */
  fill_rate: number | null;
}

export interface Report {
  period: { from: CivilDate; to: CivilDate };
  members: {
    enrolled_at_start: GenderCounts;
    enrolled: GenderCounts;
    new_members: { total: number; by_route: Counts<typeof JOIN_ROUTE>; by_gender: Counts<typeof GENDER> };
    resigned_members: number;
    crude_enrollment_rate: number | null;
  };
  work: {
    placed_members: { total: number; by_engagement: Counts<typeof MATCH_ENGAGEMENT> };
    working_members: number;
    employment_rate: number;
    jobs_developed: { total: number; by_sector: Counts<typeof SECTOR> };
    clients_developed: number;
    open_jobs: number;
    stale_open_jobs: string[];
    /** The figures from 就業実績 (kpi.md "Work records"); null when the center keeps no work rows at all. */
    actual: WorkActual | null;
  };
  activities: {
    total: number;
    minutes: number;
    by_area: Counts<typeof AREA>;
    minutes_by_area: Counts<typeof AREA>;
    by_kind: Counts<typeof ACTIVITY_KIND>;
    by_coordinator: Record<string, number>;
    minutes_by_coordinator: Record<string, number>;
    follow_ups_due: string[];
    waiting_members: string[];
  };
  events: {
    held: { total: number; by_kind: Counts<typeof EVENT_KIND> };
    attendees: number;
    list: EventLine[];
    upcoming: UpcomingEvent[];
  };
}
