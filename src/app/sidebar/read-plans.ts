import type { WorkbookPlan } from '../shared/read-part';

// What each sidebar call reads (read-part.ts), column by column: opening the sidebar at a center
// of 50,000 members and 500,000 activities read 7.95 million cells (≈ 80 s in Apps Script) when
// every tab was read whole. The weekly mail reads every row of the columns its figures use
// (weekly-reads.ts), so its figures never depend on the tail limit below.

/**
 * The 今週 headline's activity figures (count, minutes, follow-ups due) come from the last rows of
 * 活動記録 only. The sidebar appends in time order, so these hold the recent weeks: Kashiwa logs
 * about 10,000 activities a year, so 5,000 rows are half a year, while the headline needs two
 * weeks (and follow-ups the ~70 days back to the oldest placement still due one). A row typed in
 * out of order further up, or a center logging more than ~2,500 a month, is not counted there:
 * the headline says so in design/kpi.md, and the weekly mail reads every row.
 */
export const HEADLINE_ACTIVITY_ROWS = 5_000;

/** The columns computeReport reads for the headline's figures (weekly/week-headline.ts PICK). */
export const HEADLINE_READS: WorkbookPlan = {
  // enrolled, new (joined, left, gender and route splits); waiting (consent, availability)
  members: { columns: ['member_id', 'gender', 'joined_on', 'left_on', 'join_route', 'availability', 'consent'] },
  // jobs developed and open jobs
  jobs: { columns: ['job_id', 'client_id', 'status', 'headcount', 'created_on'] },
  // placed, working, follow-ups due, waiting
  matches: { columns: ['match_id', 'job_id', 'member_id', 'engagement', 'status', 'proposed_on', 'placed_on', 'ended_on'] },
  activities: { tail: HEADLINE_ACTIVITY_ROWS },
};

/** The stored 今週 figures' recount (weekly/headline-recount.ts): the headline's columns, the
 *  words of the dropdowns (地区 of members, clients and jobs; jobs' 職種) and the pickers' sizes. */
export const STORED_HEADLINE_READS: WorkbookPlan = {
  ...HEADLINE_READS,
  members: { columns: ['member_id', 'gender', 'joined_on', 'left_on', 'join_route', 'availability', 'consent', 'district'] },
  clients: { columns: ['client_id', 'district'] },
  jobs: { columns: ['job_id', 'client_id', 'category', 'status', 'headcount', 'district', 'created_on'] },
};

/** The caller's recent entries (their last ten, newest first) come from the last rows of 活動記録,
 *  the only thing the sidebar's opening reads them for: 300 rows hold nine days of a center
 *  logging 1,000 entries a month (two weeks of Kashiwa's ~830), ten entries of a coordinator who
 *  logs a few a day. They are read whole (13 columns, one getValues: the recent list shows all
 *  but 記録日時, and skipping that one column would cost a second getValues), so every row is 13
 *  cells at every opening — 500 rows were 6,500 cells, 0.2 s at the pessimistic end, and took the
 *  opening just past 1.5 s at L (bench/README.md, "sidebarOpen's tail (issue 15, h-search-open)"). */
export const RECENT_ACTIVITY_ROWS = 300;

/** The member picker's list (below 設定 会員一覧の上限): ID, names, age and district. */
export const MEMBER_LIST_COLUMNS = ['member_id', 'name', 'kana', 'birth_date', 'left_on', 'district'];

/** Opening the sidebar before the stored figures (issue 15): the headline, plus the pick lists (members' names, kana, age and district;
 *  clients' names; jobs with their titles, slots and places left) and the caller's recent entries
 *  (in the tail), and the dropdowns' words (the 技能 tab, jobs' 職種, the districts in use). */
export const BOOTSTRAP_READS: WorkbookPlan = {
  ...HEADLINE_READS,
  members: { columns: ['member_id', 'name', 'kana', 'gender', 'birth_date', 'joined_on', 'left_on', 'join_route', 'district', 'availability', 'consent'] },
  clients: { columns: ['client_id', 'name', 'district'] },
  jobs: { columns: ['job_id', 'client_id', 'title', 'category', 'status', 'slots', 'headcount', 'district', 'created_on'] },
  matches: { columns: ['match_id', 'job_id', 'member_id', 'engagement', 'status', 'proposed_on', 'placed_on', 'ended_on', 'slots'] },
  skills: { whole: true },
};

/** The job picker's columns of 仕事, and what a job's places need of マッチング. */
export const JOB_PICKER_COLUMNS = ['job_id', 'client_id', 'title', 'status', 'slots', 'headcount', 'created_on'];
export const JOB_PLACES_COLUMNS = ['match_id', 'job_id', 'member_id', 'status', 'placed_on', 'ended_on', 'slots'];

/** The job picker (the bootstrap's list): jobs, their clients' names, and what the places need of マッチング. */
export const JOB_LIST_READS: WorkbookPlan = {
  jobs: { columns: JOB_PICKER_COLUMNS },
  clients: { columns: ['client_id', 'name'] },
  matches: { columns: JOB_PLACES_COLUMNS },
};

/** The job search of a large center (matching/list-jobs.ts searchJobs): the picker's columns of
 *  仕事 and the clients' names; the places of the jobs answered are found by key afterwards. */
export const JOB_SEARCH_READS: WorkbookPlan = {
  jobs: { columns: JOB_PICKER_COLUMNS },
  clients: { columns: ['client_id', 'name'] },
};

/** The client picker's search (develop/search-clients.ts): IDs and names of 業務提供先. */
export const CLIENT_SEARCH_READS: WorkbookPlan = { clients: { columns: ['client_id', 'name'] } };

/**
 * The work rows the sidebar's ranking counts for the caps (matching.md "Real work"): the last
 * ones of 就業実績, which recordWork appends in time order. The caps need the 4 weeks before today;
 * 20,000 rows hold ~6 weeks at a Kashiwa-sized center (~1,300 members working ~10 days a month)
 * and 1½ weeks at the 20-rows-a-member-a-month load of a 20,000-member one. A row entered out of
 * order above them is not counted here; `ikigai match` reads every row.
 */
export const CANDIDATE_WORK_ROWS = 20_000;

/** Ranking candidates for a job: every member field the rules and the score use, the jobs whole,
 *  of the matches what placements and the job's own matches need, and the last work rows. No
 *  activities, events or registrations. */
export const CANDIDATE_READS: WorkbookPlan = {
  members: { whole: true },
  jobs: { whole: true },
  clients: { columns: ['client_id', 'name'] },
  matches: { columns: ['match_id', 'job_id', 'member_id', 'status', 'placed_on', 'ended_on', 'slots'] },
  skills: { whole: true },
  work_log: { tail: CANDIDATE_WORK_ROWS },
};
