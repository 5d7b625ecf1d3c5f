import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { bareContext } from '../test/bundle/harness';
import { median } from './compute';
import type { Startup } from './cost-model';
import { repoRoot } from './repo-root';

// What every execution pays before its first line: Apps Script evaluates the whole project again
// for each google.script.run call and each trigger. Measured here as Node evaluates it: dist/Code.js
// compiled and run in a fresh vm context (only the ECMAScript built-ins, as the bundle tests use),
// each time with a different trailing comment so V8's compilation cache cannot answer from the
// run before. Apps Script's V8 is not faster than Node's on this machine, so this is a floor.
// Compiling (V8's parse, about proportional to the bundle's size) and evaluating (the modules'
// top-level code: tables, catalogs; the zod schemas are built lazily) are given apart.

export interface StartupMeasure extends Startup {
  readonly runs: number;
  readonly samplesMs: number[];
  /** Medians of the two halves (their sum is close to, not exactly, bundleEvalMs: medians). */
  readonly compileMs: number;
  readonly evaluateMs: number;
  readonly bundleBytes: number;
}

export function measureStartup(runs = 7, path = join(repoRoot(), 'dist', 'Code.js')): StartupMeasure {
  const source = readFileSync(path, 'utf8');
  const samplesMs: number[] = [];
  const compile: number[] = [];
  const evaluate: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = bareContext();
    const t0 = performance.now();
    const script = new vm.Script(`${source}\n// fresh evaluation ${i} ${Date.now()}`, { filename: `Code-${i}.js` });
    const t1 = performance.now();
    script.runInContext(context);
    const t2 = performance.now();
    compile.push(t1 - t0);
    evaluate.push(t2 - t1);
    samplesMs.push(t2 - t0);
  }
  return {
    bundleEvalMs: median(samplesMs), runs, samplesMs, compileMs: median(compile), evaluateMs: median(evaluate),
    bundleBytes: Buffer.byteLength(source, 'utf8'),
  };
}

// `node scripts/run-ts.cjs bench/startup.ts [other/Code.js …]`: the start-up of dist/Code.js (and of
// other builds, interleaved run by run so a loaded machine weighs on all alike), median of 21.
if (/bench[/\\]startup\.ts$/.test(process.argv[1] ?? '')) {
  const paths = [join(repoRoot(), 'dist', 'Code.js'), ...process.argv.slice(2)];
  const results = paths.map(() => [] as StartupMeasure[]);
  for (let i = 0; i < 7; i++) paths.forEach((p, k) => results[k]?.push(measureStartup(3, p)));
  paths.forEach((p, k) => {
    const all = results[k] ?? [];
    const m = (pick: (s: StartupMeasure) => number[]): string => median(all.flatMap(pick)).toFixed(1);
    const first = all[0];
    process.stdout.write(`${p}: ${((first?.bundleBytes ?? 0) / 1024).toFixed(1)} KB — start-up ${m((s) => s.samplesMs)} ms (compile ${m((s) => [s.compileMs])}, evaluate ${m((s) => [s.evaluateMs])}), median of ${all.length * 3}\n`);
  });
}
