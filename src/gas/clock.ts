import type { Clock } from '../app/ports';

/** The machine's clock; the time zone is applied later, in the adapters that need a day. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
