import { refreshFollowUps } from '../follow-ups/keep-list';
import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { addDays, type CivilDate } from '../../domain/civil-date';
import { ACTIVITY_KIND, MATCH_STATUS, labelOf, type ActivityKind, type Language, type MatchStatus } from '../../domain/enums';
import { jobCapacity, placementTake, wantedSlots, type CapacityChange, type JobCapacity } from '../../domain/jobs/capacity';
import { slotMask, slotsOf } from '../../domain/matching/slot-bits';
import { wordText } from '../../domain/messages/catalog';
import { locateColumns, parseTable } from '../../domain/parse/parse-table';
import { ACTIVITIES_TAB, MATCHES_TAB, WORK_LOG_TAB, type Activity, type Job, type Match, type Member } from '../../domain/schema/tabs';
import { bestTake, checkHardRules } from '../../domain/matching/hard-rules';
import { indexPlacements } from '../../domain/matching/placements';
import { currentLoad } from '../../domain/matching/work-load';
import { indexWork, workedLoad, type WorkedRow } from '../../domain/matching/worked-load';
import { CANDIDATE_WORK_ROWS } from '../sidebar/read-plans';
import { encodeRecord, ownedCells } from '../../domain/schema/record-cells';
import { slotLabel, type Slot } from '../../domain/slots';
import { writeAudits, type AuditInput } from '../shared/audit';
import { updateRecord } from '../shared/record-writes';
import { MATCH_IDS, formatId, highestNumber, idsInColumn, nextId } from '../shared/next-id';
import { readTailOf } from '../shared/read-part';
import { civilDateArg, freeText, recordId, slotArg } from '../shared/arg-schemas';
import { normaliseEmail } from '../shared/authorize';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import type { ChangeMatchStatusInput, ChangeMatchStatusOutput, MatchAction } from '../shared/api-types';
import { appendActivityRows, issueActivityIds } from '../activities/append-activities';
import { findJob, jobFillOf, jobRowsAsWritten, readJobRowsAt, readMatchRowsAndIds, settleJobStatus, type TabRead } from './job-fill';
import { findLastRowsOf, readRowsByKey } from '../shared/find-rows';
import { readMemberRow } from '../members/member-view';
import { heldJobRowHint, readJobBucket, refreshCandidateIndex, writeJobMatches } from './candidate-index';
import { adjustActivityTotals } from '../weekly/adjust-activity-totals';

// One status change of a member for a job (マッチング), from the sidebar's buttons. The caller
// holds the script lock (shared/write-boundary.ts). A member has at most one open match per job
// (candidate, proposed, interview or placed); a closed one (ended, declined, rejected) does not
// block a new proposal. Besides the match row, a change:
// - 成立 takes the slots the member would work (担当枠: the ones given, else those planned at the
//   proposal, else the member's 就業可能枠 among the job's) that still have room, and is refused
//   when none has (workbook.md "Capacity, slot by slot"); the job becomes 充足 once covered;
// - 終了 and undo_place (a 成立 made by mistake, the same day) give the places back: 充足 → 募集中;
// - every change but the undo logs itself as a マッチング activity (結果 = the new status), and the
//   undo withdraws the activity its 成立 logged;
// - one audit append holds the rows of all of it (IDs and codes only).
const OPEN: ReadonlySet<MatchStatus> = new Set(['candidate', 'proposed', 'interview', 'placed']);

export const CHANGE_MATCH_INPUT = lazySchema(() => z.strictObject({
  action: z.enum(['propose', 'interview', 'place', 'decline', 'end', 'reject', 'undo_place']),
  job_id: recordId,
  member_id: recordId,
  fit_score: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(100)))),
  date: z.optional(civilDateArg),
  slots: z.optional(z.array(slotArg).check(z.maxLength(14))),
  kind: z.optional(z.nullable(z.enum(ACTIVITY_KIND.codes))),
  minutes: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(24 * 60)))),
  notes: z.optional(freeText(2000)),
}));

/** Where each action may start from ('none' = no open match yet, so a new row is made) and where it ends. */
export const TRANSITIONS: Readonly<Record<MatchAction, { from: readonly (MatchStatus | 'none')[]; to: MatchStatus }>> = {
  propose: { from: ['none', 'candidate'], to: 'proposed' },
  interview: { from: ['none', 'candidate', 'proposed'], to: 'interview' },
  place: { from: ['none', 'candidate', 'proposed', 'interview'], to: 'placed' },
  decline: { from: ['candidate', 'proposed', 'interview'], to: 'declined' },
  reject: { from: ['candidate', 'proposed', 'interview'], to: 'rejected' },
  end: { from: ['placed'], to: 'ended' },
  undo_place: { from: ['placed'], to: 'proposed' },
};

/** The activity kind a change logs when the coordinator names none. */
const KIND_OF: Readonly<Record<MatchAction, ActivityKind | null>> = {
  propose: 'proposal', interview: 'interview', place: null, decline: null, reject: null, end: null, undo_place: null,
};

/** How far back from the member's last row of 活動記録 undo_place looks for the activity its 成立
 *  logged that day (the member's rows only: others appended since do not push it out). */
export const UNDO_ACTIVITY_ROWS = 500;

/** Which way an action moves the job's places. */
const CHANGE_OF: Partial<Record<MatchAction, CapacityChange>> = { place: 'fill', end: 'release', undo_place: 'release' };

/** The job's slots (codes) in `slots`, in week order, each once. */
export function jobSlotsOf(job: Pick<Job, 'slots'>, slots: readonly Slot[]): Slot[] {
  return slotsOf(slotMask(slots) & slotMask(job.slots));
}

/** errors.slots_full's `slots`: each full slot with its count, 月AM（2/2名）. */
export function fullSlotsText(capacity: JobCapacity, slots: readonly Slot[], lang: Language): string {
  const w = wordText(lang);
  return w.list(slots.map((s) => w.fullSlot(slotLabel(s, lang), capacity.fill.find((f) => f.slot === s)?.filled ?? 0, capacity.headcount)));
}

/** The member as the work caps need them, their row of 会員 found by ID; ApiError when unknown. */
function memberOf(ports: Pick<SidebarPorts, 'store'>, memberId: string, lang: Language): Member {
  const member = readMemberRow(ports.store, memberId, lang).parsed.records.find((m) => m.member_id === memberId);
  if (!member) throw new ApiError('not_found', { what: wordText(lang).things.member, id: memberId });
  return member;
}

/**
 * A new placement's 担当枠, or the refusal naming the full slots (or the member gone: 退会日 on or
 * before the day). The slots given, or those planned
 * at the proposal, are the coordinator's: taken as they are where they have room. Otherwise the
 * member's 就業可能枠 among the job's open slots, cut to the most of them the member can take at
 * once within the work caps (matching.md, as the mosaic team would) — all of them when the caps
 * allow none (the coordinator decides; the caps are the candidates' rules, not the placement's).
 */
function placementSlots(
  ports: Pick<SidebarPorts, 'store'>, ctx: CallContext, job: Job, jobs: readonly Job[], others: readonly Match[], open: Match | undefined,
  input: ChangeMatchStatusInput, capacity: JobCapacity, day: string, member: Member,
): Slot[] {
  const planned = jobSlotsOf(job, input.slots ?? open?.slots ?? []);
  // A member who has left by the day cannot start work (leaveMember ended their placements).
  if (member.left_on !== null && member.left_on <= day) throw new ApiError('member_left', { member: member.member_id, date: member.left_on });
  const wanted = wantedSlots(job, planned, planned.length > 0 ? [] : member.availability);
  if (job.slots.length > 0 && wanted === 0) {
    throw new ApiError('no_shared_slot', { member: input.member_id, job: job.job_id, slots: wordText(ctx.lang).list(job.slots.map((s) => slotLabel(s, ctx.lang))) });
  }
  const verdict = placementTake(capacity, wanted);
  if (!verdict.ok) {
    if (job.slots.length === 0) throw new ApiError('job_full', { job: job.job_id, headcount: capacity.headcount });
    throw new ApiError('slots_full', { job: job.job_id, slots: fullSlotsText(capacity, verdict.full, ctx.lang) });
  }
  if (planned.length > 0) return slotsOf(verdict.take);
  const { slotHours, weeklyHoursCap, monthlyDaysCap } = ctx.settings;
  const placements = indexPlacements(others.filter((m) => m.member_id === member.member_id), jobs).get(member.member_id);
  // What the member really worked in the last 4 weeks counts beside the plan, as in the ranking.
  const load = { ...currentLoad(placements, day, slotHours), worked: workedLoad(recentWorkOf(ports, member.member_id), day) };
  const rules = checkHardRules({ ...member, consent: true }, job.job_id, slotMask(job.slots), load, { slotHours, weeklyHoursCap, monthlyDaysCap }, day, wanted, verdict.take);
  const withinCaps = rules.ok ? bestTake(rules.capacity, verdict.take) : 0;
  return slotsOf(withinCaps !== 0 ? withinCaps : verdict.take);
}

/** The member's rows among the last CANDIDATE_WORK_ROWS of 就業実績 (the ranking's window: read-plans.ts),
 *  reading only the columns the caps count (its required ones: 就業日, 会員ID, 仕事ID, 時間). */
function recentWorkOf(ports: Pick<SidebarPorts, 'store'>, memberId: string): WorkedRow[] {
  const raw = readTailOf(ports.store, WORK_LOG_TAB, CANDIDATE_WORK_ROWS, ['date', 'member_id', 'hours']);
  if (!raw) return [];
  return indexWork(parseTable(WORK_LOG_TAB, raw).records.filter((r) => r.member_id === memberId)).get(memberId)?.slice() ?? [];
}

/** The open match of the member for the job, with its row. */
function openMatchOf(matches: TabRead<Match>, jobId: string, memberId: string): { open: Match | undefined; row: number; at: number } {
  const at = matches.parsed.records.findIndex((m) => m.job_id === jobId && m.member_id === memberId && OPEN.has(m.status));
  return { open: matches.parsed.records[at], row: matches.parsed.rowNumbers[at] ?? 0, at };
}

/** Throws when `action` may not start from the open match (or from none). */
export function checkTransition(action: MatchAction, open: Match | undefined, memberId: string, lang: Language): void {
  const rule = TRANSITIONS[action];
  const from = open ? open.status : 'none';
  if (rule.from.includes(from)) return;
  if (action === 'propose' && open) throw new ApiError('duplicate_match', { member: memberId, match: open.match_id });
  const label = (s: MatchStatus | 'none'): string => (s === 'none' ? wordText(lang).noStatus : labelOf(MATCH_STATUS, s, lang));
  throw new ApiError('bad_transition', { from: label(from), to: label(rule.to) });
}

/** A new match row (no open match yet). 請負 stands in for a job that names no engagement: it is the
 *  ordinary way a silver center takes on work. */
export function newMatch(
  ports: Pick<SidebarPorts, 'props'>, matches: TabRead<Match>, job: Job, memberId: string, status: MatchStatus, day: string, ctx: CallContext, fitScore: number | null,
  freshId?: () => string,
): Match {
  // `matches` read whole: the new ID is one above every ID in it. Rows found by key: `freshId`.
  const ids = matches.parsed.records.map((m) => m.match_id);
  return {
    match_id: freshId ? freshId() : nextId(ports.props, MATCH_IDS, () => ids, ids),
    job_id: job.job_id, member_id: memberId, engagement: job.engagement ?? 'contract',
    status, proposed_on: day, placed_on: null, ended_on: null, coordinator: ctx.email, fit_score: fitScore, notes: '', slots: [],
  };
}

/** A new match's ID from the counter, checked free by one search of the ID column; only when a
 *  match typed by hand holds it is the ID column read, and the counter moved above every ID in it. */
function freshMatchId(ports: Pick<SidebarPorts, 'store' | 'props'>, matches: TabRead<Match>, lang: Language, checked?: CheckedIds): string {
  return freshMatchIds(ports, matches, 1, lang, checked)[0] ?? '';
}

/** Match IDs already looked for in マッチング (readMatchRowsAndIds), and those a row holds. */
export interface CheckedIds { readonly ids: readonly string[]; readonly taken: ReadonlySet<string> }

/** The next `count` match IDs the counter would give, without moving it (none when there is no
 *  counter yet: its seed reads the ID column anyway). Under the lock: the counter read is the
 *  one getProperties of the run (src/gas/document-properties.ts), which numbering reads again. */
export function peekMatchIds(props: SidebarPorts['props'], count: number): string[] {
  const stored = props.get(MATCH_IDS.key);
  if (stored === null || !/^\d+$/.test(stored)) return [];
  return Array.from({ length: count }, (_, i) => formatId(MATCH_IDS, Number(stored) + 1 + i));
}

/** `count` new match IDs in a row (この編成で提案), as freshMatchId: one counter move, one search —
 *  none when `checked` looked for these very IDs already (the first search of マッチング). */
export function freshMatchIds(ports: Pick<SidebarPorts, 'store' | 'props'>, matches: TabRead<Match>, count: number, lang: Language, checked?: CheckedIds): string[] {
  const column = matches.parsed.columnIndex.get('match_id') ?? -1;
  const all = (): string[] => idsInColumn(ports.store, matches.name, column);
  const first = nextId(ports.props, MATCH_IDS, all, matches.parsed.records.map((m) => m.match_id));
  const run = (from: number): string[] => Array.from({ length: count }, (_, i) => formatId(MATCH_IDS, from + i));
  const start = Number(first.slice(MATCH_IDS.prefix.length));
  if (count > 1) ports.props.set(MATCH_IDS.key, String(start + count - 1));
  const ids = run(start);
  const free = checked && ids.every((id) => checked.ids.includes(id))
    ? !ids.some((id) => checked.taken.has(id))
    : readRowsByKey(ports.store, MATCHES_TAB, 'match_id', ids, lang).parsed.records.length === 0;
  if (free) return ids;
  const above = highestNumber(MATCH_IDS, all()) + 1;
  ports.props.set(MATCH_IDS.key, String(above + count - 1));
  return run(above);
}

/**
 * Service use, the same at any center size: the job's rows and the member's rows of マッチング found
 * by key (TableStore.findRows), then the rows of 仕事 of the job and of the member's other
 * placements (their slots are the member's load), for 成立 the member's row of 会員; a new match's
 * ID (the counter's next) looked for in the first search of マッチング, a second search only when a
 * row holds it or the counter has moved; the changed cells, the activity, one audit append.
 */
export function changeMatchStatus(ports: SidebarPorts, ctx: CallContext, input: ChangeMatchStatusInput): ChangeMatchStatusOutput {
  const { store } = ports;
  const lang = ctx.lang;
  const day = input.date ?? ctx.today;
  // An action that may make a new row looks for the counter's next ID in the same search: free,
  // it needs no search of its own (freshMatchIds).
  const peeked = TRANSITIONS[input.action].from.includes('none') ? peekMatchIds(ports.props, 1) : [];
  const { matches, taken } = readMatchRowsAndIds(store, input.job_id, input.member_id, peeked, lang);
  const placedJobs = matches.parsed.records.filter((m) => m.member_id === input.member_id && m.job_id).map((m) => m.job_id ?? '');
  // The job's bucket of the candidate index, which the write re-packs below, read first: when the
  // member has no match on another job, the job's row is read at the row its hint gives, no search.
  const held = readJobBucket(store, input.job_id);
  const jobs = readJobRowsAt(store, [input.job_id, ...placedJobs], heldJobRowHint(held, input.job_id), lang);
  const { job, row: jobRow } = findJob(jobs, input.job_id, lang);
  const { open, row, at } = openMatchOf(matches, input.job_id, input.member_id);
  checkTransition(input.action, open, input.member_id, lang);
  const to = TRANSITIONS[input.action].to;
  if (job.status === 'closed' && (input.action === 'propose' || input.action === 'interview' || input.action === 'place')) {
    throw new ApiError('job_closed', { job: job.job_id });
  }

  const others = matches.parsed.records.filter((_, i) => i !== at);
  // A refused 成立 must not use up a match ID: its slots are settled before a new row is numbered.
  // 成立 reads the member's row (退会日, 就業可能枠, the caps); the 継続支援 re-count below reuses it.
  const member = input.action === 'place' ? memberOf(ports, input.member_id, lang) : null;
  const placing = member
    ? placementSlots(ports, ctx, job, jobs.parsed.records, others, open, input, jobCapacity(job, others, day), day, member)
    : null;
  let next: Match = open ? { ...open, status: to } : newMatch(ports, matches, job, input.member_id, to, day, ctx, input.fit_score ?? null, () => freshMatchId(ports, matches, lang, { ids: peeked, taken }));
  if (next.proposed_on === null) next = { ...next, proposed_on: day };
  if (input.action === 'propose' || input.action === 'interview') {
    if (input.slots) next = { ...next, slots: jobSlotsOf(job, input.slots) };
  } else if (input.action === 'place') {
    next = { ...next, placed_on: day, slots: placing ?? [] };
  } else if (input.action === 'end') {
    next = { ...next, ended_on: day };
  } else if (input.action === 'undo_place' && open) {
    if (open.placed_on !== ctx.today) throw new ApiError('undo_not_today', { match: open.match_id, placed_on: open.placed_on ?? '' });
    if (ctx.coordinator.role !== 'manager' && normaliseEmail(open.coordinator) !== normaliseEmail(ctx.email)) {
      throw new ApiError('not_yours', { what: wordText(lang).things.match, id: open.match_id });
    }
    next = { ...next, placed_on: null };
  }

  // The activity this change logs (every action but undo) numbered before the first sheet write:
  // its counter goes out with the match counter in one setProperties, not one of its own.
  const activityIds = input.action === 'undo_place' ? [] : issueActivityIds(ports, lang, 1);
  if (open) {
    // Only the cells this change alters (status, its dates, 担当枠): the center's own columns in
    // the row are neither read back nor rewritten.
    updateRecord(store, MATCHES_TAB, { tab: matches.name, index: matches.parsed.columnIndex, row }, open, next, lang);
  } else {
    store.appendCells(matches.name, ownedCells<typeof MATCHES_TAB>(matches.parsed.columnIndex, MATCHES_TAB.columns.map((c) => c.key), [encodeRecord(MATCHES_TAB, next, lang)]));
  }
  // The job's matches the candidate index keeps (its list's buttons, the places held): the job's
  // rows were all found by 仕事ID, so they are given whole, in their order, this row as written.
  writeJobMatches(store, [next], new Map([[job.job_id, open ? jobRowsAsWritten(matches, job.job_id, at, next) : jobRowsAsWritten(matches, job.job_id, -1, null, [next])]]), held, new Map([[job.job_id, jobRow]]));
  const after = [...others, next];
  // The member's matches (all of them: found by 会員ID), as they were and as they are now.
  const own = (list: readonly Match[]): Match[] => list.filter((m) => m.member_id === input.member_id);
  ctx.figures?.record('memberMatches', { memberMatches: own(matches.parsed.records) }, { memberMatches: own(after) });
  const change = CHANGE_OF[input.action];
  const settled = change
    // An ended placement's 終了日 is its last day: its places are free from the next day.
    ? settleJobStatus(store, ctx, jobs, job, jobRow, after, input.action === 'end' ? addDays(day, 1) : day, change)
    : { job, capacity: jobCapacity(job, after, day), audit: null };

  // A placement made, ended or undone changes the member's load (the candidate index's entry);
  // other changes (提案, 面接, 辞退, 不採用) add no work.
  if (change) {
    refreshCandidateIndex(store, lang, ctx.today, [{ memberId: input.member_id, matches: after.filter((m) => m.member_id === input.member_id), jobs: jobs.parsed.records }]);
  }
  const audits: AuditInput[] = [{
    at: ctx.now, user: ctx.email, action: `match_${input.action}`, sheet: matches.name, recordId: next.match_id,
    detail: [`job=${next.job_id}`, `member=${next.member_id}`, `status=${open ? open.status : 'none'}->${next.status}`,
      next.slots.length > 0 ? `slots=${next.slots.join(',')}` : ''].filter((s) => s !== '').join(' '),
  }];
  if (settled.audit) audits.push(settled.audit);
  let activityId: string | null = null;
  let contacted: string | null = null;
  if (input.action === 'undo_place') {
    const withdrawn = withdrawPlacementActivity(ports, ctx, next, open?.placed_on ?? ctx.today);
    if (withdrawn.audit) audits.push(withdrawn.audit);
    // The undo logs nothing, but the member's latest rows it searched may hold a
    // contact since (the proposal's, a call): recent enough, the re-count needs no more.
    contacted = withdrawn.contact;
  } else {
    const logged = appendActivityRows(ports, ctx, [{
      date: day, area: 'matching', kind: input.kind !== undefined ? input.kind : KIND_OF[input.action],
      member_id: next.member_id, client_id: job.client_id ?? '', job_id: job.job_id, minutes: input.minutes ?? null,
      outcome: labelOf(MATCH_STATUS, next.status, lang), notes: input.notes ?? '',
    }], activityIds);
    activityId = logged.views[0]?.activity_id ?? null;
    contacted = day;
    audits.push(...logged.audits);
  }
  // A placement started, ended or undone, a proposal made or declined: the member's place on the
  // stored 継続支援 list, re-counted from their rows (follow-ups/keep-list.ts) — those this call
  // has read already passed along: every match of the member (マッチング was searched by 会員ID
  // too), their jobs, their 会員 row for 成立, and the activity just logged (a recent contact:
  // then neither 会員 nor 活動記録 is read again unless a placement of theirs is at a milestone).
  refreshFollowUps(store, ctx, [next.member_id], {
    matches: own(after), jobs: jobs.parsed.records, members: member ? [member] : undefined,
    contacts: contacted !== null ? new Map([[next.member_id, contacted]]) : undefined,
  });
  writeAudits(store, lang, audits);
  return {
    match_id: next.match_id, status: next.status, proposed_on: next.proposed_on, placed_on: next.placed_on, ended_on: next.ended_on,
    slots: next.slots, job: jobFillOf(settled.job, settled.capacity), activity_id: activityId,
  };
}

/** Withdraws (状態 取消) the マッチング activity a 成立 logged: the latest active one of that member
 *  and job, dated the placement's day, whose 結果 is 成立, among the member's rows within
 *  UNDO_ACTIVITY_ROWS rows of their last (findLastRowsOf: one search from the end, no size question).
 *  Answers its audit row, or null when there is none (a placement typed by hand logged nothing),
 *  and the member's latest contact among those rows that still stands (not withdrawn, on or
 *  before today; null when none): their last contact is that day or later.
 *  Only the member's rows are read, found by 会員ID (was all 500 × 13 cells of the tab's last rows:
 *  0.2 s at the cost model's pessimistic end, for one row; then the rows among the tab's last 500,
 *  which needed its getLastRow). */
function withdrawPlacementActivity(
  ports: Pick<SidebarPorts, 'store'>, ctx: CallContext, match: Match, placedOn: string,
): { audit: AuditInput | null; contact: CivilDate | null } {
  const raw = findLastRowsOf(ports.store, ACTIVITIES_TAB, 'member_id', match.member_id, ctx.lang, UNDO_ACTIVITY_ROWS);
  if (!raw) return { audit: null, contact: null };
  const parsed = parseTable(ACTIVITIES_TAB, raw);
  const latestContact = (except: number): CivilDate | null => parsed.records.reduce<CivilDate | null>((d, a, i) => (
    i === except || a.status === 'withdrawn' || a.member_id !== match.member_id || a.date > ctx.today || (d !== null && d >= a.date) ? d : a.date), null);
  const placedLabels = new Set([labelOf(MATCH_STATUS, 'placed', 'ja'), labelOf(MATCH_STATUS, 'placed', 'en')]);
  for (let i = parsed.records.length - 1; i >= 0; i--) {
    const a: Activity | undefined = parsed.records[i];
    if (!a || a.status === 'withdrawn' || a.area !== 'matching' || a.member_id !== match.member_id || a.job_id !== match.job_id) continue;
    if (a.date !== placedOn || !placedLabels.has(a.outcome.trim())) continue;
    const index = locateColumns(ACTIVITIES_TAB, raw.name, raw.header).index;
    // Without 状態 the withdrawal cannot be written: the activity stays, and so do the figures
    // that count it (the stored 今週 and _活動集計 must follow the sheet, not the intent).
    if ((index.get('status') ?? -1) < 0) return { audit: null, contact: latestContact(-1) };
    const withdrawn: Activity = { ...a, status: 'withdrawn' };
    const row = parsed.rowNumbers[i] ?? 0;
    updateRecord(ports.store, ACTIVITIES_TAB, { tab: raw.name, index, row }, a, withdrawn, ctx.lang);
    // The weekly totals may already count the 成立 (a run between the 成立 and its undo): taken
    // away in the same write, as withdrawActivity does.
    const rowHadProblems = parsed.problems.some((p) => /^[A-Z]+(\d+)$/.exec(p.cell)?.[1] === String(row));
    adjustActivityTotals(ports.store, row, a, withdrawn, rowHadProblems);
    ctx.figures?.record('activities', { activities: [a] }, { activities: [withdrawn] });
    return {
      audit: { at: ctx.now, user: ctx.email, action: 'activity_withdraw', sheet: raw.name, recordId: a.activity_id, detail: `match=${match.match_id} undo_place` },
      contact: latestContact(i),
    };
  }
  return { audit: null, contact: latestContact(-1) };
}
