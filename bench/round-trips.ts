import { generateBenchCenter, QUICK_SIZES, SIZES } from './generate-center';
import { measureThroughBundle, type OperationName } from './measure-bundle';
import { DATA_ROUND_TRIPS, METADATA_CALLS, type CallLog } from '../test/fakes/call-log';

// Every round trip of each operation, in order, with what the bundle was doing when it made it:
// the innermost few of the bundle's own functions on the stack (dist/Code.js keeps our function
// names). `node scripts/run-ts.cjs bench/round-trips.ts [size] [op,op…]` after `npm run build`;
// size S by default (q1 for the quick check's centre). The calls are the bench's own (the same
// sequence of operations, bench/measure-bundle.ts), so the list is what `npm run bench` counts.
// bench/README.md's "Round trips of the writes" was made with it.

interface Trip { readonly call: string; readonly where: string }

const FRAME = /at (?:new )?([\w$.<>]+) \((?:[^()]*[\\/])?Code\.js:\d+:\d+\)/;
/** Names too generic to say what a call is for. */
const PLUMBING = /^(Object\.|Proxy\.|Array\.|call$|run$|get$|set$|value$|fn$|<anonymous>)/;

/** The adapters' own layers, shown only as the frame that made the call. */
const STORES = /^(SheetsTableStore|CachedHeaderStore|DocumentProperties|DocumentCache|findRawRows|rowsWithKeys|ServiceLock|SessionUser)\b/;

function whereFrom(stack: string): string {
  const names: string[] = [];
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line);
    if (!m || !m[1] || PLUMBING.test(m[1])) continue;
    // The adapter's method that made the call, then the add-in's own callers above the stores.
    if (names.length > 0 && STORES.test(m[1])) continue;
    if (names[names.length - 1] !== m[1]) names.push(m[1]);
    if (names.length === 5) break;
  }
  return names.join(' ← ');
}

/** Keeps each round trip's stack on the log, one list per reset (each measured call resets it),
 *  and hands the list out with the snapshot the bench keeps of the call. */
function traceOn(log: CallLog): void {
  let trips: Trip[] = [];
  const record = log.record.bind(log);
  const reset = log.reset.bind(log);
  const snapshot = log.snapshot.bind(log);
  log.record = (call: string): void => {
    record(call);
    if (!DATA_ROUND_TRIPS.has(call) && !METADATA_CALLS.has(call)) return;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 60;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    trips.push({ call: METADATA_CALLS.has(call) ? `${call} (size)` : call, where: whereFrom(stack) });
  };
  log.reset = (): void => { reset(); trips = []; };
  log.snapshot = () => Object.assign(snapshot(), { trips: [...trips] });
}

const sizeName = process.argv[2] ?? 'S';
const size = [...SIZES, ...QUICK_SIZES].find((s) => s.name === sizeName);
if (!size) throw new Error(`no size ${sizeName}`);
const wanted = process.argv[3]?.split(',') as OperationName[] | undefined;
const center = generateBenchCenter(size);
const run = measureThroughBundle(center, (_ss, log) => traceOn(log));
for (const m of run.measures) {
  if (wanted && !wanted.includes(m.op)) continue;
  const trips = (m.calls as typeof m.calls & { trips?: Trip[] }).trips ?? [];
  const lock = trips.filter((t) => t.call.startsWith('Lock.')).length;
  const size = trips.filter((t) => t.call.endsWith('(size)')).length;
  console.log(`\n## ${m.op} (${m.outcome}): ${trips.length - lock - size} round trips besides the lock (${lock}), + ${size} size questions; cells read ${m.calls.cellsRead}, written ${m.calls.cellsWritten}`);
  trips.forEach((t, i) => console.log(`${String(i + 1).padStart(3)}. ${t.call.padEnd(30)} ${t.where}`));
}
