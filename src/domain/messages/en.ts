import type * as Ja from './ja';
import type { ProblemTexts } from './texts';

// The English catalog: every part typed as ja.ts's, so a key ja.ts has and this file lacks (or
// one this file adds) is a type error; a test checks the same at run time, key by key.

export const problems: ProblemTexts = {
  // The reader's own reason (p.detail) is JavaScript's wording: shown only with DEBUG=ikigai.
  not_a_workbook: () => `cannot be read as a workbook (.xlsx); check that Excel opens it and save it again as .xlsx`,
  file_not_found: (p) => `no such file (${p.path})`,
  missing_tab: (p) => `the tab "${p.en}" is missing (Japanese name ${p.tab} also accepted)`,
  missing_header: (p) => `the column "${p.en}" is missing (Japanese name ${p.header} also accepted)`,
  duplicate_header: (p) => `the column "${p.header}" appears twice`,
  required: (p) => `"${p.header}" is required`,
  bad_date: (p) => `"${p.value}" is not a date (e.g. 2015-04-01)`,
  bad_timestamp: (p) => `"${p.value}" is not a date and time (e.g. 2015-04-01 09:30)`,
  bad_time: (p) => `"${p.value}" is not a time of day (e.g. 13:30)`,
  bad_number: (p) => `"${p.value}" is not a number`,
  bad_integer: (p) => `"${p.value}" is not a whole number`,
  out_of_range: (p) => `"${p.value}" is out of range (${p.min} to ${p.max})`,
  bad_boolean: (p) => `"${p.value}" is not yes/no (TRUE/FALSE, yes/no, 1/0)`,
  bad_enum: (p) => `"${p.value}" is not allowed in "${p.header}" (allowed: ${p.allowed})`,
  bad_slot: (p) => `"${p.value}" is not a slot (e.g. Mon-AM, Tue-PM)`,
  duplicate_id: (p) => `the ID "${p.id}" is a duplicate (same as ${p.other})`,
  missing_reference: (p) => `${p.header} "${p.id}" is not in "${p.target}"`,
  placed_without_date: () => `a placed or ended match needs a placed-on date`,
  ended_before_placed: (p) => `ended on ${p.ended} is before placed on ${p.placed}`,
  left_before_joined: (p) => `left on ${p.left} is before joined on ${p.joined}`,
  bad_setting: (p) => `the setting "${p.key}" has a wrong value "${p.value}" (${p.expected})`,
  error_value: (p) => `holds the error value ${p.value} (fix the formula or type the value)`,
  not_finite: (p) => `"${p.value}" cannot be used as a value (it is what a failed calculation leaves)`,
  duplicate_tab: (p) => `both tabs "${p.tab}" and "${p.other}" are present; keep only one of them (reading "${p.tab}" for now)`,
  unpriced_work: (p) => `job "${p.job}" has no unit_price, so ${p.rows} WorkLog row(s) (the first at ${p.first}) pay 0 yen (give the job a unit_price, or the rows an amount)`,
  unknown_skill: (p) => `(warning) the skill "${p.skill}" is not in the ${p.vocabulary} tab (add it as a skill or a synonym so matching compares it as the same skill)`,
  survey_form_unreadable: (p) => `the form of the survey "${p.tab}" cannot be opened (deleted, or not shared); its questions other than those in choice_questions were only counted`,
  unknown_question: (p) => `the choice question "${p.question}" is not a question of the tab ${p.tab}`,
};

export const menu: typeof Ja.menu = {
  title: 'Ikigai Desk',
  items: {
    showSidebar: 'Open sidebar', runSetup: 'Set up', sendWeeklySummaryNow: 'Send weekly summary now',
    syncSignupForm: 'Update sign-up form', recheckSignups: 'Recheck sign-ups', tallyAllSurveys: 'Tally surveys',
  },
};

export const common: typeof Ja.common = {
  anotherRun: 'Another run is in progress. Please try again shortly.',
};

export const setup: typeof Ja.setup = {
  done: (tabs, tabsWithColumns, triggers) => `Set up: ${tabs} tabs created, ${tabsWithColumns} tabs given missing columns, ${triggers} triggers installed.`,
  unchanged: 'Everything is already set up: nothing was changed.',
  failed: 'Setup could not finish. Please try again; nothing already set up was removed.',
  failedInDialog: 'Setup could not finish. Please try again.',
};

export const dialog: typeof Ja.dialog = {
  title: 'Ikigai Desk setup', center: 'Center name', language: 'Language', day: 'Weekly mail day', hour: 'Weekly mail hour',
  run: 'Set up and start', running: 'Setting up…', done: 'Done', required: 'Please enter the center name',
  days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const weekly: typeof Ja.weekly = {
  installed: (weekday, hour, zone) => `The weekly summary will be sent every ${WEEKDAY_NAMES[weekday] ?? ''} at ${hour}:00 (${zone})`,
  sent: (week, recipients) => `${week}weekly summary sent to ${recipients} recipient(s)`,
  alreadySent: (week) => `${week}already sent`,
  quotaShort: (week, quota, needed) => `${week}not sent: today's mail quota is short (${quota} left, ${needed} needed)`,
  noRecipients: (week) => `${week}no recipients: check weekly_recipients in Settings or the coordinators' active flag`,
  failed: (week, failure) => `${week}not sent (${failure}); the managers were told`,
  error: 'Not sent. See the execution log.',
};

export const weeklyCommand: typeof Ja.weeklyCommand = {
  wrote: (tab, file) => `Wrote ${tab} in ${file}`,
  unchanged: (tab) => `${tab} unchanged (the file was not rewritten)`,
  mailSaved: (path) => `Mail saved: ${path}`,
  sent: (week, recipients) => `${week}: sent to ${recipients} recipient(s)`,
  alreadySent: (week) => `${week}: The mail for this week was already sent; not sending again (use --resend)`,
  quotaShort: (week, quota, needed) => `${week}: Not sent: mail quota short (${quota} left, ${needed} needed)`,
  noRecipients: (week) => `${week}: No recipients (weekly_recipients in Settings, or an active coordinator)`,
  failed: (week, failure) => `${week}: Failed: ${failure}`,
  problems: (n) => `The data has ${n} problem(s); those rows are left out of the figures`,
};

export const errors: typeof Ja.errors = {
  not_signed_in: () => 'Your Google e-mail address is not available. Sign in again with the account that owns the spreadsheet.',
  unknown_user: (p) => `${p.email} is not listed in the Coordinators tab. Ask a manager to add you.`,
  inactive_user: (p) => `${p.email} is not active in the Coordinators tab. Ask a manager.`,
  read_only: () => 'A viewer cannot record anything (reading is fine). Ask a manager to change your role if you need to record.',
  not_manager: () => 'Only a manager in the Coordinators tab may do this. Ask a manager.',
  not_a_trigger: () => 'This function runs only from its installed trigger. Nothing was changed.',
  not_signup_form: () => 'This answer does not come from the sign-up form\'s response tab, so it was not taken in.',
  busy: () => 'Someone else is saving right now. Wait a few seconds and press again.',
  bad_input: (p) => `Please check the input: ${p.detail}`,
  not_found: (p) => `${p.what} "${p.id}" was not found. Check the sheet.`,
  bad_transition: (p) => `The status cannot change from "${p.from}" to "${p.to}".`,
  duplicate_match: (p) => `Member ${p.member} has already been proposed for this job (${p.match}).`,
  bad_workbook: (p) => `The sheet has problems and cannot be read: ${p.detail}`,
  internal: () => 'Something unexpected went wrong. If trying again does not help, contact your manager.',
  already_member: (p) => `The person of registration ${p.id} is already member ${p.member}.`,
  not_attended: (p) => `Registration ${p.id} is not marked as attended. Tick "Attended" first.`,
  registration_cancelled: (p) => `Registration ${p.id} was cancelled. To take part, sign up again.`,
  slots_full: (p) => `Job ${p.job} already has its headcount on ${p.slots}, so this cannot be placed. Choose a candidate for another slot, or review the headcount.`,
  job_full: (p) => `Job ${p.job} already has its headcount (${p.headcount}), so this cannot be placed.`,
  no_shared_slot: (p) => `Member ${p.member}'s availability shares no slot with job ${p.job} (${p.slots}). Check the member's availability.`,
  job_closed: (p) => `Job ${p.job} is closed. Reopen it first to go on.`,
  empty_activity: () => 'There is nothing to record. Enter at least one of member, client, job, minutes, outcome or notes.',
  not_yours: (p) => `${p.what} "${p.id}" was recorded by another coordinator. Only they or a manager can change it.`,
  activity_withdrawn: (p) => `Activity ${p.id} was withdrawn. Record a new one if needed.`,
  activity_too_old: (p) => `Activity ${p.id} is not among the last ${p.rows} records, so it cannot be changed from the sidebar. Correct it in the sheet.`,
  undo_not_today: (p) => `Match ${p.match} was placed on ${p.placed_on}. A placement can be undone only on the day it was made; end work that has finished instead.`,
  leave_before_join: (p) => `The leaving date ${p.date} is before the joining date ${p.joined_on}. Check the dates.`,
  birth_after_join: (p) => `The birth date ${p.birth_date} is after the joining date ${p.joined_on}. Check the dates.`,
  no_change: () => 'There is nothing to change.',
  member_left: (p) => `Member ${p.member} left on ${p.date}, so this cannot be placed.`,
};

export const surveyMail: typeof Ja.surveyMail = {
  defaultCenter: 'Center',
  title: 'Survey results',
  subject: (center: string, survey: string, responses: string) => `[${center}] Survey results: ${survey} (${responses} responses)`,
  asOf: (day: string) => `as of ${day}`,
  intro: (survey: string) => `The survey "${survey}" has new responses. Its tally follows (the same figures as the SurveyTally tab).`,
  responseRate: 'Response rate',
  responses: (n: string) => `${n} responses`,
  ofTarget: (n: string, target: string) => `${n} of ${target} asked`,
  noTarget: (n: string) => `${n} responses (no response rate: the survey's target in Surveys is blank)`,
  newSince: (n: string) => `${n} new since the last survey mail`,
  firstMail: 'The first mail of this survey',
  kinds: { choice: 'single choice', multi: 'multiple choice (shares of respondents)', scale: 'scale', text: 'free text' },
  answers: (n: string) => `${n} answers`,
  separator: ' · ',
  meanMedian: (mean: string, median: string) => `mean ${mean}, median ${median}`,
  freeText: (n: string) => `${n} free-text answers (not in the mail: read them in the sheet)`,
  crossTab: (by: string) => `by ${by}`,
  group: 'Respondents',
  noQuestions: 'No questions to tally.',
  footer: 'Ikigai Desk sends this mail each night for a survey with new responses (at most one a day). It never carries names, phone numbers, e-mail addresses or what free-text answers say.',
  weeklySection: 'Surveys',
  weeklyLine: (rate: string, week: string, total: string) => `${rate}, ${week} responses this week (${total} in all)`,
  weeklyRate: (rate: string) => `response rate ${rate}`,
  weeklyNoTarget: 'response rate —',
};

export const words: typeof Ja.words = {
  things: { job: 'Job', member: 'Member', client: 'Client', match: 'Match', registration: 'Registration', event: 'Event', activity: 'Activity' },
  noStatus: 'none',
  missingTab: (tab) => `the tab ${tab.en} is missing`,
  missingColumn: (tab, header) => `the tab ${tab} has no column ${header} (running setup again adds it)`,
  fullSlot: (slot, filled, headcount) => `${slot} (${filled}/${headcount})`,
  list: (items) => items.join(', '),
  followUp: {
    placed_1w: (job, placedOn) => `one week at work (${job}, placed ${placedOn})`,
    placed_1m: (job, placedOn) => `one month at work (${job}, placed ${placedOn})`,
    placed_3m: (job, placedOn) => `three months at work (${job}, placed ${placedOn})`,
    waiting: (since, days) => `waiting for work for ${days} days (since ${since})`,
    no_contact: (last, days) => (last ? `${days} days since the last contact (${last})` : `no contact recorded (${days} days since joining)`),
  },
};

export const sidebar: typeof Ja.sidebar = {
  title: 'Ikigai Desk',
  loading: 'Loading…',
  unreachable: 'Could not reach the server. Check the connection and try again.',
  readOnly: 'You are a viewer: you can read but not record.',
  problems: (n) => `${n} problems in the sheets (see ikigai check)`,
  paren: (text) => ` (${text})`,
  list: (items) => items.join(', '),
  tabs: { activity: 'Activity', develop: 'Develop', matching: 'Matching', week: 'This week', events: 'Events' },
  activity: {
    date: 'Date', area: 'Area', kind: 'Kind', none: '(none)', member: 'Member', client: 'Client', job: 'Job',
    pickHint: 'Search by ID or kana', minutes: 'Minutes', outcome: 'Outcome', notes: 'Notes', save: 'Save',
    saving: 'Saving…', saved: (id) => `Saved (${id})`, recent: 'Recent entries', noRecent: 'Nothing recorded yet.',
    notFound: (what, text) => `${what} "${text}" was not found. Pick one from the list.`,
    minutesShort: (n) => `${n}\u00a0min`,
    areaKind: (area, kind) => (kind ? `${area}, ${kind}` : area),
  },
  matching: {
    job: 'Job', show: 'Show candidates', searching: 'Looking for candidates…',
    showAll: 'Show filled and closed too', loadingJobs: 'Loading jobs…',
    jobOption: (id, title, client, slots, left, status) =>
      `${id} ${title} · ${client || 'no client'} · ${slots} · ${status === '' ? '' : `${status} · `}${left} left`,
    client: 'Client', state: 'Status', slotsLine: (slots, headcount) => `${slots} (${headcount} each)`,
    placesLeft: (n) => `${n} ${n === 1 ? 'place' : 'places'} left`, noSlots: 'no slots',
    close: 'Close', reopen: 'Reopen', jobChanged: (id, status) => `Job ${id}: ${status}`,
    candidates: (shown, qualified) => `Top ${shown} of ${qualified} (best first)`,
    age: (n) => `age ${n}`, phone: 'Phone', recentWork: (days) => `${days} ${days === 1 ? 'day' : 'days'} worked in 90 days`,
    none: 'No member fits this job.', score: 'Fit', status: 'Status',
    actions: { propose: 'Propose', interview: 'Interview', place: 'Place', decline: 'Declined', reject: 'Rejected', end: 'End', undo_place: 'Undo' },
    confirmPlace: (who) => `Place ${who}?`, confirm: 'Yes, place', keep: 'Cancel',
    done: (member, status) => `${member}: ${status}`, mosaic: 'Mosaic team (who covers which slot)',
    slot: 'Slot', team: 'Covered by', backup: 'Backup', uncovered: 'Uncovered', covered: 'Covers', allCovered: 'Every slot can be covered.',
    noTeam: 'No member can make up a team.',
    proposeTeam: 'Propose this team', proposing: 'Proposing…',
    teamProposed: (ids) => `Proposed: ${ids}`, teamSkipped: 'Not proposed',
    recorded: 'Matches for this job', excluded: 'Members left out', pickJob: 'Pick a job.',
  },
  develop: {
    newClient: 'New client', name: 'Name', sector: 'Sector', district: 'District', contact: 'Contact person', phone: 'Phone',
    saveClient: 'Register client', clientSaved: (id, name) => `${name} registered as client ${id}`,
    newJob: 'New job', client: 'Client', title: 'Job title', category: 'Category', engagement: 'Engagement',
    slots: 'Slots', slotsHint: 'Tick the days and half days needed', headcount: 'People per slot', social: 'Social contribution', startOn: 'Start date',
    saveJob: 'Register job', jobSaved: (id, title) => `${title} registered as job ${id} (ready in Matching)`,
    required: (what) => `Please enter the ${what.toLowerCase()}.`,
  },
  week: {
    period: (from, to) => `This week ${from} – ${to}`, previous: (from, to) => `compared with ${from} – ${to}`, refresh: 'Refresh',
    thisWeek: 'This week', lastWeek: 'vs last week',
    figures: {
      members_enrolled: 'Members', new_members: 'New members', placed_members: 'Placed members', working_members: 'Placed now',
      jobs_developed: 'Jobs developed', activities: 'Activities', activity_minutes: 'Activity minutes', open_jobs: 'Open jobs',
      follow_ups_due: 'Follow-ups due', waiting_members: 'Waiting members',
    },
    change: (d) => (d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '±0'),
  },
  events: {
    session: 'Session',
    noSessions: 'No recent or upcoming sessions.',
    today: 'today',
    counts: (s) => `Confirmed ${s.confirmed}${s.capacity !== null ? ` / ${s.capacity} places` : ''} · waiting ${s.waitlisted} · attended ${s.attended}`,
    people: (n) => `${n} signed up`,
    nobody: 'Nobody has signed up for this session yet.',
    attended: 'Attended',
    join: 'Join',
    joining: 'Saving…',
    joined: (who, member) => `${who} is now member ${member}`,
    member: (id) => `Member ${id}`,
    cancel: 'Cancel',
    confirmCancel: 'Confirm cancel',
    keep: 'Keep',
    cancelled: (id, promoted) => `${id} cancelled${promoted ? `; ${promoted} from the waiting list now has the place` : ''}`,
    checkedIn: (who, on) => (on ? `${who}: attended` : `${who}: attendance undone`),
    saving: 'Saving…',
    cancelledSession: ' (cancelled)',
    phoneTitle: 'By phone or at the door',
    name: 'Name', phone: 'Phone', email: 'E-mail',
    consent: 'The person agreed to the use of their data',
    walkIn: 'Walk-in today (mark as attended)',
    take: 'Sign up',
    taken: (outcome: string, id: string | null) => `${id ?? ''} ${({ confirmed: 'confirmed', waitlisted: 'on the waitlist', needs_review: 'taken, needs review', duplicate_person: 'already signed up', skipped_duplicate: 'already taken' } as Record<string, string>)[outcome] ?? outcome}`.trim(),
  },
};
