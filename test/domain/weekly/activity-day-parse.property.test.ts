import fc from 'fast-check';
import { ACTIVITY_KIND, AREA } from '../../../src/domain/enums';
import { emptyDay, emptyTotals, type DayTotals } from '../../../src/domain/kpi/activity-totals';
import { flatIntegersEnd, parseDay, totalsTabRows, TOTALS_VERSION } from '../../../src/domain/weekly/activity-totals-tab';
import type { CivilDate } from '../../../src/domain/civil-date';

// `_活動集計`'s day texts are parsed with their 継続支援 members (`f`) left as text until asked for
// (issue 15 item 4: parsing every day's `f` was a fifth of the steady weekly run). The old parse,
// kept here as it was, is the reference: for every text — what totalsTabRows writes (members and
// 担当 with quotes, backslashes, `,"f":{`, non-ASCII) and texts a hand edit could leave (keys in
// another order, `f` twice, white space, floats, huge numbers, cut-off text) — both answer null,
// or both answer the same day, Maps in the same order.

type Json = unknown;
const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: Json): v is number => typeof v === 'number' && Number.isInteger(v);
const isPair = (v: Json): v is [number, number] => Array.isArray(v) && v.length === 2 && isInt(v[0]) && isInt(v[1]);
const AREAS: ReadonlySet<string> = new Set(AREA.codes);
const KINDS: ReadonlySet<string> = new Set(ACTIVITY_KIND.codes);

function parseDayBefore(text: string): DayTotals | null {
  let v: Json;
  try { v = JSON.parse(text); } catch { return null; }
  if (!isRecord(v) || !isInt(v.n) || !isInt(v.m) || !isRecord(v.a) || !isRecord(v.k) || !isRecord(v.c) || !isRecord(v.f)) return null;
  const day = emptyDay();
  day.count = v.n;
  day.minutes = v.m;
  const { a, k, c, f } = v;
  for (const code in a) {
    const pair = a[code];
    if (!AREAS.has(code) || !isPair(pair)) return null;
    day.area[code as (typeof AREA.codes)[number]] = pair[0];
    day.areaMinutes[code as (typeof AREA.codes)[number]] = pair[1];
  }
  for (const code in k) {
    const n = k[code];
    if (!KINDS.has(code) || !isInt(n)) return null;
    day.kind[code as (typeof ACTIVITY_KIND.codes)[number]] = n;
  }
  for (const who in c) {
    const pair = c[who];
    if (!isPair(pair)) return null;
    day.coordinators.set(who, [pair[0], pair[1]]);
  }
  for (const id in f) {
    const n = f[id];
    if (!isInt(n)) return null;
    day.followUps.set(id, n);
  }
  return day;
}

/** A day as plain data, Maps as entry lists in their order (the lazy `f` asked for here). */
function plain(day: DayTotals | null): unknown {
  if (day === null) return null;
  return {
    count: day.count, minutes: day.minutes, area: day.area, areaMinutes: day.areaMinutes, kind: day.kind,
    coordinators: [...day.coordinators], followUps: [...day.followUps],
  };
}

// Keys a person or a center could put there: IDs, addresses, and text that looks like the format.
const key = fc.oneof(
  fc.constantFrom('M000001', 'M2', 'tanaka@example.jp', '', 'f', '"', '\\', ',"f":{', '"f":{}}', '__proto__', '123', '髙橋', '\u0001', '\ud800'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const count = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.integer());
const day = fc.record({
  n: count, m: count,
  area: fc.uniqueArray(fc.tuple(fc.constantFrom(...AREA.codes), count, count), { selector: (t) => t[0] }),
  kind: fc.uniqueArray(fc.tuple(fc.constantFrom(...ACTIVITY_KIND.codes), count), { selector: (t) => t[0] }),
  c: fc.array(fc.tuple(key, count, count), { maxLength: 5 }),
  f: fc.array(fc.tuple(key, count), { maxLength: 8 }),
});

type DayDraw = typeof day extends fc.Arbitrary<infer D> ? D : never;

/** The day's text as totalsTabRows writes it. */
function written(d: DayDraw): string {
  const totals = emptyTotals();
  const t = emptyDay();
  t.count = d.n === 0 ? 1 : d.n;
  t.minutes = d.m;
  for (const [code, n, m] of d.area) { t.area[code] = n; t.areaMinutes[code] = m; }
  for (const [code, n] of d.kind) t.kind[code] = n;
  for (const [who, n, m] of d.c) t.coordinators.set(who, [n, m]);
  for (const [id, n] of d.f) t.followUps.set(id, n);
  totals.days.set('2025-03-03' as CivilDate, t);
  const rows = totalsTabRows({ mark: { v: TOTALS_VERSION, row: 2, id: 'A1', recounted: '2025-03-03' as CivilDate, stale: false }, totals });
  return String(rows[1]?.[1]);
}

/** Texts a hand edit could leave in a written day's cell. */
const edited = (text: string): fc.Arbitrary<string> => fc.oneof(
  fc.constant(text),
  fc.nat({ max: text.length }).map((i) => text.slice(0, i)),
  fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(' ', '\n', '1', '.5', 'e3', '"', '}', ',', '-', '\\u00')).map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
  fc.constantFrom(',"f":{"M9":1}', ',"f":{"M9":1.5}', ',"f":[]', ',"f":{"M9":1e400}', ',"f":{"M9":12345678901234567}', ',"n":-0,"f":{}')
    .map((tail) => `${text.slice(0, -1)}${tail}}`),
  fc.constant(text.replace('{"n"', '{"f":{"x":"bad"},"n"')),
  fc.constant(text.replace(/,"f":\{/, ',"f": {')),
);

describe("_活動集計's day texts", () => {
  it('parse with their 継続支援 members left as text exactly as the whole parse did', () => {
    fc.assert(fc.property(day.chain((d) => edited(written(d))), (text) => {
      expect(plain(parseDay(text))).toEqual(plain(parseDayBefore(text)));
    }), { numRuns: 2000 });
  });

  it("leave a written day's 継続支援 members as text until asked for (the fast way is the one taken)", () => {
    fc.assert(fc.property(day, (d) => {
      const parsed = parseDay(written(d));
      expect(parsed).not.toBeNull();
      expect(typeof Object.getOwnPropertyDescriptor(parsed, 'followUps')?.get).toBe('function');
    }), { numRuns: 300 });
  });

  it('parse any JSON object of the day keys the same way, in any order', () => {
    const value = fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.string({ maxLength: 3 }),
      fc.dictionary(key, fc.oneof(fc.integer({ min: -5, max: 5 }), fc.tuple(fc.integer(), fc.integer()), fc.double())));
    const object = fc.array(fc.tuple(fc.constantFrom('n', 'm', 'a', 'k', 'c', 'f', 'x'), value), { maxLength: 8 })
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);
    fc.assert(fc.property(object, (text) => {
      expect(plain(parseDay(text))).toEqual(plain(parseDayBefore(text)));
    }), { numRuns: 2000 });
  });

  it('are checked by flatIntegersEnd only when JSON.parse makes an object of integers of them', () => {
    const flat = fc.dictionary(key, fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 2 }))).map((o) => JSON.stringify(o));
    fc.assert(fc.property(fc.oneof(flat, fc.string({ maxLength: 12 }), flat.chain(edited)), (text) => {
      if (flatIntegersEnd(text, 0) !== text.length) return;
      const v: unknown = JSON.parse(text);
      expect(isRecord(v) && Object.values(v).every(isInt)).toBe(true);
    }), { numRuns: 3000 });
    const two = '{"M1":2,"M\\"3":-1}';
    expect(flatIntegersEnd(two, 0)).toBe(two.length);
    expect(flatIntegersEnd('{"M1":01}', 0)).toBe(-1);
    expect(flatIntegersEnd('{"M1":1.0}', 0)).toBe(-1);
  });
});
