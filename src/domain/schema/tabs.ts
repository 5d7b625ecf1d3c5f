import {
  ACTIVITY_KIND, AGE_BAND, AREA, EVENT_KIND, EVENT_STATUS, GENDER, JOB_ENGAGEMENT, JOB_STATUS, JOIN_ROUTE,
  ACTIVITY_STATUS, LEAVE_REASON, MATCH_ENGAGEMENT, MATCH_STATUS, MOTIVATION, REGISTRATION_STATUS, ROLE, SECTOR, PAY_UNIT, CLOSE_STATUS, WORK_REPORT_STATUS, type Language,
} from '../enums';
import { col, enumCol, enumListCol, type Column, type RecordOf } from './column';

// The tabs of workbook.md, column by column. The English header is the column key.
export interface TabDef<Cols extends readonly Column[] = readonly Column[]> {
  readonly key: string;
  readonly ja: string;
  readonly en: string;
  readonly columns: Cols;
  /** Tabs a center fills by hand; the add-in's own output tabs are not required to read a workbook. */
  readonly required: boolean;
  /** Written only by the add-in (protected by setup). */
  readonly addInOwned?: boolean;
}

function tab<const Cols extends readonly Column[]>(key: string, ja: string, en: string, columns: Cols, required = true, addInOwned = false): TabDef<Cols> {
  return { key, ja, en, columns, required, addInOwned };
}

export const SETTINGS_TAB = tab('settings', '設定', 'Settings', [
  col('key', '項目', 'text', { required: true }),
  col('value', '値', 'text'),
], false);

export const COORDINATORS_TAB = tab('coordinators', 'コーディネータ', 'Coordinators', [
  col('email', 'メール', 'text', { required: true, primary: true }),
  col('name', '氏名', 'text'),
  enumCol('role', '役割', ROLE, { required: true }),
  col('active', '有効', 'boolean'),
], false);

export const MEMBERS_TAB = tab('members', '会員', 'Members', [
  col('member_id', '会員ID', 'id', { required: true, primary: true }),
  col('name', '氏名', 'text'),
  col('kana', 'フリガナ', 'text'),
  enumCol('gender', '性別', GENDER),
  col('birth_date', '生年月日', 'date'),
  col('joined_on', '入会日', 'date', { required: true }),
  col('left_on', '退会日', 'date'),
  enumCol('join_route', '入会経路', JOIN_ROUTE),
  col('district', '地区', 'text'),
  col('phone', '電話', 'text'),
  col('email', 'メール', 'text'),
  col('skills', '技能', 'list'),
  col('preferred_categories', '希望職種', 'list'),
  col('availability', '就業可能枠', 'slots'),
  col('max_days_per_week', '週上限日数', 'int', { min: 1, max: 7 }),
  enumListCol('motivations', '生きがい志向', MOTIVATION),
  col('consent', '個人情報同意', 'boolean'),
  col('notes', '備考', 'text'),
  // Why the member left (leaveMember); after 備考 so the columns a center already has keep their places.
  enumCol('leave_reason', '退会理由', LEAVE_REASON),
]);

export const CLIENTS_TAB = tab('clients', '業務提供先', 'Clients', [
  col('client_id', '提供先ID', 'id', { required: true, primary: true }),
  col('name', '名称', 'text'),
  enumCol('sector', '業種', SECTOR),
  col('district', '地区', 'text'),
  col('contact_person', '担当者', 'text'),
  col('phone', '電話', 'text'),
  col('email', 'メール', 'text'),
  col('developed_on', '開拓日', 'date'),
  col('developed_by', '開拓担当', 'text'),
]);

export const JOBS_TAB = tab('jobs', '仕事', 'Jobs', [
  col('job_id', '仕事ID', 'id', { required: true, primary: true }),
  col('client_id', '提供先ID', 'id', { ref: 'clients' }),
  col('title', '仕事名', 'text'),
  col('category', '職種', 'text'),
  enumCol('engagement', '契約形態', JOB_ENGAGEMENT),
  col('required_skills', '必要技能', 'list'),
  col('slots', '勤務枠', 'slots'),
  col('headcount', '必要人数', 'int', { min: 1 }),
  col('district', '地区', 'text'),
  col('start_on', '開始日', 'date'),
  col('end_on', '終了日', 'date'),
  col('pay', '報酬', 'text'),
  col('social_contribution', '社会貢献', 'boolean'),
  enumCol('status', '状態', JOB_STATUS),
  col('created_on', '登録日', 'date'),
  col('coordinator', '担当', 'text'),
  // What a member's work on the job pays (src/domain/work): yen per hour or per day.
  col('unit_price', '単価', 'number', { min: 0 }),
  enumCol('unit', '単価区分', PAY_UNIT),
]);

export const ACTIVITIES_TAB = tab('activities', '活動記録', 'Activities', [
  col('activity_id', '活動ID', 'id', { required: true, primary: true }),
  col('date', '日付', 'date', { required: true }),
  col('coordinator', '担当', 'text'),
  enumCol('area', '分野', AREA, { required: true }),
  enumCol('kind', '種別', ACTIVITY_KIND),
  col('member_id', '会員ID', 'id', { ref: 'members' }),
  col('client_id', '提供先ID', 'id', { ref: 'clients' }),
  col('job_id', '仕事ID', 'id', { ref: 'jobs' }),
  col('minutes', '所要分', 'int', { min: 0 }),
  col('outcome', '結果', 'text'),
  col('notes', 'メモ', 'text'),
  col('recorded_at', '記録日時', 'timestamp'),
  // Blank or 有効: counted. 取消: withdrawn by its coordinator (withdrawActivity), kept in the tab.
  enumCol('status', '状態', ACTIVITY_STATUS),
]);

export const MATCHES_TAB = tab('matches', 'マッチング', 'Matches', [
  col('match_id', 'マッチングID', 'id', { required: true, primary: true }),
  col('job_id', '仕事ID', 'id', { ref: 'jobs' }),
  col('member_id', '会員ID', 'id', { required: true, ref: 'members' }),
  enumCol('engagement', '契約形態', MATCH_ENGAGEMENT, { required: true }),
  enumCol('status', '状態', MATCH_STATUS, { required: true }),
  col('proposed_on', '提案日', 'date'),
  col('placed_on', '成立日', 'date'),
  col('ended_on', '終了日', 'date'),
  col('coordinator', '担当', 'text'),
  col('fit_score', '適合度', 'number', { min: 0, max: 100 }),
  col('notes', 'メモ', 'text'),
  // The job's slots this placement works (or, before 成立, is planned to work); blank = all of them.
  col('slots', '担当枠', 'slots'),
]);

// One member's work on one job on one day (issue 13): what 配分金, bills and the national
// statistics are counted from (src/domain/work). Written through src/app/work/record-work.ts.
export const WORK_LOG_TAB = tab('work_log', '就業実績', 'WorkLog', [
  col('work_id', '実績ID', 'id', { primary: true }),
  col('date', '就業日', 'date', { required: true }),
  col('member_id', '会員ID', 'id', { required: true, ref: 'members' }),
  col('job_id', '仕事ID', 'id', { required: true, ref: 'jobs' }),
  col('hours', '時間', 'number', { required: true, min: 0 }),
  col('amount', '金額', 'number', { min: 0 }),
  col('confirmed', '確認', 'boolean'),
  col('recorded_at', '記録日時', 'timestamp'),
  col('notes', 'メモ', 'text'),
], false);

// Answers of the monthly 就業報告 form that could not be taken into 就業実績 as they came
// (forms.md "The monthly 就業報告 form"): kept as the member typed them (an unreadable answer's
// ID, month, days and hours stay text), so a coordinator can check and take them or leave them.
// IDs, dates and numbers only: no name, phone or address. Never read for pay or statistics.
export const WORK_REPORTS_TAB = tab('work_reports', '就業報告', 'WorkReports', [
  col('answered_at', '回答日時', 'timestamp'),
  col('member_id', '会員ID', 'text'),
  col('job_id', '仕事ID', 'text'),
  col('month', '対象月', 'text'),
  col('days', '就業日', 'text'),
  col('hours', '時間', 'text'),
  enumCol('status', '状態', WORK_REPORT_STATUS, { required: true }),
  col('notes', 'メモ', 'text'),
], false);

export const EVENTS_TAB = tab('events', 'イベント', 'Events', [
  col('event_id', 'イベントID', 'id', { required: true, primary: true }),
  enumCol('kind', '種別', EVENT_KIND, { required: true }),
  col('title', '名称', 'text'),
  col('date', '開催日', 'date', { required: true }),
  col('start_time', '開始時刻', 'time'),
  col('venue', '会場', 'text'),
  col('capacity', '定員', 'int', { min: 0 }),
  enumCol('status', '状態', EVENT_STATUS),
]);

export const REGISTRATIONS_TAB = tab('registrations', '申込', 'Registrations', [
  col('registration_id', '申込ID', 'id', { required: true, primary: true }),
  col('event_id', 'イベントID', 'id', { ref: 'events' }),
  col('name', '氏名', 'text'),
  col('kana', 'フリガナ', 'text'),
  col('phone', '電話', 'text'),
  col('email', 'メール', 'text'),
  enumCol('age_band', '年代', AGE_BAND),
  enumCol('gender', '性別', GENDER),
  col('source', 'きっかけ', 'text'),
  col('registered_at', '申込日時', 'timestamp'),
  enumCol('status', '状態', REGISTRATION_STATUS),
  col('attended', '出席', 'boolean'),
  col('member_id', '会員ID', 'id', { ref: 'members' }),
  col('response_id', 'フォーム回答ID', 'text'),
  col('consent', '個人情報同意', 'boolean'),
  col('notes', 'メモ', 'text'),
  // When the day-before reminder went (one cell per row, so 2,000 reminders need no property).
  col('reminded_at', 'リマインド送信日時', 'timestamp'),
], false);

export const SURVEYS_TAB = tab('surveys', 'アンケート', 'Surveys', [
  col('sheet', 'シート', 'text', { required: true }),
  col('name', '名称', 'text'),
  col('target', '対象数', 'int', { min: 0 }),
  col('cross_by', '集計軸', 'text'),
  // Optional: the Google Form whose item types say which questions are choices (else the form
  // feeding the tab), and, without a form, the choice questions by title (forms.md "Surveys").
  col('form_id', 'フォームID', 'text'),
  col('choice_questions', '選択式の設問', 'text'),
], false);

// The months closed by 月次締め (src/app/work/close-month.ts): one row per month, its state and
// the totals it was closed with. A closed month's work rows are refused until a manager reopens it.
// 年度統計: the federation's yearly form, one line a row, several years side by side; written by
// menu 年度統計を書き出す and `ikigai report --write-stats` (src/app/work/write-annual-stats.ts),
// which rewrite only the cells of the year's lines that changed. Not made by setup.
export const ANNUAL_STATS_TAB = tab('annual_stats', '年度統計', 'AnnualStats', [
  col('fiscal_year', '年度', 'int', { required: true }),
  col('section', '区分', 'text', { required: true }),
  col('item', '項目', 'text', { required: true }),
  col('male', '男性', 'number'),
  col('female', '女性', 'number'),
  col('other', 'その他・未回答', 'number'),
  col('total', '計', 'number'),
], false, true);

export const MONTHLY_CLOSE_TAB = tab('monthly_close', '月次締め', 'MonthlyClose', [
  col('month', '対象月', 'id', { required: true, primary: true }),
  enumCol('status', '状態', CLOSE_STATUS, { required: true }),
  col('closed_at', '締め日時', 'timestamp'),
  col('closed_by', '締め担当', 'text'),
  col('reopened_at', '再開日時', 'timestamp'),
  col('reopened_by', '再開担当', 'text'),
  col('rows', '就業行数', 'int', { min: 0 }),
  col('amount_total', '配分金合計', 'number', { min: 0 }),
  col('billed_total', '請求合計', 'number', { min: 0 }),
  col('wages_total', '賃金合計', 'number', { min: 0 }),
], false, true);

// The center's skills vocabulary (src/domain/skills/vocabulary.ts): a skill and the other words
// written for it. Optional: without it every skill is its own word.
export const SKILLS_TAB = tab('skills', '技能', 'Skills', [
  col('skill', '技能', 'text', { required: true, primary: true }),
  col('synonyms', '同義語', 'list'),
], false);

export const AUDIT_LOG_TAB = tab('audit_log', '監査ログ', 'AuditLog', [
  col('at', '日時', 'timestamp'),
  col('user', 'ユーザー', 'text'),
  col('action', '操作', 'text'),
  col('sheet', 'シート', 'text'),
  col('record_id', 'ID', 'text'),
  col('detail', '内容', 'text'),
], false, true);

/** Every tab a center keeps by hand, in the order setup creates them. Add-in output tabs
 *  (週次KPI, アンケート集計) have their own modules since their columns are figures, not records. */
export const DATA_TABS = [
  SETTINGS_TAB, COORDINATORS_TAB, MEMBERS_TAB, CLIENTS_TAB, JOBS_TAB, ACTIVITIES_TAB, MATCHES_TAB,
  WORK_LOG_TAB, WORK_REPORTS_TAB, EVENTS_TAB, REGISTRATIONS_TAB, SURVEYS_TAB, SKILLS_TAB, MONTHLY_CLOSE_TAB, AUDIT_LOG_TAB,
] as const;

export type Member = RecordOf<typeof MEMBERS_TAB.columns>;
export type Client = RecordOf<typeof CLIENTS_TAB.columns>;
export type Job = RecordOf<typeof JOBS_TAB.columns>;
export type Activity = RecordOf<typeof ACTIVITIES_TAB.columns>;
export type Match = RecordOf<typeof MATCHES_TAB.columns>;
export type EventRecord = RecordOf<typeof EVENTS_TAB.columns>;
export type Registration = RecordOf<typeof REGISTRATIONS_TAB.columns>;
export type Coordinator = RecordOf<typeof COORDINATORS_TAB.columns>;
export type SurveyDef = RecordOf<typeof SURVEYS_TAB.columns>;
export type AuditEntry = RecordOf<typeof AUDIT_LOG_TAB.columns>;
export type Skill = RecordOf<typeof SKILLS_TAB.columns>;
export type WorkRecord = RecordOf<typeof WORK_LOG_TAB.columns>;
export type MonthlyClose = RecordOf<typeof MONTHLY_CLOSE_TAB.columns>;
export type WorkReportRow = RecordOf<typeof WORK_REPORTS_TAB.columns>;

export function tabName(def: { ja: string; en: string }, lang: Language): string {
  return lang === 'ja' ? def.ja : def.en;
}

export function headerName(column: Column, lang: Language): string {
  return lang === 'ja' ? column.ja : column.key;
}

/** Both names of a tab, the language's first: what readers try, in order. */
export function tabNames(def: { ja: string; en: string }, lang: Language = 'ja'): [string, string] {
  return lang === 'ja' ? [def.ja, def.en] : [def.en, def.ja];
}

export type AnnualStatsRow = RecordOf<typeof ANNUAL_STATS_TAB.columns>;

/** The add-in's own working tabs are named with a leading `_` and kept hidden (workbook.md
 *  "Written by the add-in"): setup and the first write that makes one hide it. */
export function isHiddenWorkTab(name: string): boolean {
  return name.startsWith('_');
}

// 継続支援's stored worklist (src/app/follow-ups): one row per member due a follow-up, with what
// the panel shows (name, kana, phone, the placement's job), rebuilt each night and on demand and
// kept true by the writes that change it. Row 2 is the list's own: 理由 `built`, 起点日 the day it
// was rebuilt, 件数 the counts it found (`placed_1w=3;…;cap=200`). Hidden, protected, never typed
// into; personal data stays in the spreadsheet like 会員's.
export const FOLLOW_UP_LIST_TAB = tab('follow_up_list', '_継続支援', '_FollowUps', [
  col('member_id', '会員ID', 'id'),
  col('reason', '理由', 'text', { required: true }),
  col('since', '起点日', 'date'),
  col('match_id', 'マッチングID', 'id'),
  col('job_id', '仕事ID', 'id'),
  col('last_contact', '最終連絡日', 'date'),
  col('name', '氏名', 'text'),
  col('kana', 'フリガナ', 'text'),
  col('phone', '電話', 'text'),
  col('job_title', '仕事名', 'text'),
  col('placed_on', '成立日', 'date'),
  col('joined_on', '入会日', 'date'),
  col('counts', '件数', 'text'),
], false, true);
export type FollowUpListRow = RecordOf<typeof FOLLOW_UP_LIST_TAB.columns>;
