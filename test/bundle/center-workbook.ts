import { columnLetters } from '../fakes/a1';
import {
  ACTIVITY_KIND, AGE_BAND, AREA, EVENT_KIND, EVENT_STATUS, GENDER, JOB_ENGAGEMENT, JOB_STATUS, JOIN_ROUTE,
  MATCH_ENGAGEMENT, MATCH_STATUS, REGISTRATION_STATUS, ROLE, SECTOR, PAY_UNIT, CLOSE_STATUS, WORK_REPORT_STATUS, labelOf, type Enumeration, type Language,
} from '../../src/domain/enums';
import { DATA_TABS } from '../../src/domain/schema/tabs';
import { SURVEY_TALLY_HEADER, SURVEY_TALLY_TAB } from '../../src/domain/survey/tally-rows';
import { SEND_STATUS } from '../../src/domain/weekly/send-status';
import { WEEKLY_KPI_COLUMNS, WEEKLY_KPI_TAB } from '../../src/domain/weekly/weekly-kpi-tab';
import { TREND_TAB, TREND_TAB_COLUMNS } from '../../src/domain/weekly/trend-tab';

// A center's workbook as a person would have it in Google Sheets, for the bundle tests that check
// what a writer may touch (owned-cells.property.test.ts): every tab of docs/design/workbook.md in
// one language (tab names and headers), its columns in the order the center chose, and columns of
// the center's own between them, holding formulas (`=LEN(B2)`) or text it typed. Every text the
// center typed is written with setValues as Sheets takes typed text; a text that would read as a
// formula is written with a leading apostrophe, so the fake keeps it as text, as Sheets does.

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ContractColumn { readonly key: string; readonly ja: string }
export interface ContractTab {
  readonly key: string;
  readonly ja: string;
  readonly en: string;
  readonly columns: readonly ContractColumn[];
}

/** Every tab of workbook.md with the columns the add-in owns there: the data tabs (tabs.ts), 監査ログ,
 *  and the add-in's output tabs 週次KPI, 推移 and アンケート集計 (their own modules' columns). */
export const CONTRACT_TABS: readonly ContractTab[] = [
  ...DATA_TABS.map((t) => ({ key: t.key, ja: t.ja, en: t.en, columns: t.columns.map((c) => ({ key: c.key, ja: c.ja })) })),
  { key: 'weekly_kpi', ja: WEEKLY_KPI_TAB.ja, en: WEEKLY_KPI_TAB.en, columns: WEEKLY_KPI_COLUMNS.map((c) => ({ key: c.key, ja: c.ja })) },
  // 推移: the weekly run's 13 rows under setup's chart (trend-tab.ts).
  { key: 'trends', ja: TREND_TAB.ja, en: TREND_TAB.en, columns: TREND_TAB_COLUMNS.map((c) => ({ key: c.key, ja: c.ja })) },
  {
    key: 'survey_tally', ja: SURVEY_TALLY_TAB.ja, en: SURVEY_TALLY_TAB.en,
    columns: SURVEY_TALLY_HEADER.en.map((key, i) => ({ key, ja: SURVEY_TALLY_HEADER.ja[i] ?? key })),
  },
];

export function contractTab(key: string): ContractTab {
  const t = CONTRACT_TABS.find((x) => x.key === key);
  if (!t) throw new Error(`no contract tab ${key}`);
  return t;
}

export function headerIn(column: ContractColumn, lang: Language): string {
  return lang === 'ja' ? column.ja : column.key;
}

export function tabNameIn(tab: { ja: string; en: string }, lang: Language): string {
  return lang === 'ja' ? tab.ja : tab.en;
}

/** The contract tab a sheet name stands for (trimmed, either language), or null for a tab of the center's own. */
export function contractTabOf(sheetName: string): ContractTab | null {
  const n = sheetName.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
  return CONTRACT_TABS.find((t) => t.ja === n || t.en === n) ?? null;
}

function normalise(h: string): string {
  return h.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The contract column a header names in `tab` (either language), or null for a column of the center's own. */
export function contractColumnOf(tab: ContractTab, header: string): ContractColumn | null {
  const h = normalise(header);
  if (h === '') return null;
  return tab.columns.find((c) => normalise(c.ja) === h || normalise(c.key) === h) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Payloads

/** Texts a person may type that Sheets would take for a formula if a script wrote them back raw,
 *  as the center holds them: written with the apostrophe, so they are text in the sheet. */
export const STORED_PAYLOADS = [
  `'=HYPERLINK("http://x","y")`, `'+cmd|' /C calc'!A0`, `'-1+1`, `'@SUM(1)`, `'=1+1`, `'-x`,
] as const;

/** What a caller may send in a text argument (the sidebar, the setup dialog). */
export const ARGUMENT_PAYLOADS = [
  '=1+1', ' =1+1', '\u00a0=X()', '\u3000=X()', '\ufeff=X()', '\t=1', '\r\n=1', '＝1', '@x', '-x', '+x',
  '=HYPERLINK("http://evil.example","x")', '−1', '\u000b=1',
] as const;

// ---------------------------------------------------------------------------------------------
// The layout of a tab: contract columns in some order, the center's own columns among them.

export type ExtraFill = 'formula' | 'text';
export interface ExtraColumn { readonly header: string; readonly fill: ExtraFill }
export type LayoutSlot = { readonly kind: 'contract'; readonly key: string } | { readonly kind: 'extra'; readonly extra: ExtraColumn };
export type TabLayout = readonly LayoutSlot[];

/** Contract columns in `order` (keys), with `extras` inserted before the given 0-based positions. */
export function layoutOf(order: readonly string[], extras: readonly { at: number; extra: ExtraColumn }[]): TabLayout {
  const slots: LayoutSlot[] = order.map((key) => ({ kind: 'contract', key }));
  // Inserted from the last position down so each `at` counts contract columns as they stand.
  for (const { at, extra } of [...extras].sort((a, b) => b.at - a.at)) slots.splice(Math.min(at, slots.length), 0, { kind: 'extra', extra });
  return slots;
}

/** Schema order with one formula column right after the contract column `after` (the red team's layout). */
export function formulaAfter(tabKey: string, after: string, header = 'センター計算'): TabLayout {
  const keys = contractTab(tabKey).columns.map((c) => c.key);
  const at = keys.indexOf(after);
  if (at < 0) throw new Error(`${tabKey} has no column ${after}`);
  return layoutOf(keys, [{ at: at + 1, extra: { header, fill: 'formula' } }]);
}

// ---------------------------------------------------------------------------------------------
// Records

/** A value as setValues gets it: a number, a boolean, or text as typed (apostrophe for literal text). */
export type Typed = string | number | boolean;
export type RecordValues = Readonly<Record<string, Typed>>;

export interface CenterOptions {
  readonly lang: Language;
  /** The caller: an active manager in コーディネータ. */
  readonly manager: string;
  /** Replaces text fields of the records ("tab.index.key" → typed text, e.g. a stored payload). */
  readonly texts?: Readonly<Record<string, string>>;
  /** アンケート and its response tab (default true). */
  readonly survey?: boolean;
  /** 週次KPI already has a row for the week before `today` (the weekly run then updates it in place). */
  readonly currentWeekRow?: boolean;
  /** Rows of an older tally in アンケート集計 (the second tally writes over them or blanks them). */
  readonly tallyRows?: number;
  /** 設定 keys left out (setup appends them). */
  readonly missingSettings?: readonly string[];
}

export const RESPONSES_TAB = 'フォームの回答 2';
export const TODAY = '2026-12-08';
/** Tuesday 2026-12-08 10:00 in Tokyo: 2026-12-07 was an orientation; the weekly run reports 11-30..12-06. */
export const NOW = '2026-12-08T01:00:00Z';
export const COORDINATOR = 'jc1@center.example';

function label<C extends string>(e: Enumeration<C>, code: C, lang: Language): string {
  return labelOf(e, code, lang);
}

/** The candidate text fields a generator may fill with a payload ("tab.index.key"). */
export const TEXT_FIELDS: readonly string[] = [
  'settings.0.value', 'members.0.name', 'members.1.notes', 'members.2.district', 'clients.0.name', 'clients.1.contact_person',
  'jobs.0.title', 'jobs.1.pay', 'activities.0.outcome', 'activities.1.notes', 'matches.0.notes', 'events.0.venue',
  'events.1.title', 'registrations.0.name', 'registrations.1.kana', 'registrations.1.name', 'registrations.2.source',
  'registrations.3.notes', 'surveys.0.name', 'audit_log.0.detail', 'survey_tally.0.choice', 'coordinators.1.name',
  'work_log.0.notes', 'work_reports.0.notes',
];

/** The records of every tab, keyed by column key, in the center's language. */
export function centerRecords(o: CenterOptions): Record<string, RecordValues[]> {
  const L = o.lang;
  const ja = L === 'ja';
  const settingsKeys: [string, string, Typed][] = [
    ['センター名', 'center_name', '柏市シルバー人材センター'], ['言語', 'language', L], ['タイムゾーン', 'time_zone', 'Asia/Tokyo'],
    ['週次メール送信先', 'weekly_recipients', ''], ['週次メール曜日', 'weekly_day', ja ? '月' : 'Mon'], ['週次メール時刻', 'weekly_hour', 8],
    ['申込フォームID', 'signup_form_id', ''],
  ];
  const missing = new Set(o.missingSettings ?? []);
  const records: Record<string, Record<string, Typed>[]> = {
    settings: settingsKeys.filter(([k]) => !missing.has(k) || k === '言語').map(([k, en, v]) => ({ key: ja ? k : en, value: v })),
    coordinators: [
      { email: o.manager, name: '管理 花子', role: label(ROLE, 'manager', L), active: true },
      { email: COORDINATOR, name: '担当 一郎', role: label(ROLE, 'coordinator', L), active: true },
      { email: 'view@center.example', name: '閲覧 次郎', role: label(ROLE, 'viewer', L), active: true },
    ],
    members: [
      { member_id: 'M00001', name: '青木 一郎', kana: 'アオキ イチロウ', gender: label(GENDER, 'male', L), joined_on: '2020-04-01', join_route: label(JOIN_ROUTE, 'window', L), district: '豊四季', phone: '04-7100-0001', availability: ja ? '月AM、水PM' : 'Mon-AM, Wed-PM', consent: true },
      { member_id: 'M00002', name: '井上 和子', kana: 'イノウエ カズコ', gender: label(GENDER, 'female', L), joined_on: '2021-06-01', join_route: label(JOIN_ROUTE, 'orientation', L), district: '北柏', availability: ja ? '火AM' : 'Tue-AM', consent: true, notes: '送迎あり' },
      { member_id: 'M00003', name: '上田 茂', kana: 'ウエダ シゲル', joined_on: '2024-10-01', district: '南柏', max_days_per_week: 3, consent: true },
    ],
    clients: [
      { client_id: 'C0001', name: 'さくら苑', sector: label(SECTOR, 'welfare', L), district: '柏', contact_person: '山田 施設長', developed_on: '2025-04-10' },
      { client_id: 'C0002', name: '柏商店会', sector: label(SECTOR, 'company', L), district: '柏', contact_person: '佐藤', developed_on: '2025-05-01' },
    ],
    jobs: [
      { job_id: 'J0001', client_id: 'C0001', title: '食堂の配膳', engagement: label(JOB_ENGAGEMENT, 'contract', L), slots: ja ? '月AM' : 'Mon-AM', headcount: 2, status: label(JOB_STATUS, 'open', L), created_on: '2025-04-12', coordinator: COORDINATOR },
      { job_id: 'J0002', client_id: 'C0002', title: '店番', engagement: label(JOB_ENGAGEMENT, 'dispatch', L), slots: ja ? '火AM' : 'Tue-AM', headcount: 1, status: label(JOB_STATUS, 'open', L), created_on: '2025-05-02', pay: '時給1100円', unit_price: 1100, unit: label(PAY_UNIT, 'hour', L) },
    ],
    activities: [
      { activity_id: 'A000001', date: '2026-12-01', coordinator: COORDINATOR, area: label(AREA, 'development', L), kind: label(ACTIVITY_KIND, 'visit', L), client_id: 'C0001', minutes: 60, outcome: '好感触', recorded_at: '2026-12-01 15:00' },
      { activity_id: 'A000002', date: '2026-12-02', coordinator: COORDINATOR, area: label(AREA, 'matching', L), kind: label(ACTIVITY_KIND, 'call', L), member_id: 'M00001', minutes: 15, notes: '折り返し待ち' },
    ],
    matches: [
      { match_id: 'X000001', job_id: 'J0001', member_id: 'M00001', engagement: label(MATCH_ENGAGEMENT, 'contract', L), status: label(MATCH_STATUS, 'proposed', L), proposed_on: '2026-11-20', coordinator: COORDINATOR, fit_score: 80, notes: '本人乗り気' },
      { match_id: 'X000002', job_id: 'J0002', member_id: 'M00002', engagement: label(MATCH_ENGAGEMENT, 'dispatch', L), status: label(MATCH_STATUS, 'placed', L), proposed_on: '2026-10-01', placed_on: '2026-10-15', coordinator: COORDINATOR },
    ],
    // M00002's 店番 (J0002, 火AM, placed 2026-10-15): October closed by 月次締め, November and December open.
    work_log: [
      { work_id: 'W0000001', date: '2026-10-20', member_id: 'M00002', job_id: 'J0002', hours: 3, confirmed: true, recorded_at: '2026-10-21 09:00', notes: '' },
      { work_id: 'W0000002', date: '2026-11-24', member_id: 'M00002', job_id: 'J0002', hours: 3, confirmed: false, recorded_at: '2026-11-25 09:00', notes: '代行' },
      { work_id: 'W0000003', date: '2026-12-01', member_id: 'M00002', job_id: 'J0002', hours: 2.5, confirmed: false, recorded_at: '2026-12-02 09:00' },
    ],
    monthly_close: [
      { month: "'2026-10", status: label(CLOSE_STATUS, 'closed', L), closed_at: '2026-11-10 10:00', closed_by: o.manager, rows: 1, amount_total: 3300, billed_total: 3630, wages_total: 0 },
    ],
    work_reports: [
      { answered_at: '2026-12-01 10:00', member_id: 'M00404', job_id: 'J0002', month: "'2026-12", days: '1', hours: 2, status: label(WORK_REPORT_STATUS, 'needs_review', L), notes: ja ? '会員IDが会員シートにありません' : 'the member ID is not in Members' },
    ],
    events: [
      { event_id: 'E001', kind: label(EVENT_KIND, 'orientation', L), title: '入会説明会', date: '2026-12-07', start_time: "'10:00", venue: '柏市センター会議室', capacity: 2, status: label(EVENT_STATUS, 'open', L) },
      { event_id: 'E002', kind: label(EVENT_KIND, 'seminar', L), title: '生きがいセミナー', date: '2026-12-20', start_time: "'13:30", venue: '柏市役所', status: label(EVENT_STATUS, 'open', L) },
    ],
    registrations: [
      { registration_id: 'R00001', event_id: 'E001', name: '佐藤 一郎', kana: 'サトウ イチロウ', phone: '04-7100-2001', email: 'ichiro@example.jp', age_band: label(AGE_BAND, '70s', L), gender: label(GENDER, 'male', L), source: '広報誌', registered_at: '2026-11-20 10:00', status: label(REGISTRATION_STATUS, 'confirmed', L), attended: false, consent: true },
      { registration_id: 'R00002', event_id: 'E001', name: '鈴木 花子', kana: 'スズキ ハナコ', phone: '04-7100-2002', email: '', age_band: label(AGE_BAND, 'early_60s', L), gender: label(GENDER, 'female', L), source: '知人', registered_at: '2026-11-21 09:00', status: label(REGISTRATION_STATUS, 'confirmed', L), attended: true, consent: true },
      { registration_id: 'R00003', event_id: 'E001', name: '高橋 三郎', kana: 'タカハシ サブロウ', phone: '04-7100-2003', email: 'saburo@example.jp', registered_at: '2026-11-22 11:00', status: label(REGISTRATION_STATUS, 'waitlisted', L), attended: false, consent: true },
      { registration_id: 'R00004', event_id: 'E002', name: '田中 四郎', kana: 'タナカ シロウ', phone: '04-7100-2004', registered_at: '2026-11-23 12:00', status: label(REGISTRATION_STATUS, 'confirmed', L), attended: false, consent: true, notes: '車いす' },
    ],
    surveys: o.survey === false ? [] : [{ sheet: RESPONSES_TAB, name: '説明会アンケート', target: 20, cross_by: '' }],
    audit_log: [
      { at: '2026-12-01 15:00', user: COORDINATOR, action: 'log_activity', sheet: ja ? '活動記録' : 'Activities', record_id: 'A000001', detail: 'area=development kind=visit client=C0001' },
      { at: '2026-12-02 09:00', user: COORDINATOR, action: 'log_activity', sheet: ja ? '活動記録' : 'Activities', record_id: 'A000002', detail: 'area=matching kind=call member=M00001' },
    ],
    weekly_kpi: weeklyRows(L, o.currentWeekRow === true),
    survey_tally: Array.from({ length: o.tallyRows ?? 3 }, (_, i) => ({
      survey: '説明会アンケート', question: '満足度', kind: ja ? '数値' : 'scale', cross_by: '', group: '', answers: 4, choice: String(5 - i), count: 1, share: 0.25,
    })),
  };
  for (const [path, text] of Object.entries(o.texts ?? {})) {
    const [tab, index, key] = path.split('.') as [string, string, string];
    const record = records[tab]?.[Number(index)];
    if (record) record[key] = text;
  }
  return records;
}

function weeklyRows(lang: Language, currentWeek: boolean): Record<string, Typed>[] {
  const weeks = [['2026-11-16', '2026-11-22'], ['2026-11-23', '2026-11-29'], ...(currentWeek ? [['2026-11-30', '2026-12-06']] : [])];
  return weeks.map(([from, to]) => ({
    week_start: from ?? '', week_end: to ?? '', members_enrolled: 3, new_members: 0, activities: 2,
    status: lang === 'ja' ? SEND_STATUS.ja.sent : 'sent', sent_at: `${to ?? ''} 23:00`, recipients: 2,
  }));
}

/** The response tab of the survey, in Google Forms' layout (the add-in reads it, never writes it). */
export function responseRows(texts: readonly string[] = []): Typed[][] {
  return [
    ['タイムスタンプ', '満足度', '参加のきっかけ'],
    ['2026-12-07 12:00', 5, texts[0] ?? '広報誌'],
    ['2026-12-07 12:05', 4, texts[1] ?? '知人'],
    ['2026-12-07 12:10', 5, texts[2] ?? '広報誌'],
  ];
}

// ---------------------------------------------------------------------------------------------
// Writing the workbook into the fake spreadsheet

export interface CenterWorkbook extends CenterOptions {
  /** Layout per contract tab key; a tab not named gets schema order and no extra column. */
  readonly layouts: Readonly<Record<string, TabLayout>>;
  /** Texts the response tab's free-answer column holds. */
  readonly responseTexts?: readonly string[];
}

/** The formula a center keeps in its own column: a reference to a cell of the same row. */
export function centerFormula(layout: TabLayout, row: number, extraIndex: number): string {
  const ref = layout.findIndex((s) => s.kind === 'contract');
  const letter = columnLetters(ref + 1);
  return [`=LEN(${letter}${row})`, `=IF(${letter}${row}="","",ROW())`, `=COUNTA(${letter}$2:${letter}${row})`][extraIndex % 3] ?? `=ROW()`;
}

/** The typed grid of one tab: header row, then one row per record. */
export function tabGrid(layout: TabLayout, lang: Language, tab: ContractTab, records: readonly RecordValues[]): Typed[][] {
  const header = layout.map((s) => (s.kind === 'contract' ? headerIn(tab.columns.find((c) => c.key === s.key)!, lang) : s.extra.header));
  const rows = records.map((record, i) => {
    let extraIndex = 0;
    return layout.map((s, c): Typed => {
      if (s.kind === 'contract') return record[s.key] ?? '';
      const k = extraIndex++;
      return s.extra.fill === 'formula' ? centerFormula(layout, i + 2, k + c) : ['自治会班長', '要確認', "'=1+1", '済'][(i + c) % 4] ?? '';
    });
  });
  return [header, ...rows];
}

function writeGrid(ss: GSpreadsheet, name: string, grid: readonly (readonly Typed[])[]): void {
  const sheet = ss.insertSheet(name);
  const width = Math.max(...grid.map((r) => r.length));
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(1, 1, grid.length, width).setValues(grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
}

/** Writes every tab of the center into the (empty) fake spreadsheet, in setup's order. */
export function writeCenter(ss: GSpreadsheet, w: CenterWorkbook): void {
  const records = centerRecords(w);
  for (const tab of CONTRACT_TABS) {
    if (tab.key === 'surveys' && w.survey === false) continue;
    const layout = w.layouts[tab.key] ?? layoutOf(tab.columns.map((c) => c.key), []);
    writeGrid(ss, tabNameIn(tab, w.lang), tabGrid(layout, w.lang, tab, records[tab.key] ?? []));
  }
  if (w.survey !== false) writeGrid(ss, RESPONSES_TAB, responseRows(w.responseTexts));
}
