import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import type { JobStatus } from '../../domain/enums';
import { jobCapacity } from '../../domain/jobs/capacity';
import type { Match } from '../../domain/schema/tabs';
import type { Workbook } from '../../domain/workbook';
import type { JobOption, ListJobsInput, ListJobsOutput } from '../shared/api-types';
import { jobOptionOf } from './job-fill';

// The job picker of the マッチング panel (and the bootstrap's job list): each job with its client's
// name, slots and places left, so six jobs called 夜間巡回 are told apart and a full one is seen to
// be full. Open jobs (募集中) by default; `include_all` adds 提案中, 充足 and 終了.

export const LIST_JOBS_INPUT = lazySchema(() => z.optional(z.strictObject({ include_all: z.optional(z.boolean()) })));

/** The picker's order: 募集中 first, then 提案中, 充足, 終了; newest first within each; then ID. */
const ORDER: Readonly<Record<JobStatus | 'none', number>> = { open: 0, proposed: 1, none: 1, filled: 2, closed: 3 };

/** Every job's option from one read of 仕事, 業務提供先's names and マッチング (matches grouped by job once). */
export function jobOptions(
  workbook: Pick<Workbook, 'jobs' | 'clients' | 'matches'>, today: string, keep: (status: JobStatus | null) => boolean, sorted = true,
): JobOption[] {
  const clientName = new Map(workbook.clients.map((c) => [c.client_id, c.name]));
  const byJob = new Map<string, Match[]>();
  for (const m of workbook.matches) {
    if (!m.job_id) continue;
    const list = byJob.get(m.job_id);
    if (list) list.push(m); else byJob.set(m.job_id, [m]);
  }
  const kept = workbook.jobs.filter((j) => keep(j.status));
  if (sorted) kept.sort((a, b) => ORDER[a.status ?? 'none'] - ORDER[b.status ?? 'none'] || (b.created_on ?? '').localeCompare(a.created_on ?? '') || a.job_id.localeCompare(b.job_id));
  return kept.map((j) => jobOptionOf(j, clientName.get(j.client_id ?? '') ?? '', jobCapacity(j, byJob.get(j.job_id) ?? [], today)));
}

export function listJobs(workbook: Pick<Workbook, 'jobs' | 'clients' | 'matches'>, today: string, input: ListJobsInput = {}): ListJobsOutput {
  const all = input.include_all === true;
  return { jobs: jobOptions(workbook, today, (s) => all || s === 'open'), total: workbook.jobs.length };
}
