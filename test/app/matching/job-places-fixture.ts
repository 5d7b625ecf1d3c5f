import { desk, ok, type Desk } from '../day-fixture';
import { jobCapacity } from '../../../src/domain/jobs/capacity';
import { parseTable } from '../../../src/domain/parse/parse-table';
import { JOBS_TAB, MATCHES_TAB } from '../../../src/domain/schema/tabs';
import type { Cell } from '../../../src/domain/cell';

// The desk both tests of a job's places from the candidate index start from (setJobStatus and
// the job picker's search: job-places.ts readJobsPlaces), and the places マッチング itself gives.

const d = (date: string): Cell => ({ date });

/** J003 (食堂の配膳, 月AM,水AM,金AM ×2): three placements and a proposal, rows of マッチング as typed,
 *  then the candidate index made (the first ranking of the day builds it from the tabs). */
export function withPlacements(): Desk {
  const desk_ = desk();
  const header = desk_.store.read(['マッチング'])?.header ?? [];
  const row = (id: string, member: string, status: string, slots: string): Cell[] => header.map((h) => ({
    マッチングID: id, 仕事ID: 'J003', 会員ID: member, 契約形態: '請負', 状態: status, 提案日: d('2025-06-01'),
    成立日: status === '成立' ? d('2025-06-02') : null, 担当: 'coordinator@example.jp', 担当枠: slots,
  } as Record<string, Cell>)[h] ?? null);
  const rows = [row('X901', 'M001', '成立', '月AM'), row('X902', 'M002', '成立', '月AM'), row('X903', 'M003', '成立', '水AM'), row('X904', 'M004', '提案', '')];
  desk_.store.appendCells('マッチング', { columns: header.map((_, i) => i), rows });
  ok(desk_.api().listCandidates('J003'));
  return desk_;
}

/** J003's fill as マッチング gives it. */
export function fromTabs(desk_: Desk): { places_left: number; open_slots: readonly string[] } {
  const jobs = parseTable(JOBS_TAB, desk_.store.read(['仕事']) ?? { name: '仕事', header: [], rows: [] }).records;
  const matches = parseTable(MATCHES_TAB, desk_.store.read(['マッチング']) ?? { name: 'マッチング', header: [], rows: [] }).records;
  const job = jobs.find((j) => j.job_id === 'J003');
  if (!job) throw new Error('no J003');
  const c = jobCapacity(job, matches, '2025-06-11');
  return { places_left: c.places_left, open_slots: c.open };
}
