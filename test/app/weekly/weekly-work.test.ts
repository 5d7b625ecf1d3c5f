import { runWeeklySummary } from '../../../src/app/weekly/run-weekly-summary';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { workCenterTabs } from '../work/work-center';
import { fixedClock, RecordingMailer } from './fixture';

// The weekly mail of a center that keeps 就業実績 (issue 13): the week's 就業延人員 and the
// members over a cap, by ID only. The week is Mon 2015-06-08 .. Sun 06-14 of the hand-worked
// center (test/app/work/work-center.ts), where M002 worked on 06-10 and 06-11; M003 is given
// Mon–Fri 4 h a day and 1 h on Saturday: 21 h, one hour over the 20-hour cap.
function store(withWork = true): MemoryTableStore {
  const tabs = workCenterTabs().map((t) => {
    if (t.name === '就業実績') {
      const extra = ['08', '09', '10', '11', '12'].map((d, i) => [`X${i}`, { date: `2015-06-${d}` }, 'M003', 'J03', 4, null, false, null, null]);
      return { ...t, rows: [...t.rows, ...extra, ['X9', { date: '2015-06-13' }, 'M003', 'J03', 1, null, false, null, null]] };
    }
    if (t.name === '設定') return { ...t, rows: [...t.rows, ['週次メール送信先', 'kanri@c.jp']] };
    return t;
  });
  return MemoryTableStore.from(withWork ? tabs : tabs.filter((t) => t.name !== '就業実績'));
}

describe('the weekly mail with a work log', () => {
  test('shows the week\'s 就業延人員 and names the member over the weekly hours cap by ID', () => {
    const mailer = new RecordingMailer();
    runWeeklySummary({ store: store(), mailer, clock: fixedClock('2015-06-14T23:30:00Z') });
    const text = mailer.sent[0]?.text ?? '';
    // 就業延人員: M002 06-10 and 06-11, M003 06-08 … 06-13 = 2 + 6 = 8. The week before (06-01 ..
    // 06-07): M001 06-01, 06-02; M002 06-03 = 3. Fiscal year to date: + May's one (M002 05-31) = 12.
    expect(text).toContain('就業延人員（就業実績）: 8  (前週比 ▲5 / 前週 3 / 年度累計 12)');
    expect(text).toContain('週の上限時間を超えた会員（会員ID）');
    expect(text).toMatch(/週の上限時間を超えた会員（会員ID）: 1\n\s+M003\n/);
    expect(text).toContain('月の上限日数を超えた会員（会員ID）: 0');
    expect(text).not.toContain('我孫子');
    expect(mailer.sent[0]?.html).toContain('M003');
  });

  test('without a work log the mail shows neither, and the placement figures say so', () => {
    const mailer = new RecordingMailer();
    runWeeklySummary({ store: store(false), mailer, clock: fixedClock('2015-06-14T23:30:00Z') });
    const text = mailer.sent[0]?.text ?? '';
    expect(text).not.toContain('就業延人員');
    expect(text).not.toContain('上限');
    expect(text).toContain('就業中の会員（成立ベース）');
  });
});
