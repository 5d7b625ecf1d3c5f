import { noteContacts } from '../follow-ups/keep-list';
import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { MATCH_STATUS, labelOf, type MatchStatus } from '../../domain/enums';
import { jobCapacity } from '../../domain/jobs/capacity';
import { encodeRecord, ownedCells } from '../../domain/schema/record-cells';
import { MATCHES_TAB, type Match } from '../../domain/schema/tabs';
import { civilDateArg, recordId, slotArg } from '../shared/arg-schemas';
import { writeAudits, type AuditInput } from '../shared/audit';
import { errorMessage } from '../shared/api-messages';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import type { ProposeTeamInput, ProposeTeamOutput } from '../shared/api-types';
import { appendActivityRows, issueActivityIds } from '../activities/append-activities';
import { findJob, jobFillOf, jobRowsAsWritten, readJobRowsAt, readMatchRowsAndIds } from './job-fill';
import { freshMatchIds, jobSlotsOf, newMatch, peekMatchIds } from './change-match-status';
import { heldJobRowHint, readJobBucket, writeJobMatches } from './candidate-index';

// この編成で提案: every member of the mosaic team proposed in one call, under one lock. Each gets a
// マッチング row 提案 with the slots the team gave them as its 担当枠 (what 成立 will take), and a
// マッチング activity; a member who already has an open match for the job is left out and said so.
// Service use whatever the team's size and the center's: the job's row of 仕事 and its rows of
// マッチング found by key in ONE search that also looks for the counter's next IDs (free: no second
// search; src/app/matching/job-fill.ts readMatchRowsAndIds), ONE append of the
// match rows, 活動記録's header, the activity counter, ONE append of the activities, ONE audit append.
// Proposals add no work, so no member's entry in the candidate index changes; the job's matches it
// keeps get the new rows (one getValues and one writeCells of the job's bucket).

const OPEN: ReadonlySet<MatchStatus> = new Set(['candidate', 'proposed', 'interview', 'placed']);

export const PROPOSE_TEAM_INPUT = lazySchema(() => z.strictObject({
  job_id: recordId,
  members: z.array(z.strictObject({
    member_id: recordId,
    slots: z.optional(z.array(slotArg).check(z.maxLength(14))),
    fit_score: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(100)))),
  })).check(z.minLength(1), z.maxLength(14)),
  date: z.optional(civilDateArg),
}));

export function proposeTeam(ports: SidebarPorts, ctx: CallContext, input: ProposeTeamInput): ProposeTeamOutput {
  const { store } = ports;
  const lang = ctx.lang;
  const day = input.date ?? ctx.today;
  // The job's row and its rows of マッチング, found by key: the same at any center size.
  // The job's bucket of the candidate index first (its matches are re-packed below): the job's
  // row is read at the row its hint gives, no search.
  const held = readJobBucket(store, input.job_id);
  const jobs = readJobRowsAt(store, [input.job_id], heldJobRowHint(held, input.job_id), lang);
  const { job, row: jobRow } = findJob(jobs, input.job_id, lang);
  if (job.status === 'closed') throw new ApiError('job_closed', { job: job.job_id });
  // The counter's next IDs, as many as the team could need, looked for in the same search: free,
  // the new IDs need no search of their own.
  const peeked = peekMatchIds(ports.props, new Set(input.members.map((m) => m.member_id)).size);
  const { matches, taken } = readMatchRowsAndIds(store, job.job_id, null, peeked, lang);

  const wanted: ProposeTeamInput['members'][number][] = [];
  const skipped: { member_id: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const m of input.members) {
    if (seen.has(m.member_id)) continue;
    seen.add(m.member_id);
    const open = matches.parsed.records.find((x) => x.job_id === job.job_id && x.member_id === m.member_id && OPEN.has(x.status));
    if (open) {
      skipped.push({ member_id: m.member_id, message: errorMessage('duplicate_match', lang, { member: m.member_id, match: open.match_id }) });
      continue;
    }
    wanted.push(m);
  }
  // Numbered one after another from the counter; checked free in the search above (a search of
  // their own only when the counter moved past the IDs looked for, or a row holds one).
  const ids = wanted.length > 0 ? freshMatchIds(ports, matches, wanted.length, lang, { ids: peeked, taken }) : [];
  const proposed: Match[] = wanted.map((m, i) => {
    const row = newMatch(ports, matches, job, m.member_id, 'proposed', day, ctx, m.fit_score ?? null, () => ids[i] ?? '');
    return { ...row, slots: jobSlotsOf(job, m.slots ?? []) };
  });

  // Their 提案 activities numbered before the match rows are written: both counters in one setProperties.
  const activityIds = proposed.length > 0 ? issueActivityIds(ports, lang, proposed.length) : [];
  if (proposed.length > 0) {
    store.appendCells(matches.name, ownedCells<typeof MATCHES_TAB>(matches.parsed.columnIndex, MATCHES_TAB.columns.map((c) => c.key), proposed.map((p) => encodeRecord(MATCHES_TAB, p, lang))));
  }
  // The job's matches the candidate index keeps (who is already proposed): every row of the job was
  // found by 仕事ID above, so they are given whole, the rows just appended after them.
  writeJobMatches(store, proposed, new Map([[job.job_id, jobRowsAsWritten(matches, job.job_id, -1, null, proposed)]]), held, new Map([[job.job_id, jobRow]]));
  const logged = appendActivityRows(ports, ctx, proposed.map((p) => ({
    date: day, area: 'matching' as const, kind: 'proposal' as const, member_id: p.member_id, client_id: job.client_id ?? '', job_id: job.job_id,
    outcome: labelOf(MATCH_STATUS, 'proposed', lang),
  })), activityIds);
  const audits: AuditInput[] = proposed.map((p) => ({
    at: ctx.now, user: ctx.email, action: 'match_propose', sheet: matches.name, recordId: p.match_id,
    detail: [`job=${p.job_id}`, `member=${p.member_id}`, 'status=none->proposed', 'team', p.slots.length > 0 ? `slots=${p.slots.join(',')}` : ''].filter((s) => s !== '').join(' '),
  }));
  // The members just proposed were contacted today: off the stored 継続支援 list.
  noteContacts(store, ctx, logged.views);
  writeAudits(store, lang, [...audits, ...logged.audits]);
  return {
    job: jobFillOf(job, jobCapacity(job, matches.parsed.records, day)),
    proposed: proposed.map((p) => ({ member_id: p.member_id, match_id: p.match_id, slots: p.slots })),
    skipped,
  };
}
