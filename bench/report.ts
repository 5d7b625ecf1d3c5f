import { COSTS } from './cost-model';
import type { SizeResult } from './run-size';
import type { TargetCheck } from './targets';

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

const NODE_FIGURE: Record<string, (r: SizeResult) => number | undefined> = {
  weekly: (r) => r.compute?.weeklyMs,
  sidebarOpen: (r) => r.compute?.sidebarMs,
  rankCandidates: (r) => r.compute?.rankMs,
  surveyTally: (r) => r.compute?.tallyMs,
};

export function sizeTable(r: SizeResult): string {
  const lines = [
    `### ${r.size.name}: ${int(r.size.members)} members, ${int(r.size.activities)} activities — ${int(r.cells)} cells in ${Object.keys(r.rows).length} tabs`,
    '',
    '| operation | service calls (round trips + lookups) | round trips with metadata | cells read | cells written | projected Apps Script | Node compute (median) | answer | bundle wall (fakes incl.) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const m of r.measures) {
    const node = NODE_FIGURE[m.op]?.(r);
    lines.push(`| ${m.op} (${m.fn} → ${m.outcome}) | ${m.calls.total} (${m.calls.roundTrips} + ${m.calls.lookups}) | ${m.calls.roundTripsWithMetadata} | ${int(m.calls.cellsRead)} | ${int(m.calls.cellsWritten)} | ${sec(m.projected.seconds)} s | ${node === undefined ? '—' : `${ms(node)} ms`} | ${kb(m.answerBytes)} | ${ms(m.wallMs)} ms |`);
  }
  if (r.logActivityFirst) {
    const m = r.logActivityFirst;
    lines.push(`| logActivity, first of the document (seeds the ID counter) | ${m.calls.total} (${m.calls.roundTrips} + ${m.calls.lookups}) | ${m.calls.roundTripsWithMetadata} | ${int(m.calls.cellsRead)} | ${int(m.calls.cellsWritten)} | ${sec(m.projected.seconds)} s | — | ${kb(m.answerBytes)} | ${ms(m.wallMs)} ms |`);
  }
  if (r.baseline) {
    const b = r.baseline;
    const note = b.extrapolated ? ` (read ${int(b.rowsRead)} of ${int(b.rowsTotal)} rows, rest extrapolated)` : '';
    lines.push(`| weekly — per-cell baseline (getValue per cell)${note} | ${int(b.calls.total)} (${int(b.calls.roundTrips)} + ${int(b.calls.lookups)}) | ${int(b.calls.roundTripsWithMetadata)} | ${int(b.calls.cellsRead)} | ${int(b.calls.cellsWritten)} | ${sec(b.projected.seconds)} s | same figures${b.sameFigures === null ? '' : b.sameFigures ? ' (checked equal)' : ' (DIFFER!)'} | — | — |`);
  }
  if (r.compute) {
    lines.push(`| weekly — bare single pass (floor) | — | — | — | — | — | ${ms(r.compute.barePassMs)} ms | — | — |`);
  }
  const weekly = r.measures.find((m) => m.op === 'weekly');
  if (weekly && r.baseline && r.compute) {
    lines.push('', `Weekly run: projected ${sec(weekly.projected.seconds)} s = ${(weekly.projected.seconds / r.baseline.projected.seconds * 100).toFixed(3)}% of the per-cell baseline's ${sec(r.baseline.projected.seconds)} s (${int(r.baseline.projected.seconds / weekly.projected.seconds)}× less); ` +
      `Node compute ${ms(r.compute.weeklyMs)} ms = ${(r.compute.weeklyMs / r.compute.barePassMs).toFixed(1)}× the bare pass (${ms(r.compute.barePassMs)} ms), of which parsing ${ms(r.compute.parseMs)} ms and the three reports + mail ${ms(r.compute.weeklyFiguresMs)} ms.`);
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

export function costNotes(): string {
  return Object.values(COSTS).map((c) => `- ${c.what}: ${c.ms} ms — ${c.source}`).join('\n');
}

export function machineLine(m: Machine): string {
  return `Machine: ${m.os}; ${m.cpus}; ${m.memoryGb} GB; Node ${m.node}`;
}
