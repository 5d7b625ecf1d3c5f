// Every enumeration of workbook.md: the English code crosses every boundary (JSON, code,
// English sheets); the Japanese label is what a Japanese sheet shows. Readers accept both.
export type Language = 'ja' | 'en';
export const LANGUAGES = ['ja', 'en'] as const;

export interface Enumeration<C extends string> {
  readonly name: string;
  readonly codes: readonly C[];
  /** Label per language; `en` labels are the codes themselves so English sheets stay machine-readable. */
  readonly ja: Readonly<Record<C, string>>;
}

function enumeration<C extends string>(name: string, ja: Record<C, string>): Enumeration<C> {
  return { name, codes: Object.keys(ja) as C[], ja };
}

export const GENDER = enumeration('gender', { male: '男性', female: '女性', other: 'その他', unknown: '未回答' });
export const JOIN_ROUTE = enumeration('join_route', {
  window: '窓口', orientation: '説明会', seminar: 'セミナー', referral: '紹介', publicity: '広報', other: 'その他',
});
export const MOTIVATION = enumeration('motivation', {
  contribution: '社会貢献', health: '健康', income: '収入', friendship: '仲間', learning: '学び', experience: '経験活用',
});
export const SECTOR = enumeration('sector', { welfare: '福祉施設', company: '企業', household: '家庭', public: '公共', other: 'その他' });
export const JOB_ENGAGEMENT = enumeration('engagement', { dispatch: '派遣', placement: '職業紹介', contract: '請負', mandate: '委任' });
export const MATCH_ENGAGEMENT = enumeration('engagement', {
  dispatch: '派遣', placement: '職業紹介', contract: '請負', mandate: '委任', consultation: '就労相談',
});
export const JOB_STATUS = enumeration('job_status', { proposed: '提案中', open: '募集中', filled: '充足', closed: '終了' });
export const AREA = enumeration('area', { development: '開拓', recruitment: '募集・支援', matching: 'マッチング', follow_up: '継続支援' });
export const ACTIVITY_KIND = enumeration('activity_kind', {
  visit: '訪問', call: '電話', proposal: '提案', interview: '面談', orientation: '説明会', consultation: '相談',
  follow_up_contact: 'フォロー', other: 'その他',
});
export const MATCH_STATUS = enumeration('match_status', {
  candidate: '候補', proposed: '提案', interview: '面接', placed: '成立', ended: '終了', declined: '辞退', rejected: '不成立',
});
export const EVENT_KIND = enumeration('event_kind', { orientation: '入会説明会', seminar: 'セミナー', symposium: 'シンポジウム', other: 'その他' });
export const EVENT_STATUS = enumeration('event_status', { open: '受付中', closed: '締切', cancelled: '中止' });
export const AGE_BAND = enumeration('age_band', {
  '50s': '50代', early_60s: '60代前半', late_60s: '60代後半', '70s': '70代', '80_plus': '80代以上',
});
// needs_review (要確認): a form answer the add-in could not place (unknown session, no consent,
// no name or phone); kept in 申込 so nothing is lost, and never counted against a capacity.
export const REGISTRATION_STATUS = enumeration('registration_status', {
  confirmed: '確定', waitlisted: 'キャンセル待ち', cancelled: '取消', needs_review: '要確認',
});
export const ROLE = enumeration('role', { coordinator: 'コーディネータ', manager: '管理者', viewer: '閲覧' });
// 会員 退会理由: why a member left (leaveMember). Illness and unpaid fees are each about a fifth of
// leavings in one prefecture's published figures.
export const LEAVE_REASON = enumeration('leave_reason', {
  health: '健康', moved: '転居', family: '家庭の事情', no_work: '就業先が見つからない', unpaid_fee: '会費未納', deceased: '死亡', other: 'その他',
});
// 活動記録 状態: blank or 有効 = counted; 取消 = withdrawn by its coordinator (kept, never deleted).
export const ACTIVITY_STATUS = enumeration('activity_status', { active: '有効', withdrawn: '取消' });
// 仕事 単価区分: what one 単価 pays for (an hour, or a day worked on the job).
export const PAY_UNIT = enumeration('pay_unit', { hour: '時間', day: '日' });
// 月次締め 状態: a closed month refuses new work rows until a manager reopens it.
export const CLOSE_STATUS = enumeration('close_status', { closed: '締め', reopened: '再開' });
// A 就業報告 answer kept for a coordinator: open (要確認), taken into 就業実績 after checking, or left.
export const WORK_REPORT_STATUS = enumeration('work_report_status', { needs_review: '要確認', recorded: '記録済', dismissed: '見送り' });

export type Gender = (typeof GENDER.codes)[number];
export type JoinRoute = (typeof JOIN_ROUTE.codes)[number];
export type Motivation = (typeof MOTIVATION.codes)[number];
export type Sector = (typeof SECTOR.codes)[number];
export type JobEngagement = (typeof JOB_ENGAGEMENT.codes)[number];
export type Engagement = (typeof MATCH_ENGAGEMENT.codes)[number];
export type JobStatus = (typeof JOB_STATUS.codes)[number];
export type Area = (typeof AREA.codes)[number];
export type ActivityKind = (typeof ACTIVITY_KIND.codes)[number];
export type MatchStatus = (typeof MATCH_STATUS.codes)[number];
export type EventKind = (typeof EVENT_KIND.codes)[number];
export type EventStatus = (typeof EVENT_STATUS.codes)[number];
export type AgeBand = (typeof AGE_BAND.codes)[number];
export type RegistrationStatus = (typeof REGISTRATION_STATUS.codes)[number];
export type Role = (typeof ROLE.codes)[number];
export type LeaveReason = (typeof LEAVE_REASON.codes)[number];
export type ActivityStatus = (typeof ACTIVITY_STATUS.codes)[number];
export type PayUnit = (typeof PAY_UNIT.codes)[number];
export type CloseStatus = (typeof CLOSE_STATUS.codes)[number];
export type WorkReportStatus = (typeof WORK_REPORT_STATUS.codes)[number];

/** Where each code of an enumeration stands, by lower-cased code and by Japanese label. */
interface CodeIndex {
  readonly byLowerCode: ReadonlyMap<string, number>;
  readonly byLabel: ReadonlyMap<string, number>;
}

// Built on first use per enumeration (nothing runs at load time) and kept: codeOf runs for
// every enum cell of every tab, half a million times in a large center's weekly run.
const INDEXES = new WeakMap<Enumeration<string>, CodeIndex>();

function indexOf(e: Enumeration<string>): CodeIndex {
  let index = INDEXES.get(e);
  if (!index) {
    const byLowerCode = new Map<string, number>();
    const byLabel = new Map<string, number>();
    e.codes.forEach((c, i) => {
      // The first code wins a clash, as the scan in code order always did.
      if (!byLowerCode.has(c.toLowerCase())) byLowerCode.set(c.toLowerCase(), i);
      const label = e.ja[c];
      if (label !== undefined && !byLabel.has(label)) byLabel.set(label, i);
    });
    index = { byLowerCode, byLabel };
    INDEXES.set(e, index);
  }
  return index;
}

/** Reads a cell's text as a code of `e`: the code itself, or its Japanese label (trimmed, case-insensitive for codes). */
export function codeOf<C extends string>(e: Enumeration<C>, text: string): C | null {
  const t = text.trim();
  const index = indexOf(e);
  const byLabel = index.byLabel.get(t);
  const byCode = index.byLowerCode.get(t.toLowerCase());
  // The earlier code in the enumeration's order, when the text is one code's label and another's code.
  const at = byLabel === undefined ? byCode : byCode === undefined ? byLabel : Math.min(byLabel, byCode);
  return at === undefined ? null : (e.codes[at] ?? null);
}

/** What a sheet shows for `code` in `lang`: the Japanese label, or the English code. */
export function labelOf<C extends string>(e: Enumeration<C>, code: C, lang: Language): string {
  return lang === 'ja' ? e.ja[code] : code;
}

/** Every enumeration, for setup's dropdowns and for the messages listing allowed values. */
export const ENUMERATIONS = [
  GENDER, JOIN_ROUTE, MOTIVATION, SECTOR, JOB_ENGAGEMENT, MATCH_ENGAGEMENT, JOB_STATUS, AREA, ACTIVITY_KIND,
  MATCH_STATUS, EVENT_KIND, EVENT_STATUS, AGE_BAND, REGISTRATION_STATUS, ROLE, LEAVE_REASON, ACTIVITY_STATUS, PAY_UNIT, CLOSE_STATUS, WORK_REPORT_STATUS,
] as const;
