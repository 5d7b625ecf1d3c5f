import { zonedInstant } from './time-zone';

// What Sheets makes of a string written with setValue(s): like a person typing it
// (USER_ENTERED). Enough of it for the tests that matter: numbers, TRUE/FALSE, dates, formulas,
// and the leading apostrophe that forces text.

export type Stored =
  | { kind: 'value'; value: string | number | boolean | Date }
  | { kind: 'formula'; formula: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function userEntered(text: string, timeZone: string): Stored {
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  const t = text.trim();
  if (t === '') return { kind: 'value', value: text };
  if (NUMBER.test(t)) return { kind: 'value', value: Number(t) };
  // `=` starts a formula; a leading `+` or `-` that is not a number is also taken as one (as
  // Excel does), so an injection test is strict rather than lenient.
  if (t.startsWith('=') && t.length > 1) return { kind: 'formula', formula: t };
  if ((t.startsWith('+') || t.startsWith('-')) && t.length > 1) return { kind: 'formula', formula: `=${t}` };
  const upper = t.toUpperCase();
  if (upper === 'TRUE') return { kind: 'value', value: true };
  if (upper === 'FALSE') return { kind: 'value', value: false };
  const m = DATE.exec(t);
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x))) as number[];
    const probe = new Date(Date.UTC(y!, mo! - 1, d!));
    if (probe.getUTCMonth() === mo! - 1 && probe.getUTCDate() === d! && h! < 24 && mi! < 60 && s! < 60) {
      return { kind: 'value', value: new Date(zonedInstant(timeZone, y!, mo!, d!, h!, mi!, s!)) };
    }
  }
  return { kind: 'value', value: text };
}
