import { monthlyPay, monthlyPayJson } from '../../../src/domain/work/monthly-pay';
import { JOBS, ROWS, job, work } from './fixtures';

// The June 2015 close of the hand-worked center of fixtures.ts (fee rate 10%).
describe('the monthly close of June 2015', () => {
  const june = monthlyPay({ workLog: ROWS, jobs: JOBS, feeRate: 10 }, '2015-06');

  test('gives each member 配分金 for 請負 and 委任 rows, rounded down once per member-month', () => {
    // M001: 3,000 + 1,575 + 2,800 (金額 overrides 2,500) + 3,500 (daily) = 10,875; days 06-01 (two
    //       jobs, one day), 06-02, 06-30 = 3; hours 3 + 1.5 + 2.5 + 6 = 13.
    // M002: 525 + 262.5 = 787.5 → 787; one day (06-03); 0.75 h. Its 派遣 and 職業紹介 rows are not 配分金.
    // M003: 1,312.5 + 1,312.5 + 0 = 2,625 (rounding each row down would give 2,624); days 15, 16, 20; 4.5 h.
    expect(monthlyPayJson(june).members).toEqual([
      { member_id: 'M001', days: 3, hours: 13, amount: 10875 },
      { member_id: 'M002', days: 1, hours: 0.75, amount: 787 },
      { member_id: 'M003', days: 3, hours: 4.5, amount: 2625 },
    ]);
  });

  test('bills each client its 請負・委任 pay plus the fee, floor(pay × 10 / 100)', () => {
    // C01: J01 3,000 + 2,800 and J02 3,500 = 9,300; fee 930; total 10,230.
    // C02: J03 1,575 + 525 + 262.5 + 1,312.5 + 1,312.5 = 4,987.5 → 4,987; fee floor(498.7) = 498; 5,485.
    //      (J04 is 派遣: not in the bill.)
    // C03: J06 0 (no 単価); J05 is 職業紹介: pay 0, fee 0.
    expect(monthlyPayJson(june).clients).toEqual([
      { client_id: 'C01', pay: 9300, fee: 930, total: 10230 },
      { client_id: 'C02', pay: 4987, fee: 498, total: 5485 },
      { client_id: 'C03', pay: 0, fee: 0, total: 0 },
    ]);
  });

  test('lists 派遣 wages apart and never in 配分金', () => {
    // M002 W07: 4 h × 1,100 = 4,400.
    expect(monthlyPayJson(june).dispatch).toEqual([{ member_id: 'M002', hours: 4, wages: 4400 }]);
  });

  test('totals: 配分金 14,287, fee 1,428, billed 15,715, wages 4,400', () => {
    // 10,875 + 787 + 2,625 = 14,287 (= the clients' pay 9,300 + 4,987 + 0); 930 + 498 = 1,428;
    // 10,230 + 5,485 = 15,715.
    expect(june.totals).toEqual({ amount: 14287, fee: 1428, billed: 15715, wages: 4400 });
    expect(june.rowCount).toBe(11);
    expect(june.placementRows).toBe(1);
  });

  test('keeps the rows behind each amount, in date order, the override and the unpriced row marked', () => {
    const m1 = june.members[0]!;
    expect(m1.rows.map((r) => [r.work_id, r.pay, r.override])).toEqual([
      ['W01', 3000, false], ['W02', 1575, false], ['W03', 2800, true], ['W04', 3500, false],
    ]);
    const m3 = june.members[2]!;
    expect(m3.rows.map((r) => [r.work_id, r.pay, r.priced])).toEqual([['W09', 1312.5, true], ['W10', 1312.5, true], ['W11', 0, false]]);
  });

  test('prints the JSON keys of cli.md in order', () => {
    expect(Object.keys(monthlyPayJson(june))).toEqual(['month', 'members', 'clients', 'dispatch', 'totals']);
    expect(monthlyPayJson(june).month).toBe('2015-06');
  });
});

describe('rounding and odd cases', () => {
  test('sums hours and yen exactly: 0.1 h + 0.2 h is 0.3 h, 0.29 h × ¥100 is ¥29', () => {
    const jobs = [job({ job_id: 'J', client_id: 'C', unit_price: 100 })];
    const pay = monthlyPay({ workLog: [work('a', '2016-02-29', 'M', 'J', 0.1), work('b', '2016-02-01', 'M', 'J', 0.2), work('c', '2016-02-02', 'M', 'J', 0.29)], jobs, feeRate: 10 }, '2016-02');
    // 10 + 20 + 29 = 59 yen; 0.1 + 0.2 + 0.29 = 0.59 h; 02-29 is in February of a leap year.
    expect(monthlyPayJson(pay).members).toEqual([{ member_id: 'M', days: 3, hours: 0.59, amount: 59 }]);
  });

  test('a fee rate with decimals stays exact: 8.5% of ¥10,001 is ¥850 (850.085 rounded down)', () => {
    const jobs = [job({ job_id: 'J', client_id: 'C', unit_price: 10001, unit: 'day' })];
    const pay = monthlyPay({ workLog: [work('a', '2015-06-01', 'M', 'J', 8)], jobs, feeRate: 8.5 }, '2015-06');
    expect(pay.clients).toEqual([{ client_id: 'C', pay: 10001, fee: 850, total: 10851 }]);
  });

  test('a blank 単価区分 is hourly, a blank 契約形態 is 請負, and a job without a client bills under ""', () => {
    const jobs = [job({ job_id: 'J', engagement: null, unit_price: 900 })];
    const pay = monthlyPay({ workLog: [work('a', '2015-06-01', 'M', 'J', 2)], jobs, feeRate: 10 }, '2015-06');
    expect(monthlyPayJson(pay)).toEqual({
      month: '2015-06', members: [{ member_id: 'M', days: 1, hours: 2, amount: 1800 }],
      clients: [{ client_id: '', pay: 1800, fee: 180, total: 1980 }], dispatch: [], totals: { amount: 1800, fee: 180, billed: 1980, wages: 0 },
    });
  });

  test('a month without rows closes to nothing', () => {
    expect(monthlyPayJson(monthlyPay({ workLog: ROWS, jobs: JOBS, feeRate: 10 }, '2015-08'))).toEqual({
      month: '2015-08', members: [], clients: [], dispatch: [], totals: { amount: 0, fee: 0, billed: 0, wages: 0 },
    });
  });
});
