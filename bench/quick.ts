import type { BenchSize } from './generate-center';
import { measureStartup } from './startup';
import { callsAcrossSizes } from './report';
import { runSize, type SizeResult } from './run-size';
import { callDrift } from './targets';

// BENCH_QUICK: the operations on two small centers through the bundle, calls only. A call count
// that moves with the center's size is a loop over rows calling Google: that fails the check.
export interface QuickResult {
  readonly ok: boolean;
  readonly lines: string[];
  /** Each size's measures, for the checks of test/bench/quick.test.ts. */
  readonly results: readonly SizeResult[];
}

export function runQuick(sizes: readonly BenchSize[]): QuickResult {
  const startup = measureStartup(3);
  const results = sizes.map((s) => runSize(s, { full: false, computeRuns: 0, baselineCapRows: 0, startup }));
  const drift = callDrift(new Map(results.map((r) => [r.size.name, r.measures])));
  const missing = [...new Set(results.flatMap((r) => r.missing))];
  const lines = [
    `BENCH_QUICK: ${sizes.map((s) => `${s.name} ${s.members} members / ${s.activities} activities`).join(', ')}`, '',
    callsAcrossSizes(results), '',
    ...(missing.length > 0 ? [`not in the bundle (not measured): ${missing.join(', ')}`] : []),
    drift.length === 0 ? 'OK: every operation makes the same service calls at both sizes' : `FAILED: calls move with size: ${drift.map((d) => `${d.op} (${d.totals})`).join('; ')}`,
  ];
  return { ok: drift.length === 0 && results.every((r) => r.measures.length > 0), lines, results };
}
