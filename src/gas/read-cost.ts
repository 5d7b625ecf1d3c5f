// What a Sheets read costs at the pessimistic end of the cost model, the one place these figures
// live: the adapter decides from them when reading the rows between two wanted rows is cheaper than
// another getValues (rowBlocks, sheets-table-store.ts), and bench/cost-model.ts projects every
// operation with them (their public sources are there, and in bench/README.md). Change them here
// and both move together.

/** One data round trip (getValues, setValues, properties, cache, lock…), in µs: 50 ms. */
export const ROUND_TRIP_US = 50_000;

/** One cell read at the pessimistic end, in µs: a getValues of 120,000 rows × 2 columns took 7.38 s. */
export const CELL_READ_US_PESSIMISTIC = 31;

/** The most rows between two wanted rows, `width` cells a row, that one getValues may read and drop:
 *  gap rows × width × 31 µs < 50 ms (at 12 columns, マッチング's width, 134 rows; at 1,613 columns or
 *  more, none — only adjacent rows share a read). Integer µs, so the bound is exact. */
export function gapRowsWorthReading(width: number): number {
  if (width <= 0) return 0;
  return Math.floor((ROUND_TRIP_US - 1) / (width * CELL_READ_US_PESSIMISTIC));
}
