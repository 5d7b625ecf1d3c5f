import type { JobPricing } from './row-pay';

/** The jobs by ID, for pricing rows (one map per run, not a search per row). */
export function jobsById<J extends JobPricing>(jobs: readonly J[]): ReadonlyMap<string, J> {
  return new Map(jobs.map((j) => [j.job_id, j]));
}
