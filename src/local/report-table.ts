import {
  ACTIVITY_KIND, AREA, EVENT_KIND, GENDER, JOIN_ROUTE, MATCH_ENGAGEMENT, SECTOR, labelOf,
  type Enumeration, type Language,
} from '../domain/enums';
import type { Report } from '../domain/kpi/report';

// The plain-text form of `ikigai report`: every figure of the report JSON, labelled in the
// workbook's language, aligned for a terminal where CJK characters are two columns wide.

const LABELS = {
  ja: {
    title: '集計期間', none: '－', count: '件', minutes: '分', people: '人',
    members: '会員', enrolledAtStart: '会員数（期首）', enrolled: '会員数（期末）', newMembers: '新規入会者数',
    byRoute: '入会経路別', byGender: '性別', resigned: '退会者数', crudeRate: '粗入会率',
    work: '就業', placed: '就労者数', working: '就業中の会員（成立ベース）', employmentRate: '就業率（成立ベース）', jobsDeveloped: '新規開拓件数',
    actual: '就業実績から', actualMembers: '就業実人員', personDays: '就業延人員', hours: '就業時間', actualRate: '就業率',
    contract: '契約金額（円）', overDays: '月の上限日数を超えた会員', overHours: '週の上限時間を超えた会員',
    noActual: '就業実績の記録がないため、就業実人員・就業延人員は出せません（就業中の会員と就業率は上の成立ベースの数字です）',
    clientsDeveloped: '新規提供先', openJobs: '募集中の仕事', stale: '未充足の長期募集',
    activities: 'JC活動', activityCount: '活動件数', activityMinutes: '活動時間（分）', byArea: '分野別',
    byKind: '種別', byCoordinator: '担当別', noCoordinator: '（担当未記入）', followUps: '要フォロー', waiting: '待機会員',
    events: '説明会・セミナー', held: '開催数', attendees: '参加者数', list: '開催一覧', upcoming: '今後の予定（14日以内）',
    listHead: ['開催日', 'イベントID', '種別', '申込', '参加', '入会'],
    upcomingHead: ['開催日', 'イベントID', '種別', '名称', '開始', '定員', '確定', '待ち', '充足率'],
    coordinatorHead: ['担当', '件数', '分'],
    more: (n: number): string => `… ほか ${n.toLocaleString('en-US')} 件（全件は --json）`,
  },
  en: {
    title: 'Period', none: '-', count: '', minutes: ' min', people: '',
    members: 'Members', enrolledAtStart: 'Enrolled (start)', enrolled: 'Enrolled (end)', newMembers: 'New members',
    byRoute: 'by route', byGender: 'by gender', resigned: 'Resigned', crudeRate: 'Crude enrollment rate',
    work: 'Work', placed: 'Placed members', working: 'Members placed (placements)', employmentRate: 'Employment rate (placements)',
    actual: 'From the work log', actualMembers: 'Members who worked', personDays: 'Person-days worked', hours: 'Hours worked',
    actualRate: 'Employment rate', contract: 'Contract amount (yen)', overDays: 'Over the monthly days cap', overHours: 'Over the weekly hours cap',
    noActual: 'No work log rows, so no members who worked or person-days (the placement-based figures above stand alone)',
    jobsDeveloped: 'Jobs developed', clientsDeveloped: 'Clients developed', openJobs: 'Open jobs', stale: 'Stale open jobs',
    activities: 'Coordinator activity', activityCount: 'Activities', activityMinutes: 'Minutes', byArea: 'by area',
    byKind: 'by kind', byCoordinator: 'by coordinator', noCoordinator: '(no coordinator)', followUps: 'Follow-ups due',
    waiting: 'Waiting members', events: 'Events', held: 'Events held', attendees: 'Attendees', list: 'Events held',
    upcoming: 'Upcoming (next 14 days)',
    listHead: ['date', 'event', 'kind', 'registered', 'attended', 'joined'],
    upcomingHead: ['date', 'event', 'kind', 'title', 'start', 'capacity', 'confirmed', 'waitlist', 'fill'],
    coordinatorHead: ['coordinator', 'activities', 'minutes'],
    more: (n: number): string => `… and ${n.toLocaleString('en-US')} more (all in --json)`,
  },
} as const;

/** Terminal columns of `text`: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
      || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
      || (cp >= 0xffe0 && cp <= 0xffe6) ? 2 : 1;
  }
  return w;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

function percent(rate: number | null, digits: number, none: string): string {
  return rate === null ? none : `${(rate * 100).toFixed(digits)}%`;
}

/** `男性 5 / 女性 6 / …` for every code of a split, zero included. */
function split<C extends string>(e: Enumeration<C>, counts: Readonly<Record<C, number>>, lang: Language): string {
  return e.codes.map((c) => `${labelOf(e, c, lang)} ${counts[c]}`).join(' / ');
}

const ID_PREVIEW = 20;

/** 1346 → `1,346`: the way both languages write counts. */
function grouped(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

function table(head: readonly string[], rows: readonly string[][], numericFrom: number): string[] {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    '    ' + cells.map((c, i) => (i >= numericFrom ? padStart(c, widths[i] ?? 0) : padEnd(c, widths[i] ?? 0))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

export function renderReportTable(report: Report, lang: Language, centerName = ''): string[] {
  const L = LABELS[lang];
  const labelWidth = lang === 'ja' ? 26 : 28;
  const row = (label: string, value: string | number, detail = ''): string =>
    `  ${padEnd(label, labelWidth)}${padStart(typeof value === 'number' ? grouped(value) : value, 8)}${detail ? `   ${detail}` : ''}`;
  // A person reads the first IDs; the whole list is in --json (a large center has a thousand waiting members).
  const ids = (list: readonly string[]): string =>
    list.length <= ID_PREVIEW ? list.join(', ') : `${list.slice(0, ID_PREVIEW).join(', ')} ${L.more(list.length - ID_PREVIEW)}`;
  const { members: m, work: w, activities: a, events: e } = report;
  const out: string[] = [];
  out.push(`${centerName ? `${centerName}  ` : ''}${L.title} ${report.period.from} 〜 ${report.period.to}`, '');

  out.push(L.members);
  out.push(row(`${L.enrolledAtStart} ${report.period.from}`, m.enrolled_at_start.total, split(GENDER, m.enrolled_at_start, lang)));
  out.push(row(`${L.enrolled} ${report.period.to}`, m.enrolled.total, split(GENDER, m.enrolled, lang)));
  out.push(row(L.newMembers, m.new_members.total, `${L.byRoute}: ${split(JOIN_ROUTE, m.new_members.by_route, lang)}`));
  out.push(row('', '', `${L.byGender}: ${split(GENDER, m.new_members.by_gender, lang)}`));
  out.push(row(L.resigned, m.resigned_members));
  out.push(row(L.crudeRate, percent(m.crude_enrollment_rate, 2, L.none)), '');

  out.push(L.work);
  out.push(row(L.placed, w.placed_members.total, split(MATCH_ENGAGEMENT, w.placed_members.by_engagement, lang)));
  out.push(row(L.working, w.working_members));
  out.push(row(L.employmentRate, percent(w.employment_rate, 1, L.none)));
  out.push(row(L.jobsDeveloped, w.jobs_developed.total, split(SECTOR, w.jobs_developed.by_sector, lang)));
  out.push(row(L.clientsDeveloped, w.clients_developed));
  out.push(row(L.openJobs, w.open_jobs));
  out.push(row(L.stale, w.stale_open_jobs.length, ids(w.stale_open_jobs)), '');

  out.push(L.actual);
  if (w.actual === null) {
    out.push(`  ${L.noActual}`, '');
  } else {
    out.push(row(L.actualMembers, w.actual.members));
    out.push(row(L.personDays, w.actual.person_days));
    out.push(row(L.hours, w.actual.hours));
    out.push(row(L.actualRate, percent(w.actual.employment_rate, 1, L.none)));
    out.push(row(L.contract, w.actual.contract_amount));
    out.push(row(L.overDays, w.actual.over_monthly_days.length, ids(w.actual.over_monthly_days)));
    out.push(row(L.overHours, w.actual.over_weekly_hours.length, ids(w.actual.over_weekly_hours)), '');
  }

  out.push(L.activities);
  out.push(row(L.activityCount, a.total));
  out.push(row(L.activityMinutes, a.minutes));
  out.push(`  ${L.byArea}: ${AREA.codes.map((c) => `${labelOf(AREA, c, lang)} ${a.by_area[c]}${L.count} ${a.minutes_by_area[c]}${L.minutes}`).join(' / ')}`);
  out.push(`  ${L.byKind}: ${split(ACTIVITY_KIND, a.by_kind, lang)}`);
  const coordinators = Object.keys(a.by_coordinator);
  if (coordinators.length) {
    out.push(`  ${L.byCoordinator}:`);
    out.push(...table(L.coordinatorHead, coordinators.map((c) => [
      c || L.noCoordinator, grouped(a.by_coordinator[c] ?? 0), grouped(a.minutes_by_coordinator[c] ?? 0),
    ]), 1));
  }
  out.push(row(L.followUps, a.follow_ups_due.length, ids(a.follow_ups_due)));
  out.push(row(L.waiting, a.waiting_members.length, ids(a.waiting_members)), '');

  out.push(L.events);
  out.push(row(L.held, e.held.total, split(EVENT_KIND, e.held.by_kind, lang)));
  out.push(row(L.attendees, e.attendees));
  if (e.list.length) {
    out.push(`  ${L.list}:`);
    out.push(...table(L.listHead, e.list.map((x) => [x.date, x.event_id, labelOf(EVENT_KIND, x.kind, lang), String(x.registrations), String(x.attendees), String(x.converted)]), 3));
  }
  out.push(`  ${L.upcoming}:${e.upcoming.length ? '' : ` ${L.none}`}`);
  if (e.upcoming.length) {
    out.push(...table(L.upcomingHead, e.upcoming.map((x) => [
      x.date, x.event_id, labelOf(EVENT_KIND, x.kind, lang), x.title, x.start_time ?? '', x.capacity === null ? L.none : String(x.capacity),
      String(x.confirmed), String(x.waitlisted), percent(x.fill_rate, 0, L.none),
    ]), 5));
  }
  return out;
}
