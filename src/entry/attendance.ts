import { createAttendanceApi, type AttendanceApi } from '../app/events/attendance';
import { FormPropertyBag } from '../gas/form-properties';
import { GasSignupForms } from '../gas/form-signup';
import type { GooglePorts } from '../gas/google-ports';

// The sidebar's イベント panel on Google (listEventSessions, listAttendance, checkIn, joinAsMember,
// cancelRegistration: their rules and arguments are in src/app/server-calls.ts). The attendance
// API validates, authorizes, locks and answers ApiResult: a person never sees a stack trace.

export function attendanceApi(ports: GooglePorts): AttendanceApi {
  return createAttendanceApi({
    store: ports.store, lock: ports.lock, clock: ports.clock, user: ports.user, props: ports.properties, cache: ports.deskCache,
    bag: new FormPropertyBag(), mailer: ports.mailer,
    // Only a cancellation touches the form (its re-sync); the ID is asked for only then.
    forms: new GasSignupForms(() => SpreadsheetApp.getActiveSpreadsheet().getId()),
  });
}
