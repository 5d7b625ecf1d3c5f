import { DATA_ROUND_TRIPS, METADATA_CALLS, type CallSnapshot } from '../test/fakes/call-log';

// The projected Apps Script time of an operation, as a RANGE: each service call at a cost that
// depends on its kind, each cell read or written, and the start-up of the execution (the bundle
// evaluated again on every google.script.run call and trigger, and for a sidebar call the
// google.script.run trip itself). The two ends differ where the public measurements differ (a
// cell read costs 10 µs in one, 31 µs in another); bench/README.md says where each figure comes
// from and which ones are our own. Change them here and every figure of the report moves.

export interface CostSource {
  readonly what: string;
  /** The optimistic and the pessimistic end, in milliseconds (equal where one figure is known). */
  readonly low: number;
  readonly high: number;
  readonly source: string;
}

export const COSTS = {
  /** A call that moves data (getValues, setValues, properties, cache, lock, mail...). */
  roundTrip: {
    what: 'data round trip (getValues, setValues, properties, cache, lock, mail, triggers)', low: 50, high: 50,
    source: 'PropertiesService getProperty avg 30 ms / setProperty avg 62 ms over 100 runs (L. Peralta, ziritione.org/post/apps_script_performance); ' +
      'one setValues of 4,000 cells < 50 ms (StackOverflow "What is faster: ScriptDb or SpreadsheetApp?")',
  },
  /** The sheet's size questions, answered by Google's servers: charged as round trips. */
  metadata: {
    what: 'size question (getLastRow, getLastColumn, getMaxRows, getMaxColumns, getDataRange)', low: 50, high: 50,
    source: 'a loop calling getLastRow() 1,000 times took 160,377 ms, 780 ms when hoisted: ~160 ms a call (bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html); charged as a round trip',
  },
  /** One cell's getValue/setValue inside a loop: Sheets' look-ahead and write caches make these cheaper than a cold round trip. */
  singleCell: {
    what: 'Range.getValue / setValue in a loop (the per-cell baseline only)', low: 3, high: 3,
    source: '1,000 × getRange(i,1).getValue() (+Logger.log) = 3,064 ms (bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html)',
  },
  /** Handle lookups (getSheetByName, getRange, getName...): no clean published figure. */
  lookup: {
    what: 'handle lookup (getSheetByName, getRange, getName, getSpreadsheetTimeZone...)', low: 1, high: 1,
    source: 'assumed (no published figure found); inside the 3 ms per getRange+getValue above',
  },
  /** Per cell read, on top of the call. */
  cellRead: {
    what: 'per cell read', low: 0.010, high: 0.031,
    source: 'low: one setValues of 4,000 cells < 50 ms ⇒ ≤ 12.5 µs a cell (StackOverflow, above), rounded down for reads; ' +
      'high: getValues() of 120,000 rows × 2 columns of plain text took 7.380 s = 30.75 µs a cell (qiita.com/shi-suzuki/items/d23c6c7e4a0bbe2831af)',
  },
  /** Per cell written, on top of the call. */
  cellWritten: {
    what: 'per cell written', low: 0.0125, high: 0.0125,
    source: 'one setValues of 4,000 cells < 50 ms ⇒ ≤ 12.5 µs a cell including the call (StackOverflow, above)',
  },
  /** The google.script.run trip of a sidebar call (browser → Apps Script → browser), beside the work the call does. */
  scriptRun: {
    what: 'google.script.run trip of a sidebar call (not triggers, not menu items)', low: 300, high: 1000,
    source: 'OUR ASSUMPTION: no figure we could read was found. B. McPherson measured the average round trip of a server call from HtmlService over 100 calls ' +
      '(ramblings.mcpher.com/gassnippets2/measuring-library-load-speed: "every time a server function is called, the server script is initialized"); his numbers are in a chart only',
  },
} as const satisfies Record<string, CostSource>;

/** How an operation is started: its start-up differs. */
export type StartKind = 'sidebar' | 'trigger' | 'menu';

/** What one execution costs before its first line runs, measured by the bench (bench/startup.ts). */
export interface Startup {
  /** Compiling and evaluating dist/Code.js in a fresh vm context, median (our measurement, Node's V8). */
  readonly bundleEvalMs: number;
}

const SINGLE_CELL = new Set(['Range.getValue', 'Range.setValue']);

export interface Projection {
  readonly seconds: number;
  readonly callsMs: number;
  readonly cellsMs: number;
  /** Bundle evaluation, plus the google.script.run trip for a sidebar call. */
  readonly startupMs: number;
}

/** Both ends of the projection. */
export interface ProjectionRange {
  readonly low: Projection;
  readonly high: Projection;
}

type End = 'low' | 'high';

function projectEnd(calls: Pick<CallSnapshot, 'byMethod' | 'cellsRead' | 'cellsWritten'>, end: End, kind: StartKind, startup: Startup): Projection {
  let callsMs = 0;
  for (const [method, count] of Object.entries(calls.byMethod)) {
    const cost = SINGLE_CELL.has(method) ? COSTS.singleCell : DATA_ROUND_TRIPS.has(method) ? COSTS.roundTrip
      : METADATA_CALLS.has(method) ? COSTS.metadata : COSTS.lookup;
    callsMs += cost[end] * count;
  }
  const cellsMs = calls.cellsRead * COSTS.cellRead[end] + calls.cellsWritten * COSTS.cellWritten[end];
  const startupMs = startup.bundleEvalMs + (kind === 'sidebar' ? COSTS.scriptRun[end] : 0);
  return { seconds: (callsMs + cellsMs + startupMs) / 1000, callsMs, cellsMs, startupMs };
}

export function project(calls: Pick<CallSnapshot, 'byMethod' | 'cellsRead' | 'cellsWritten'>, kind: StartKind, startup: Startup): ProjectionRange {
  return { low: projectEnd(calls, 'low', kind, startup), high: projectEnd(calls, 'high', kind, startup) };
}

/** "0.84–1.21 s": both ends of a projection. */
export function rangeText(p: ProjectionRange, digits = 2): string {
  return `${p.low.seconds.toFixed(digits)}–${p.high.seconds.toFixed(digits)} s`;
}
