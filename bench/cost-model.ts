import { DATA_ROUND_TRIPS, METADATA_CALLS, type CallSnapshot } from '../test/fakes/call-log';
import { CELL_READ_US_PESSIMISTIC, ROUND_TRIP_US } from '../src/gas/read-cost';

// The projected Apps Script time of an operation, as a RANGE: each service call at a cost that
// depends on its kind, each cell read or written, and the start-up of the execution (the bundle
// evaluated again on every google.script.run call and trigger, and for a sidebar call the
// google.script.run trip itself). The two ends differ where the public measurements differ (a
// cell read costs 10 µs in one, 31 µs in another); bench/README.md says where each figure comes
// from and which ones are our own. Change them here and every figure of the report moves — but a
// round trip and the pessimistic cell read live in src/gas/read-cost.ts, where the Sheets adapter
// decides from the same two figures when a gap between rows is worth reading (rowBlocks).

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
    what: 'data round trip (getValues, setValues, properties, cache, lock, mail, triggers)', low: ROUND_TRIP_US / 1000, high: ROUND_TRIP_US / 1000,
    source: 'PropertiesService getProperty avg 30 ms / setProperty avg 62 ms, CacheService put avg 93 ms / get avg 3 ms, over 100 runs (L. Peralta, ziritione.org/post/apps_script_performance); ' +
      'CacheService put ~57 ms / get ~21 ms, the same for a 100 KB value as for a few bytes (qiita.com/mitonattou919/items/a0fdd1a9e4559ee4a512); ' +
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
    what: 'per cell read', low: 0.010, high: CELL_READ_US_PESSIMISTIC / 1000,
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
    source: 'OUR ASSUMPTION: no published measurement of a typical trip was found (searched again for issue 15). B. McPherson measured the average round trip of a server call from HtmlService over 100 calls ' +
      '(ramblings.mcpher.com/gassnippets2/measuring-library-load-speed: "every time a server function is called, the server script is initialized"); his numbers are in a chart only. ' +
      'Reports of 5-10 s per call exist (github.com/enuchi/gas-client/issues/35, enuchi/React-Google-Apps-Script/issues/73), put down by their maintainers to Google-side slowdowns: an outer bound, not a typical trip',
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

/** What one end of the projection is made of, in milliseconds (they add up to `seconds`). */
export interface ProjectionParts {
  /** The bundle compiled and evaluated (our measurement, bench/startup.ts). */
  readonly bundleEvalMs: number;
  /** The google.script.run trip of a sidebar call (our assumption; 0 for triggers and menus). */
  readonly scriptRunMs: number;
  /** Data round trips (DATA_ROUND_TRIPS) besides the per-cell baseline's getValue/setValue. */
  readonly roundTripsMs: number;
  /** The sheet's size questions (METADATA_CALLS), charged as round trips. */
  readonly sizeQuestionsMs: number;
  /** Handle lookups, and the per-cell baseline's getValue/setValue in a loop. */
  readonly lookupsMs: number;
  readonly cellsReadMs: number;
  readonly cellsWrittenMs: number;
}

export interface Projection {
  readonly seconds: number;
  /** Without the google.script.run trip (our assumption): what the execution itself costs. */
  readonly serverSeconds: number;
  /** Every service call: round trips + size questions + lookups. */
  readonly callsMs: number;
  /** Cells read and written. */
  readonly cellsMs: number;
  /** Bundle evaluation, plus the google.script.run trip for a sidebar call. */
  readonly startupMs: number;
  readonly parts: ProjectionParts;
}

/** The parts of a projection in the order the report prints them, with their column names. */
export const PART_NAMES: readonly (readonly [keyof ProjectionParts, string])[] = [
  ['bundleEvalMs', 'start-up: bundle evaluated'], ['scriptRunMs', 'google.script.run trip (assumed)'],
  ['roundTripsMs', 'data round trips'], ['sizeQuestionsMs', 'size questions'], ['lookupsMs', 'lookups'],
  ['cellsReadMs', 'cells read'], ['cellsWrittenMs', 'cells written'],
];

/** Both ends of the projection. */
export interface ProjectionRange {
  readonly low: Projection;
  readonly high: Projection;
}

type End = 'low' | 'high';

function projectEnd(calls: Pick<CallSnapshot, 'byMethod' | 'cellsRead' | 'cellsWritten'>, end: End, kind: StartKind, startup: Startup): Projection {
  let roundTripsMs = 0;
  let sizeQuestionsMs = 0;
  let lookupsMs = 0;
  for (const [method, count] of Object.entries(calls.byMethod)) {
    if (SINGLE_CELL.has(method)) lookupsMs += COSTS.singleCell[end] * count;
    else if (DATA_ROUND_TRIPS.has(method)) roundTripsMs += COSTS.roundTrip[end] * count;
    else if (METADATA_CALLS.has(method)) sizeQuestionsMs += COSTS.metadata[end] * count;
    else lookupsMs += COSTS.lookup[end] * count;
  }
  const parts: ProjectionParts = {
    bundleEvalMs: startup.bundleEvalMs,
    scriptRunMs: kind === 'sidebar' ? COSTS.scriptRun[end] : 0,
    roundTripsMs, sizeQuestionsMs, lookupsMs,
    cellsReadMs: calls.cellsRead * COSTS.cellRead[end],
    cellsWrittenMs: calls.cellsWritten * COSTS.cellWritten[end],
  };
  const callsMs = roundTripsMs + sizeQuestionsMs + lookupsMs;
  const cellsMs = parts.cellsReadMs + parts.cellsWrittenMs;
  const startupMs = parts.bundleEvalMs + parts.scriptRunMs;
  const seconds = (callsMs + cellsMs + startupMs) / 1000;
  return { seconds, serverSeconds: seconds - parts.scriptRunMs / 1000, callsMs, cellsMs, startupMs, parts };
}

/** The part that weighs most at one end ("cells read 62%"). */
export function largestPart(p: Projection): { readonly name: string; readonly share: number } {
  let best: readonly [keyof ProjectionParts, string] = PART_NAMES[0] as readonly [keyof ProjectionParts, string];
  for (const part of PART_NAMES) if (p.parts[part[0]] > p.parts[best[0]]) best = part;
  const total = p.seconds * 1000;
  return { name: best[1], share: total > 0 ? p.parts[best[0]] / total : 0 };
}

export function project(calls: Pick<CallSnapshot, 'byMethod' | 'cellsRead' | 'cellsWritten'>, kind: StartKind, startup: Startup): ProjectionRange {
  return { low: projectEnd(calls, 'low', kind, startup), high: projectEnd(calls, 'high', kind, startup) };
}

/** "0.84–1.21 s": both ends of a projection. */
export function rangeText(p: ProjectionRange, digits = 2): string {
  return `${p.low.seconds.toFixed(digits)}–${p.high.seconds.toFixed(digits)} s`;
}

/** The same without the google.script.run trip (one figure when both ends agree: no cell read). */
export function serverRangeText(p: ProjectionRange, digits = 2): string {
  const low = p.low.serverSeconds.toFixed(digits);
  const high = p.high.serverSeconds.toFixed(digits);
  return low === high ? `${low} s` : `${low}–${high} s`;
}
