import { createAttendanceApi, type AttendanceApi } from '../app/attendance';
import type {
  AttendanceList, CheckInOutput, EventSessionsOutput, JoinOutput,
} from '../app/attendance-types';
import type { ApiResult } from '../app/sidebar-types';
import type { CancelResult } from '../app/signup-cancel';
import { FormPropertyBag } from '../gas/form-properties';
import { GasSignupForms } from '../gas/form-signup';
import { googlePorts } from '../gas/google-ports';

// Apps Script entry points of the sidebar's イベント panel (google.script.run): the sessions,
// a session's attendance list, check-in, join as a member, cancel. Each call builds the Google
// ports (no service call until one is used) and hands its JSON arguments to the attendance API,
// which validates, authorizes, locks and answers ApiResult: a person never sees a stack trace.

function attendanceApi(): AttendanceApi {
  const ports = googlePorts();
  return createAttendanceApi({
    store: ports.store, lock: ports.lock, clock: ports.clock, user: ports.user, props: ports.properties,
    bag: new FormPropertyBag(), mailer: ports.mailer,
    // Only a cancellation touches the form (its re-sync); the ID is asked for only then.
    forms: new GasSignupForms(() => SpreadsheetApp.getActiveSpreadsheet().getId()),
  });
}

export function listEventSessions(): ApiResult<EventSessionsOutput> {
  return attendanceApi().listEventSessions();
}

export function listAttendance(eventId: unknown): ApiResult<AttendanceList> {
  return attendanceApi().listAttendance(eventId);
}

export function checkIn(registrationId: unknown, attended: unknown): ApiResult<CheckInOutput> {
  return attendanceApi().checkIn(registrationId, attended);
}

export function joinAsMember(registrationId: unknown, details?: unknown): ApiResult<JoinOutput> {
  return attendanceApi().joinAsMember(registrationId, details);
}

/** Cancels a registration; the first waitlisted person of the session takes the place (with a mail). */
export function cancelRegistration(registrationId: unknown): ApiResult<CancelResult> {
  return attendanceApi().cancelRegistration(registrationId);
}
