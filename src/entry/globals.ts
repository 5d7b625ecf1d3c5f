import { CACHE_TRIGGER_HANDLERS } from './cache-triggers';
import { serverGlobals } from './dispatch';
import { FORMS_HANDLERS } from './forms';
import { WORK_REPORT_HANDLERS } from './work-report';
import { SETUP_HANDLERS } from './setup';
import { deskApi, showSidebar } from './sidebar';
import { WEEKLY_HANDLERS } from './weekly';
import { WORK_HANDLERS } from './work';
import { CANDIDATE_HANDLERS } from './candidates';

// The Apps Script globals, one per entry of src/app/server-calls.ts: the sidebar's calls through
// the desk API, every other function through its handler behind the check its entry names.
export const GLOBALS = serverGlobals(deskApi, { ...SETUP_HANDLERS, ...FORMS_HANDLERS, ...WORK_REPORT_HANDLERS, ...WEEKLY_HANDLERS, ...WORK_HANDLERS, ...CANDIDATE_HANDLERS, ...CACHE_TRIGGER_HANDLERS, showSidebar });
