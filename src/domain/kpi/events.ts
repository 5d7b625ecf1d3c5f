import { EVENT_KIND } from '../enums';
import { addDays, inPeriod } from '../civil-date';
import type { EventRecord, Registration } from '../schema/tabs';
import type { EventLine, Report, UpcomingEvent } from './report';
import type { Period } from './period';
import { zeroCounts } from './counts';

// 説明会・セミナー figures of kpi.md: events held in the period with their registrations,
// attendance and conversions, and the events coming in the 14 days after `to`.

export const UPCOMING_DAYS = 14;

interface Tally { registrations: number; attendees: number; converted: number; confirmed: number; waitlisted: number }

export function eventFigures(events: readonly EventRecord[], registrations: readonly Registration[], period: Period): Report['events'] {
  // One pass over registrations into a tally per event ID.
  const tally = new Map<string, Tally>();
  for (const r of registrations) {
    if (r.event_id === null) continue;
    let t = tally.get(r.event_id);
    if (!t) { t = { registrations: 0, attendees: 0, converted: 0, confirmed: 0, waitlisted: 0 }; tally.set(r.event_id, t); }
    if (r.status !== 'cancelled') t.registrations++;
    // A registration with no status yet is taken as confirmed (the form writes 確定 unless full).
    if (r.status === 'confirmed' || r.status === null) t.confirmed++;
    if (r.status === 'waitlisted') t.waitlisted++;
    if (r.attended) {
      t.attendees++;
      if (r.member_id !== null && r.member_id !== '') t.converted++;
    }
  }
  const byKind = zeroCounts(EVENT_KIND.codes);
  const list: EventLine[] = [];
  const upcoming: UpcomingEvent[] = [];
  const upcomingFrom = addDays(period.to, 1);
  const upcomingTo = addDays(period.to, UPCOMING_DAYS);
  let attendees = 0;
  for (const e of events) {
    if (e.status === 'cancelled') continue;
    const t = tally.get(e.event_id);
    if (inPeriod(e.date, period.from, period.to)) {
      byKind[e.kind]++;
      attendees += t?.attendees ?? 0;
      list.push({
        event_id: e.event_id, date: e.date, kind: e.kind,
        registrations: t?.registrations ?? 0, attendees: t?.attendees ?? 0, converted: t?.converted ?? 0,
      });
    }
    if (inPeriod(e.date, upcomingFrom, upcomingTo)) {
      const confirmed = t?.confirmed ?? 0;
      upcoming.push({
        event_id: e.event_id, date: e.date, kind: e.kind, title: e.title, start_time: e.start_time,
        capacity: e.capacity, confirmed, waitlisted: t?.waitlisted ?? 0,
        fill_rate: e.capacity ? confirmed / e.capacity : null,
      });
    }
  }
  const byDateThenId = (a: { date: string; event_id: string }, b: { date: string; event_id: string }): number =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0;
  list.sort(byDateThenId);
  upcoming.sort(byDateThenId);
  return { held: { total: list.length, by_kind: byKind }, attendees, list, upcoming };
}
