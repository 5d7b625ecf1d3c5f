import { actualWork } from '../../../src/domain/work/work-actual';
import { JOBS, ROWS, job, work } from './fixtures';

const SETTINGS = { feeRate: 10, weeklyHoursCap: 20, monthlyDaysCap: 10 };

describe('the national statistics from 就業実績', () => {
  test('June 2015 of the hand-worked center: 就業実人員, 就業延人員, hours, 就業率 and 契約金額', () => {
    // Rows dated 06-01..06-30 (W12 of 05-31 and W13 of 07-01 are outside):
    // 就業実人員 = M001, M002, M003 = 3 (the 職業紹介 row of M002 counts too).
    // 就業延人員 = M001 06-01 (two jobs: one person-day), 06-02, 06-30; M002 06-03 (two rows), 06-10,
    //             06-11; M003 06-15, 06-16, 06-20 = 9, from 11 rows.
    // hours = 13 + (0.5 + 0.25 + 4 + 3) + 4.5 = 25.25.
    // 就業率 = 3 / 4 enrolled on 06-30 = 0.75.
    // 契約金額 = bills 10,230 + 5,485 + 0 + 派遣 wages 4,400 = 20,115 (monthly-pay.test.ts).
    expect(actualWork({ workLog: ROWS, jobs: JOBS, settings: SETTINGS }, { from: '2015-06-01', to: '2015-06-30' }, 4)).toEqual({
      members: 3, person_days: 9, hours: 25.25, employment_rate: 0.75, contract_amount: 20115,
      over_monthly_days: [], over_weekly_hours: [],
    });
  });

  test('a period across two months rounds each client-month and member-month apart, as their closes do', () => {
    // 05-31 .. 07-01: June's 20,115 + May's W12 (C01, 1 h × 1,000 = 1,000 + fee 100) + July's W13
    // (C01, 2,000 + 200) = 23,415; persons 3 (W12 is M002, W13 M001); person-days 9 + 2 = 11.
    const r = actualWork({ workLog: ROWS, jobs: JOBS, settings: SETTINGS }, { from: '2015-05-31', to: '2015-07-01' }, 4);
    expect(r).toMatchObject({ members: 3, person_days: 11, hours: 28.25, contract_amount: 23415 });
  });

  test('is null when the center keeps no work rows at all, and zeros for a period without any', () => {
    expect(actualWork({ workLog: [], jobs: JOBS, settings: SETTINGS }, { from: '2015-06-01', to: '2015-06-30' }, 4)).toBeNull();
    expect(actualWork({ workLog: ROWS, jobs: JOBS, settings: SETTINGS }, { from: '2016-01-01', to: '2016-01-31' }, 0)).toEqual({
      members: 0, person_days: 0, hours: 0, employment_rate: 0, contract_amount: 0, over_monthly_days: [], over_weekly_hours: [],
    });
  });
});

describe('over the caps (月上限日数 10, 週上限時間 20)', () => {
  const jobs = [job({ job_id: 'J', client_id: 'C', unit_price: 1000 })];
  const days = (member: string, dates: readonly string[], hours = 2): ReturnType<typeof work>[] =>
    dates.map((d, i) => work(`${member}-${i}`, d, member, 'J', hours));
  const june = (n: number): string[] => Array.from({ length: n }, (_, i) => `2015-06-${String(i + 1).padStart(2, '0')}`);
  const rows = [
    // M010: 11 distinct days in June → over. M011: exactly 10 → not over.
    ...days('M010', june(11)), ...days('M011', june(10)),
    // M011 also works twice on 06-10: still 10 distinct days.
    work('M011-x', '2015-06-10', 'M011', 'J', 1),
    // M012: Mon 06-08 .. Fri 06-12, 4 h a day = 20 h, and 1 h on Sun 06-14 → 21 h: over by one hour.
    ...days('M012', ['2015-06-08', '2015-06-09', '2015-06-10', '2015-06-11', '2015-06-12'], 4), work('M012-s', '2015-06-14', 'M012', 'J', 1),
    // M013: the same 20 h exactly → not over.
    ...days('M013', ['2015-06-08', '2015-06-09', '2015-06-10', '2015-06-11', '2015-06-12'], 4),
    // M014: 12 h on Sun 06-14 and 12 h on Mon 06-15: two weeks, neither over.
    work('M014-a', '2015-06-14', 'M014', 'J', 12), work('M014-b', '2015-06-15', 'M014', 'J', 12),
    // M015: 12 h on Tue 06-30 and 12 h on Wed 07-01 — the week of 06-29 reaches 24 h only in July.
    work('M015-a', '2015-06-30', 'M015', 'J', 12), work('M015-b', '2015-07-01', 'M015', 'J', 12),
  ];
  const actual = (from: string, to: string): ReturnType<typeof actualWork> =>
    actualWork({ workLog: rows, jobs, settings: SETTINGS }, { from, to }, 10);

  test('names the members over a cap in June, by ID', () => {
    expect(actual('2015-06-01', '2015-06-30')).toMatchObject({ over_monthly_days: ['M010'], over_weekly_hours: ['M012'] });
  });

  test('counts a week or month that overlaps the period whole, up to its end, and nothing after it', () => {
    // The week 06-08..06-14 seen from a period that starts on Sunday 06-14: M012's 21 h count.
    expect(actual('2015-06-14', '2015-06-20')).toMatchObject({ over_weekly_hours: ['M012'], over_monthly_days: ['M010'] });
    // Up to 06-30, M015 has 12 h in its week; up to 07-05, 24 h.
    expect(actual('2015-06-29', '2015-06-30')?.over_weekly_hours).toEqual([]);
    expect(actual('2015-06-29', '2015-07-05')?.over_weekly_hours).toEqual(['M015']);
    // On 06-10 M010 has worked 10 days: not yet over.
    expect(actual('2015-06-01', '2015-06-10')?.over_monthly_days).toEqual([]);
  });
});
