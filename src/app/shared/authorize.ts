import type { Coordinator } from '../../domain/schema/tabs';
import type { ApiErrorCode } from './api-types';

// Who may do what (workbook.md, コーディネータ; design/README.md "Who may call what"): an active
// coordinator or manager may write; an active viewer may only read; an active manager may also
// set the desk up, change its schedule and triggers and send its mail by hand; anybody else gets
// nothing, not even reads, because the sidebar shows member names.
export type Access = 'read' | 'write';

/** A person's rule: the sidebar's two, and `manager` for setup, sends and trigger installation. */
export type CallerRule = Access | 'manager';

export type CallerRefusal = Extract<ApiErrorCode, 'not_signed_in' | 'unknown_user' | 'inactive_user' | 'read_only'> | 'not_manager';

export type Authorization =
  | { readonly ok: true; readonly coordinator: Coordinator; readonly canWrite: boolean }
  | { readonly ok: false; readonly code: Extract<ApiErrorCode, 'not_signed_in' | 'unknown_user' | 'inactive_user' | 'read_only'> };

export type CallerVerdict =
  | { readonly ok: true; readonly coordinator: Coordinator; readonly canWrite: boolean }
  | { readonly ok: false; readonly code: CallerRefusal };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The caller against コーディネータ under `rule`: the first reason to refuse, or their row. */
export function checkCaller(coordinators: readonly Coordinator[], email: string, rule: CallerRule): CallerVerdict {
  const wanted = normaliseEmail(email);
  // Google says '' when it will not reveal the caller (consumer accounts across domains).
  if (wanted === '') return { ok: false, code: 'not_signed_in' };
  const coordinator = coordinators.find((c) => normaliseEmail(c.email) === wanted);
  if (!coordinator) return { ok: false, code: 'unknown_user' };
  if (!coordinator.active) return { ok: false, code: 'inactive_user' };
  const canWrite = coordinator.role === 'coordinator' || coordinator.role === 'manager';
  if (rule === 'write' && !canWrite) return { ok: false, code: 'read_only' };
  if (rule === 'manager' && coordinator.role !== 'manager') return { ok: false, code: 'not_manager' };
  return { ok: true, coordinator, canWrite };
}

/** The sidebar's check (read or write). */
export function authorize(coordinators: readonly Coordinator[], email: string, access: Access): Authorization {
  return checkCaller(coordinators, email, access) as Authorization;
}

/** Whether the desk has an active manager yet: until it does, setup is open (the bootstrap rule). */
export function hasActiveManager(coordinators: readonly Coordinator[]): boolean {
  return coordinators.some((c) => c.active && c.role === 'manager' && normaliseEmail(c.email) !== '');
}

/**
 * Setup's rule. The very first setup of a spreadsheet has nobody to check against: while
 * コーディネータ is missing or names no active manager, any signed-in person who can run the
 * spreadsheet's menu may run it (setup then adds them as the first manager when the tab is empty,
 * src/app/setup/run-setup.ts). Once an active manager exists, only an active manager may.
 */
export function checkSetupCaller(coordinators: readonly Coordinator[] | null, email: string): CallerVerdict | { readonly ok: true; readonly bootstrap: true } {
  if (coordinators === null || !hasActiveManager(coordinators)) {
    return normaliseEmail(email) === '' ? { ok: false, code: 'not_signed_in' } : { ok: true, bootstrap: true };
  }
  return checkCaller(coordinators, email, 'manager');
}
