import type { ApiErrorCode } from './api-types';

/** A refusal the person should read (bad input, not allowed, busy): carries a message code, not text,
 *  so the entry point renders it in the caller's language. Anything else thrown is a bug. */
export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode, readonly params: Readonly<Record<string, string | number>> = {}) {
    super(code);
    this.name = 'ApiError';
  }
}
