import type { JobFill, JobOption } from '../../../app/shared/api-types';

// The jobs the マッチング panel knows, kept current: every answer of a status change, of 終了/再開
// and of この編成で提案 carries the job's fill (JobFill), and the picker, the job's card and the
// candidate cards redraw from it at once (充足 shows without a second call).
export type JobListener = (job: JobOption) => void;

export interface JobList {
  all(): readonly JobOption[];
  get(id: string): JobOption | undefined;
  /** listJobs' answer (every job, in the server's order) in place of what was known. */
  replace(jobs: readonly JobOption[]): void;
  /** A job registered in 開拓 since the sidebar opened. */
  add(job: JobOption): void;
  /** A write's answer about the job: its status, open slots and places left. */
  update(fill: JobFill): void;
  /** Called for each job changed or added, and (with no job) when the whole list was replaced. */
  onChange(listener: (job: JobOption | null) => void): void;
}

export function jobList(initial: readonly JobOption[]): JobList {
  let jobs: JobOption[] = [...initial];
  const listeners: ((job: JobOption | null) => void)[] = [];
  const tell = (job: JobOption | null): void => { for (const l of listeners) l(job); };
  return {
    all: () => jobs,
    get: (id) => jobs.find((j) => j.id === id),
    replace(next): void {
      jobs = [...next];
      tell(null);
    },
    add(job): void {
      if (jobs.some((j) => j.id === job.id)) return;
      jobs.push(job);
      tell(job);
    },
    update(fill): void {
      const at = jobs.findIndex((j) => j.id === fill.id);
      const before = jobs[at];
      if (!before) return;
      const after: JobOption = { ...before, ...fill };
      jobs[at] = after;
      tell(after);
    },
    onChange(listener): void {
      listeners.push(listener);
    },
  };
}
