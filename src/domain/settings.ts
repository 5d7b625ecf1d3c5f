import { errorValueOf } from './parse/error-value';
import type { Language } from './enums';
import { cellText, type RawTable } from './cell';
import { normalizeHeader } from './parse/parse-table';
import { WEEKDAYS, WEEKDAYS_JA } from './slots';
import type { Problem } from './messages/problem';

// The 設定 / Settings tab: key/value rows (workbook.md). Unknown keys are kept for the center.
export interface Settings {
  centerName: string;
  language: Language;
  timeZone: string;
  fiscalYearStartMonth: number;
  weeklyRecipients: string[];
  /** 0 = Monday … 6 = Sunday. */
  weeklyDay: number;
  weeklyHour: number;
  population60Plus: number | null;
  slotHours: number;
  weeklyHoursCap: number;
  monthlyDaysCap: number;
  signupFormId: string;
  /** The monthly 就業報告 form (forms.md), written by setup like the sign-up form's. */
  workReportFormId: string;
  /** 事務費率: the fee billed on top of 請負・委任 pay, in percent (src/domain/work/money.ts). */
  feeRate: number;
  /** The fiscal year's targets (年度目標, kpi.md "Targets"); null = not set. The weekly mail shows
   *  the year to date against each target taken pro rata to the days of the year gone by. */
  targetNewMembers: number | null;
  targetPlacedDispatch: number | null;
  targetPlacedPlacement: number | null;
  targetPlacedContract: number | null;
  targetPlacedMandate: number | null;
  targetPlacedConsultation: number | null;
  targetJobsDeveloped: number | null;
  targetPersonDays: number | null;
  /** Above this many enrolled members (jobs not 終了, clients) the sidebar's picker asks the server
   *  as the person types instead of listing them all when it opens (sidebar-calls.md "Pickers").
   *  Rows a center may add to 設定; setup does not write them. */
  memberListLimit: number;
  jobListLimit: number;
  clientListLimit: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  centerName: '',
  language: 'ja',
  timeZone: 'Asia/Tokyo',
  fiscalYearStartMonth: 4,
  weeklyRecipients: [],
  weeklyDay: 0,
  weeklyHour: 8,
  population60Plus: null,
  slotHours: 4,
  weeklyHoursCap: 20,
  monthlyDaysCap: 10,
  signupFormId: '',
  workReportFormId: '',
  feeRate: 10,
  targetNewMembers: null,
  targetPlacedDispatch: null,
  targetPlacedPlacement: null,
  targetPlacedContract: null,
  targetPlacedMandate: null,
  targetPlacedConsultation: null,
  targetJobsDeveloped: null,
  targetPersonDays: null,
  // A member option is ~76 bytes of JSON, a job ~133, a client ~40: 3,000 members ≈ 230 KB (a
  // Kashiwa-sized center keeps the instant picker), 200 jobs ≈ 27 KB, 500 clients ≈ 20 KB.
  memberListLimit: 3_000,
  jobListLimit: 200,
  clientListLimit: 500,
};

export type SettingKey = keyof Settings;

/** The 年度目標 rows: one per figure a center sets a target for (workbook.md 設定). */
export const TARGET_SETTING_KEYS: ReadonlyArray<{ key: TargetKey; ja: string; en: string }> = [
  { key: 'targetNewMembers', ja: '年度目標（新規入会者数）', en: 'target_new_members' },
  { key: 'targetPlacedDispatch', ja: '年度目標（就労者数・派遣）', en: 'target_placed_dispatch' },
  { key: 'targetPlacedPlacement', ja: '年度目標（就労者数・職業紹介）', en: 'target_placed_placement' },
  { key: 'targetPlacedContract', ja: '年度目標（就労者数・請負）', en: 'target_placed_contract' },
  { key: 'targetPlacedMandate', ja: '年度目標（就労者数・委任）', en: 'target_placed_mandate' },
  { key: 'targetPlacedConsultation', ja: '年度目標（就労者数・就労相談）', en: 'target_placed_consultation' },
  { key: 'targetJobsDeveloped', ja: '年度目標（新規開拓件数）', en: 'target_jobs_developed' },
  { key: 'targetPersonDays', ja: '年度目標（就業延人員）', en: 'target_person_days' },
];

/** Each setting's Japanese and English key, in the order setup writes them. */
export const SETTING_KEYS: ReadonlyArray<{ key: SettingKey; ja: string; en: string }> = [
  { key: 'centerName', ja: 'センター名', en: 'center_name' },
  { key: 'language', ja: '言語', en: 'language' },
  { key: 'timeZone', ja: 'タイムゾーン', en: 'time_zone' },
  { key: 'fiscalYearStartMonth', ja: '年度開始月', en: 'fiscal_year_start_month' },
  { key: 'weeklyRecipients', ja: '週次メール送信先', en: 'weekly_recipients' },
  { key: 'weeklyDay', ja: '週次メール曜日', en: 'weekly_day' },
  { key: 'weeklyHour', ja: '週次メール時刻', en: 'weekly_hour' },
  { key: 'population60Plus', ja: '60歳以上人口', en: 'population_60_plus' },
  { key: 'slotHours', ja: '枠時間', en: 'slot_hours' },
  { key: 'weeklyHoursCap', ja: '週上限時間', en: 'weekly_hours_cap' },
  { key: 'monthlyDaysCap', ja: '月上限日数', en: 'monthly_days_cap' },
  { key: 'signupFormId', ja: '申込フォームID', en: 'signup_form_id' },
  { key: 'feeRate', ja: '事務費率', en: 'fee_rate' },
  ...TARGET_SETTING_KEYS,
  // Last, so the rows a center already has keep their places.
  { key: 'workReportFormId', ja: '就業報告フォームID', en: 'work_report_form_id' },
];

/** Settings a center may add to 設定 but setup does not write (the defaults suit nearly every center). */
export const OPTIONAL_SETTING_KEYS: ReadonlyArray<{ key: SettingKey; ja: string; en: string }> = [
  { key: 'memberListLimit', ja: '会員一覧の上限', en: 'member_list_limit' },
  { key: 'jobListLimit', ja: '仕事一覧の上限', en: 'job_list_limit' },
  { key: 'clientListLimit', ja: '提供先一覧の上限', en: 'client_list_limit' },
];

/** The settings that hold a fiscal-year target. */
export type TargetKey = 'targetNewMembers' | 'targetPlacedDispatch' | 'targetPlacedPlacement' | 'targetPlacedContract'
  | 'targetPlacedMandate' | 'targetPlacedConsultation' | 'targetJobsDeveloped' | 'targetPersonDays';

/** A percentage such as `10`, `8.5` or `10%` (at most two decimals, so fees stay exact in yen).
 *  A cell Sheets shows as `10%` holds 0.1: a value between 0 and 1 is read as that fraction. */
function percentIn(text: string, min: number, max: number): number | null {
  const t = text.normalize('NFKC').replace(/%$/, '').trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  let n = Number(t);
  if (n > 0 && n < 1) n = Math.round(n * 1e6) / 1e4;
  const hundredths = Math.round(n * 100);
  if (Math.abs(n * 100 - hundredths) > 1e-6) return null;
  n = hundredths / 100;
  return n >= min && n <= max ? n : null;
}

function intIn(text: string, min: number, max: number): number | null {
  const n = Number(text.normalize('NFKC').replace(/,/g, ''));
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** Reads the settings tab; a missing tab or blank value means the default. Bad values are problems
 *  and fall back to the default so the rest of the workbook can still be read. */
/** Where 設定's 項目 and 値 are (0-based), by header in either language; A and B when unnamed. */
export function settingsColumns(header: readonly string[]): { key: number; value: number } {
  const names = header.map((h) => normalizeHeader(String(h)));
  const key = names.findIndex((h) => h === '項目' || h === 'key');
  const value = names.findIndex((h) => h === '値' || h === 'value');
  return { key: Math.max(0, key), value: value >= 0 ? value : 1 };
}

export function parseSettings(raw: RawTable | null): { settings: Settings; problems: Problem[]; rowOf: Map<SettingKey, number> } {
  const settings: Settings = { ...DEFAULT_SETTINGS, weeklyRecipients: [] };
  const problems: Problem[] = [];
  const rowOf = new Map<SettingKey, number>();
  if (!raw) return { settings, problems, rowOf };
  const { key: keyCol, value: vCol } = settingsColumns(raw.header);
  raw.rows.forEach((row, r) => {
    const keyText = normalizeHeader(cellText(row[keyCol]));
    const def = SETTING_KEYS.find((k) => normalizeHeader(k.ja) === keyText || k.en === keyText)
      ?? OPTIONAL_SETTING_KEYS.find((k) => normalizeHeader(k.ja) === keyText || k.en === keyText);
    if (!def) return;
    rowOf.set(def.key, r + 2);
    const cell = row[vCol];
    // A failed formula in 値 (#N/A as センター名) is a problem, never a setting.
    const error = errorValueOf(cell);
    if (error !== null) {
      problems.push({ tab: raw.name, cell: `${String.fromCharCode(65 + vCol)}${r + 2}`, code: 'error_value', params: { value: error } });
      return;
    }
    const text = cellText(cell);
    if (text === '') return;
    const bad = (expected: string): void => {
      problems.push({ tab: raw.name, cell: `${String.fromCharCode(65 + vCol)}${r + 2}`, code: 'bad_setting', params: { key: def.ja, value: text, expected } });
    };
    switch (def.key) {
      case 'centerName': settings.centerName = text; break;
      case 'signupFormId': settings.signupFormId = text; break;
      case 'workReportFormId': settings.workReportFormId = text; break;
      case 'language': {
        const l = text.toLowerCase();
        if (l === 'ja' || l === '日本語') settings.language = 'ja';
        else if (l === 'en' || l === 'english' || l === '英語') settings.language = 'en';
        else bad('ja / en');
        break;
      }
      case 'timeZone':
        if (isTimeZone(text)) settings.timeZone = text; else bad('Asia/Tokyo');
        break;
      case 'weeklyRecipients':
        settings.weeklyRecipients = text.split(/[,、;\s]+/).map((s) => s.trim()).filter((s) => s !== '');
        break;
      case 'weeklyDay': {
        const t = text.replace(/曜日?$/, '');
        let i = WEEKDAYS_JA.indexOf(t as (typeof WEEKDAYS_JA)[number]);
        if (i < 0) i = WEEKDAYS.findIndex((d) => d.toLowerCase() === t.slice(0, 3).toLowerCase());
        if (i >= 0) settings.weeklyDay = i; else bad('月..日 / Mon..Sun');
        break;
      }
      case 'fiscalYearStartMonth': { const n = intIn(text, 1, 12); if (n === null) bad('1–12'); else settings.fiscalYearStartMonth = n; break; }
      case 'weeklyHour': { const n = intIn(text, 0, 23); if (n === null) bad('0–23'); else settings.weeklyHour = n; break; }
      case 'population60Plus': { const n = intIn(text, 1, 1e9); if (n === null) bad('> 0'); else settings.population60Plus = n; break; }
      case 'slotHours': { const n = intIn(text, 1, 12); if (n === null) bad('1–12'); else settings.slotHours = n; break; }
      case 'weeklyHoursCap': { const n = intIn(text, 1, 168); if (n === null) bad('1–168'); else settings.weeklyHoursCap = n; break; }
      case 'monthlyDaysCap': { const n = intIn(text, 1, 31); if (n === null) bad('1–31'); else settings.monthlyDaysCap = n; break; }
      case 'memberListLimit': case 'jobListLimit': case 'clientListLimit': {
        const n = intIn(text, 0, 1e6); if (n === null) bad('0–1000000'); else settings[def.key] = n; break;
      }
      case 'feeRate': { const n = percentIn(text, 0, 100); if (n === null) bad('0–100'); else settings.feeRate = n; break; }
      case 'targetNewMembers': case 'targetPlacedDispatch': case 'targetPlacedPlacement': case 'targetPlacedContract':
      case 'targetPlacedMandate': case 'targetPlacedConsultation': case 'targetJobsDeveloped': case 'targetPersonDays': {
        // A target of 0 is a target (none expected); blank is no target.
        const n = intIn(text, 0, 1e9); if (n === null) bad('0 以上の整数 / a whole number ≥ 0'); else settings[def.key] = n; break;
      }
    }
  });
  return { settings, problems, rowOf };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The settings rows setup writes for a new center, labelled in `lang`. */
export function settingsRows(settings: Settings, lang: Language): [string, string | number][] {
  const weekday = (i: number): string => (lang === 'ja' ? WEEKDAYS_JA[i] : WEEKDAYS[i]) ?? '';
  return SETTING_KEYS.map(({ key, ja, en }) => {
    const v = settings[key];
    const value = key === 'weeklyDay' ? weekday(settings.weeklyDay)
      : Array.isArray(v) ? v.join(', ')
      : v === null ? '' : v;
    return [lang === 'ja' ? ja : en, value];
  });
}
