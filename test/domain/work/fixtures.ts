import type { Job, WorkRecord } from '../../../src/domain/schema/tabs';

// Small record builders for the work tests: a test states only what its figure is about.
export function job(over: Partial<Job> & { job_id: string }): Job {
  return {
    client_id: null, title: '', category: '', engagement: 'contract', required_skills: [], slots: [],
    headcount: 1, district: '', start_on: null, end_on: null, pay: '', social_contribution: false,
    status: 'open', created_on: null, coordinator: '', unit_price: null, unit: null,
    ...over,
  };
}

export function work(work_id: string, date: string, member_id: string, job_id: string, hours: number, amount: number | null = null): WorkRecord {
  return { work_id, date, member_id, job_id, hours, amount, confirmed: false, recorded_at: null, notes: '' };
}

/**
 * The hand-worked center of June 2015 (fee rate 10%). Jobs:
 *   J01 C01 請負 ¥1,000 an hour      J02 C01 委任 ¥3,500 a day       J03 C02 請負 ¥1,050 an hour
 *   J04 C02 派遣 ¥1,100 an hour      J05 C03 職業紹介 ¥1,200 an hour  J06 C03 請負, no 単価
 */
export const JOBS: readonly Job[] = [
  job({ job_id: 'J01', client_id: 'C01', engagement: 'contract', unit_price: 1000, unit: 'hour', title: '公園清掃' }),
  job({ job_id: 'J02', client_id: 'C01', engagement: 'mandate', unit_price: 3500, unit: 'day', title: '施設管理' }),
  job({ job_id: 'J03', client_id: 'C02', engagement: 'contract', unit_price: 1050, unit: 'hour', title: '除草' }),
  job({ job_id: 'J04', client_id: 'C02', engagement: 'dispatch', unit_price: 1100, unit: 'hour', title: '倉庫作業' }),
  job({ job_id: 'J05', client_id: 'C03', engagement: 'placement', unit_price: 1200, unit: 'hour', title: '受付' }),
  job({ job_id: 'J06', client_id: 'C03', engagement: 'contract', title: '植木の手入れ' }),
];

/**
 * The rows, with each one's pay worked out by hand:
 * M001 W01 06-01 J01 3 h          = 3 × 1,000           = 3,000
 *      W02 06-01 J03 1.5 h        = 1.5 × 1,050         = 1,575   (a second job the same day)
 *      W03 06-02 J01 2.5 h ¥2,800 = the 金額 given       = 2,800   (2.5 × 1,000 = 2,500 is overridden)
 *      W04 06-30 J02 6 h          = 3,500 (a daily job: 単価 per day, whatever the hours; last day of June)
 * M002 W05 06-03 J03 0.5 h        = 525
 *      W06 06-03 J03 0.25 h       = 262.5
 *      W07 06-10 J04 4 h          = 4,400 派遣: wages, not 配分金
 *      W08 06-11 J05 3 h          = 職業紹介: only counted
 * M003 W09 06-15 J03 1.25 h       = 1,312.5
 *      W10 06-16 J03 1.25 h       = 1,312.5
 *      W11 06-20 J06 2 h          = 0 (no 単価, no 金額)
 * Outside June: W12 05-31 M002 J01 1 h, W13 07-01 M001 J01 2 h.
 */
export const ROWS: readonly WorkRecord[] = [
  work('W01', '2015-06-01', 'M001', 'J01', 3),
  work('W02', '2015-06-01', 'M001', 'J03', 1.5),
  work('W03', '2015-06-02', 'M001', 'J01', 2.5, 2800),
  work('W04', '2015-06-30', 'M001', 'J02', 6),
  work('W05', '2015-06-03', 'M002', 'J03', 0.5),
  work('W06', '2015-06-03', 'M002', 'J03', 0.25),
  work('W07', '2015-06-10', 'M002', 'J04', 4),
  work('W08', '2015-06-11', 'M002', 'J05', 3),
  work('W09', '2015-06-15', 'M003', 'J03', 1.25),
  work('W10', '2015-06-16', 'M003', 'J03', 1.25),
  work('W11', '2015-06-20', 'M003', 'J06', 2),
  work('W12', '2015-05-31', 'M002', 'J01', 1),
  work('W13', '2015-07-01', 'M001', 'J01', 2),
];
