import { annualStatistics, type StatLine } from '../../../src/domain/work/annual-statistics';
import { JOBS, ROWS } from './fixtures';

// The 年度統計 of fiscal 2015 (2015-04-01 … 2016-03-31) on the hand-worked work fixture
// (fixtures.ts: all thirteen rows fall in the year), worked out by hand:
//
// Members (joined 2010-04-01 unless said), age on 2016-03-31:
//   M001 男 1950-04-01 → 65 (65–69)      M002 女 1956-04-01 → 59 (60 on 04-01: 60未満)
//   M003 男 no birth date (年齢不明)      M004 女 1930-01-01 → 86 (85以上), works not
//   M005 男 left 2016-03-31: not enrolled on the year's last day
//   M006 no gender, 1940-05-05 → 75 (75–79: その他・未回答)
//   M007 女 joined 2016-04-01: not yet a member
//   Enrolled at the end: 男 2, 女 2, other 1 = 5.
// Clients: C01 福祉施設 (J01 請負, J02 委任), C02 企業 (J03 請負, J04 派遣), C03 no 業種 (J05 職業紹介, J06 請負).
//
// 就業実人員: M001, M003 (男) and M002 (女) = 3.
// 就業延人員 (member, day): M001 06-01 06-02 06-30 07-01 = 4; M002 05-31 06-03 06-10 06-11 = 4;
//   M003 06-15 06-16 06-20 = 3 → 男 7, 女 4, 計 11.
// By engagement: 請負 M001 06-01 (J01 and J03, once) 06-02 07-01, M002 05-31 06-03, M003 three = 男 6 女 2;
//   委任 M001 06-30 = 男 1; 派遣 M002 06-10 = 女 1; 職業紹介 M002 06-11 = 女 1. 8 + 1 + 1 + 1 = 11.
// By sector: 福祉施設 M001 06-01 06-02 06-30 07-01, M002 05-31 = 男 4 女 1;
//   企業 M001 06-01 (J03), M002 06-03 06-10, M003 06-15 06-16 = 男 3 女 2;
//   業種不明 M002 06-11, M003 06-20 = 男 1 女 1. 5 + 5 + 2 = 12 > 11: M001's 06-01 counts under both sectors.
// 契約金額: May C01 1 h × 1,000 = 1,000 + fee 100 = 1,100; June (fixtures.ts) billed 15,715, wages 4,400;
//   July C01 2 h × 1,000 = 2,000 + 200 = 2,200 → bills 1,100 + 15,715 + 2,200 = 19,015, wages 4,400, 計 23,415.
// 就業率: 男 2/2 = 100.0%, 女 1/2 = 50.0%, other 0/1 = 0%, 計 3/5 = 60.0%.

const member = (member_id: string, gender: 'male' | 'female' | null, birth_date: string | null, joined_on = '2010-04-01', left_on: string | null = null) =>
  ({ member_id, gender, birth_date, joined_on, left_on });

const stats = annualStatistics({
  members: [
    member('M001', 'male', '1950-04-01'), member('M002', 'female', '1956-04-01'), member('M003', 'male', null),
    member('M004', 'female', '1930-01-01'), member('M005', 'male', '1948-01-01', '2010-04-01', '2016-03-31'),
    member('M006', null, '1940-05-05'), member('M007', 'female', '1955-01-01', '2016-04-01'),
  ],
  clients: [{ client_id: 'C01', sector: 'welfare' }, { client_id: 'C02', sector: 'company' }, { client_id: 'C03', sector: null }],
  jobs: JOBS, workLog: ROWS, feeRate: 10,
}, 2015, { from: '2015-04-01', to: '2016-03-31' });

const line = (section: StatLine['section'], item: string): [number, number, number, number] | number => {
  const l = stats.lines.find((x) => x.section === section && x.item === item);
  if (!l) throw new Error(`no line ${section} ${item}`);
  return l.bySex ? [l.bySex.male, l.bySex.female, l.bySex.other, l.total] : l.total;
};

describe('the 年度統計 of a fiscal year (hand-worked)', () => {
  it('counts the members enrolled on the year\'s last day by age band and sex', () => {
    expect(line('members', 'under_60')).toEqual([0, 1, 0, 1]);
    expect(line('members', '65_69')).toEqual([1, 0, 0, 1]);
    expect(line('members', '75_79')).toEqual([0, 0, 1, 1]);
    expect(line('members', '85_plus')).toEqual([0, 1, 0, 1]);
    expect(line('members', 'unknown')).toEqual([1, 0, 0, 1]);
    expect(line('members', '60_64')).toEqual([0, 0, 0, 0]);
    expect(line('members', 'total')).toEqual([2, 2, 1, 5]);
  });

  it('gives 就業実人員 and 就業延人員 by engagement and by sector, a day on two sectors under each', () => {
    expect(line('workers', 'total')).toEqual([2, 1, 0, 3]);
    expect(line('person_days_engagement', 'contract')).toEqual([6, 2, 0, 8]);
    expect(line('person_days_engagement', 'mandate')).toEqual([1, 0, 0, 1]);
    expect(line('person_days_engagement', 'dispatch')).toEqual([0, 1, 0, 1]);
    expect(line('person_days_engagement', 'placement')).toEqual([0, 1, 0, 1]);
    expect(line('person_days_engagement', 'total')).toEqual([7, 4, 0, 11]);
    expect(line('person_days_sector', 'welfare')).toEqual([4, 1, 0, 5]);
    expect(line('person_days_sector', 'company')).toEqual([3, 2, 0, 5]);
    expect(line('person_days_sector', 'unknown')).toEqual([1, 1, 0, 2]);
    expect(line('person_days_sector', 'household')).toEqual([0, 0, 0, 0]);
    expect(line('person_days_sector', 'total')).toEqual([7, 4, 0, 11]);
  });

  it('gives 契約金額 as the twelve closes\' bills plus 派遣 wages, and 就業率 by sex', () => {
    expect([line('contract_amount', 'allocation'), line('contract_amount', 'dispatch'), line('contract_amount', 'total')]).toEqual([19015, 4400, 23415]);
    expect(line('employment_rate', 'total')).toEqual([100, 50, 0, 60]);
  });

  it('lays the lines out in the form\'s order: members by age band, workers, person-days, amount, rate', () => {
    const sections = [...new Set(stats.lines.map((l) => l.section))];
    expect(sections).toEqual(['members', 'workers', 'person_days_engagement', 'person_days_sector', 'contract_amount', 'employment_rate']);
    expect(stats.lines.filter((l) => l.section === 'members').map((l) => l.item)).toEqual(['under_60', '60_64', '65_69', '70_74', '75_79', '80_84', '85_plus', 'unknown', 'total']);
  });
});
