import { columnLetter } from '../cell';
import type { Problem } from '../messages/problem';
import type { ParsedTable } from '../parse/parse-table';
import type { Job, WorkRecord } from '../schema/tabs';
import { payClassOf } from './row-pay';

// A work row whose job has no 単価, and which has no 金額 of its own, pays 0 (issue 13): one
// problem per such job, at its 単価 cell (仕事!cell; the ID cell when the tab has no 単価 column),
// naming how many rows it leaves at 0 and the first of them. A job without 単価 and without work
// rows is no problem, nor is a 職業紹介 job (the employer pays; its rows are only counted).

function cellOf(table: ParsedTable<unknown>, key: string, i: number): string {
  const at = table.columnIndex.get(key) ?? -1;
  return at < 0 ? '' : `${columnLetter(at)}${table.rowNumbers[i] ?? ''}`;
}

export function unpricedWorkProblems(workLog: ParsedTable<WorkRecord> | undefined, jobs: ParsedTable<Job> | undefined): Problem[] {
  if (!workLog || !jobs || workLog.records.length === 0) return [];
  const unpriced = new Map<string, number>();
  jobs.records.forEach((j, i) => {
    if (j.unit_price === null && payClassOf(j.engagement) !== 'counted') unpriced.set(j.job_id, i);
  });
  if (unpriced.size === 0) return [];
  const hits = new Map<string, { rows: number; first: string }>();
  workLog.records.forEach((r, i) => {
    if (r.amount !== null || !unpriced.has(r.job_id)) return;
    const hit = hits.get(r.job_id);
    if (hit) hit.rows++;
    else hits.set(r.job_id, { rows: 1, first: `${workLog.tab}!${cellOf(workLog, 'job_id', i)}` });
  });
  const problems: Problem[] = [];
  for (const [jobId, hit] of hits) {
    const i = unpriced.get(jobId) ?? 0;
    const cell = cellOf(jobs, 'unit_price', i) || cellOf(jobs, 'job_id', i);
    problems.push({ tab: jobs.tab, cell, code: 'unpriced_work', params: { job: jobId, rows: hit.rows, first: hit.first } });
  }
  return problems;
}
