// The Apps Script fakes: `installFakes(globalThis)` in a jest test, or on a node:vm context's
// global through test/bundle/harness.ts.
export { installFakes, GLOBAL_NAMES, type FakeOptions, type FakeHandles } from './install';
export { CallLog, DATA_ROUND_TRIPS, METADATA_CALLS, type CallBudget, type CallSnapshot } from './call-log';
export { FORMULA_VALUE } from './range';
export { LOCK_TIMEOUT_MESSAGE } from './lock-service';
export { QUOTA_MESSAGE, type SentMail } from './mail-app';
export { CACHE_KEY_MAX, CACHE_VALUE_MAX_BYTES, CACHE_TTL_MAX_SECONDS, type CacheHandles } from './cache-service';
export { TOO_MANY_TRIGGERS, MAX_TRIGGERS, type InstalledTrigger } from './script-app';
export { NEW_SHEET_ROWS, NEW_SHEET_COLUMNS } from './fake-cell';
export { HOST_REALM, type Realm } from './realm';
export type { UiRecord, MenuRecord } from './ui';
