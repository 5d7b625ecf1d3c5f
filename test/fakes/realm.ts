// The fakes may serve code running in another JavaScript realm (the bundle in a node:vm
// context). Real Apps Script hands out Dates and Errors of the script's own realm, so
// `value instanceof Date` and `e instanceof Error` hold there; the fakes build them with the
// realm's own constructors to keep that true.
export interface Realm {
  readonly Date: DateConstructor;
  readonly Error: ErrorConstructor;
}

export const HOST_REALM: Realm = { Date, Error };

/** True for a Date of any realm. */
export function isAnyDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
