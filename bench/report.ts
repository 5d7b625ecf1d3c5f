import { COSTS, largestPart, PART_NAMES, rangeText, serverRangeText, type Startup } from './cost-model';
import type { StartupMeasure } from './startup';
import type { MeasureWithProjection, SizeResult } from './run-size';
import type { TargetCheck } from './targets';
import type { WeeklyCompute, WeeklyRatio } from './weekly-run';

// The Markdown printed to stdout: one table per size, the ratios to the baselines, the calls per
// operation across sizes, the targets, and where each cost comes from.

export interface Machine {
  readonly os: string;
  readonly cpus: string;
  readonly memoryGb: number;
  readonly node: string;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number | undefined): string => (n === undefined ? '—' : n < 10 ? n.toFixed(2) : int(n));
const sec = (n: number): string => (n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : int(n));
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const NODE_FIGURE: Record<string, (r: SizeResult) => number | undefined> = {
  weekly: (r) => r.compute?.weekly.steady.run.cpuMs,
  sidebarOpen: (r) => r.compute?.sidebarMs,
  rankCandidates: (r) => r.compute?.rankMs,
  surveyTally: (r) => r.compute?.tallyMs,
};

export function sizeTable(r: SizeResult): string {
  const lines = [
    `### ${r.size.name}: ${int(r.size.members)} members, ${int(r.size.activities)} activities — ${int(r.cells)} cells in ${Object.keys(r.rows).length} tabs`,
    '',
    '| operation | service calls (round trips + lookups) | round trips with metadata | cells read | cells written | answer | projected Apps Script, optimistic–pessimistic | of which server side (no google.script.run trip) | our code through the bundle, fakes subtracted: CPU / wall | Node compute (median; weekly: least CPU, bench/weekly-run.ts) | peak heap | bundle wall (fakes incl.) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const row = (label: string, m: MeasureWithProjection, node: number | undefined): string =>
    `| ${label} | ${m.calls.total} (${m.calls.roundTrips} + ${m.calls.lookups}) | ${m.calls.roundTripsWithMetadata} | ${int(m.calls.cellsRead)} | ${int(m.calls.cellsWritten)} | ${kb(m.answerBytes)} | ` +
    `${rangeText(m.projected)} | ${m.projected.high.parts.scriptRunMs > 0 ? serverRangeText(m.projected) : 'same'} | ${ms(m.server.cpuMs)} / ${ms(m.server.wallMs)} ms | ` +
    `${node === undefined ? '—' : `${ms(node)} ms`} | ${mb(m.peakHeapBytes)} | ${ms(m.wallMs)} ms |`;
  for (const m of r.measures) lines.push(row(`${m.op} (${m.fn} → ${m.outcome})`, m, NODE_FIGURE[m.op]?.(r)));
  if (r.logActivityFirst) lines.push(row('logActivity, first of the document (seeds the ID counter)', r.logActivityFirst, undefined));
  if (r.weeklyFirst) lines.push(row('weekly, counting 活動記録 whole (first run, or a recount: count-activities.ts)', r.weeklyFirst, undefined));
  if (r.baseline) {
    const b = r.baseline;
    const note = b.extrapolated ? ` (read ${int(b.rowsRead)} of ${int(b.rowsTotal)} rows, rest extrapolated)` : '';
    lines.push(`| weekly — per-cell baseline (getValue per cell)${note} | ${int(b.calls.total)} (${int(b.calls.roundTrips)} + ${int(b.calls.lookups)}) | ${int(b.calls.roundTripsWithMetadata)} | ${int(b.calls.cellsRead)} | ${int(b.calls.cellsWritten)} | — | ${rangeText(b.projected, 0)} | same | — | same figures${b.sameFigures === null ? '' : b.sameFigures ? ' (checked equal)' : ' (DIFFER!)'} | — | — |`);
  }
  if (r.compute) {
    const w = r.compute.weekly;
    lines.push(`| weekly — bare single pass over the cells it reads (floor: bench/weekly-run.ts) | — | — | ${int(w.steady.cellsRead)} | — | — | — | — | — | ${ms(w.steady.bare.cpuMs)} ms | — | — |`);
  }
  const weekly = r.measures.find((m) => m.op === 'weekly');
  if (weekly && r.baseline && r.compute) {
    const w = weekly.projected.high.seconds;
    const base = r.baseline.projected.high.seconds;
    lines.push('', `Weekly run (pessimistic end): projected ${sec(w)} s = ${(w / base * 100).toFixed(3)}% of the per-cell baseline's ${sec(base)} s (${int(base / w)}× less); ` +
      `Node compute (CPU, least of ${r.compute.runs}; bench/weekly-run.ts) ${computeRatioText(r.compute.weekly)}.`);
  }
  return lines.join('\n');
}

/** The weekly run's Node compute against its floor, both ways of counting 活動記録. */
export function computeRatioText(w: WeeklyCompute): string {
  const one = (x: WeeklyRatio): string => `${ms(x.run.cpuMs)} ms = ${x.cpuRatio.toFixed(1)}× a bare pass over its ${int(x.cellsRead)} cells (${ms(x.bare.cpuMs)} ms)`;
  return `in the steady state ${one(w.steady)}; counting 活動記録 whole ${one(w.whole)}`;
}

/** Where each operation's projected time goes, at the pessimistic end (the optimistic end differs
 *  only in the cells read, 10 instead of 31 µs, and the trip, 300 instead of 1,000 ms). */
export function partsTable(r: SizeResult): string {
  const lines = [
    `Where the projected time goes at ${r.size.name}, pessimistic end (ms; the optimistic end charges a cell read ${COSTS.cellRead.low * 1000} µs instead of ${COSTS.cellRead.high * 1000} and the trip ${COSTS.scriptRun.low} ms instead of ${COSTS.scriptRun.high}):`,
    '',
    `| operation | ${PART_NAMES.map(([, name]) => name).join(' | ')} | total | server side (no trip) | largest part |`,
    `|---|${PART_NAMES.map(() => '---:').join('|')}|---:|---:|---|`,
  ];
  const all = [...r.measures, ...(r.logActivityFirst ? [{ ...r.logActivityFirst, op: 'logActivity (first)' }] : [])];
  for (const m of all) {
    const p = m.projected.high;
    const big = largestPart(p);
    lines.push(`| ${m.op} | ${PART_NAMES.map(([key]) => int(p.parts[key])).join(' | ')} | ${int(p.seconds * 1000)} | ${int(p.serverSeconds * 1000)} | ${big.name} ${(big.share * 100).toFixed(0)}% |`);
  }
  return lines.join('\n');
}

export function callsAcrossSizes(results: readonly SizeResult[]): string {
  const ops = results[0]?.measures.map((m) => m.op) ?? [];
  const lines = [`| operation | ${results.map((r) => r.size.name).join(' | ')} | same by method? |`, `|---|${results.map(() => '---:').join('|')}|---|`];
  for (const op of ops) {
    const per = results.map((r) => r.measures.find((m) => m.op === op));
    const same = new Set(per.map((m) => JSON.stringify(m?.calls.byMethod ?? null))).size === 1;
    lines.push(`| ${op} | ${per.map((m) => (m ? `${m.calls.total} (${m.calls.roundTrips} rt, ${m.calls.roundTripsWithMetadata} with metadata)` : '—')).join(' | ')} | ${same ? 'yes' : 'NO'} |`);
  }
  return lines.join('\n');
}

export function targetList(checks: readonly TargetCheck[]): string {
  return checks.map((c) => `- ${c.met ? 'MET' : 'MISSED'} — ${c.target}: ${c.measured}`).join('\n');
}

export function costNotes(startup: Startup & Partial<Pick<StartupMeasure, 'compileMs' | 'evaluateMs'>>): string {
  const range = (c: { low: number; high: number }): string => (c.low === c.high ? `${c.low} ms` : `${c.low}–${c.high} ms`);
  const halves = startup.compileMs === undefined || startup.evaluateMs === undefined ? ''
    : ` (compile ${startup.compileMs.toFixed(1)} ms, evaluate ${startup.evaluateMs.toFixed(1)} ms)`;
  return [
    ...Object.values(COSTS).map((c) => `- ${c.what}: ${range(c)} — ${c.source}`),
    `- start-up of every execution (the bundle compiled and evaluated in a fresh vm context, median): ${startup.bundleEvalMs.toFixed(1)} ms${halves} — OUR MEASUREMENT on this machine (bench/startup.ts), Node's V8`,
  ].join('\n');
}

export function machineLine(m: Machine): string {
  return `Machine: ${m.os}; ${m.cpus}; ${m.memoryGb} GB; Node ${m.node}`;
}
