import { isDateCell, type Cell, type RawTable } from '../src/domain/cell';

// Between the domain's cells and what a script writes with setValues: a date cell becomes a Date
// at that wall-clock time in Tokyo (the bench center's zone, UTC+9 all year, no summer time), a
// blank becomes ''. Text such as `13:30` or `04-7130-1234` stays text, as Sheets keeps it.
const TOKYO_OFFSET_MS = 9 * 3_600_000;

export function sheetValue(c: Cell): string | number | boolean | Date {
  if (c === null) return '';
  if (isDateCell(c)) {
    const [d, t] = c.date.split('T') as [string, string | undefined];
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const [h, mi, s] = (t ?? '0:0:0').split(':').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, day, h, mi, s ?? 0) - TOKYO_OFFSET_MS);
  }
  return c;
}

/** The tab as the 2-D array one setValues writes: header, then rows padded to the header's width. */
export function sheetGrid(t: RawTable): (string | number | boolean | Date)[][] {
  const width = t.header.length;
  const grid: (string | number | boolean | Date)[][] = [t.header.slice()];
  for (const row of t.rows) {
    const line = new Array<string | number | boolean | Date>(width);
    for (let i = 0; i < width; i++) line[i] = sheetValue(row[i] ?? null);
    grid.push(line);
  }
  return grid;
}
