import type { Language } from '../enums';
import type { TargetKey } from '../settings';
import type { TrendFigure } from '../weekly/weekly-trends';

// Every fixed word of the weekly mail, per language (same keys; a test keeps them in step).
export interface WeeklyStrings {
  readonly defaultCenter: string;
  readonly title: string;
  readonly intro: (range: string) => string;
  readonly fiscalYear: (fy: number) => string;
  readonly thisWeek: string;
  readonly change: string;
  readonly lastWeek: string;
  readonly fyToDate: string;
  readonly figures: {
    readonly members_enrolled: string;
    readonly new_members: string;
    readonly resigned_members: string;
    readonly placed_members: string;
    readonly working_members: string;
    readonly employment_rate: string;
    readonly person_days: string;
    readonly jobs_developed: string;
    readonly clients_developed: string;
    readonly open_jobs: string;
    readonly activities: string;
    readonly activity_minutes: string;
    readonly events_held: string;
    readonly attendees: string;
  };
  readonly sections: {
    readonly headline: string;
    readonly placements: string;
    readonly newMembers: string;
    readonly activitiesByArea: string;
    readonly activitiesByCoordinator: string;
    readonly eventsHeld: string;
    readonly upcoming: string;
    readonly attention: string;
    readonly trends: string;
    readonly targets: string;
    readonly coordinators: string;
  };
  /** The trend rows' labels: short, so they fit one line beside the figure on a phone. */
  readonly trendFigures: Readonly<Record<TrendFigure, string>>;
  /** `11/23〜2/22 の13週（左が古い週）…` under the trend rows. */
  readonly trendsNote: (from: string, to: string) => string;
  readonly targets: {
    readonly labels: Readonly<Record<TargetKey, string>>;
    /** `実績 120 ／ 按分 150 ／ 年間 300` */
    readonly line: (actual: string, proRata: string, annual: string) => string;
    readonly note: (shareGone: string) => string;
    readonly none: string;
  };
  readonly coordinatorColumns: {
    readonly activities: string;
    readonly proposals: string;
    readonly placements: string;
    readonly jobs: string;
  };
  readonly coordinatorNote: string;
  readonly noCoordinator: string;
  readonly urgency: {
    readonly daysOpen: (days: number) => string;
    readonly filled: (placed: number, headcount: number) => string;
    readonly sincePlacement: (days: number) => string;
    readonly member: (id: string) => string;
    /** A waiting member's days; past a year in whole years (`years`, kpi/wait-span.ts), said from
     *  joining when the wait counts from the join day (never placed nor proposed). */
    readonly waiting: (days: number, years: number | null, fromJoining: boolean) => string;
    /** `急ぐ順に10件` above a list cut to its first ten. */
    readonly mostUrgent: (shown: number) => string;
  };
  readonly openSheet: string;
  readonly attention: {
    readonly staleOpenJobs: string;
    readonly overMonthlyDays: string;
    readonly overWeeklyHours: string;
    readonly followUpsDue: string;
    readonly waitingMembers: string;
    readonly none: string;
    readonly more: (n: number) => string;
    readonly note: string;
  };
  readonly columns: {
    readonly date: string;
    readonly event: string;
    readonly registrations: string;
    readonly attendees: string;
    readonly converted: string;
    readonly capacity: string;
    readonly confirmed: string;
    readonly waitlisted: string;
    readonly fill: string;
    readonly count: string;
    readonly minutes: string;
  };
  readonly nothing: string;
  readonly noCapacity: string;
  readonly minutesUnit: (m: number) => string;
  readonly problems: (n: number) => string;
  /** The short notes at the end (weekly-mail-model.ts WeeklyNotice). */
  readonly notices: { readonly trigger_owner_inactive: string };
  readonly footer: string;
}

const ja: WeeklyStrings = {
  defaultCenter: 'シルバー人材センター',
  title: '週次サマリー',
  intro: (range) => `${range} の1週間の実績です。増減は前週との比較です。`,
  fiscalYear: (fy) => `${fy}年度`,
  thisWeek: '今週',
  change: '前週比',
  lastWeek: '前週',
  fyToDate: '年度累計',
  figures: {
    members_enrolled: '会員数（週末時点）',
    new_members: '新規入会者数',
    resigned_members: '退会者数',
    placed_members: '就労者数',
    // Placement-based: who was placed, not who worked (the week's 就業延人員 below is from 就業実績).
    working_members: '就業中の会員（成立ベース）',
    employment_rate: '就業率（成立ベース）',
    person_days: '就業延人員（就業実績）',
    jobs_developed: '新規開拓件数',
    clients_developed: '新規提供先',
    open_jobs: '募集中の仕事（週末時点）',
    activities: '活動件数',
    activity_minutes: '活動時間',
    events_held: '開催数（説明会・セミナー）',
    attendees: '参加者数',
  },
  sections: {
    headline: '主な数字',
    placements: '契約形態別の就労者数',
    newMembers: '入会経路別の新規入会者数',
    activitiesByArea: '分野別の活動',
    activitiesByCoordinator: '担当者別の活動',
    eventsHeld: '開催したイベント',
    upcoming: '今後14日間のイベント',
    attention: '要対応',
    trends: '13週の推移',
    targets: '年度目標の進み具合',
    coordinators: '担当者別',
  },
  trendFigures: {
    members_enrolled: '会員数',
    new_members: '新規入会',
    placed_members: '就労者数',
    jobs_developed: '新規開拓',
    activities: '活動件数',
    waiting_members: '待機会員',
  },
  trendsNote: (from, to) => `${from}〜${to} の13週（左が古い週、右端が今週）。空欄は週次KPIに記録のない週です。会員数と待機会員は13週の最小〜最大の幅で描いています。`,
  targets: {
    labels: {
      targetNewMembers: '新規入会者数',
      targetPlacedDispatch: '就労者数（派遣）',
      targetPlacedPlacement: '就労者数（職業紹介）',
      targetPlacedContract: '就労者数（請負）',
      targetPlacedMandate: '就労者数（委任）',
      targetPlacedConsultation: '就労者数（就労相談）',
      targetJobsDeveloped: '新規開拓件数',
      targetPersonDays: '就業延人員',
    },
    line: (actual, proRata, annual) => `実績 ${actual} ／ 按分 ${proRata} ／ 年間 ${annual}`,
    note: (share) => `年度の ${share} が経過。按分 = 年間目標 × 経過日数 ÷ 年度の日数。達成率 = 実績 ÷ 按分。`,
    none: '年度目標は設定されていません（設定シートの「年度目標（…）」の行に年間の数を入れると、ここに進み具合が出ます）。',
  },
  coordinatorColumns: { activities: '活動', proposals: '提案', placements: '成立', jobs: '開拓' },
  coordinatorNote: '上段は今週、下段は年度累計。提案・成立はマッチングの担当、開拓は仕事の担当で数えています。',
  noCoordinator: '（担当未記入）',
  urgency: {
    daysOpen: (d) => `募集${d}日`,
    filled: (p, h) => `${p}/${h}人`,
    sincePlacement: (d) => `成立から${d}日`,
    member: (id) => `会員 ${id}`,
    waiting: (d, y, joining) => (y === null ? `待機${d}日` : joining ? `入会から${y}年以上` : `待機${y}年以上`),
    mostUrgent: (n) => `急ぐ順に${n}件`,
  },
  openSheet: 'スプレッドシートを開く',
  attention: {
    staleOpenJobs: '未充足の長期募集（仕事ID）',
    overMonthlyDays: '月の上限日数を超えた会員（会員ID）',
    overWeeklyHours: '週の上限時間を超えた会員（会員ID）',
    followUpsDue: '要フォロー（マッチングID）',
    waitingMembers: '待機会員（会員ID）',
    none: 'なし',
    more: (n) => `ほか${n}件`,
    note: '個人情報保護のため ID のみ記載しています。詳細はスプレッドシートでご確認ください。',
  },
  columns: {
    date: '日付',
    event: 'イベント',
    registrations: '申込',
    attendees: '出席',
    converted: '入会',
    capacity: '定員',
    confirmed: '確定',
    waitlisted: '待ち',
    fill: '充足率',
    count: '件数',
    minutes: '時間',
  },
  nothing: '該当なし',
  noCapacity: '定員なし',
  minutesUnit: (m) => (m >= 60 ? `${Math.floor(m / 60)}時間${m % 60 === 0 ? '' : `${m % 60}分`}` : `${m}分`),
  problems: (n) => `ワークブックに ${n} 件のデータの問題があります（その行は集計に入っていない場合があります）。詳しくは ikigai check（ローカル）またはサイドバーのデータ確認でご覧ください。`,
  notices: {
    trigger_owner_inactive: 'このメールを送るトリガーの持ち主は、もう有効な管理者ではありません。管理者の方が「生きがい就労 → 初期設定」を実行してください（そのアカウントでトリガーを設定し直します）。',
  },
  footer: 'このメールは 生きがい就労デスク が自動送信しました。',
};

const en: WeeklyStrings = {
  defaultCenter: 'Center',
  title: 'Weekly summary',
  intro: (range) => `The week of ${range}. Changes are against the week before.`,
  fiscalYear: (fy) => `FY${fy}`,
  thisWeek: 'This week',
  change: 'Change',
  lastWeek: 'Last week',
  fyToDate: 'FY to date',
  figures: {
    members_enrolled: 'Members (at week end)',
    new_members: 'New members',
    resigned_members: 'Resigned',
    placed_members: 'Members placed',
    working_members: 'Members placed (placements)',
    employment_rate: 'Employment rate (placements)',
    person_days: 'Person-days worked (work log)',
    jobs_developed: 'Jobs developed',
    clients_developed: 'New clients',
    open_jobs: 'Open jobs (at week end)',
    activities: 'Activities',
    activity_minutes: 'Activity time',
    events_held: 'Events held',
    attendees: 'Attendees',
  },
  sections: {
    headline: 'Headline figures',
    placements: 'Members placed by engagement',
    newMembers: 'New members by route',
    activitiesByArea: 'Activities by area',
    activitiesByCoordinator: 'Activities by coordinator',
    eventsHeld: 'Events held',
    upcoming: 'Events in the next 14 days',
    attention: 'Needs attention',
    trends: 'Last 13 weeks',
    targets: 'Targets for the year',
    coordinators: 'By coordinator',
  },
  trendFigures: {
    members_enrolled: 'Members',
    new_members: 'New members',
    placed_members: 'Placed',
    jobs_developed: 'Jobs developed',
    activities: 'Activities',
    waiting_members: 'Waiting',
  },
  trendsNote: (from, to) => `The 13 weeks ${from} – ${to}, oldest on the left, this week on the right. A blank is a week WeeklyKPI has no row for. Members and Waiting are drawn between their 13-week low and high.`,
  targets: {
    labels: {
      targetNewMembers: 'New members',
      targetPlacedDispatch: 'Placed (dispatch)',
      targetPlacedPlacement: 'Placed (job placement)',
      targetPlacedContract: 'Placed (contract)',
      targetPlacedMandate: 'Placed (mandate)',
      targetPlacedConsultation: 'Placed (consultation)',
      targetJobsDeveloped: 'Jobs developed',
      targetPersonDays: 'Person-days worked',
    },
    line: (actual, proRata, annual) => `${actual} of ${proRata} due so far (year: ${annual})`,
    note: (share) => `${share} of the fiscal year has gone by. Due so far = the year's target × days gone by ÷ days in the year.`,
    none: 'No targets are set (put the year\'s numbers in the target_… rows of Settings to see progress here).',
  },
  coordinatorColumns: { activities: 'Act.', proposals: 'Prop.', placements: 'Placed', jobs: 'Jobs' },
  coordinatorNote: 'Top: this week; below: fiscal year to date. Proposals and placements count by the match\'s coordinator, jobs by the job\'s.',
  noCoordinator: '(no coordinator)',
  urgency: {
    daysOpen: (d) => `open ${d} days`,
    filled: (p, h) => `${p}/${h} filled`,
    sincePlacement: (d) => `placed ${d} days ago`,
    member: (id) => `member ${id}`,
    waiting: (d, y, joining) => (y === null ? `waiting ${d} days` : joining ? `${y}+ years since joining` : `waiting ${y}+ years`),
    mostUrgent: (n) => `the ${n} most urgent`,
  },
  openSheet: 'Open the spreadsheet',
  attention: {
    staleOpenJobs: 'Open jobs unfilled for 14+ days (job IDs)',
    overMonthlyDays: 'Over the monthly days cap (member IDs)',
    overWeeklyHours: 'Over the weekly hours cap (member IDs)',
    followUpsDue: 'Follow-ups due (match IDs)',
    waitingMembers: 'Waiting members (member IDs)',
    none: 'none',
    more: (n) => `and ${n} more`,
    note: 'Only IDs are listed, to protect personal data. See the spreadsheet for details.',
  },
  columns: {
    date: 'Date',
    event: 'Event',
    registrations: 'Reg.',
    attendees: 'Att.',
    converted: 'Joined',
    capacity: 'Cap.',
    confirmed: 'Conf.',
    waitlisted: 'Wait',
    fill: 'Fill',
    count: 'Count',
    minutes: 'Time',
  },
  nothing: 'None',
  noCapacity: 'no limit',
  minutesUnit: (m) => (m >= 60 ? `${Math.floor(m / 60)} h${m % 60 === 0 ? '' : ` ${m % 60} min`}` : `${m} min`),
  problems: (n) => `The workbook has ${n} data problem(s); those rows may be missing from these figures. The sidebar's data check or ikigai check lists them.`,
  notices: {
    trigger_owner_inactive: 'The owner of the triggers that send this mail is no longer an active manager. A manager should run Ikigai Desk → Set up (it installs the triggers again under their account).',
  },
  footer: 'Sent automatically by Ikigai Desk.',
};

export const WEEKLY_STRINGS: Readonly<Record<Language, WeeklyStrings>> = { ja, en };
