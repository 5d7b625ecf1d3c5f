import { loadBundle, type LoadedBundle } from './harness';
import { dayTables } from '../app/day-fixture';
import type { Cell } from '../../src/domain/cell';

/** A cell as Sheets holds it: empty text for a blank, the date's text for a date. */
function toSheetValue(c: Cell): unknown {
  if (c === null) return '';
  if (typeof c === 'object') return c.date;
  return c;
}

/**
 * The built bundle over a spreadsheet holding the coordinator's-day tables (test/app/day-fixture.ts),
 * on 2025-06-11 10:00 in Tokyo, called by the coordinator tanaka@example.jp: the world the
 * day's budget tests and the red-team tests of the stores share.
 */
export function loadDayBundle(): LoadedBundle {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', activeUserEmail: 'tanaka@example.jp', now: '2025-06-11T01:00:00Z' });
  const ss = bundle.fakes!.spreadsheet;
  for (const t of dayTables()) {
    const rows = [t.header, ...t.rows.map((r) => t.header.map((_, i) => toSheetValue(r[i] ?? null)))];
    ss.insertSheet(t.name).getRange(1, 1, rows.length, t.header.length).setValues(rows);
  }
  return bundle;
}
