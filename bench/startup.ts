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

export function measureStartup(runs = 7): Startup & { readonly runs: number; readonly samplesMs: number[] } {
  const source = readFileSync(join(repoRoot(), 'dist', 'Code.js'), 'utf8');
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = bareContext();
    const t0 = performance.now();
    vm.runInContext(`${source}\n// fresh evaluation ${i} ${Date.now()}`, context, { filename: `Code-${i}.js` });
    samplesMs.push(performance.now() - t0);
  }
  return { bundleEvalMs: median(samplesMs), runs, samplesMs };
}
