import type { ApiErrorCode } from './api-types';
import type { InputIssue } from './input-issues';

/** A refusal the person should read (bad input, not allowed, busy): carries a message code, not text,
 *  so the entry point renders it in the caller's language. Anything else thrown is a bug. */
export class ApiError extends Error {
  /** `issues`: the fields a bad_input refused, said in the caller's language when rendered. */
  constructor(readonly code: ApiErrorCode, readonly params: Readonly<Record<string, string | number>> = {}, readonly issues: readonly InputIssue[] = []) {
    super(code);
    this.name = 'ApiError';
  }
}
