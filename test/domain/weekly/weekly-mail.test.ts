import type { Report } from '../../../src/domain/kpi/report';
import { renderWeeklyMail } from '../../../src/domain/mail/weekly-mail';
import { WEEKLY_STRINGS } from '../../../src/domain/mail/weekly-strings';
import { weeklySubject } from '../../../src/domain/mail/weekly-subject';
import { weeklyMailModel } from '../../../src/domain/weekly/weekly-mail-model';
import { weeklyPeriods } from '../../../src/domain/weekly/week-period';

// The mail rendered from hand-made Reports, so each figure's place in the mail is checked
// without the KPI engine in between.
function report(from: string, to: string, over: (r: Report) => void = () => undefined): Report {
  const zero = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const g = { total: 0, male: 0, female: 0, other: 0, unknown: 0 };
  const r: Report = {
    period: { from, to },
    members: {
      enrolled_at_start: { ...g }, enrolled: { ...g },
      new_members: { total: 0, by_route: zero(['window', 'orientation', 'seminar', 'referral', 'publicity', 'other']), by_gender: zero(['male', 'female', 'other', 'unknown']) },
      resigned_members: 0, crude_enrollment_rate: null,
    },
    work: {
      placed_members: { total: 0, by_engagement: zero(['dispatch', 'placement', 'contract', 'mandate', 'consultation']) },
      working_members: 0, employment_rate: 0,
      jobs_developed: { total: 0, by_sector: zero(['welfare', 'company', 'household', 'public', 'other']) },
      clients_developed: 0, open_jobs: 0, stale_open_jobs: [], actual: null,
    },
    activities: {
      total: 0, minutes: 0,
      by_area: zero(['development', 'recruitment', 'matching', 'follow_up']),
      minutes_by_area: zero(['development', 'recruitment', 'matching', 'follow_up']),
      by_kind: zero(['visit', 'call', 'proposal', 'interview', 'orientation', 'consultation', 'follow_up_contact', 'other']),
      by_coordinator: {}, minutes_by_coordinator: {}, follow_ups_due: [], waiting_members: [],
    },
    events: { held: { total: 0, by_kind: zero(['orientation', 'seminar', 'symposium', 'other']) }, attendees: 0, list: [], upcoming: [] },
  };
  over(r);
  return r;
}

const PERIODS = weeklyPeriods({ from: '2026-11-16', to: '2026-11-22' }, 4);

function mail(language: 'ja' | 'en', week: Report, previousWeek = report('2026-11-09', '2026-11-15'), fy = report('2026-04-01', '2026-11-22')) {
  return renderWeeklyMail(weeklyMailModel({
    language, centerName: '柏市シルバー人材センター', periods: PERIODS, reports: { week, previousWeek, fiscalYearToDate: fy },
    coordinators: [{ email: 'jc1@center.example', name: '田中 & 佐藤', role: 'coordinator', active: true }],
    events: [{ event_id: 'E9', kind: 'seminar', title: '<img src=x onerror=alert(1)>', date: '2026-11-18', start_time: null, venue: '', capacity: 10, status: 'open' }],
    problemCount: 0,
  }));
}

describe('the weekly mail', () => {
  it('has the subject of the issue in Japanese and in English', () => {
    expect(weeklySubject('柏市シルバー人材センター', PERIODS.week, 'ja')).toBe('【柏市シルバー人材センター】週次サマリー 2026/11/16–11/22');
    expect(weeklySubject('Kashiwa SHRC', PERIODS.week, 'en')).toBe('[Kashiwa SHRC] Weekly summary 2026-11-16 – 11-22');
    // A week running into the next year repeats the year.
    expect(weeklySubject('', { from: '2026-12-28', to: '2027-01-03' }, 'ja')).toBe('【シルバー人材センター】週次サマリー 2026/12/28–2027/01/03');
  });

  it('shows each headline figure with its change from the week before', () => {
    const week = report('2026-11-16', '2026-11-22', (r) => { r.members.new_members.total = 5; r.activities.minutes = 150; r.work.employment_rate = 0.25; });
    const prev = report('2026-11-09', '2026-11-15', (r) => { r.members.new_members.total = 7; r.activities.minutes = 30; r.work.employment_rate = 0.2; });
    const { text } = mail('ja', week, prev);
    // 5 − 7 = −2 → ▼2; 150 − 30 = 120 min → ▲2時間; 25.0% − 20.0% = 5.0 points.
    expect(text).toContain('新規入会者数: 5  (前週比 ▼2 / 前週 7');
    expect(text).toContain('活動時間: 2時間30分  (前週比 ▲2時間 / 前週 30分');
    expect(text).toContain('就業率（成立ベース）: 25.0%  (前週比 ▲5.0pt / 前週 20.0%');
  });

  it('shows a dash, not a year-to-date total, for the counts taken on the week\'s last day', () => {
    const week = report('2026-11-16', '2026-11-22', (r) => { r.members.enrolled.total = 812; });
    expect(mail('ja', week).text).toContain('会員数（週末時点）: 812  (前週比 ▲812 / 前週 0 / 年度累計 —)');
  });

  it('names coordinators from the コーディネータ tab and escapes every piece of the center\'s text', () => {
    const week = report('2026-11-16', '2026-11-22', (r) => {
      r.activities.by_coordinator = { 'jc1@center.example': 3, 'x@center.example': 1 };
      r.activities.minutes_by_coordinator = { 'jc1@center.example': 90, 'x@center.example': 10 };
      r.events.list = [{ event_id: 'E9', date: '2026-11-18', kind: 'seminar', registrations: 4, attendees: 3, converted: 1 }];
    });
    const { html, text } = mail('ja', week);
    expect(html).toContain('田中 &amp; 佐藤');
    expect(html).toContain('x@center.example'); // no name on file: the staff address stands in
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|<script|<style/i);
    expect(text).toContain('11/18(水) <img src=x onerror=alert(1)> — 申込 4 / 出席 3 / 入会 1');
  });

  it('gives each attention list\'s count first, then at most 10 entries, and counts the rest', () => {
    const ids = Array.from({ length: 45 }, (_, i) => `M${String(i + 1).padStart(3, '0')}`);
    const week = report('2026-11-16', '2026-11-22', (r) => { r.activities.waiting_members = ids; });
    const { text } = mail('ja', week);
    expect(text).toContain('待機会員（会員ID）: 45 (急ぐ順に10件)');
    expect(text).toContain('M010');
    expect(text).toContain('ほか35件');
    expect(text).not.toContain('M011');
  });

  it('shows upcoming events with their fill rate and a bar', () => {
    const week = report('2026-11-16', '2026-11-22', (r) => {
      r.events.upcoming = [{ event_id: 'E10', date: '2026-11-25', kind: 'orientation', title: '入会説明会', start_time: '10:00', capacity: 20, confirmed: 15, waitlisted: 0, fill_rate: 0.75 }];
    });
    const { text, html } = mail('en', week);
    expect(text).toContain('Wed 11-25 10:00 入会説明会 — Conf. 15 / Cap. 20 / Wait 0 / Fill 75.0%');
    expect(html).toContain('width="75%"');
  });

  it('keeps the Japanese and English strings in step', () => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k])).sort();
    expect(keys(WEEKLY_STRINGS.en)).toEqual(keys(WEEKLY_STRINGS.ja));
  });
});
