import fc from 'fast-check';
import { loadBundle, jsonRoundTrip, type LoadedBundle } from './harness';
import { RangeImpl } from '../fakes/range';
import { SheetImpl } from '../fakes/sheet';
import { columnLetters } from '../fakes/a1';
import { ACTIVITY_KIND, AREA, JOB_ENGAGEMENT, SECTOR, type Language } from '../../src/domain/enums';
import { ACTIVITY_TOTALS_TAB } from '../../src/domain/weekly/activity-totals-tab';
import {
  ARGUMENT_PAYLOADS, CONTRACT_TABS, STORED_PAYLOADS, TEXT_FIELDS, NOW, TODAY, contractColumnOf, contractTabOf, formulaAfter,
  layoutOf, writeCenter, type CenterWorkbook, type ContractTab, type ExtraColumn, type TabLayout,
} from './center-workbook';
import { MEMBER_FIELDS } from '../../src/app/members/save-member';
import { clockEvent, formSubmitEvent, installTrigger } from './trigger-events';

// Every write use case — the sidebar's, the menu's (月次締め, 年度統計 included) and the triggers'
// (the weekly and nightly survey runs from their clock triggers, a 就業報告 answer from its form's
// submit trigger, and 申込を再確認 after a sign-up its trigger missed) —, through dist/Code.js and the Apps Script fakes, over center workbooks a
// generator makes: Japanese or English, every tab of workbook.md with its columns in a random
// order and one or two columns of the center's own among them (formulas or typed text), text
// cells that hold formula payloads as text, and arguments that carry payloads. After each call:
//
//  (a) every cell that changed, and every cell the bundle wrote, is in a column the use case owns:
//      a contract column of that tab (for an existing row, only the fields that use case changes);
//      a center's column is never written, except the '' appendRow leaves in a new row's gaps;
//  (b) no center formula changed or disappeared;
//  (c) no cell holds a formula it did not hold before, and every string the bundle handed to
//      setValues/setValue/appendRow that Sheets would take for a formula starts with an apostrophe.
//
// A violation names the call, the cell (tab!A1) and before → after.

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MANAGER = 'kanri@center.example';
// 40 workbooks of up to 8 calls: 7–10 s a project on this 2-core machine (the whole file ≈ 45 s for both).
const NUM_RUNS = 40;
const SEED = 20261208;

// ---------------------------------------------------------------------------------------------
// What each use case may write: per contract tab, whether it may add rows, and which fields of an
// existing row it may change, and in which rows ('any': an add-in output tab, all of whose columns
// it owns).

/** A row of a tab as it was before the call: the value under a contract column, by key. */
type RowValue = (key: string) => unknown;
interface TabPolicy {
  readonly append?: boolean;
  readonly inPlace?: readonly string[] | 'any';
  /** The existing rows the use case may change (default: any). */
  readonly rows?: (value: RowValue) => boolean;
  /** May fill an empty header cell with a contract header (a missing column added at the right). */
  readonly headers?: boolean;
}
type Policy = Readonly<Record<string, TabPolicy>>;

const AUDIT: Policy = { audit_log: { append: true } };
/** _継続支援, 継続支援's stored list: the add-in's own hidden tab, laid out by it and rewritten
 *  whole by its rebuild; the writes that change who is due a call write their members' rows. */
const FOLLOW_UP_LIST = 'follow_up_list';
const LIST: Policy = { [FOLLOW_UP_LIST]: { append: true, inPlace: 'any' } };
const isFollowUpList = (sheet: string): boolean => sheet === '_継続支援' || sheet === '_FollowUps';
const SETUP: Policy = {
  ...Object.fromEntries(CONTRACT_TABS.map((t) => [t.key, { headers: true }])),
  ...AUDIT, settings: { append: true, inPlace: ['value'], headers: true }, coordinators: { append: true, headers: true },
};
const WEEK_REPORTED = '2026-11-30';

/** The add-in's own hidden tabs (workbook.md): never laid out by a center, so no column of a
 *  center's in them; a call may write one only when its policy names it. */
const ADD_IN_TABS: Readonly<Record<string, string>> = {
  [ACTIVITY_TOTALS_TAB.ja]: 'activity_totals', [ACTIVITY_TOTALS_TAB.en]: 'activity_totals', _会員検索: 'member_search', _仕事検索: 'job_search',
};
/** _会員検索, the member picker's stored keys (member-search-index.ts): one cell a row of 会員,
 *  rewritten whole by a rebuild (the first search, the nightly run), a key appended by a new member
 *  and rewritten by an edit of a name or kana, or by a leaving (the leavers' mark). */
const SEARCH_KEYS: Policy = { member_search: { append: true, inPlace: 'any' } };
/** _仕事検索, the job picker's stored keys (job-search-index.ts): one cell a row of 仕事, rewritten
 *  whole by a rebuild (the first search, the nightly run), a key appended by registerJob and
 *  re-marked by a change of a job's status. */
const JOB_KEYS: Policy = { job_search: { append: true, inPlace: 'any' } };
const addInTabAllowed = (policy: Policy, sheet: string): boolean => {
  const key = ADD_IN_TABS[sheet.trim()];
  return key !== undefined && policy[key] !== undefined;
};
/** 活動記録's stored totals (count-activities.ts), kept true by the weekly run and by a
 *  correction or withdrawal of a counted row (adjust-activity-totals.ts). */
const TOTALS: Policy = { activity_totals: { append: true, inPlace: 'any' } };

function tokyoDay(v: unknown): string {
  if (Object.prototype.toString.call(v) !== '[object Date]') return String(v ?? '').slice(0, 10);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(v as Date);
}

function policyOf(call: Call): Policy {
  const [first] = call.args as [unknown];
  const input = (first ?? {}) as Record<string, unknown>;
  const registration = (v: RowValue): boolean => v('registration_id') === first;
  switch (call.fn) {
    case 'logActivity': case 'logFollowUp': return { ...AUDIT, ...LIST, activities: { append: true } };
    case 'registerClient': return { ...AUDIT, clients: { append: true } };
    case 'registerJob': return { ...AUDIT, ...JOB_KEYS, jobs: { append: true } };
    case 'changeMatchStatus': return {
      ...AUDIT, ...LIST, ...JOB_KEYS,
      matches: { append: true, inPlace: ['status', 'proposed_on', 'placed_on', 'ended_on', 'slots'], rows: (v) => v('job_id') === input.job_id && v('member_id') === input.member_id },
      // 充足 ⇄ 募集中 of the job; the マッチング activity (an undo withdraws the 成立's instead).
      jobs: { inPlace: ['status'], rows: (v) => v('job_id') === input.job_id },
      activities: { append: true, inPlace: ['status'], rows: (v) => v('job_id') === input.job_id && v('member_id') === input.member_id },
    };
    case 'proposeTeam': return { ...AUDIT, ...LIST, matches: { append: true }, activities: { append: true } };
    case 'setJobStatus': return { ...AUDIT, ...JOB_KEYS, jobs: { inPlace: ['status'], rows: (v) => v('job_id') === input.job_id } };
    case 'saveMember': return {
      ...AUDIT, ...LIST, ...SEARCH_KEYS,
      members: { append: true, inPlace: MEMBER_FIELDS, rows: (v) => v('member_id') === input.member_id },
    };
    case 'leaveMember': return {
      // The member's key marked as a leaver's (a 退会日 on or before today: member-search-key.ts).
      ...AUDIT, ...LIST, ...JOB_KEYS, member_search: { inPlace: 'any' },
      members: { inPlace: ['left_on', 'leave_reason'], rows: (v) => v('member_id') === input.member_id },
      matches: { inPlace: ['status', 'ended_on'], rows: (v) => v('member_id') === input.member_id },
      jobs: { inPlace: ['status'] },
      activities: { append: true },
    };
    case 'correctActivity': return {
      ...AUDIT, ...TOTALS, ...LIST, activities: { inPlace: ['date', 'area', 'kind', 'member_id', 'client_id', 'job_id', 'minutes', 'outcome', 'notes'], rows: (v) => v('activity_id') === input.activity_id },
    };
    case 'withdrawActivity': return { ...AUDIT, ...TOTALS, ...LIST, activities: { inPlace: ['status'], rows: (v) => v('activity_id') === first } };
    case 'checkIn': return { ...AUDIT, registrations: { inPlace: ['attended'], rows: registration } };
    case 'joinAsMember': return { ...AUDIT, ...SEARCH_KEYS, registrations: { inPlace: ['member_id'], rows: registration }, members: { append: true } };
    case 'searchMembers': return SEARCH_KEYS;
    // The cancelled row, and the first waitlisted person of that session who takes the place.
    case 'cancelRegistration': return { ...AUDIT, registrations: { inPlace: ['status'] } };
    // 週次KPI: the week's row; 推移: its 13 rows under the header, every week (trend-tab.ts).
    case 'sendWeeklySummaryNow': return {
      // 監査ログ: a whole count that found the stored totals wrong says so (run-weekly-summary.ts).
      ...TOTALS, ...AUDIT,
      weekly_kpi: { append: true, inPlace: 'any', headers: true, rows: (v) => tokyoDay(v('week_start')) === WEEK_REPORTED },
      trends: { append: true, inPlace: 'any' },
    };
    case 'weeklySummaryTrigger': return policyOf({ fn: 'sendWeeklySummaryNow', args: [] });
    // The nightly run also rebuilds 継続支援's stored list.
    case 'tallyAllSurveys': return { ...(call.trigger === 'clock' ? { ...LIST, ...SEARCH_KEYS, ...JOB_KEYS } : {}), survey_tally: { append: true, inPlace: 'any', headers: true } };
    case 'rebuildFollowUps': case 'listFollowUps': return LIST;
    // A phone sign-up, and the answers 申込 lacks (recheck), are new 申込 rows (a walk-in's 出席 in its own row).
    case 'registerByPhone': case 'recheckSignups': return { ...AUDIT, registrations: { append: true } };
    case 'createEvent': return { ...AUDIT, events: { append: true } };
    case 'recordWork': return { ...AUDIT, work_log: { append: true } };
    case 'confirmWork': {
      const ids = new Set((input.work_ids as string[] | undefined) ?? []);
      return { ...AUDIT, work_log: { inPlace: ['confirmed'], rows: (v) => ids.has(String(v('work_id'))) } };
    }
    // A good answer: 就業実績 rows; any other: a 要確認 row of 就業報告.
    case 'onWorkReportSubmit': return { ...AUDIT, work_log: { append: true }, work_reports: { append: true } };
    // 先月 (2026-11) is closed: its 月次締め row, added or (once reopened) closed again.
    case 'closeLastMonth': return {
      ...AUDIT, monthly_close: { append: true, inPlace: ['status', 'closed_at', 'closed_by', 'rows', 'amount_total', 'billed_total', 'wages_total'], rows: (v) => String(v('month')) === '2026-11' },
    };
    case 'reopenLastClose': return { ...AUDIT, monthly_close: { inPlace: ['status', 'reopened_at', 'reopened_by'] } };
    case 'writeAnnualStats': return { ...AUDIT, annual_stats: { append: true, inPlace: 'any' } };
    case 'runSetup': case 'saveInitialSettings': return SETUP;
    default: return {};
  }
}

// ---------------------------------------------------------------------------------------------
// Recording what the bundle hands the fake (the strings as written, and where they go).

interface Write { readonly sheet: string; readonly row: number; readonly col: number; readonly value: unknown; readonly via: string }
let recording: Write[] | null = null;

type Box = { row: number; col: number; numRows: number; numCols: number };
interface RangeInternals { _sheet: SheetImpl; _box: Box }
const rangeProto = RangeImpl.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const sheetProto = SheetImpl.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const originals = { setValues: rangeProto.setValues!, setValue: rangeProto.setValue!, clearContent: rangeProto.clearContent!, appendRow: sheetProto.appendRow! };

function recordBox(self: RangeInternals, via: string, valueAt: (r: number, c: number) => unknown): void {
  if (!recording) return;
  const name = self._sheet.getName();
  for (let r = 0; r < self._box.numRows; r += 1) {
    for (let c = 0; c < self._box.numCols; c += 1) recording.push({ sheet: name, row: self._box.row + r, col: self._box.col + c, value: valueAt(r, c), via });
  }
}

beforeAll(() => {
  rangeProto.setValues = function (this: RangeInternals, values: unknown) {
    if (Array.isArray(values)) recordBox(this, 'setValues', (r, c) => (values[r] as unknown[] | undefined)?.[c]);
    return originals.setValues.call(this, values);
  };
  rangeProto.setValue = function (this: RangeInternals, value: unknown) {
    recordBox(this, 'setValue', () => value);
    return originals.setValue.call(this, value);
  };
  rangeProto.clearContent = function (this: RangeInternals) {
    recordBox(this, 'clearContent', () => '');
    return originals.clearContent.call(this);
  };
  sheetProto.appendRow = function (this: SheetImpl, contents: unknown) {
    if (recording && Array.isArray(contents)) {
      // The test never defers writes (no executions named), so the row is the one after the last now.
      const row = this._lastRowNow() + 1;
      const name = this.getName();
      contents.forEach((value, i) => recording?.push({ sheet: name, row, col: i + 1, value, via: 'appendRow' }));
    }
    return originals.appendRow.call(this, contents);
  };
});

afterAll(() => {
  Object.assign(rangeProto, { setValues: originals.setValues, setValue: originals.setValue, clearContent: originals.clearContent });
  sheetProto.appendRow = originals.appendRow;
});

/** What Sheets or Excel would take for a formula (written independently of src/domain/text). */
const INVISIBLE = /^[\s\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]*/;
function formulaLike(s: string): boolean {
  if (/^[\t\r\n]/.test(s)) return true;
  return /^[=+\-@\uff1d\uff0b\uff0d\uff20\u2212]/.test(s.replace(INVISIBLE, ''));
}

// ---------------------------------------------------------------------------------------------
// Snapshots of every cell: its value and its formula.

interface SheetSnap { readonly name: string; readonly rows: number; readonly cols: number; readonly values: unknown[][]; readonly formulas: string[][] }
type Snapshot = Map<string, SheetSnap>;

function snapshot(ss: GSpreadsheet): Snapshot {
  const out: Snapshot = new Map();
  for (const sheet of ss.getSheets()) {
    const rows = Math.max(1, sheet.getLastRow());
    const cols = Math.max(1, sheet.getLastColumn());
    const range = sheet.getRange(1, 1, rows, cols);
    out.set(sheet.getName(), { name: sheet.getName(), rows: sheet.getLastRow(), cols, values: range.getValues(), formulas: range.getFormulas() });
  }
  return out;
}

interface CellState { readonly value: unknown; readonly formula: string }
function cellOf(s: SheetSnap | undefined, r: number, c: number): CellState {
  return { value: s?.values[r - 1]?.[c - 1] ?? '', formula: s?.formulas[r - 1]?.[c - 1] ?? '' };
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function sameCell(a: CellState, b: CellState): boolean {
  if (a.formula !== b.formula) return false;
  if (isDate(a.value) && isDate(b.value)) return a.value.getTime() === b.value.getTime();
  return a.value === b.value;
}

function show(c: CellState): string {
  if (c.formula !== '') return `formula ${c.formula}`;
  if (isDate(c.value)) return `date ${c.value.toISOString()}`;
  return JSON.stringify(c.value);
}

function headerAt(before: SheetSnap | undefined, after: SheetSnap | undefined, col: number): string {
  const b = String(before?.values[0]?.[col - 1] ?? '');
  return b !== '' ? b : String(after?.values[0]?.[col - 1] ?? '');
}

// ---------------------------------------------------------------------------------------------
// The oracle

/** A call by google.script.run or the menu (JSON arguments); or a trigger's run, whose event (a live
 *  Range for a form submit) the world makes just before: `trigger` says which. */
interface Call { readonly fn: string; readonly args: readonly unknown[]; readonly trigger?: 'clock' | WorkAnswer | 'signup_missed' }
/** A 就業報告 answer as Forms writes it into the form's response tab. */
interface WorkAnswer { readonly stamp: string; readonly member: string; readonly job: string; readonly month: string; readonly days: readonly string[]; readonly hours: string }

function describeCall(c: Call): string {
  const args = c.trigger === undefined ? c.args : [c.trigger === 'clock' ? 'its clock trigger' : c.trigger === 'signup_missed' ? 'after a sign-up answer its trigger missed' : { work_report: c.trigger }];
  return `${c.fn}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
}

/** Why `policy` does not let the use case write cell (row, contract column `key`) of `tab`; null when it does. */
function owned(policy: Policy, tab: ContractTab, key: string, row: number, col: number, before: SheetSnap): string | null {
  const p = policy[tab.key];
  if (!p) return `this use case does not write ${tab.ja}`;
  if (row === 1) return String(before.values[0]?.[col - 1] ?? '') === '' && p.headers ? null : 'a header cell';
  if (row > before.rows) return p.append ? null : `this use case does not add rows to ${tab.ja}`;
  if (p.inPlace !== 'any' && !p.inPlace?.includes(key)) return `an existing row's ${key}, which this use case does not change`;
  if (p.rows && !p.rows((k) => before.values[row - 1]?.[columnOfKey(tab, before, k) - 1])) return `${key} of a row this call is not about`;
  return null;
}

/** The 1-based column of contract column `key` in the tab as it was (0 when absent). */
function columnOfKey(tab: ContractTab, before: SheetSnap, key: string): number {
  const header = before.values[0] ?? [];
  return header.findIndex((h) => contractColumnOf(tab, String(h ?? ''))?.key === key) + 1;
}

/** The add-in's own tab that is no contract tab: the candidate index (matching.md), written whole
 *  by its rebuild (the nightly trigger run, the first ranking that finds it missing or stale),
 *  bucket by bucket by the writes that change a member's load, and a job's 仕事 cell by the writes
 *  of マッチング (proposeTeam among them). All its cells are theirs. */
const CANDIDATE_INDEX = '_候補索引';
const INDEX_WRITERS: ReadonlySet<string> = new Set([
  'saveMember', 'leaveMember', 'changeMatchStatus', 'proposeTeam', 'recordWork', 'onWorkReportSubmit', 'recheckWorkReports', 'joinAsMember', 'tallyAllSurveys',
  'listCandidates', 'rebuildCandidateIndex',
]);

function violations(call: Call, before: Snapshot, after: Snapshot, writes: readonly Write[]): string[] {
  const policy = policyOf(call);
  const ownsIndex = (name: string): boolean => name === CANDIDATE_INDEX && INDEX_WRITERS.has(call.fn);
  const out = new Set<string>();
  for (const name of before.keys()) if (!after.has(name)) out.add(`tab ${name} disappeared`);

  // Every cell that differs.
  for (const [name, a] of after) {
    const b = before.get(name);
    const tab = contractTabOf(name);
    const rows = Math.max(a.rows, b?.rows ?? 0, 1);
    const cols = Math.max(a.cols, b?.cols ?? 0);
    for (let r = 1; r <= rows; r += 1) {
      for (let c = 1; c <= cols; c += 1) {
        const was = cellOf(b, r, c);
        const now = cellOf(a, r, c);
        if (sameCell(was, now)) continue;
        const at = `${name}!${columnLetters(c)}${r}: ${show(was)} → ${show(now)}`;
        if (was.formula !== '') out.add(`${at} (a center formula changed or disappeared)`);
        if (now.formula !== '' && now.formula !== was.formula) out.add(`${at} (a formula was written: text not neutralised)`);
        if (!b) continue; // a tab the call created: checked for formulas above
        if (ownsIndex(name)) continue; // checked for formulas above
        if (!tab) { if (!addInTabAllowed(policy, name) && !(isFollowUpList(name) && policy[FOLLOW_UP_LIST])) out.add(`${at} (a tab the add-in does not own)`); continue; }
        const header = headerAt(b, a, c);
        const column = contractColumnOf(tab, header);
        if (!column) { out.add(`${at} (the center's own column "${header}")`); continue; }
        const why = owned(policy, tab, column.key, r, c, b);
        if (why) out.add(`${at} (${why})`);
      }
    }
  }

  // Every cell written, even with the value it already held.
  for (const w of writes) {
    const at = `${w.sheet}!${columnLetters(w.col)}${w.row} ← ${JSON.stringify(w.value)} by ${w.via}`;
    if (typeof w.value === 'string' && formulaLike(w.value) && !w.value.startsWith("'")) out.add(`${at} (text written raw: Sheets takes it for a formula)`);
    const b = before.get(w.sheet);
    if (!b || ownsIndex(w.sheet)) continue;
    const tab = contractTabOf(w.sheet);
    const newRow = w.row > b.rows;
    const blank = w.value === '' || w.value === null || w.value === undefined;
    const header = headerAt(b, after.get(w.sheet), w.col);
    const column = tab ? contractColumnOf(tab, header) : null;
    if (!tab && (addInTabAllowed(policy, w.sheet) || (isFollowUpList(w.sheet) && policy[FOLLOW_UP_LIST]))) continue;
    if (!tab || !column) {
      // appendRow leaves '' in a new row's cells between the owned ones: they stay empty.
      if (!(newRow && blank)) out.add(`${at} (${tab ? `the center's own column "${header}"` : 'a tab the add-in does not own'})`);
      continue;
    }
    const why = owned(policy, tab, column.key, w.row, w.col, b);
    if (why && !(newRow && blank && policy[tab.key]?.append)) out.add(`${at} (${why})`);
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// The world: the bundle over a center workbook, as the manager.

interface World { readonly bundle: LoadedBundle; readonly ss: GSpreadsheet }

/** The bundle over `center`, as its manager; `setUp`: 初期設定 already ran once (unchecked). */
function world(center: CenterWorkbook, setUp = false): World {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: NOW, activeUserEmail: MANAGER, mailQuota: 1000 });
  const ss = bundle.fakes!.spreadsheet;
  writeCenter(ss, center);
  if (setUp) bundle.call('runSetup');
  bundle.log.reset();
  return { bundle, ss };
}

interface Outcome { readonly result: unknown; readonly threw: string | null; readonly violations: string[]; readonly writes: readonly Write[] }

/** Runs one global as Apps Script would (JSON-shaped arguments) and checks what it wrote. */
function runChecked(w: World, call: Call): Outcome {
  // A global the bundle lost is the test's failure, not a refusal to tolerate.
  if (!w.bundle.functionNames.includes(call.fn)) throw new Error(`dist/Code.js has no global ${call.fn}: run npm run build on a complete tree`);
  const args = prepare(w, call);
  const before = snapshot(w.ss);
  recording = [];
  let result: unknown = null;
  let threw: string | null = null;
  try {
    result = w.bundle.call(call.fn, ...args);
  } catch (error) {
    threw = error instanceof Error ? error.message : String(error);
  }
  const writes = recording;
  recording = null;
  return { result, threw, violations: violations(call, before, snapshot(w.ss), writes), writes };
}

/** The arguments the global gets. For a trigger's run, Apps Script's event for the project's
 *  trigger (installed when setup has not); for a 就業報告 answer, the row Forms adds to the form's
 *  response tab (made by 初期設定, run here first when the world was not set up); for a sign-up
 *  whose trigger never ran, its row in the sign-up form's response tab. Done before the snapshot: these are not the bundle's writes. */
function prepare(w: World, call: Call): unknown[] {
  const t = call.trigger;
  if (t === undefined) return jsonRoundTrip([...call.args]);
  const uidOf = (handler: string, kind: 'clock' | 'form_submit'): string => w.bundle.fakes!.triggers.installed().find((i) => i.handler === handler && i.afterMs === undefined)?.uniqueId
    ?? installTrigger(w.bundle, handler, kind);
  if (t === 'clock') return [clockEvent(uidOf(call.fn, 'clock'), new Date(NOW))];
  const formTab = (work: boolean): GoogleAppsScript.Spreadsheet.Sheet | undefined => {
    const id = w.bundle.fakes!.properties.document.getProperty('ikigai.work_report.form_id') ?? '\u0000';
    return w.ss.getSheets().find((s) => s.getFormUrl() !== null && (s.getFormUrl() ?? '').includes(`/d/${id}/`) === work);
  };
  if (t === 'signup_missed') {
    // Forms' answer in either language: each text question a payload, each choice its first choice (a session, consent).
    const form = [...w.bundle.fakes!.forms.forms.values()].find((f) => f.items.some((i) => i.kind !== 'CHECKBOX' && i.choices.length > 0) && !f.items.some((i) => i.kind === 'CHECKBOX' && i.choices.length === 31));
    const tab = formTab(false);
    if (form && tab) {
      const stampTitle = String(tab.getRange(1, 1).getValue());
      const texts = ['=HYPERLINK("http://evil.example","x")', '＋1', '-1', 'x@example.jp\r\nBcc: y@example.jp', '@x'];
      const named: Record<string, string[]> = { [stampTitle]: ['2026/12/08 09:30:00'] };
      form.items.forEach((item, i) => { named[item.title] = [item.choices.length > 0 ? item.choices[0]! : texts[i % texts.length]!]; });
      formSubmitEvent(tab, named, 'missed');
    }
    return [];
  }
  if (!formTab(true)) w.bundle.call('runSetup');
  const tab = formTab(true)!;
  w.bundle.log.reset();
  return [formSubmitEvent(tab, {
    タイムスタンプ: [t.stamp], 会員ID: [t.member], 仕事ID: [t.job], 対象月: [t.month], 就業した日: [t.days.join(', ')], '1日の時間': [t.hours],
  }, uidOf('onWorkReportSubmit', 'form_submit'))];
}

function report(step: number, call: Call, found: readonly string[]): string {
  return `call #${step + 1} ${describeCall(call)} wrote outside its owned cells:\n  ${found.slice(0, 12).join('\n  ')}${found.length > 12 ? `\n  … ${found.length - 12} more` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Generators

const extraArb: fc.Arbitrary<ExtraColumn> = fc.record({
  header: fc.constantFrom('センター計算', '自治会', 'center_note', 'Calc', '班'),
  fill: fc.constantFrom<'formula' | 'text'>('formula', 'formula', 'text'),
});

function layoutArb(tab: ContractTab): fc.Arbitrary<TabLayout> {
  const keys = tab.columns.map((c) => c.key);
  return fc.tuple(
    fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
    fc.array(fc.record({ at: fc.nat({ max: keys.length }), extra: extraArb }), { minLength: 1, maxLength: 2 }),
  ).map(([order, extras]) => layoutOf(order, extras));
}

/** The tab's columns in `keys` order, the center's own columns after them. */
function trailingExtrasArb(keys: readonly string[]): fc.Arbitrary<TabLayout> {
  return fc.array(extraArb, { minLength: 1, maxLength: 2 }).map((extras) => layoutOf(keys, extras.map((extra) => ({ at: keys.length, extra }))));
}

/** How free the generator is with the two tabs whose writers once assumed a fixed layout (the
 *  two properties at the end hold each alone): 'shuffled' = like every other tab; 'fixed' = 設定 as 項目 | 値
 *  in A:B and 監査ログ in schema order, the center's columns after them. */
interface Freedom { readonly settings: 'fixed' | 'shuffled'; readonly audit: 'fixed' | 'shuffled' }

const storedArb = fc.constantFrom(...STORED_PAYLOADS);

function centerArb(freedom: Freedom): fc.Arbitrary<CenterWorkbook> {
  const tabArb = (t: ContractTab): fc.Arbitrary<TabLayout> => {
    if (t.key === 'settings' && freedom.settings === 'fixed') return trailingExtrasArb(['key', 'value']);
    if (t.key === 'audit_log' && freedom.audit === 'fixed') return trailingExtrasArb(t.columns.map((c) => c.key));
    return layoutArb(t);
  };
  return fc.record({
    lang: fc.constantFrom<Language>('ja', 'en'),
    manager: fc.constant(MANAGER),
    layouts: fc.record(Object.fromEntries(CONTRACT_TABS.map((t) => [t.key, tabArb(t)]))),
    texts: fc.array(fc.tuple(fc.constantFrom(...TEXT_FIELDS), storedArb), { minLength: 2, maxLength: 8 }).map((pairs) => Object.fromEntries(pairs)),
    survey: fc.constantFrom(true, true, true, false),
    currentWeekRow: fc.boolean(),
    tallyRows: fc.integer({ min: 0, max: 14 }),
    missingSettings: fc.subarray(['タイムゾーン', '週次メール送信先', '申込フォームID']),
    responseTexts: fc.array(fc.oneof(storedArb, fc.constantFrom('広報誌', '知人')), { minLength: 3, maxLength: 3 }),
  });
}

const textArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ARGUMENT_PAYLOADS) }, { weight: 1, arbitrary: fc.constantFrom('面談済み', '来週再訪', 'ok') });
const regIdArb = fc.constantFrom('R00001', 'R00002', 'R00003', 'R00004', 'R09999');

const callArb: fc.Arbitrary<Call> = fc.oneof(
  fc.record({
    date: fc.constantFrom(TODAY, '2026-12-01'), area: fc.constantFrom(...AREA.codes), kind: fc.constantFrom(null, ...ACTIVITY_KIND.codes),
    member_id: fc.constantFrom('M00001', '', '＝1'), minutes: fc.constantFrom(15, null), outcome: textArb, notes: textArb,
  }).map((input) => ({ fn: 'logActivity', args: [input] })),
  fc.record({
    name: textArb, sector: fc.constantFrom(null, ...SECTOR.codes), district: textArb, contact_person: textArb,
    phone: fc.constantFrom('04-7100-9999', '+81 4 7100 9999'),
  }).map((input) => ({ fn: 'registerClient', args: [input] })),
  fc.record({
    client_id: fc.constantFrom('C0001', 'C0002', 'C0404'), title: textArb, category: textArb, engagement: fc.constantFrom(null, ...JOB_ENGAGEMENT.codes),
    required_skills: fc.array(textArb, { maxLength: 2 }), slots: fc.subarray(['Mon-AM', 'Wed-PM']), headcount: fc.integer({ min: 1, max: 3 }), pay: textArb,
  }).map((input) => ({ fn: 'registerJob', args: [input] })),
  fc.record({
    action: fc.constantFrom('propose', 'interview', 'place', 'end', 'decline'), job_id: fc.constantFrom('J0001', 'J0002'),
    member_id: fc.constantFrom('M00001', 'M00002', 'M00003'),
  }).map((input) => ({ fn: 'changeMatchStatus', args: [input] })),
  fc.record({
    action: fc.constantFrom('place', 'end', 'undo_place'), job_id: fc.constantFrom('J0001', 'J0002'),
    member_id: fc.constantFrom('M00001', 'M00002', 'M00003'), notes: textArb,
  }).map((input) => ({ fn: 'changeMatchStatus', args: [input] })),
  fc.record({ job_id: fc.constantFrom('J0001', 'J0002'), status: fc.constantFrom('closed', 'open') }).map((input) => ({ fn: 'setJobStatus', args: [input] })),
  fc.record({
    job_id: fc.constantFrom('J0001', 'J0002'),
    members: fc.subarray(['M00001', 'M00002', 'M00003'], { minLength: 1 }).map((ids) => ids.map((member_id) => ({ member_id, slots: ['Mon-AM'] }))),
  }).map((input) => ({ fn: 'proposeTeam', args: [input] })),
  fc.record({
    name: textArb, kana: textArb, district: textArb, notes: textArb, skills: fc.array(textArb, { maxLength: 2 }), availability: fc.subarray(['Mon-AM', 'Tue-AM']),
    consent: fc.boolean(), join_route: fc.constantFrom('window', 'referral'),
  }).map((input) => ({ fn: 'saveMember', args: [input] })),
  fc.record({
    member_id: fc.constantFrom('M00001', 'M00002', 'M00404'), district: textArb, phone: fc.constantFrom('04-7100-0001', '=1+1'), skills: fc.array(textArb, { maxLength: 2 }),
  }).map((input) => ({ fn: 'saveMember', args: [input] })),
  fc.record({ member_id: fc.constantFrom('M00001', 'M00002', 'M00003'), date: fc.constantFrom(TODAY, '2026-12-31'), reason: fc.constantFrom('health', 'moved') })
    .map((input) => ({ fn: 'leaveMember', args: [input] })),
  fc.record({ member_id: fc.constantFrom('M00001', 'M00002'), outcome: textArb, notes: textArb, minutes: fc.constantFrom(10, null) }).map((input) => ({ fn: 'logFollowUp', args: [input] })),
  fc.record({ activity_id: fc.constantFrom('A000001', 'A000002'), notes: textArb, outcome: textArb, minutes: fc.constantFrom(5, 45) }).map((input) => ({ fn: 'correctActivity', args: [input] })),
  fc.constantFrom('A000001', 'A000002', 'A000404').map((id) => ({ fn: 'withdrawActivity', args: [id] })),
  fc.tuple(regIdArb, fc.boolean()).map((args) => ({ fn: 'checkIn', args })),
  fc.tuple(regIdArb, fc.record({ district: textArb, skills: fc.array(textArb, { maxLength: 2 }) })).map((args) => ({ fn: 'joinAsMember', args })),
  regIdArb.map((id) => ({ fn: 'cancelRegistration', args: [id] })),
  fc.constant({ fn: 'sendWeeklySummaryNow', args: [] }),
  // The tally from the menu; 継続支援's stored list made (the first listing) and rebuilt on
  // demand (作り直す), members' names as typed.
  fc.constantFrom<Call>({ fn: 'tallyAllSurveys', args: [] }, { fn: 'listFollowUps', args: [] }, { fn: 'rebuildFollowUps', args: [] }),
  // The weekly run and the nightly survey run from their own triggers (the nightly one also mails).
  fc.constant<Call>({ fn: 'weeklySummaryTrigger', args: [], trigger: 'clock' }),
  fc.constant<Call>({ fn: 'tallyAllSurveys', args: [], trigger: 'clock' }),
  fc.record({
    event_id: fc.constantFrom('E001', 'E002', 'E404'), name: textArb, kana: textArb, phone: fc.constantFrom('04-7100-3001', '=1+1'),
    email: fc.constantFrom('a@example.jp', 'x@example.jp\r\nBcc: y@example.jp', 'a@example.jp, b@example.jp'), source: textArb,
    consent: fc.boolean(), walk_in: fc.boolean(),
  }).map((input) => ({ fn: 'registerByPhone', args: [input] })),
  fc.record({
    kind: fc.constantFrom('orientation', 'seminar'), title: textArb, date: fc.constantFrom('2026-12-20', '2027-01-15'), venue: textArb, capacity: fc.constantFrom(null, 5),
  }).map((input) => ({ fn: 'createEvent', args: [input] })),
  fc.constant<Call>({ fn: 'recheckSignups', args: [], trigger: 'signup_missed' }),
  // M00002's 火AM placement on J0002: Tuesdays of October (closed), November and December (one recorded).
  fc.record({
    member_id: fc.constantFrom('M00002', 'M00002', 'M00001'), job_id: fc.constantFrom('J0002', 'J0002', 'J0001'),
    days: fc.oneof(
      fc.subarray(['2026-11-17', '2026-12-08'], { minLength: 1 }),
      fc.subarray(['2026-10-27', '2026-11-17', '2026-12-01', '2026-12-08'], { minLength: 1 }),
    ).map((ds) => ds.map((date) => ({ date, hours: 3 }))),
    notes: textArb,
  }).map((input) => ({ fn: 'recordWork', args: [input] })),
  // W0000001 is in the closed October; W0000004 exists once a day was recorded.
  fc.record({ work_ids: fc.oneof(fc.subarray(['W0000002', 'W0000003'], { minLength: 1 }), fc.subarray(['W0000001', 'W0000002', 'W0000003', 'W0000004'], { minLength: 1 })), confirmed: fc.boolean() })
    .map((input) => ({ fn: 'confirmWork', args: [input] })),
  fc.oneof(
    // A good answer (M00002 on J0002 in an open month), or one of payloads, other members, jobs and months.
    fc.record({
      stamp: fc.constantFrom('2026/12/08 09:00:00', '2026/12/08 09:05:00'), member: fc.constantFrom('M00002', 'm00002'), job: fc.constant('J0002'),
      month: fc.constant('2026-11'), days: fc.subarray(['3', '10', '17'], { minLength: 1 }), hours: fc.constantFrom('2', '２.５'),
    }),
    fc.record({
      stamp: fc.constantFrom('2026/12/08 09:00:00', '2026/12/08 09:05:00'), member: fc.constantFrom('M00002', 'm00002', 'M00404', '=1+1', '＝M00002'),
      job: fc.constantFrom('J0002', 'J0001', '@J0002'), month: fc.constantFrom('2026-12', '2026-11', '2026-10', '-1'),
      days: fc.subarray(['1', '8', '17', '24'], { minLength: 1 }), hours: fc.constantFrom('2', '２.５', '+2', '=2'),
    }),
  ).map((answer): Call => ({ fn: 'onWorkReportSubmit', args: [], trigger: answer })),
  fc.constant({ fn: 'closeLastMonth', args: [] }),
  fc.constant({ fn: 'reopenLastClose', args: [] }),
  fc.constant({ fn: 'writeAnnualStats', args: [] }),
  fc.constant({ fn: 'runSetup', args: [] }),
  fc.record({
    centerName: textArb, language: fc.constantFrom<Language>('ja', 'en'), weeklyDay: fc.integer({ min: 0, max: 6 }), weeklyHour: fc.integer({ min: 0, max: 23 }),
  }).map((input) => ({ fn: 'saveInitialSettings', args: [input] })),
);

// ---------------------------------------------------------------------------------------------

/** What a call answered: 'ok' for a success of any shape, else the refusal's kind. */
function verdict(o: Outcome): string {
  if (o.threw !== null) return 'threw';
  const r = o.result as { ok?: unknown; status?: unknown; busy?: unknown; outcome?: unknown } | null;
  // A 就業報告 answer: written as 就業実績 rows or kept 要確認 (both writes), or not.
  if (r && typeof r === 'object' && 'outcome' in r) return r.outcome === 'recorded' || r.outcome === 'needs_review' ? 'ok' : String(r.outcome);
  if (r && typeof r === 'object' && 'ok' in r) return r.ok ? 'ok' : `refused ${String((r as { code?: unknown }).code ?? '')}`.trim();
  if (r && typeof r === 'object' && 'status' in r) return r.status === 'sent' || r.status === 'already_sent' ? 'ok' : String(r.status);
  if (r && typeof r === 'object' && 'busy' in r) return 'busy';
  return 'ok';
}

const WRITE_CALLS = ['logActivity', 'registerClient', 'registerJob', 'changeMatchStatus', 'checkIn', 'joinAsMember', 'cancelRegistration',
  'sendWeeklySummaryNow', 'tallyAllSurveys', 'runSetup', 'saveInitialSettings',
  'setJobStatus', 'proposeTeam', 'saveMember', 'leaveMember', 'logFollowUp', 'correctActivity', 'withdrawActivity',
  'weeklySummaryTrigger', 'registerByPhone', 'createEvent', 'recheckSignups', 'recordWork', 'confirmWork', 'onWorkReportSubmit',
  'closeLastMonth', 'reopenLastClose', 'writeAnnualStats', 'rebuildFollowUps'] as const;

function runSequence(center: CenterWorkbook, setUp: boolean, calls: readonly Call[], tally?: Map<string, number>): void {
  const w = world(center, setUp);
  calls.forEach((call, i) => {
    const o = runChecked(w, call);
    const keys = [`${call.fn} ${verdict(o)}`];
    if (call.trigger === 'clock') keys.push(`${call.fn}@trigger ${verdict(o)}`);
    const outcome = (o.result as { outcome?: unknown } | null)?.outcome;
    if (call.fn === 'onWorkReportSubmit') keys.push(`${call.fn} ${String(outcome)}`);
    // Besides the audit row: the call wrote a cell of a tab it is about.
    if (o.writes.some((x) => contractTabOf(x.sheet)?.key !== 'audit_log')) keys.push(`${call.fn} wrote`);
    for (const key of keys) tally?.set(key, (tally.get(key) ?? 0) + 1);
    // A global answers (ok or a refusal in words); it never throws at Apps Script.
    if (o.threw !== null) throw new Error(`call #${i + 1} ${describeCall(call)} threw: ${o.threw}`);
    if (o.violations.length > 0) throw new Error(report(i, call, o.violations));
  });
}

function ownedCellsProperty(freedom: Freedom, numRuns: number, options: { tally?: Map<string, number>; shrink?: boolean } = {}): void {
  fc.assert(
    fc.property(centerArb(freedom), fc.boolean(), fc.array(callArb, { minLength: 1, maxLength: 8 }),
      (center, setUp, calls) => runSequence(center, setUp, calls, options.tally)),
    { numRuns, seed: SEED, endOnFailure: options.shrink === false },
  );
}

describe('every write use case writes only the cells it owns, over random center workbooks', () => {
  it('leaves the center\'s columns and formulas alone and writes no formula, for any workbook and any sequence of calls', () => {
    const tally = new Map<string, number>();
    const started = Date.now();
    ownedCellsProperty({ settings: 'shuffled', audit: 'shuffled' }, NUM_RUNS, { tally });
    // eslint-disable-next-line no-console
    console.log(`owned cells: ${NUM_RUNS} workbooks in ${Date.now() - started} ms; calls ${JSON.stringify(Object.fromEntries([...tally].sort()))}`);
    // The generator reaches every use case and lets each of them write at least once.
    expect(WRITE_CALLS.filter((fn) => (tally.get(`${fn} ok`) ?? 0) === 0)).toEqual([]);
    // The nightly survey run from its trigger, and a 就業報告 answer that became 就業実績 rows.
    expect(WRITE_CALLS.filter((fn) => (tally.get(`${fn} wrote`) ?? 0) === 0)).toEqual([]);
    expect(['tallyAllSurveys@trigger ok', 'onWorkReportSubmit recorded', 'onWorkReportSubmit needs_review'].filter((k) => (tally.get(k) ?? 0) === 0)).toEqual([]);
  });
});

// Two writers still assume a layout the contract does not promise (workbook.md: "header order
// does not matter; unknown extra columns are kept untouched on every write"), so the property
// above holds 設定 at 項目 | 値 in A:B and 監査ログ in schema order. These run it without that
// (unshrunk while they fail, to keep the file fast: drop `shrink: false` with the `.failing`).
describe('the layouts two writers still assume', () => {
  // Found by this file: src/app/signup/create-form.ts writeFormId once wrote 申込フォームID to
  // column B whatever 設定's header said (fixed in b70eb70). Kept with 監査ログ in schema order.
  it('setup writes the new form\'s ID under 設定\'s 値 header, wherever the center put 項目 and 値', () => {
    ownedCellsProperty({ settings: 'shuffled', audit: 'fixed' }, 20, { shrink: false });
  });

  // Found by this file: src/app/shared/audit.ts writeAudit once wrote the audit row to A:F in
  // schema order, never looking at 監査ログ's header (fixed: it reads the header now).
  it('an audit row lands under 監査ログ\'s own headers when the center reordered them or put a column among them', () => {
    ownedCellsProperty({ settings: 'fixed', audit: 'shuffled' }, 20, { shrink: false });
  });
});

// ---------------------------------------------------------------------------------------------
// The red team's layouts, one use case at a time: a formula column of the center's own between
// two contract columns of 申込, マッチング, 週次KPI, 設定 and アンケート集計 (and of the other tabs).

const FIXED_LAYOUTS: Readonly<Record<string, TabLayout>> = {
  settings: formulaAfter('settings', 'key'),
  coordinators: formulaAfter('coordinators', 'name'),
  members: formulaAfter('members', 'name'),
  clients: formulaAfter('clients', 'name'),
  jobs: formulaAfter('jobs', 'title'),
  activities: formulaAfter('activities', 'date'),
  matches: formulaAfter('matches', 'status'),
  events: formulaAfter('events', 'title'),
  registrations: formulaAfter('registrations', 'status'),
  surveys: formulaAfter('surveys', 'name'),
  // Setup's layout, the center's column after the log's own.
  audit_log: formulaAfter('audit_log', 'detail'),
  weekly_kpi: formulaAfter('weekly_kpi', 'week_end'),
  survey_tally: formulaAfter('survey_tally', 'answers'),
};

function fixedCenter(over: Partial<CenterWorkbook> = {}): CenterWorkbook {
  return {
    lang: 'ja', manager: MANAGER, layouts: FIXED_LAYOUTS, currentWeekRow: true, tallyRows: 3,
    texts: { 'registrations.1.name': `'=HYPERLINK("http://x","y")`, 'registrations.0.kana': `'+cmd|' /C calc'!A0`, 'settings.0.value': "'-1+1", 'matches.0.notes': "'@SUM(1)" },
    responseTexts: ["'=1+1", '広報誌', '知人'],
    ...over,
  };
}

/** The sheet column (1-based) of the fixed layout's formula column in `tabKey`. */
function formulaColumn(tabKey: string): number {
  return (FIXED_LAYOUTS[tabKey] ?? []).findIndex((s) => s.kind === 'extra') + 1;
}

function formulasIn(ss: GSpreadsheet, tab: string, col: number): string[] {
  const sheet = ss.getSheetByName(tab)!;
  return sheet.getRange(2, col, Math.max(1, sheet.getLastRow() - 1), 1).getFormulas().map((r) => r[0] ?? '');
}

interface Kept { readonly w: World; readonly outcomes: Outcome[] }

/** Runs `calls` on the fixed center: each must succeed and write only its own cells, and the formula
 *  column of `tab` must still hold every formula it held. */
function expectKept(tab: string, tabKey: string, calls: readonly Call[], over: Partial<CenterWorkbook> = {}, setUp = false): Kept {
  const w = world(fixedCenter(over), setUp);
  const col = formulaColumn(tabKey);
  const before = formulasIn(w.ss, tab, col);
  expect(before.filter((f) => f !== '').length).toBeGreaterThan(0);
  const outcomes = calls.map((call, i) => {
    const o = runChecked(w, call);
    expect({ call: describeCall(call), threw: o.threw, verdict: verdict(o) }).toEqual({ call: describeCall(call), threw: null, verdict: 'ok' });
    expect(o.violations.length === 0 ? 'none' : report(i, call, o.violations)).toBe('none');
    return o;
  });
  expect(formulasIn(w.ss, tab, col).slice(0, before.length)).toEqual(before);
  return { w, outcomes };
}

describe('the red team\'s cases: a formula column between two contract columns survives the use case that writes beside it', () => {
  it('checking a person in at the door ticks 出席 and keeps 申込\'s formula column', () => {
    expectKept('申込', 'registrations', [{ fn: 'checkIn', args: ['R00001', true] }]);
  });

  it('making an attendee a member links 会員ID in 申込 and keeps its formula column', () => {
    const { w } = expectKept('申込', 'registrations', [{ fn: 'joinAsMember', args: ['R00002', { district: '=1+1', skills: ['@x'] }] }]);
    // The name read back from 申込 (a HYPERLINK payload kept as text there) is text in 会員 too.
    const members = w.ss.getSheetByName('会員')!;
    expect(members.getRange(5, 1, 1, members.getLastColumn()).getFormulas()[0]!.filter((f) => f !== '')).toEqual([]);
    expect(members.getRange(5, 1, 1, members.getLastColumn()).getValues()[0]).toContain('=HYPERLINK("http://x","y")');
  });

  it('cancelling a confirmed place (and promoting the waitlist) keeps 申込\'s formula column', () => {
    expectKept('申込', 'registrations', [{ fn: 'cancelRegistration', args: ['R00001'] }]);
  });

  it('moving a proposal to an interview writes 状態 and keeps マッチング\'s formula column', () => {
    expectKept('マッチング', 'matches', [{ fn: 'changeMatchStatus', args: [{ action: 'interview', job_id: 'J0001', member_id: 'M00001' }] }]);
  });

  it('registering a member, editing one and a member leaving write 会員\'s own cells and keep its formula column', () => {
    expectKept('会員', 'members', [
      { fn: 'saveMember', args: [{ name: '=1+1', kana: 'あらい', availability: ['Mon-AM'] }] },
      { fn: 'saveMember', args: [{ member_id: 'M00002', district: '@x', skills: ['=SUM(1)'] }] },
      { fn: 'leaveMember', args: [{ member_id: 'M00002', date: TODAY, reason: 'moved' }] },
    ]);
  });

  it('placing a member, the job filling and the placement undone keep 仕事\'s and マッチング\'s formula columns', () => {
    // J0001 needs two on 月AM: M00001 (proposed) and M00003 fill it (充足), undoing M00003 reopens it.
    expectKept('仕事', 'jobs', [
      { fn: 'changeMatchStatus', args: [{ action: 'place', job_id: 'J0001', member_id: 'M00001', notes: '=HYPERLINK("x")' }] },
      { fn: 'changeMatchStatus', args: [{ action: 'place', job_id: 'J0001', member_id: 'M00003' }] },
      { fn: 'changeMatchStatus', args: [{ action: 'undo_place', job_id: 'J0001', member_id: 'M00003' }] },
      { fn: 'setJobStatus', args: [{ job_id: 'J0001', status: 'closed' }] },
    ]);
    expectKept('マッチング', 'matches', [{ fn: 'proposeTeam', args: [{ job_id: 'J0002', members: [{ member_id: 'M00003', slots: ['Tue-AM'] }] }] }]);
  });

  it('correcting and withdrawing an activity write its own cells and keep 活動記録\'s formula column', () => {
    expectKept('活動記録', 'activities', [
      { fn: 'correctActivity', args: [{ activity_id: 'A000002', notes: '-x', minutes: 20 }] },
      { fn: 'withdrawActivity', args: ['A000001'] },
      { fn: 'logFollowUp', args: [{ member_id: 'M00001', notes: '+x' }] },
    ]);
  });

  it('the weekly run rewrites the week\'s row of 週次KPI and keeps its formula column', () => {
    expectKept('週次KPI', 'weekly_kpi', [{ fn: 'sendWeeklySummaryNow', args: [] }]);
  });

  // Still fails: saveInitialSettings makes the sign-up form and writeFormId
  // (src/app/signup/create-form.ts) writes its ID to 設定!B8, the center's formula.
  it('the setup dialog writes 設定\'s values and the new form\'s ID under 値, and keeps 設定\'s formula column', () => {
    expectKept('設定', 'settings', [{ fn: 'saveInitialSettings', args: [{ centerName: '=柏市', language: 'ja', weeklyDay: 1, weeklyHour: 9 }] }]);
  });

  it('a second tally writes アンケート集計\'s own columns and keeps its formula column', () => {
    expectKept('アンケート集計', 'survey_tally', [{ fn: 'tallyAllSurveys', args: [] }, { fn: 'tallyAllSurveys', args: [] }]);
  });

  it('a second 初期設定 from the menu on a set-up center writes nothing and keeps 設定\'s formula column', () => {
    const { outcomes } = expectKept('設定', 'settings', [{ fn: 'runSetup', args: [] }], {}, true);
    // The first line says nothing changed (the next say who can answer the form and whose the triggers are).
    expect(String((outcomes[0]?.result as { message?: string } | undefined)?.message).split('\n')[0]).toBe('すでに設定済みです。何も変更していません。');
    expect(outcomes[0]?.writes).toEqual([]);
  });
});

describe('each write use case on the fixed center writes only its own cells', () => {
  it('logging an activity appends 活動記録\'s own columns and an audit row', () => {
    expectKept('活動記録', 'activities', [{ fn: 'logActivity', args: [{ date: TODAY, area: 'matching', kind: 'visit', member_id: 'M00001', notes: '\u3000=X()', outcome: '\ufeff=X()' }] }]);
  });

  it('registering a client and a job for it append only their tabs\' own columns', () => {
    expectKept('仕事', 'jobs', [
      { fn: 'registerClient', args: [{ name: ' =1+1', contact_person: '＝1', district: '-x' }] },
      { fn: 'registerJob', args: [{ client_id: 'C0001', title: '\t=1', category: '@x', required_skills: ['=A1'], pay: '\r\n=1' }] },
    ]);
  });

  it('proposing a new pair appends a マッチング row, placing and ending it write only its status and dates', () => {
    expectKept('マッチング', 'matches', [
      { fn: 'changeMatchStatus', args: [{ action: 'propose', job_id: 'J0001', member_id: 'M00003' }] },
      { fn: 'changeMatchStatus', args: [{ action: 'place', job_id: 'J0001', member_id: 'M00003' }] },
      { fn: 'changeMatchStatus', args: [{ action: 'end', job_id: 'J0001', member_id: 'M00003' }] },
    ]);
  });

  it('the weekly run appends the week to 週次KPI when the tab has no row for it yet', () => {
    expectKept('週次KPI', 'weekly_kpi', [{ fn: 'sendWeeklySummaryNow', args: [] }], { currentWeekRow: false });
  });

  it('a tally shorter than the old one blanks only アンケート集計\'s own columns', () => {
    expectKept('アンケート集計', 'survey_tally', [{ fn: 'tallyAllSurveys', args: [] }], { tallyRows: 14 });
  });

  // Still fails, as above: writeFormId appends the missing signup_form_id row to A:B, and B is the center's column.
  it('the first 初期設定 on an English center whose Settings lacks signup_form_id adds that row under its own headers', () => {
    expectKept('Settings', 'settings', [{ fn: 'runSetup', args: [] }], { lang: 'en', missingSettings: ['タイムゾーン', '申込フォームID'] });
  });
});
