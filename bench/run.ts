import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { COSTS } from './cost-model';
import { QUICK_SIZES, SIZES } from './generate-center';
import { callsAcrossSizes, costNotes, machineLine, partsTable, sizeTable, targetList, type Machine } from './report';
import { repoRoot } from './repo-root';
import { runQuick } from './quick';
import { runSize, type SizeResult } from './run-size';
import { callDrift, sidebarTargets, type TargetCheck } from './targets';
import { measureStartup } from './startup';

// `npm run bench` (after the build): every size, a Markdown report to stdout, the numbers to
// bench/results.json. `BENCH_QUICK=1`: two small centers, calls only, exit 1 if a call count
// moves with size. `BENCH_SIZES=S,M` runs only those sizes.

const HEAP_MB = 16_384;
const TARGET_BUNDLE_BYTES = 250 * 1024;

function machine(): Machine {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpus: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

function main(): number {
  const root = repoRoot();
  if (process.env.BENCH_QUICK === '1') {
    const q = runQuick(QUICK_SIZES);
    process.stdout.write(`${q.lines.join('\n')}\n`);
    return q.ok ? 0 : 1;
  }
  // The L center holds ~8 million cells three times over (the fake sheet, getValues' copy,
  // the parsed records): give V8 room once, by running again with a larger heap.
  if (v8.getHeapStatistics().heap_size_limit < (HEAP_MB / 2) * 2 ** 20 && process.env.BENCH_CHILD !== '1') {
    const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--expose-gc', join(root, 'scripts', 'run-ts.cjs'), 'bench/run.ts'], {
      cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_CHILD: '1' },
    });
    return child.status ?? 1;
  }
  const wanted = process.env.BENCH_SIZES?.split(',').map((s) => s.trim());
  const sizes = SIZES.filter((s) => !wanted || wanted.includes(s.name));
  const results: SizeResult[] = [];
  const started = performance.now();
  const startup = measureStartup(7);
  for (const size of sizes) {
    process.stderr.write(`bench: size ${size.name} (${size.members} members, ${size.activities} activities)…\n`);
    const t0 = performance.now();
    results.push(runSize(size, { full: true, computeRuns: size.members > 10_000 ? 3 : 7, baselineCapRows: 20_000, startup }));
    (globalThis as { gc?: () => void }).gc?.();
    process.stderr.write(`bench: size ${size.name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB\n`);
  }

  const codeBytes = statSync(join(root, 'dist', 'Code.js')).size;
  const sidebarBytes = statSync(join(root, 'dist', 'sidebar.html')).size;
  const checks: TargetCheck[] = [];
  const drift = callDrift(new Map(results.map((r) => [r.size.name, r.measures])));
  checks.push({
    target: 'service calls per operation the same at every size', met: drift.length === 0,
    measured: drift.length === 0 ? `every operation makes the same calls, method by method, at ${results.map((r) => r.size.name).join(', ')}` : drift.map((d) => `${d.op} (${d.totals})`).join('; '),
  });
  const first = results[0];
  if (first) checks.push(...first.checks.map((c) => ({ ...c, target: `${c.target} [${first.size.name}]` })));
  const largest = results[results.length - 1];
  const weeklyL = largest?.measures.find((m) => m.op === 'weekly');
  if (largest && weeklyL) {
    const p = weeklyL.projected.high;
    checks.push({ target: `weekly run at ${largest.size.name}: projected Apps Script time ≤ 60 s (pessimistic end)`, met: p.seconds <= 60,
      measured: `${p.seconds.toFixed(1)} s (calls ${(p.callsMs / 1000).toFixed(2)} s + cells ${(p.cellsMs / 1000).toFixed(1)} s + start-up ${(p.startupMs / 1000).toFixed(2)} s; optimistic ${weeklyL.projected.low.seconds.toFixed(1)} s)` });
  }
  if (largest) checks.push(...sidebarTargets(largest.measures, largest.size.name));
  if (largest?.compute) {
    const c = largest.compute;
    for (const [name, x] of [['steady state', c.weekly.steady], ['counting 活動記録 whole', c.weekly.whole]] as const) {
      checks.push({ target: `weekly run at ${largest.size.name}, ${name}: Node compute ≤ 3× a bare pass over the cells it reads`, met: x.cpuRatio <= 3,
        measured: `${x.run.cpuMs.toFixed(0)} ms vs bare pass ${x.bare.cpuMs.toFixed(0)} ms over ${x.cellsRead.toLocaleString('en-US')} cells = ${x.cpuRatio.toFixed(1)}× (CPU, least of ${c.runs}; bench/weekly-run.ts)` });
    }
    checks.push({ target: `ranking ${largest.size.members.toLocaleString('en-US')} members for one job ≤ 1 s Node compute`, met: c.rankMs <= 1000, measured: `${c.rankMs.toFixed(0)} ms` });
  }
  checks.push({ target: 'dist/Code.js ≤ 250 KB', met: codeBytes <= TARGET_BUNDLE_BYTES, measured: `${(codeBytes / 1024).toFixed(1)} KB (dist/sidebar.html ${(sidebarBytes / 1024).toFixed(1)} KB)` });

  const m = machine();
  const md = [
    '## Ikigai Desk benchmark', '', machineLine(m), `Bundle: dist/Code.js ${(codeBytes / 1024).toFixed(1)} KB, dist/sidebar.html ${(sidebarBytes / 1024).toFixed(1)} KB`, '',
    ...results.flatMap((r) => [sizeTable(r), '', partsTable(r), '']),
    '### Service calls per operation across sizes', '', callsAcrossSizes(results), '',
    '### Targets', '', targetList(checks), '',
    '### Cost model (projected Apps Script time = start-up + Σ calls × cost + cells × cost, at both ends of the range)', '', costNotes(startup), '',
    `Total bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  ].join('\n');
  process.stdout.write(`${md}\n`);
  const out = join(root, 'bench', 'results.json');
  writeFileSync(out, `${JSON.stringify({ machine: m, at: new Date().toISOString(), bundle: { codeBytes, sidebarBytes }, costs: COSTS, startup, results, checks }, null, 1)}\n`);
  process.stderr.write(`bench: wrote ${out}\n`);
  return 0;
}

process.exitCode = main();
