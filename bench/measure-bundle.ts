import { join } from 'node:path';
import v8 from 'node:v8';
import { CallLog, type CallSnapshot } from '../test/fakes/call-log';
import type { StartKind } from './cost-model';
import { MATCH_IDS, MEMBER_IDS } from '../src/app/shared/next-id';
import { jsonRoundTrip, loadBundle } from '../test/bundle/harness';
import { clockEvent, editEvent, formSubmitEvent, installTrigger, triggerUidOf } from '../test/bundle/trigger-events';
import { BENCH_NOW, BENCH_TODAY, BENCH_USER, SURVEY_SHEET, type BenchCenter } from './generate-center';
import { loadTables } from './load-fake';
import { ACTIVITIES_TAB } from '../src/domain/schema/tabs';
import { weekBefore } from '../src/domain/weekly/week-period';
import { repoRoot } from './repo-root';

// Each operation driven through the BUILT bundle (dist/Code.js) in a bare node:vm realm with the
// counting fakes, exactly as Apps Script would call it: the weekly trigger, the sidebar's
// google.script.run calls with JSON-shaped arguments, a real-shaped form-submit event, the
// survey menu item. The calls, cells and wall time of each call are kept.

export const OPERATIONS = [
  'weekly', 'sidebarOpen', 'logActivity', 'rankCandidates', 'placeMatch', 'formSubmit', 'surveyTally',
  // The coordinator's day (issue 12, docs/design/sidebar-calls.md).
  'undoPlace', 'listJobs', 'searchJobs', 'searchMembers', 'getMember', 'saveMemberNew', 'saveMemberEdit', 'proposeTeam', 'setJobStatus',
  'leaveMember', 'listFollowUps', 'logFollowUp', 'correctActivity', 'withdrawActivity',
  // The first ranking after a coordinator typed one member's 地区 into 会員 (issue 15, hand edits).
  'rankAfterHandEdit',
  // The first 継続支援 list after a coordinator typed a contact into the row below 活動記録's last.
  'listAfterTypedRow',
] as const;
export type OperationName = (typeof OPERATIONS)[number];

/** How each operation starts in Apps Script (its start-up cost differs: bench/cost-model.ts). */
export function startKindOf(op: OperationName): StartKind {
  if (op === 'weekly' || op === 'formSubmit') return 'trigger';
  if (op === 'surveyTally') return 'menu';
  return 'sidebar';
}

/** A call log that also samples the heap at every service call, for the peak of an operation:
 *  the bundle's own allocations between two calls are not seen, so the figure is a lower bound
 *  of the true peak (the answer, built after the last call, is sampled at the end). */
class HeapSamplingLog extends CallLog {
  peak = 0;
  override record(call: string): void {
    super.record(call);
    const used = v8.getHeapStatistics().used_heap_size;
    if (used > this.peak) this.peak = used;
  }
}

export interface BundleMeasure {
  readonly op: OperationName;
  /** The bundle function called. */
  readonly fn: string;
  readonly calls: CallSnapshot;
  /** Wall time of the call in the vm, fakes included (not Apps Script time). */
  readonly wallMs: number;
  /** Our code's own time through the bundle: the call's wall and process CPU minus the time spent
   *  inside the fakes (CallLog timing). Node's V8 on this machine; GC of the fakes' garbage that
   *  runs during our code stays in ours. */
  readonly server: { readonly wallMs: number; readonly cpuMs: number; readonly fakesWallMs: number; readonly fakesCpuMs: number };
  /** What the call answered, in a few words (status or ok/code). */
  readonly outcome: string;
  /** Size of the JSON answer (what google.script.run carries back to the sidebar). */
  readonly answerBytes: number;
  /** The heap's peak above its level when the call started (sampled at each service call and at the end). */
  readonly peakHeapBytes: number;
}

export interface BundleRun {
  readonly measures: BundleMeasure[];
  /** logActivity's first call, which seeds the ID counter from the ID column. */
  readonly logActivityFirst: BundleMeasure | null;
  /** The weekly run a week earlier, which finds no `_活動集計` and counts 活動記録 whole (as a
   *  recount does); the `weekly` line is the run after it, which reads the week's rows only. */
  readonly weeklyFirst?: BundleMeasure | null;
  /** Cells of the tabs the weekly run must read (every data tab once). */
  readonly weeklyExpectedCells: number;
  readonly missing: string[];
  readonly fixtureMs: number;
  /** The fake spreadsheet after the run and its call log, for the per-cell baseline. */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly log: CallLog;
}

function outcomeOf(v: unknown): string {
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.status === 'string') return o.status;
    if (typeof o.outcome === 'string') return o.outcome;
    if (o.ok === true) return 'ok';
    if (o.ok === false) return `error ${String(o.code)}`;
    if (typeof o.surveys === 'number') return `${o.surveys} survey(s)`;
  }
  return String(v);
}

/** `beforeOps` runs once the center is loaded and the form made, before any operation (the
 *  per-cell baseline reads the very data the weekly run reads). */
export function measureThroughBundle(center: BenchCenter, beforeOps?: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, log: CallLog) => void): BundleRun {
  const root = repoRoot();
  const t0 = performance.now();
  const log = new HeapSamplingLog();
  log.timing = true;
  const bundle = loadBundle({
    log, bundlePath: join(root, 'dist', 'Code.js'), distDir: join(root, 'dist'), timeZone: 'Asia/Tokyo',
    activeUserEmail: BENCH_USER, now: BENCH_NOW, mailQuota: 1500,
  });
  // The harness's own FormApp: a linked form gets its response tab, as in Google.
  const formApp = bundle.fakes!.forms;
  const ss = bundle.fakes!.spreadsheet;
  loadTables(ss, center.tables);
  const missing = ['weeklySummaryTrigger', 'sidebarBootstrap', 'logActivity', 'listCandidates', 'changeMatchStatus', 'onSignupFormSubmit', 'tallyAllSurveys', 'createSignupForm']
    .filter((f) => !bundle.functionNames.includes(f));
  // Setup, not measured: the sign-up form and its ledger, as the menu item makes them.
  if (!missing.includes('createSignupForm')) bundle.call('createSignupForm');
  // A center that has made matches through the desk before holds the match counter (its first
  // new match seeds it from the ID column once, as logActivity's first save does for activities):
  // the steady state is measured, the counter at the last X number the generator wrote.
  bundle.fakes!.properties.document.setProperty(MATCH_IDS.key, String(center.matchCount));
  // The same for the members' counter (M000001 … M<members> in the generated 会員): saveMemberNew
  // is measured with it set, its new ID checked free by one search.
  bundle.fakes!.properties.document.setProperty(MEMBER_IDS.key, String(center.size.members));
  // 継続支援's stored list as the nightly run leaves it (src/app/follow-ups): the steady state
  // every write keeps true and listFollowUps reads. Made here, not measured: its calls follow the
  // list's length up to its cap (the grid grown, old rows cleared), its cells the center's.
  if (bundle.functionNames.includes('rebuildFollowUps')) bundle.call('rebuildFollowUps');
  const fixtureMs = performance.now() - t0;
  // The per-cell baseline makes millions of calls at L: its fakes are not timed (nothing comes off it).
  log.timing = false;
  beforeOps?.(ss, bundle.log);
  log.timing = true;

  const measures: BundleMeasure[] = [];
  /** The last answer, for the IDs a later operation needs (the member just registered…). */
  let lastAnswer: unknown = null;
  const gc = (globalThis as { gc?: () => void }).gc;
  /** Starts the heap sampling of one call: the garbage of the operation before is collected
   *  first when --expose-gc allows it (the full bench runs with it). */
  const heapStart = (): number => {
    gc?.();
    const used = v8.getHeapStatistics().used_heap_size;
    log.peak = used;
    return used;
  };
  const heapPeak = (start: number): number => Math.max(log.peak, v8.getHeapStatistics().used_heap_size) - start;
  /** One call through the bundle: its wall and CPU, and the same minus the fakes' own (the log is reset first). */
  const timed = (call: () => unknown): { answer: unknown; wallMs: number; server: BundleMeasure['server'] } => {
    bundle.log.reset();
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const answer = call();
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    const fakes = bundle.log.fakeTime();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    return {
      answer, wallMs,
      server: { wallMs: Math.max(0, wallMs - fakes.wallMs), cpuMs: Math.max(0, cpuMs - fakes.cpuMs), fakesWallMs: fakes.wallMs, fakesCpuMs: fakes.cpuMs },
    };
  };
  const run = (op: OperationName, fn: string, ...args: unknown[]): BundleMeasure | null => {
    if (missing.includes(fn)) return null;
    const sent = jsonRoundTrip(args);
    const heap0 = heapStart();
    const { answer, wallMs, server } = timed(() => bundle.call(fn, ...sent));
    lastAnswer = answer;
    const calls = bundle.log.snapshot();
    const text = JSON.stringify(answer) ?? '';
    const peakHeapBytes = heapPeak(heap0);
    return { op, fn, calls, wallMs, server, outcome: outcomeOf(answer), answerBytes: Buffer.byteLength(text, 'utf8'), peakHeapBytes };
  };
  const keep = (m: BundleMeasure | null): void => { if (m) measures.push(m); };

  // A real run of the project's own weekly trigger: the handler refuses any other event. The steady
  // state is measured (count-activities.ts): last Monday's run counted 活動記録 up to the rows of the
  // week reported now, which were appended since. So 活動記録 is cut before that week, the run of a
  // week earlier counts it whole into `_活動集計` (weeklyFirst, the cost of a first run or a recount),
  // the week's rows are appended back (fake calls, not measured), and this Monday's run is measured.
  const weeklyUid = missing.includes('weeklySummaryTrigger') ? '' : installTrigger(bundle, 'weeklySummaryTrigger');
  const weekAgo = new Date(new Date(BENCH_NOW).getTime() - 7 * 86_400_000);
  const activitiesTab = ss.getSheetByName(ACTIVITIES_TAB.ja);
  const weekRows = activitiesTab ? cutRowsFrom(activitiesTab, weekBefore(BENCH_TODAY).from) : [];
  bundle.setNow(weekAgo);
  const weeklyFirst = run('weekly', 'weeklySummaryTrigger', clockEvent(weeklyUid, weekAgo));
  bundle.setNow(BENCH_NOW);
  if (activitiesTab && weekRows.length > 0) {
    const at = activitiesTab.getLastRow() + 1;
    const short = at + weekRows.length - 1 - activitiesTab.getMaxRows();
    if (short > 0) activitiesTab.insertRowsAfter(activitiesTab.getMaxRows(), short);
    activitiesTab.getRange(at, 1, weekRows.length, weekRows[0]?.length ?? 1).setValues(weekRows);
  }
  keep(run('weekly', 'weeklySummaryTrigger', clockEvent(weeklyUid, new Date(BENCH_NOW))));
  // The steady state: the 今週 figures stored (by setup and every night's run; the first open of
  // a desk without them recounts and stores them once), not measured.
  bundle.call('sidebarBootstrap');
  keep(run('sidebarOpen', 'sidebarBootstrap'));
  const activity = { date: '2025-03-10', area: 'matching', kind: 'call', member_id: center.memberId, minutes: 15, notes: '' };
  const logActivityFirst = run('logActivity', 'logActivity', activity);
  // The steady state is a warm desk cache (src/app/shared/desk-cache.ts). The bench center has no
  // 監査ログ until the first save creates it, and creating a desk tab empties the cache, so one more
  // save (not measured) fills it first.
  run('logActivity', 'logActivity', activity);
  keep(run('logActivity', 'logActivity', activity));
  // The steady state of ranking: the candidate index built (by the nightly trigger, or the first
  // ranking of the day, which is this call: its cost is printed apart, not in the table).
  const rebuild = run('rankCandidates', 'listCandidates', center.jobId);
  if (rebuild) console.error(`rankCandidates with the index rebuilt first (not in the table): ${rebuild.calls.roundTrips} round trips, ${rebuild.calls.cellsRead} cells read, ${rebuild.calls.cellsWritten} written, ${Math.round(rebuild.wallMs)} ms in the vm`);
  keep(run('rankCandidates', 'listCandidates', center.jobId));
  {
    // The per-cell model charges the index's 3,078 cells like any others; its bucket cells are
    // long JSON texts, so its bytes are given beside (bench/README.md).
    const tab = ss.getSheetByName('_候補索引');
    const bytes = tab ? tab.getRange(1, 1, tab.getLastRow(), 3).getValues().flat().reduce((n: number, v) => n + Buffer.byteLength(String(v), 'utf8'), 0) : 0;
    console.error(`rankCandidates reads _候補索引: ${bytes} bytes (UTF-8) in its cells`);
  }
  let editUid: string | null = null;
  // A coordinator types another 地区 into one member's row of 会員 (the second data row); Sheets
  // runs the on-edit trigger setup installs (not in the table: it runs after the edit, nobody waits
  // for it; printed), and the next ranking is measured: the members the edit named re-packed
  // (candidate-index.ts repackTouched), where it used to rebuild the whole index first.
  {
    const members = ss.getSheetByName('会員');
    const header = members ? members.getRange(1, 1, 1, members.getLastColumn()).getValues()[0]?.map(String) ?? [] : [];
    const district = header.indexOf('地区') + 1;
    if (members && district > 0 && bundle.functionNames.includes('onDeskEdit')) {
      editUid = installTrigger(bundle, 'onDeskEdit', 'edit');
      const e = editEvent(members, 3, district, [['豊四季']], editUid);
      bundle.log.reset();
      const fired = bundle.call('onDeskEdit', e);
      const t = bundle.log.snapshot();
      console.error(`onDeskEdit after one 地区 typed into 会員 (not in the table): ${JSON.stringify(fired)}, ${t.roundTrips} round trips, ${t.cellsRead} cells read`);
      keep(run('rankAfterHandEdit', 'listCandidates', center.jobId));
    } else {
      missing.push('onDeskEdit');
    }
  }
  keep(run('placeMatch', 'changeMatchStatus', { action: 'place', job_id: center.jobId, member_id: center.memberId }));

  const form = [...formApp.forms.values()][0];
  const choice = form?.items.find((i) => i.title === '参加する回')?.choices[0];
  if (choice) {
    const nv: Record<string, string[]> = {
      タイムスタンプ: ['2025/03/10 10:15:00'], 氏名: ['佐藤 一郎'], フリガナ: ['サトウ イチロウ'], 電話: ['04-7100-9999'], メール: ['ichiro@example.jp'],
      年代: ['70代'], 性別: ['男性'], きっかけ: ['広報かしわ'], 参加する回: [choice], 個人情報の利用: ['個人情報の利用に同意します'],
    };
    // A real run of the form's submit trigger: the answer as a new row of the form's response tab.
    const responses = ss.getSheets().find((sh) => sh.getFormUrl() !== null);
    if (!responses) throw new Error('bench: the sign-up form has no response tab');
    const event = formSubmitEvent(responses, nv, triggerUidOf(bundle, 'onSignupFormSubmit'));
    // Not through jsonRoundTrip: a trigger's event carries the live Range and Spreadsheet.
    const heap0 = heapStart();
    const { answer, wallMs, server } = timed(() => bundle.call('onSignupFormSubmit', event));
    measures.push({
      op: 'formSubmit', fn: 'onSignupFormSubmit', calls: bundle.log.snapshot(), wallMs, server, outcome: outcomeOf(answer),
      answerBytes: Buffer.byteLength(JSON.stringify(answer) ?? '', 'utf8'), peakHeapBytes: heapPeak(heap0),
    });
  } else {
    missing.push('sign-up form session choice');
  }
  keep(run('surveyTally', 'tallyAllSurveys'));

  // The coordinator's day, in the order a coordinator would go: undo the placement above (made
  // today), the job picker, the member search, a member opened, registered and edited, a team of
  // that new member proposed, a job closed, the new member leaving (no placement: the same calls at
  // every size), the follow-ups, one logged, an activity corrected and withdrawn.
  const data = <T>(): T | null => ((lastAnswer as { ok?: boolean; data?: T } | null)?.ok ? (lastAnswer as { data: T }).data : null);
  keep(run('undoPlace', 'changeMatchStatus', { action: 'undo_place', job_id: center.jobId, member_id: center.memberId }));
  keep(run('listJobs', 'listJobs', {}));
  // The job picker of a large center (past 設定 仕事一覧の上限): what was typed, here J00001's ID
  // (the one job with the same matches at every size, so the calls can be compared).
  // Its keys (_仕事検索) built by the first search that finds them missing (printed apart), then
  // the steady state: two TextFinders of the keys, the one row found of 仕事, its client and matches.
  const jobKeysBuilt = run('searchJobs', 'listJobs', { query: 'J00001', include_all: true });
  if (jobKeysBuilt) console.error(`searchJobs with its keys built first (not in the table): ${jobKeysBuilt.calls.roundTrips} round trips, ${jobKeysBuilt.calls.cellsRead} cells read, ${jobKeysBuilt.calls.cellsWritten} written, ${Math.round(jobKeysBuilt.wallMs)} ms in the vm`);
  keep(run('searchJobs', 'listJobs', { query: 'J00001', include_all: true }));
  // The steady state of the member search: its keys (_会員検索) built by setup and the nightly run,
  // or by the first search that finds them missing, which is this call (printed apart).
  // What is typed: やま, the start of five common family names (山田, 山本, 山口, 山崎, 山下): more than
  // the picker's 20 at every size, so the search's worst case — three TextFinders, 20 rows read —
  // is what is measured (やまだ alone has fewer than 20 at the quick check's 300 members).
  const keysBuilt = run('searchMembers', 'searchMembers', 'やま');
  if (keysBuilt) console.error(`searchMembers with its keys built first (not in the table): ${keysBuilt.calls.roundTrips} round trips, ${keysBuilt.calls.cellsRead} cells read, ${keysBuilt.calls.cellsWritten} written, ${Math.round(keysBuilt.wallMs)} ms in the vm`);
  keep(run('searchMembers', 'searchMembers', 'やま'));
  keep(run('getMember', 'getMember', center.memberId));
  keep(run('saveMemberNew', 'saveMember', { name: '新井 花子', kana: 'あらい はなこ', join_route: 'window', availability: ['Mon-AM'], consent: true }));
  const newMember = data<{ member: { member_id: string } }>()?.member.member_id ?? center.memberId;
  keep(run('saveMemberEdit', 'saveMember', { member_id: newMember, district: '豊四季', skills: ['清掃'] }));
  keep(run('proposeTeam', 'proposeTeam', { job_id: center.jobId, members: [{ member_id: newMember, slots: ['Mon-AM'] }] }));
  keep(run('setJobStatus', 'setJobStatus', { job_id: center.jobId, status: 'closed' }));
  keep(run('leaveMember', 'leaveMember', { member_id: newMember, date: '2025-03-31', reason: 'moved' }));
  keep(run('listFollowUps', 'listFollowUps'));
  keep(run('logFollowUp', 'logFollowUp', { member_id: center.memberId, minutes: 10 }));
  const followUp = data<{ activity: { activity_id: string } }>()?.activity.activity_id ?? '';
  keep(run('correctActivity', 'correctActivity', { activity_id: followUp, minutes: 15 }));
  keep(run('withdrawActivity', 'withdrawActivity', followUp));
  // A coordinator types a contact with member 1 into the row below 活動記録's last, one cell at a
  // time, the 会員ID last (活動ID, 日付, 分野, 種別, 会員ID): Sheets runs the on-edit trigger after each
  // cell (not in the table: nobody waits for it; printed), and the next listing is measured. The
  // 会員ID cell was blank, so Sheets gives its value and no oldValue: the trigger names member 1
  // (index-hand-edits.ts) and the list re-counts her alone, where a row typed by hand made it
  // rebuild the whole list (≈ 3.3 M cells at L). Last, so that no other operation sees the row.
  {
    const log = ss.getSheetByName(ACTIVITIES_TAB.ja);
    if (log && editUid !== null) {
      const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0]?.map(String) ?? [];
      const at = log.getLastRow() + 1;
      // The bench loads each tab into a grid exactly its size; a tab in Sheets has blank rows below
      // its last (appendRow adds them), which is where a person types. Made here, not by the person
      // (inserting rows by hand is a structural change: the on-change trigger rebuilds).
      if (at > log.getMaxRows()) log.insertRowsAfter(log.getMaxRows(), 10);
      const cells: [string, string][] = [['活動ID', 'A9999001'], ['日付', BENCH_TODAY], ['分野', '募集・支援'], ['種別', '電話'], ['会員ID', center.memberId]];
      bundle.log.reset();
      const fired = cells.filter(([h]) => header.includes(h)).map(([h, v]) => bundle.call('onDeskEdit', editEvent(log, at, header.indexOf(h) + 1, [[v]], editUid ?? '')));
      const t = bundle.log.snapshot();
      console.error(`onDeskEdit × ${fired.length} for a contact typed into 活動記録's new row (not in the table): the last ${JSON.stringify(fired.at(-1))}, ${t.roundTrips} round trips, ${t.cellsRead} cells read in all`);
      keep(run('listAfterTypedRow', 'listFollowUps'));
    } else {
      missing.push('onDeskEdit');
    }
  }

  const weeklyExpectedCells = center.tables.filter((t) => t.name !== SURVEY_SHEET).reduce((s, t) => s + (t.rows.length + 1) * t.header.length, 0);
  return { measures, logActivityFirst, weeklyFirst, weeklyExpectedCells, missing, fixtureMs, spreadsheet: ss, log: bundle.log };
}

/** Takes 活動記録's rows dated `from` or later (the generator writes them in date order, so they are
 *  the last rows) out of the sheet and answers them, to be appended back after a run. */
function cutRowsFrom(sheet: GoogleAppsScript.Spreadsheet.Sheet, from: string): unknown[][] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const width = sheet.getLastColumn();
  const dateAt = sheet.getRange(1, 1, 1, width).getValues()[0]?.indexOf(ACTIVITIES_TAB.columns[1].ja) ?? -1;
  if (dateAt < 0) return [];
  const values = sheet.getRange(2, 1, last - 1, width).getValues();
  const day = (v: unknown): string => (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]'
    ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(v as Date) : String(v).slice(0, 10));
  const first = values.findIndex((r) => day(r[dateAt]) >= from);
  if (first < 0) return [];
  const cut = values.slice(first);
  sheet.deleteRows(first + 2, cut.length);
  return cut;
}
