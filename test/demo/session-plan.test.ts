import fc from 'fast-check';
import { Prng } from '../../src/local/demo/prng';
import { planSession, type SignupRole } from '../../src/local/demo/session-plan';

// The plan must give the published attendance exactly, and only to people who hold a place once
// the sign-up use case has confirmed the first `capacity` answers, waitlisted the rest and
// promoted the oldest waiting answer for each cancellation.
const count = (roles: readonly SignupRole[], role: SignupRole): number => roles.filter((r) => r === role).length;

describe('a session\'s sign-up plan', () => {
  it('fills the 4/7 session: 37 come, 3 keep a place without coming, late answers wait, each cancellation promotes one', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
      const plan = planSession(new Prng(seed), { attendees: 37, capacity: 40, fills: true, joining: 10, women: 3 });
      const { roles } = plan;
      // 37 + 3 no-shows = 40 = the room; 2..4 late answers; 1..2 of the first 40 cancel.
      expect(count(roles, 'joiner') + count(roles, 'attendee')).toBe(37);
      expect(count(roles, 'joiner')).toBe(10);
      expect(count(roles, 'no_show')).toBe(3);
      expect(roles.length - 40).toBeGreaterThanOrEqual(2);
      expect(roles.length - 40).toBeLessThanOrEqual(4);
      expect(count(roles, 'cancels')).toBe(plan.cancellations);
      // Only the first 40 answers get a place, plus one from the waitlist per cancellation, oldest first.
      const withPlace = roles.map((r, p) => ({ r, p })).filter(({ r }) => r !== 'waitlisted' && r !== 'cancels').map(({ p }) => p);
      expect(Math.max(...withPlace)).toBe(40 + plan.cancellations - 1);
      expect(roles.slice(0, 40).includes('waitlisted')).toBe(false);
      expect(roles.slice(40 + plan.cancellations).every((r) => r === 'waitlisted')).toBe(true);
      expect(plan.womanJoiner.filter(Boolean)).toHaveLength(3);
      plan.womanJoiner.forEach((w, p) => { if (w) expect(roles[p]).toBe('joiner'); });
    }), { numRuns: 200 });
  });

  it('leaves a session that does not fill with no waitlist: 24 come and round(2.4) = 2 stay away', () => {
    const plan = planSession(new Prng(7), { attendees: 24, capacity: 40, fills: false, joining: 12, women: 4 });
    expect(plan.roles).toHaveLength(26);
    expect([count(plan.roles, 'joiner'), count(plan.roles, 'attendee'), count(plan.roles, 'no_show'), count(plan.roles, 'waitlisted'), count(plan.roles, 'cancels')])
      .toEqual([12, 12, 2, 0, 0]);
  });

  it('refuses a plan the room cannot hold', () => {
    expect(() => planSession(new Prng(1), { attendees: 45, capacity: 40, fills: false, joining: 0, women: 0 })).toThrow('45');
  });
});
