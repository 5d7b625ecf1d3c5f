import { annualPay } from '../../../src/domain/work/annual-pay';
import { monthPeriod, parseMonth, workMonthsPaidIn } from '../../../src/domain/work/month';
import { job, work } from './fixtures';

describe('months', () => {
  test('reads 2015-04, 2015/4, ２０１５－０４ and a whole day as a month, and nothing else', () => {
    expect(['2015-04', '2015/4', '２０１５－０４', '2015-04-01', ' 2015-4 '].map(parseMonth)).toEqual(['2015-04', '2015-04', '2015-04', '2015-04', '2015-04']);
    expect(['2015-13', '2015', 'April', '15-04', ''].map(parseMonth)).toEqual([null, null, null, null, null]);
  });

  test('knows the last day of a month, leap years included', () => {
    expect(monthPeriod('2016-02')).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(monthPeriod('2015-02').to).toBe('2015-02-28');
    expect(monthPeriod('2015-12').to).toBe('2015-12-31');
  });

  test('pays a month the month after: the payments of 2016 are the work of December 2015 to November 2016', () => {
    expect(workMonthsPaidIn(2016)).toEqual([
      '2015-12', '2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06', '2016-07', '2016-08', '2016-09', '2016-10', '2016-11',
    ]);
  });
});

describe('the annual 配分金支払証明書', () => {
  test('adds up each member\'s paid months: December of the year before in, December of the year out', () => {
    const jobs = [job({ job_id: 'J', client_id: 'C', unit_price: 1000 }), job({ job_id: 'D', client_id: 'C', engagement: 'dispatch', unit_price: 1000 })];
    const rows = [
      work('a', '2015-11-30', 'M1', 'J', 1), // paid in 2015-12: not in 2016
      work('b', '2015-12-01', 'M1', 'J', 2.5), // paid in 2016-01: 2,500
      work('c', '2016-06-15', 'M1', 'J', 0.5), // 500
      work('d', '2016-06-15', 'M1', 'J', 0.25), // 250 (the same day: 06 has 1 day, 0.75 h, 750)
      work('e', '2016-11-30', 'M1', 'J', 3), // paid in 2016-12: 3,000
      work('f', '2016-12-01', 'M1', 'J', 4), // paid in 2017-01: not in 2016
      work('g', '2016-03-03', 'M2', 'D', 8), // 派遣: wages, never on the certificate
      work('h', '2016-03-03', 'M3', 'J', 1.5, 1234.5), // 金額 ¥1,234.5 → 1,234 for the month
    ];
    const year = annualPay({ workLog: rows, jobs, feeRate: 10 }, 2016);
    // M1: 2,500 + 750 + 3,000 = 6,250 over 3 days and 2.5 + 0.75 + 3 = 6.25 h. M3: 1,234.
    expect(year.members).toEqual([
      { member_id: 'M1', days: 3, hours: 6.25, amount: 6250, months: [
        { month: '2015-12', paid_in: '2016-01', days: 1, hours: 2.5, amount: 2500 },
        { month: '2016-06', paid_in: '2016-07', days: 1, hours: 0.75, amount: 750 },
        { month: '2016-11', paid_in: '2016-12', days: 1, hours: 3, amount: 3000 },
      ] },
      { member_id: 'M3', days: 1, hours: 1.5, amount: 1234, months: [{ month: '2016-03', paid_in: '2016-04', days: 1, hours: 1.5, amount: 1234 }] },
    ]);
    expect(year.totals).toEqual({ amount: 7484 });
    expect(year.work_months[0]).toBe('2015-12');
  });
});
