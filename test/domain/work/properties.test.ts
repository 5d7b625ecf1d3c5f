import fc from 'fast-check';
import { monthlyPay } from '../../../src/domain/work/monthly-pay';
import { actualWork } from '../../../src/domain/work/work-actual';
import type { WorkRecord } from '../../../src/domain/schema/tabs';
import { job, work } from './fixtures';

// Random months of work. Hours are quarter hours and prices whole yen, so the plainest possible
// restatement — every pay in quarter-yen, integers only, no micro-yen — gives exact answers to
// hold the engine to.
const ENGAGEMENTS = ['contract', 'mandate', 'dispatch', 'placement', null] as const;
const jobArb = fc.record({
  client: fc.constantFrom('C1', 'C2', 'C3'), engagement: fc.constantFrom(...ENGAGEMENTS),
  price: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }), unit: fc.constantFrom('hour', 'day', null),
});
const rowArb = fc.record({
  day: fc.integer({ min: 1, max: 30 }), member: fc.constantFrom('M1', 'M2', 'M3', 'M4'), job: fc.nat(),
  quarters: fc.integer({ min: 0, max: 48 }), amount: fc.option(fc.integer({ min: 0, max: 40000 }), { nil: null }),
});
const centerArb = fc.record({
  jobs: fc.array(jobArb, { minLength: 1, maxLength: 5 }),
  rows: fc.array(rowArb, { maxLength: 40 }),
  feeRate: fc.constantFrom(0, 7, 8.5, 10, 12.25),
});

type Raw = typeof centerArb extends fc.Arbitrary<infer T> ? T : never;
function build(c: Raw) {
  const jobs = c.jobs.map((j, i) => job({ job_id: `J${i}`, client_id: j.client, engagement: j.engagement, unit_price: j.price, unit: j.unit }));
  const rows: WorkRecord[] = c.rows.map((r, i) => work(`W${i}`, `2015-06-${String(r.day).padStart(2, '0')}`, r.member, `J${r.job % jobs.length}`, r.quarters / 4, r.amount));
  return { jobs, rows };
}

/** A row's pay in quarter-yen, from the words. */
function quarterYen(r: WorkRecord, j: ReturnType<typeof job>): number {
  if (r.amount !== null) return r.amount * 4;
  if (j.unit_price === null) return 0;
  return j.unit === 'day' ? j.unit_price * 4 : Math.round(r.hours * 4) * j.unit_price;
}

describe('monthly close properties over random months', () => {
  test('each member\'s 配分金 is the floor of the exact sum of their 請負・委任 pay; wages likewise for 派遣', () => {
    fc.assert(fc.property(centerArb, (raw) => {
      const { jobs, rows } = build(raw);
      const pay = monthlyPay({ workLog: rows, jobs, feeRate: raw.feeRate }, '2015-06');
      const byJob = new Map(jobs.map((j) => [j.job_id, j]));
      for (const m of ['M1', 'M2', 'M3', 'M4']) {
        const mine = rows.filter((r) => r.member_id === m);
        const alloc = mine.filter((r) => ['contract', 'mandate', null].includes(byJob.get(r.job_id)!.engagement));
        const disp = mine.filter((r) => byJob.get(r.job_id)!.engagement === 'dispatch');
        const line = pay.members.find((x) => x.member_id === m);
        if (alloc.length === 0) expect(line).toBeUndefined();
        else {
          expect(line!.amount).toBe(Math.floor(alloc.reduce((s, r) => s + quarterYen(r, byJob.get(r.job_id)!), 0) / 4));
          expect(line!.days).toBe(new Set(alloc.map((r) => r.date)).size);
          expect(line!.hours * 4).toBe(alloc.reduce((s, r) => s + r.hours * 4, 0));
        }
        const wages = pay.dispatch.find((x) => x.member_id === m);
        if (disp.length === 0) expect(wages).toBeUndefined();
        else expect(wages!.wages).toBe(Math.floor(disp.reduce((s, r) => s + quarterYen(r, byJob.get(r.job_id)!), 0) / 4));
      }
    }), { numRuns: 300 });
  });

  test('totals add up, bills are at least their pay, and the fee is floor(pay × rate / 100)', () => {
    fc.assert(fc.property(centerArb, (raw) => {
      const { jobs, rows } = build(raw);
      const pay = monthlyPay({ workLog: rows, jobs, feeRate: raw.feeRate }, '2015-06');
      const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
      expect(pay.totals.amount).toBe(sum(pay.members.map((m) => m.amount)));
      expect(pay.totals.billed).toBe(sum(pay.clients.map((c) => c.total)));
      expect(pay.totals.fee).toBe(sum(pay.clients.map((c) => c.fee)));
      expect(pay.totals.wages).toBe(sum(pay.dispatch.map((d) => d.wages)));
      for (const c of pay.clients) {
        expect(c.total).toBe(c.pay + c.fee);
        expect(c.total).toBeGreaterThanOrEqual(c.pay);
        // rate × 100 is a whole number of basis points: fee × 10,000 ≤ pay × bp < (fee + 1) × 10,000.
        const bp = Math.round(raw.feeRate * 100);
        expect(c.fee * 10000).toBeLessThanOrEqual(c.pay * bp);
        expect(c.pay * bp).toBeLessThan((c.fee + 1) * 10000);
      }
      // The clients' pay and the members' 配分金 round apart (per client, per member), never by
      // more than a yen a side from the exact sum they share.
      const exact = rows.reduce((s, r) => {
        const j = jobs.find((x) => x.job_id === r.job_id)!;
        return ['contract', 'mandate', null].includes(j.engagement) ? s + quarterYen(r, j) : s;
      }, 0) / 4;
      expect(exact - pay.totals.amount).toBeGreaterThanOrEqual(0);
      expect(exact - pay.totals.amount).toBeLessThan(pay.members.length + 1e-9);
      expect(exact - sum(pay.clients.map((c) => c.pay))).toBeLessThan(pay.clients.length + 1e-9);
      expect(pay.totals.billed).toBeGreaterThanOrEqual(sum(pay.clients.map((c) => c.pay)));
    }), { numRuns: 300 });
  });

  test('就業延人員 ≤ rows, 就業実人員 ≤ 就業延人員, and 契約金額 = bills + wages of the month', () => {
    fc.assert(fc.property(centerArb, (raw) => {
      const { jobs, rows } = build(raw);
      const settings = { feeRate: raw.feeRate, weeklyHoursCap: 20, monthlyDaysCap: 10 };
      const actual = actualWork({ workLog: rows, jobs, settings }, { from: '2015-06-01', to: '2015-06-30' }, 4);
      if (rows.length === 0) { expect(actual).toBeNull(); return; }
      expect(actual!.person_days).toBeLessThanOrEqual(rows.length);
      expect(actual!.members).toBeLessThanOrEqual(actual!.person_days);
      expect(actual!.person_days).toBe(new Set(rows.map((r) => `${r.member_id} ${r.date}`)).size);
      const pay = monthlyPay({ workLog: rows, jobs, feeRate: raw.feeRate }, '2015-06');
      expect(actual!.contract_amount).toBe(pay.totals.billed + pay.totals.wages);
    }), { numRuns: 300 });
  });
});
