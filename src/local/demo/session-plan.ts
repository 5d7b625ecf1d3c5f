import type { Prng } from './prng';

// Who does what among the people who sign up for one session, decided before the season is
// played so the published attendance comes out exactly. Positions are the order the form
// answers arrive in; the sign-up use case confirms the first `capacity` and waitlists the rest,
// and a cancellation promotes the oldest waitlisted answer (forms.md), so the plan can say who
// ends up with a place without asking the use case.
export type SignupRole =
  /** Comes, ticked at the door, and joins the center afterwards. */
  | 'joiner'
  /** Comes, ticked at the door. */
  | 'attendee'
  /** Keeps the place but does not come. */
  | 'no_show'
  /** Had a place and cancels by phone once the waitlist has formed. */
  | 'cancels'
  /** Answered after the session filled and was never promoted. */
  | 'waitlisted';

export interface SessionPlanInput {
  readonly attendees: number;
  readonly capacity: number;
  /** The session fills: capacity − attendees keep a place without coming, and late answers wait. */
  readonly fills: boolean;
  readonly joining: number;
  /** How many of the joiners are women. */
  readonly women: number;
}

export interface SessionPlan {
  /** One role per answer, in arrival order. */
  readonly roles: readonly SignupRole[];
  /** True for the joiners who are women (arrival order, like `roles`). */
  readonly womanJoiner: readonly boolean[];
  readonly cancellations: number;
}

export function planSession(rng: Prng, s: SessionPlanInput): SessionPlan {
  const noShows = s.fills ? s.capacity - s.attendees : Math.round(s.attendees * 0.1);
  const late = s.fills ? rng.int(2, 4) : 0;
  const cancels = s.fills ? rng.int(1, 2) : 0;
  const n = s.attendees + noShows + late;
  const placed = Math.min(n, s.capacity);
  if (noShows < 0 || (!s.fills && n > s.capacity) || s.joining > s.attendees || s.women > s.joining) {
    throw new Error(`a session of ${s.attendees} for ${s.capacity} places cannot be planned`);
  }
  const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
  const roles: SignupRole[] = Array<SignupRole>(n).fill('waitlisted');
  const cancellers = new Set(rng.sample(range(0, placed), cancels));
  for (const c of cancellers) roles[c] = 'cancels';
  // Each cancellation frees a place for the next answer on the waitlist, oldest first.
  const keepPlace = [...range(0, placed).filter((p) => !cancellers.has(p)), ...range(placed, placed + cancels)];
  const shuffled = rng.sample(keepPlace, keepPlace.length);
  for (const p of shuffled.slice(0, noShows)) roles[p] = 'no_show';
  const present = shuffled.slice(noShows);
  const womanJoiner = Array<boolean>(n).fill(false);
  present.forEach((p, k) => {
    roles[p] = k < s.joining ? 'joiner' : 'attendee';
    if (k < s.women) womanJoiner[p] = true;
  });
  return { roles, womanJoiner, cancellations: cancels };
}
