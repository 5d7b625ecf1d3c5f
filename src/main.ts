// The only module whose exports become Apps Script globals (scripts/build.mjs adds one
// top-level `function` per export, and refuses to build when they differ from the table of
// server calls, src/app/server-calls.ts). Each is the table's entry made a function
// (src/entry/globals.ts): the caller or the trigger checked, then its handler. Nothing here
// calls a service at load time: building the functions only makes closures.
import { GLOBALS } from './entry/globals';

export const {
  // The sidebar.
  sidebarBootstrap, weekHeadline, listCandidates, searchMembers, searchClients, listEventSessions, listAttendance,
  logActivity, changeMatchStatus, registerClient, registerJob, checkIn, joinAsMember, cancelRegistration, registerByPhone, createEvent,
  listJobs, setJobStatus, proposeTeam, getMember, saveMember, leaveMember, listFollowUps, rebuildFollowUps, logFollowUp, correctActivity, withdrawActivity,
  listMemberWork, recordWork, confirmWork,
  // The menu, setup, sends and triggers.
  onOpen, onInstall, showSidebar, runSetup, saveInitialSettings, sendWeeklySummaryNow, installWeeklyTrigger, closeLastMonth, reopenLastClose, writeAnnualStats, printClosedStatements,
  rebuildCandidateIndex,
  createSignupForm, syncSignupForm, recheckSignups, tallyAllSurveys, weeklySummaryTrigger, sendEventReminders, onSignupFormSubmit, onWorkReportSubmit, recheckWorkReports,
  // The desk cache's invalidation (src/entry/cache-triggers.ts).
  onDeskEdit, onDeskChange,
} = GLOBALS;
