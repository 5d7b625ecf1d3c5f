import type { Coordinator } from '../domain/schema/tabs';
import type { ApiErrorCode } from './sidebar-types';

// Who may do what through the sidebar (workbook.md, コーディネータ): an active coordinator or
// manager may write; an active viewer may only read; anybody else gets nothing, not even reads,
// because the sidebar shows member names.
export type Access = 'read' | 'write';

export type Authorization =
  | { readonly ok: true; readonly coordinator: Coordinator; readonly canWrite: boolean }
  | { readonly ok: false; readonly code: Extract<ApiErrorCode, 'not_signed_in' | 'unknown_user' | 'inactive_user' | 'read_only'> };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function authorize(coordinators: readonly Coordinator[], email: string, access: Access): Authorization {
  const wanted = normaliseEmail(email);
  // Google says '' when it will not reveal the caller (consumer accounts across domains).
  if (wanted === '') return { ok: false, code: 'not_signed_in' };
  const coordinator = coordinators.find((c) => normaliseEmail(c.email) === wanted);
  if (!coordinator) return { ok: false, code: 'unknown_user' };
  if (!coordinator.active) return { ok: false, code: 'inactive_user' };
  const canWrite = coordinator.role === 'coordinator' || coordinator.role === 'manager';
  if (access === 'write' && !canWrite) return { ok: false, code: 'read_only' };
  return { ok: true, coordinator, canWrite };
}
