import type { Report } from '../../domain/kpi/report';
import type { SeasonLog } from './run-season';

// What `ikigai demo` prints: what happened and through which use case, what is still a hand
// edit, where the files are, the headline figures of the year, in Japanese then English.
export interface SummaryInput {
  readonly log: SeasonLog;
  readonly report: Report;
  readonly workbookPath: string;
  readonly mailDir: string;
  readonly mails: number;
  /** Mails written, by kind (weekly, signup, reminder, promoted). */
  readonly mailsByKind: Readonly<Record<string, number>>;
  /** Where the statements and certificates went, and how many. */
  readonly pay: { readonly dir: string; readonly statements: number; readonly certificates: number };
  readonly problems: number;
  readonly seconds: number;
}

const n = (x: number): string => x.toLocaleString('en-US');

export function demoSummary(s: SummaryInput): string[] {
  const { log, report: r } = s;
  const m = r.members;
  const p = r.work.placed_members;
  const o = log.signupOutcomes;
  const byHand = log.joins - log.joinsFromRegistrations;
  const a = r.work.actual;
  const closes = log.closes;
  const allocation = closes.reduce((sum, c) => sum + c.pay.totals.amount, 0);
  const wages = closes.reduce((sum, c) => sum + c.pay.totals.wages, 0);
  const overCap = a ? new Set([...a.over_monthly_days, ...a.over_weekly_hours]).size : 0;
  const mailKinds = Object.entries(s.mailsByKind).map(([k, v]) => `${k} ${n(v)}`).join(', ');
  return [
    '生きがい就労デスク デモ: 柏市シルバー人材センター 平成27年度（2015-04-01〜2016-03-31）をモデルにしたサンプルセンター',
    'アドインと同じユースケースで1年間を再生しました（括弧内が通った処理）:',
    `  初期設定（runSetup）: シート ${log.setup?.created.length ?? 0} 枚と申込フォームを作成`,
    `  申込フォーム（onSignupFormSubmit → handleSignupSubmit）: 回答 ${n(log.signups)} 件 → 確定 ${n(o.confirmed)}・キャンセル待ち ${n(o.waitlisted)}・要確認 ${n(o.needs_review)}、二重送信を無視 ${n(o.skipped_duplicate)}`,
    `  取消（cancelRegistration）${n(log.cancellations)} 件、キャンセル待ちから繰り上げ ${n(log.promoted)} 人、前日リマインダー（sendEventReminders）${n(log.reminders)} 通、フォームの同期 ${n(log.formUpdates)} 回`,
    `  出席（checkIn）${n(log.attendanceMarked)} 人、入会 ${n(log.joins)} 人（説明会の申込から joinAsMember ${n(log.joinsFromRegistrations)} 人・窓口などで saveMember ${n(byHand)} 人）`,
    `  退会（leaveMember）${n(log.leaves)} 人（終了した就業 ${n(log.leavesEndedPlacements)} 件）`,
    `  開拓（registerClient・registerJob）: 新規提供先 ${n(log.clientsDeveloped)} 件・仕事 ${n(log.jobsOpened)} 件を開拓した日に担当JCが登録`,
    `  活動記録（logActivity・マッチングの状態変更の自動記録）${n(log.activitiesLogged)} 件、提案（マッチング＋changeMatchStatus）${n(log.proposals)} 件（辞退 ${n(log.declines)}）、成立 ${n(log.placements)} 件（枠が埋まっていて別の候補に替えた ${n(log.placementsRefused)} 件）、充足になった仕事 ${n(log.jobsFilled)} 件、週次サマリー（runWeeklySummary）${n(log.weeklyMails)} 通`,
    `  手入力のまま: 就労相談 ${n(log.consultations)} 件の記録（仕事のないマッチング）、説明会の締切`,
    `  会員数: ${n(m.enrolled_at_start.total)} 人（男性 ${n(m.enrolled_at_start.male)}・女性 ${n(m.enrolled_at_start.female)}）→ ${n(m.enrolled.total)} 人（男性 ${n(m.enrolled.male)}・女性 ${n(m.enrolled.female)}）`,
    `  新規会員 ${n(m.new_members.total)} 人（うち窓口経由 ${n(m.new_members.by_route.window)} 人）、退会 ${n(m.resigned_members)} 人`,
    `  就労者数 ${n(p.total)} 人: 派遣 ${p.by_engagement.dispatch}・職業紹介 ${p.by_engagement.placement}・請負 ${p.by_engagement.contract}・就労相談 ${p.by_engagement.consultation}`,
    `  入会説明会 ${r.events.held.by_kind.orientation} 回、参加者 ${n(r.events.attendees)} 人`,
    `  就業実績（recordWork）${n(log.workRows)} 行、月次締め（closeMonth）${closes.length} か月: 就業実人員 ${n(a?.members ?? 0)} 人・就業延人員 ${n(a?.person_days ?? 0)} 人日・配分金 ${n(allocation)} 円（派遣賃金 ${n(wages)} 円、契約金額 ${n(a?.contract_amount ?? 0)} 円）、上限を超えた会員 ${overCap} 人`,
    `  配分金明細 ${s.pay.statements} 件・支払証明書 ${n(s.pay.certificates)} 件: ${s.pay.dir}`,
    `  ワークブック: ${s.workbookPath}`,
    `  メール: ${s.mailDir}（${n(s.mails)} 通: ${mailKinds}）`,
    `  確認: npx ikigai report --workbook ${s.workbookPath} --fiscal-year 2015`,
    '',
    'Ikigai Desk demo: a sample center modelled on Kashiwa Silver Human Resource Center, fiscal 2015, played through the add-in\'s use cases',
    `  setup made ${log.setup?.created.length ?? 0} tabs and the sign-up form; ${n(log.signups)} form answers through the submit trigger: ${n(o.confirmed)} confirmed, ${n(o.waitlisted)} waitlisted, ${n(o.needs_review)} to review, ${n(o.skipped_duplicate)} repeated firings dropped`,
    `  ${n(log.cancellations)} cancelled, ${n(log.promoted)} promoted from the waitlist, ${n(log.reminders)} reminders; ${n(log.attendanceMarked)} checked in; ${n(log.joins)} joined (${n(log.joinsFromRegistrations)} from their registration, ${n(byHand)} through saveMember), ${n(log.leaves)} left through leaveMember (${n(log.leavesEndedPlacements)} placements ended)`,
    `  ${n(log.clientsDeveloped)} new clients and ${n(log.jobsOpened)} jobs registered through the sidebar's Develop panel (registerClient, registerJob) on the day, by the coordinator who won them; still typed by hand: consultations (no job), closing a session`,
    `  ${n(log.activitiesLogged)} activities (matching ones logged by the status changes), ${n(log.proposals)} proposals, ${n(log.placements)} placements (${n(log.placementsRefused)} refused for full slots and given to the next candidate), ${n(log.jobsFilled)} jobs filled, ${n(log.weeklyMails)} weekly mails`,
    `  members ${n(m.enrolled_at_start.total)} → ${n(m.enrolled.total)}; new ${n(m.new_members.total)} (city-hall window ${m.new_members.by_route.window}); placed ${p.total} (dispatch ${p.by_engagement.dispatch}, placement ${p.by_engagement.placement}, contract ${p.by_engagement.contract}, consultation ${p.by_engagement.consultation})`,
    `  ${n(log.workRows)} work rows (recordWork), ${closes.length} monthly closes (closeMonth): ${n(a?.members ?? 0)} members worked, ${n(a?.person_days ?? 0)} person-days, 配分金 ¥${n(allocation)} (dispatch wages ¥${n(wages)}, contract amount ¥${n(a?.contract_amount ?? 0)}), ${overCap} over a cap; ${s.pay.statements} statements and ${n(s.pay.certificates)} certificates in ${s.pay.dir}`,
    `  workbook ${s.workbookPath}, mails in ${s.mailDir}; ${s.problems === 0 ? 'no data problems' : `${s.problems} data problems`}; ${s.seconds.toFixed(1)} s`,
  ];
}
