import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { jobCapacity } from '../../domain/jobs/capacity';
import { JOBS_TAB, type Job } from '../../domain/schema/tabs';
import { recordId } from '../shared/arg-schemas';
import { writeAudit } from '../shared/audit';
import { updateRecord } from '../shared/record-writes';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import type { SetJobStatusInput, SetJobStatusOutput } from '../shared/api-types';
import { findJob, jobFillOf, readJobRowsAt } from './job-fill';
import { keyJobStatus } from './job-search-index';
import { readJobsPlacesAndHints } from './job-places';

// A coordinator's own decision about a job: 終了 (the client no longer needs it), or 再開 (open it
// again, or a 提案中 job the client has agreed to): 募集中, or 充足 when its placements already
// cover every slot. The caller holds the lock. Placements are left as they are: a job closed while
// members still work it keeps their placements until each is ended. Service use, the same at any
// center size: the job's matches (job-places.ts: the candidate index's 仕事 cell, else its rows of
// マッチング found by 仕事ID) and its row of 仕事 (at the cell's row hint when the index was read,
// else found by key),
// one cell written (状態), one audit append; nothing when the status is already that.

export const SET_JOB_STATUS_INPUT = lazySchema(() => z.strictObject({
  job_id: recordId,
  status: z.enum(['closed', 'open']),
}));

export function setJobStatus(ports: Pick<SidebarPorts, 'store' | 'props'>, ctx: CallContext, input: SetJobStatusInput): SetJobStatusOutput {
  const { store } = ports;
  // The job's places first: when its candidate index cell pays, that cell holds where the
  // rebuild found the job's row of 仕事, read there (checked by 仕事ID) instead of searched for.
  const places = readJobsPlacesAndHints(ports, ctx, [input.job_id]);
  const jobs = readJobRowsAt(store, [input.job_id], places.hints.get(input.job_id) ?? null, ctx.lang);
  const { job, row } = findJob(jobs, input.job_id, ctx.lang);
  const capacity = jobCapacity(job, places.matches, ctx.today);
  const status = input.status === 'closed' ? 'closed' : capacity.covered ? 'filled' : 'open';
  if (status === job.status) return { job: jobFillOf(job, capacity), changed: false };
  const next: Job = { ...job, status };
  updateRecord(store, JOBS_TAB, { tab: jobs.name, index: jobs.parsed.columnIndex, row }, job, next, ctx.lang);
  // The picker's key re-marked with the new status (job-search-index.ts).
  keyJobStatus(store, row, job, next, ctx.lang);
  ctx.figures?.record('jobs', { jobs: [job] }, { jobs: [next] });
  writeAudit(store, ctx.lang, {
    at: ctx.now, user: ctx.email, action: input.status === 'closed' ? 'job_close' : 'job_reopen', sheet: jobs.name, recordId: job.job_id,
    detail: `status=${job.status ?? ''}->${status} placed=${capacity.placed}`,
  });
  return { job: jobFillOf(next, capacity), changed: true };
}
