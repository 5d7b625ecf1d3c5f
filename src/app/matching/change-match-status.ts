import { MATCH_STATUS, labelOf, type MatchStatus } from '../../domain/enums';
import { parseTable } from '../../domain/parse/parse-table';
import { JOBS_TAB, MATCHES_TAB, tabNames, type Match } from '../../domain/schema/tabs';
import { encodeRecord, ownedCells } from '../../domain/schema/record-cells';
import { writeAudit } from '../shared/audit';
import { updateRecord } from '../shared/record-writes';
import { MATCH_IDS, nextId } from '../shared/next-id';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import { wordText } from '../../domain/messages/catalog';
import type { ChangeMatchStatusInput, ChangeMatchStatusOutput, MatchAction } from '../shared/api-types';

// One status change of a member for a job (マッチング), from the sidebar's buttons. The caller
// holds the script lock (shared/write-boundary.ts). A member has at most one open match per job
// (candidate, proposed, interview or placed); a closed one (ended, declined, rejected) does not
// block a new proposal.
const OPEN: ReadonlySet<MatchStatus> = new Set(['candidate', 'proposed', 'interview', 'placed']);

/** Where each action may start from ('none' = no open match yet, so a new row is made) and where it ends. */
export const TRANSITIONS: Readonly<Record<MatchAction, { from: readonly (MatchStatus | 'none')[]; to: MatchStatus }>> = {
  propose: { from: ['none', 'candidate'], to: 'proposed' },
  interview: { from: ['none', 'candidate', 'proposed'], to: 'interview' },
  place: { from: ['none', 'candidate', 'proposed', 'interview'], to: 'placed' },
  decline: { from: ['candidate', 'proposed', 'interview'], to: 'declined' },
  reject: { from: ['candidate', 'proposed', 'interview'], to: 'rejected' },
  end: { from: ['placed'], to: 'ended' },
};

export function changeMatchStatus(ports: SidebarPorts, ctx: CallContext, input: ChangeMatchStatusInput): ChangeMatchStatusOutput {
  const { store } = ports;
  const day = input.date ?? ctx.today;
  const jobsRaw = store.read(tabNames(JOBS_TAB, ctx.lang));
  const job = jobsRaw ? parseTable(JOBS_TAB, jobsRaw).records.find((j) => j.job_id === input.job_id) : undefined;
  if (!job) throw new ApiError('not_found', { what: wordText(ctx.lang).things.job, id: input.job_id });

  const raw = store.read(tabNames(MATCHES_TAB, ctx.lang));
  if (!raw) throw new ApiError('bad_workbook', { detail: wordText(ctx.lang).missingTab(MATCHES_TAB) });
  const parsed = parseTable(MATCHES_TAB, raw);
  if (parsed.problems.some((p) => p.code === 'missing_header')) {
    throw new ApiError('bad_workbook', { detail: parsed.problems.filter((p) => p.code === 'missing_header').map((p) => `${p.tab}: ${String(p.params.header)}`).join(', ') });
  }
  const at = parsed.records.findIndex((m) => m.job_id === input.job_id && m.member_id === input.member_id && OPEN.has(m.status));
  const open: Match | undefined = parsed.records[at];
  const rule = TRANSITIONS[input.action];
  const from = open ? open.status : 'none';
  if (!rule.from.includes(from)) {
    if (input.action === 'propose' && open) throw new ApiError('duplicate_match', { member: input.member_id, match: open.match_id });
    const label = (s: MatchStatus | 'none'): string => (s === 'none' ? wordText(ctx.lang).noStatus : labelOf(MATCH_STATUS, s, ctx.lang));
    throw new ApiError('bad_transition', { from: label(from), to: label(rule.to) });
  }

  const next: Match = open
    ? { ...open, status: rule.to }
    : {
        match_id: nextId(ports.props, MATCH_IDS, () => parsed.records.map((m) => m.match_id), parsed.records.map((m) => m.match_id)),
        job_id: input.job_id, member_id: input.member_id,
        // 請負 is the ordinary way a silver center takes on work, so it stands in when the job says nothing.
        engagement: job.engagement ?? 'contract',
        status: rule.to, proposed_on: day, placed_on: null, ended_on: null, coordinator: ctx.email,
        fit_score: input.fit_score ?? null, notes: '', slots: [],
      };
  if (next.proposed_on === null) next.proposed_on = day;
  if (rule.to === 'placed') next.placed_on = day;
  if (rule.to === 'ended') next.ended_on = day;

  if (open) {
    // Only the cells this change alters (status and its dates): the center's own columns in the
    // row are neither read back nor rewritten.
    updateRecord(store, MATCHES_TAB, { tab: raw.name, index: parsed.columnIndex, row: parsed.rowNumbers[at] ?? 0 }, open, next, ctx.lang);
  } else {
    store.appendCells(raw.name, ownedCells<typeof MATCHES_TAB>(parsed.columnIndex, MATCHES_TAB.columns.map((c) => c.key), [encodeRecord(MATCHES_TAB, next, ctx.lang)]));
  }

  writeAudit(store, ctx.lang, {
    at: ctx.now, user: ctx.email, action: `match_${input.action}`, sheet: raw.name, recordId: next.match_id,
    detail: `job=${next.job_id} member=${next.member_id} status=${from}->${next.status}`,
  });
  return { match_id: next.match_id, status: next.status, proposed_on: next.proposed_on, placed_on: next.placed_on, ended_on: next.ended_on };
}
