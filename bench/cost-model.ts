import { DATA_ROUND_TRIPS, type CallSnapshot } from '../test/fakes/call-log';

// The projected Apps Script time of an operation: each service call at a cost that depends on
// its kind, plus each cell moved. The costs are public measurements, not ours (bench/README.md
// says where each comes from and why it was chosen); change them here and the whole table moves.

export interface CostSource {
  readonly what: string;
  readonly ms: number;
  readonly source: string;
}

export const COSTS = {
  /** A call that moves data (getValues, setValues, properties, lock, mail...). */
  roundTrip: {
    what: 'data round trip (getValues, setValues, properties, lock, mail)', ms: 50,
    source: 'PropertiesService getProperty avg 30 ms / setProperty avg 62 ms over 100 runs (ziritione.org/post/apps_script_performance); ' +
      'one setValues of 4,000 cells < 50 ms (StackOverflow "What is faster: ScriptDb or SpreadsheetApp?")',
  },
  /** One cell's getValue/setValue inside a loop: Sheets' look-ahead and write caches make these cheaper than a cold round trip. */
  singleCell: {
    what: 'Range.getValue / setValue in a loop', ms: 3,
    source: '1,000 × getRange(i,1).getValue() (+Logger.log) = 3,064 ms (bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html)',
  },
  /** Handle lookups (getSheetByName, getRange, getLastRow...): no clean published figure; see README. */
  lookup: {
    what: 'handle lookup (getSheetByName, getRange, getLastRow, getName...)', ms: 1,
    source: 'assumed; folded into the 3 ms per getRange+getValue above. Caution: the same page measured getLastRow() called in a loop at ~160 ms each',
  },
  /** Per cell read or written, on top of the call. */
  cell: {
    what: 'per cell read or written', ms: 0.01,
    source: 'one setValues of 4,000 cells < 50 ms ⇒ ≤ 12.5 µs per cell including the call (same StackOverflow answer); Google: batch reads/writes (developers.google.com/apps-script/guides/support/best-practices)',
  },
} as const satisfies Record<string, CostSource>;

const SINGLE_CELL = new Set(['Range.getValue', 'Range.setValue']);

export interface Projection {
  readonly seconds: number;
  readonly callsMs: number;
  readonly cellsMs: number;
}

export function project(calls: Pick<CallSnapshot, 'byMethod' | 'cellsRead' | 'cellsWritten'>): Projection {
  let callsMs = 0;
  for (const [method, count] of Object.entries(calls.byMethod)) {
    const cost = SINGLE_CELL.has(method) ? COSTS.singleCell.ms : DATA_ROUND_TRIPS.has(method) ? COSTS.roundTrip.ms : COSTS.lookup.ms;
    callsMs += cost * count;
  }
  const cellsMs = (calls.cellsRead + calls.cellsWritten) * COSTS.cell.ms;
  return { seconds: (callsMs + cellsMs) / 1000, callsMs, cellsMs };
}
