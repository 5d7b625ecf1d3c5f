import { runWeeklySummary } from '../../../src/app/weekly/run-weekly-summary';
import { matchColumnsOf } from '../../../src/domain/kpi/placements';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import { addDays } from '../../../src/domain/civil-date';
import { computeReport } from '../../../src/domain/kpi/compute-report';
import { attentionItems } from '../../../src/domain/kpi/attention-items';
import { memberColumnsOf } from '../../../src/domain/kpi/members';
import { coordinatorFigures } from '../../../src/domain/kpi/coordinator-figures';
import { parseSettings } from '../../../src/domain/settings';
import { fiscalTargets, yearShareGone } from '../../../src/domain/weekly/fiscal-targets';
import { weeklyTrends } from '../../../src/domain/weekly/weekly-trends';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { fixedClock, fyBoundaryTables, MEMBER_PERSONAL_DATA, MONDAY_AFTER_FY_WEEK, RecordingMailer } from './fixture';

// Issue 14: a weekly mail a manager can steer by — 13 weeks of trends from 週次KPI, the year's
// targets pro rata, figures per coordinator, attention lists with what makes them urgent, the
// spreadsheet's link. Every figure below is worked out by hand from fixture.ts's rows.
const URL = 'https://docs.google.com/spreadsheets/d/1abc/edit';

function center(targets: [string, number | string][] = []): MemoryTableStore {
  const tables = fyBoundaryTables();
  tables.find((t) => t.name === '設定')!.rows.push(...targets);
  return MemoryTableStore.from(tables);
}

/** Runs the 12 weeks before 2016-03-28 (filling 週次KPI), then the week itself; its mail. */
function thirteenWeeks(store: MemoryTableStore): { html: string; text: string } {
  for (let w = 12; w >= 1; w--) runWeeklySummary({ store, mailer: new RecordingMailer(), clock: fixedClock(MONDAY_AFTER_FY_WEEK) }, { week: addDays('2016-03-28', -7 * w) });
  const mailer = new RecordingMailer();
  runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK), spreadsheetUrl: () => URL });
  const m = mailer.sent[0];
  if (!m) throw new Error('not sent');
  return { html: m.html, text: m.text };
}

describe('the 年度目標 rows of 設定', () => {
  it('read as whole numbers ≥ 0; a bad one is a problem naming its cell, and no target', () => {
    const raw = { name: '設定', header: ['項目', '値'], rows: [['年度目標（新規入会者数）', '３００'], ['target_jobs_developed', 0], ['年度目標（就業延人員）', '多め']] };
    const { settings, problems } = parseSettings(raw);
    expect(settings.targetNewMembers).toBe(300);
    expect(settings.targetJobsDeveloped).toBe(0);
    expect(settings.targetPersonDays).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ tab: '設定', cell: 'B4', code: 'bad_setting' })]);
  });
});

describe('the year\'s targets, pro rata', () => {
  it('take the share of the fiscal year gone by on the week\'s last day', () => {
    // FY2016 = 2016-04-01 .. 2017-03-31, 365 days; on 2016-04-03, 3 days have gone by.
    expect(yearShareGone(2016, 4, '2016-04-03')).toBeCloseTo(3 / 365, 10);
    expect(yearShareGone(2015, 4, '2016-03-31')).toBe(1);
    // FY2015 has 29 February: 366 days; 2015-09-30 is day 183 → exactly half.
    expect(yearShareGone(2015, 4, '2015-09-30')).toBe(0.5);
  });

  it('compare the year to date with annual × share, and leave out a target that is not set', () => {
    const wb = loadWorkbook(center([['年度目標（新規入会者数）', 365], ['年度目標（就労者数・請負）', 730], ['年度目標（就業延人員）', 100]]));
    const fy = computeReport(wb, { from: '2016-04-01', to: '2016-04-03' });
    const lines = fiscalTargets(wb.settings, 2016, fy);
    // new members 04-01..04-03: M003 → 1 of 365 × 3/365 = 3 → 33%; 請負 X002 (04-02) → 1 of 6.
    // 就業延人員 has no line: the fixture keeps no 就業実績.
    expect(lines).toEqual([
      { key: 'targetNewMembers', actual: 1, annual: 365, proRata: 3, achievement: 1 / 3 },
      { key: 'targetPlacedContract', actual: 1, annual: 730, proRata: 6, achievement: 1 / 6 },
    ]);
  });
});

describe('figures per coordinator', () => {
  it('count activities (not withdrawn), proposals, placements and jobs developed by 担当, in any case', () => {
    const wb = loadWorkbook(center());
    const week = coordinatorFigures({ ...wb, matches: matchColumnsOf(wb.matches) }, { from: '2016-03-28', to: '2016-04-03' });
    // jc1: A001, A002 (A005 is 04-04); X001 03-30 and X002 04-02 placed; no 提案日 in the fixture.
    expect(week.get('jc1@center.example')).toEqual({ activities: 2, proposals: 0, placements: 2, jobs_developed: 0 });
    // jc2: A003; J002 created 04-01 under jc2.
    expect(week.get('jc2@center.example')).toEqual({ activities: 1, proposals: 0, placements: 0, jobs_developed: 1 });
    const matches = wb.matches.map((m) => (m.match_id === 'X003' ? { ...m, proposed_on: '2016-03-29', coordinator: 'JC2@Center.Example' } : m));
    expect(coordinatorFigures({ ...wb, matches: matchColumnsOf(matches) }, { from: '2016-03-28', to: '2016-04-03' }).get('jc2@center.example')?.proposals).toBe(1);
    const withdrawn = wb.activities.map((a) => (a.activity_id === 'A003' ? { ...a, status: 'withdrawn' as const } : a));
    expect(coordinatorFigures({ ...wb, activities: withdrawn, matches: matchColumnsOf(wb.matches) }, { from: '2016-03-28', to: '2016-04-03' }).get('jc2@center.example')?.activities).toBe(0);
  });
});

describe('the attention lists with what makes them urgent', () => {
  it('give days open and the title of a long-open job, days since placement of a follow-up, days waiting of a member', () => {
    const loaded = loadWorkbook(center());
    // M002 given M003's slot, so that a member with an ended match waits too.
    const slot = loaded.members.find((m) => m.member_id === 'M003')!.availability;
    const wb = { ...loaded, members: loaded.members.map((m) => (m.member_id === 'M002' ? { ...m, availability: slot } : m)) };
    const report = computeReport(wb, { from: '2016-04-11', to: '2016-04-17' });
    const items = attentionItems({ ...wb, members: memberColumnsOf(wb.members), matches: matchColumnsOf(wb.matches) }, report);
    // J001 created 03-15, open, 2 of 3 placed (X001, X002) → 33 days on 04-17; J002 (04-01, none
    // of 1 placed) → 16 days: the longer open first.
    expect(items.staleOpenJobs).toEqual([
      { id: 'J001', days: 33, jobTitle: '配膳補助', memberId: null, filled: { placed: 2, headcount: 3 } },
      { id: 'J002', days: 16, jobTitle: '庭の手入れ', memberId: null, filled: { placed: 0, headcount: 1 } },
    ]);
    // X001 placed 03-30 → 18 days on 04-17, no 継続支援 for M001; X002 (M004) had A003 on 04-02 → not due.
    expect(items.followUpsDue).toEqual([{ id: 'X001', days: 18, jobTitle: '配膳補助', memberId: 'M001', filled: null }]);
    // Waiting on 04-17: M003 (joined 04-01, a slot, no match) → 16 days. M002's consultation
    // (03-24..03-25) is inside the 90 days: not waiting yet.
    expect(items.waitingMembers.map((i) => [i.id, i.days])).toEqual([['M003', 16]]);
    // On 2016-07-10 (90 days: 04-12..07-10) M002 waits too, since its later day with the desk:
    // joined 03-29 (after the match ended 03-25) → 103 days; M003 since 04-01 → 100; M001 and M004
    // are placed (busy).
    const july = attentionItems({ ...wb, members: memberColumnsOf(wb.members), matches: matchColumnsOf(wb.matches) }, computeReport(wb, { from: '2016-07-04', to: '2016-07-10' }));
    expect(july.waitingMembers.map((i) => [i.id, i.days])).toEqual([['M002', 103], ['M003', 100]]);
    // Both count from their join day (M002's match ended before it): the mail says "入会から" past a year.
    expect(july.waitingMembers.map((i) => i.fromJoining)).toEqual([true, true]);
  });
});

describe('the weekly mail a manager can steer by', () => {
  it('draws 13 weeks of 週次KPI, the newest from the week itself, with a gap for a week without a row', () => {
    const store = center();
    for (let w = 12; w >= 2; w--) runWeeklySummary({ store, mailer: new RecordingMailer(), clock: fixedClock(MONDAY_AFTER_FY_WEEK) }, { week: addDays('2016-03-28', -7 * w) });
    const wb = loadWorkbook(store);
    const week = { from: '2016-03-28', to: '2016-04-03' };
    const trends = weeklyTrends(store.read(['週次KPI']), week, computeReport(wb, week));
    expect(trends.weeks).toHaveLength(13);
    expect(trends.weeks[0]).toBe('2016-01-04');
    const members = trends.series.find((s) => s.key === 'members_enrolled')!.values;
    // 2016-01-04..: M001 and M005 enrolled (2 each week) until M004 joins 03-22; 03-21 week had no run (null).
    expect(members).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, null, 4]);
  });

  it('shows trends, targets, coordinators by name, urgent entries and the link, and no member\'s personal data', () => {
    const { html, text } = thirteenWeeks(center([['年度目標（新規入会者数）', 365]]));
    expect(text).toContain('■ 13週の推移');
    expect(text).toMatch(/ {2}会員数: 4 {2}[▁-█]{13} {2}\(2–4\)/u);
    expect(text).toContain('新規入会者数: 33%  (実績 1 ／ 按分 3 ／ 年間 365)');
    expect(text).toContain('田中 JC: 活動 2/0  提案 0/0  成立 2/1  開拓 0/0');
    expect(text).toContain('J001  募集19日 · 2/3人 · 配膳補助');
    expect(text).toContain(`スプレッドシートを開く: ${URL}`);
    expect(html).toContain(`<a href="${URL}"`);
    expect(html).toContain('佐藤 &lt;b&gt;JC&lt;/b&gt;');
    for (const p of MEMBER_PERSONAL_DATA) expect([p, `${html}${text}`.includes(p)]).toEqual([p, false]);
  });

  it('leaves the link out when the address is not a plain https URL', () => {
    const store = center();
    const mailer = new RecordingMailer();
    runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK), spreadsheetUrl: () => 'javascript:alert(1)' });
    expect(mailer.sent[0]?.html).not.toContain('<a ');
  });
});
