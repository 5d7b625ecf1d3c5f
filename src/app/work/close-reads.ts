import type { WorkbookPlan } from '../shared/read-part';

// What the monthly close reads (read-part.ts): the work rows' pay columns, the jobs' pricing,
// and the IDs the rows refer to (so a dangling member or job is still named). Never a member's
// name, phone or address: the statements' names are the caller's (the CLI reads its file whole).
export const CLOSE_READS: WorkbookPlan = {
  members: { columns: ['member_id'] },
  clients: { columns: ['client_id'] },
  jobs: { columns: ['job_id', 'client_id', 'title', 'engagement', 'unit_price', 'unit'] },
  work_log: { columns: ['work_id', 'date', 'member_id', 'job_id', 'hours', 'amount'] },
};
