import { desk, ok, type Desk } from '../day-fixture';
import { jobCapacity } from '../../../src/domain/jobs/capacity';
import { parseTable } from '../../../src/domain/parse/parse-table';
import { JOBS_TAB, MATCHES_TAB } from '../../../src/domain/schema/tabs';
import { INDEX_TOUCHED_PROPERTY } from '../../../src/app/matching/index-hand-edits';
import { INDEXED_PLACES_FROM } from '../../../src/app/matching/job-places';
import type { Cell } from '../../../src/domain/cell';

// setJobStatus takes a job's places from the candidate index's 仕事 cell when マッチング holds
// INDEXED_PLACES_FROM or more rows of the job and the index can be trusted as a ranking trusts it
// (candidate-index.ts indexedJobMatches). Whatever the index holds, the places answered and the
// status set on 再開 are those マッチング gives: a row the index does not hold (typed by hand, no
// trigger run) or a job a hand edit named is counted from マッチング itself.

const d = (date: string): Cell => ({ date });

/** J003 (月AM,水AM,金AM ×2): three placements and a proposal, rows of マッチング as typed. */
function withPlacements(): Desk {
  const desk_ = desk();
  const raw = desk_.store.read(['マッチング']);
  const header = raw?.header ?? [];
  const row = (id: string, member: string, status: string, slots: string): Cell[] => header.map((h) => ({
    マッチングID: id, 仕事ID: 'J003', 会員ID: member, 契約形態: '請負', 状態: status, 提案日: d('2025-06-01'),
    成立日: status === '成立' ? d('2025-06-02') : null, 担当: 'coordinator@example.jp', 担当枠: slots,
  } as Record<string, Cell>)[h] ?? null);
  const rows = [row('X901', 'M001', '成立', '月AM'), row('X902', 'M002', '成立', '月AM'), row('X903', 'M003', '成立', '水AM'), row('X904', 'M004', '提案', '')];
  desk_.store.appendCells('マッチング', { columns: header.map((_, i) => i), rows });
  // The candidate index made (the first ranking of the day builds it from the tabs).
  ok(desk_.api().listCandidates('J003'));
  return desk_;
}

/** J003's fill as マッチング gives it. */
function fromTabs(desk_: Desk): { places_left: number; open_slots: readonly string[] } {
  const jobs = parseTable(JOBS_TAB, desk_.store.read(['仕事']) ?? { name: '仕事', header: [], rows: [] }).records;
  const matches = parseTable(MATCHES_TAB, desk_.store.read(['マッチング']) ?? { name: 'マッチング', header: [], rows: [] }).records;
  const job = jobs.find((j) => j.job_id === 'J003');
  if (!job) throw new Error('no J003');
  const c = jobCapacity(job, matches, '2025-06-11');
  return { places_left: c.places_left, open_slots: c.open };
}

describe('setJobStatus: the job\'s places', () => {
  it('needs rows enough for the index to pay', () => {
    expect(INDEXED_PLACES_FROM).toBeGreaterThanOrEqual(3);
  });

  it('from the index, as マッチング gives them', () => {
    const desk_ = withPlacements();
    const out = ok(desk_.api().setJobStatus({ job_id: 'J003', status: 'closed' }));
    expect({ places_left: out.job.places_left, open_slots: out.job.open_slots }).toEqual(fromTabs(desk_));
    expect(out.job.open_slots).toEqual(['Mon-AM', 'Wed-AM', 'Fri-AM'].filter((s) => s !== 'Mon-AM'));
  });

  it('a placement typed into マッチング by hand, no trigger run: counted (the index holds one row fewer)', () => {
    const desk_ = withPlacements();
    const header = desk_.store.read(['マッチング'])?.header ?? [];
    const typed = header.map((h) => ({ マッチングID: 'X905', 仕事ID: 'J003', 会員ID: 'M005', 契約形態: '請負', 状態: '成立', 成立日: d('2025-06-03'), 担当枠: '水AM' } as Record<string, Cell>)[h] ?? null);
    desk_.store.appendCells('マッチング', { columns: header.map((_, i) => i), rows: [typed] });
    const out = ok(desk_.api().setJobStatus({ job_id: 'J003', status: 'open' }));
    expect({ places_left: out.job.places_left, open_slots: out.job.open_slots }).toEqual(fromTabs(desk_));
    expect(out.job.open_slots).toEqual(['Fri-AM']);
  });

  it('a job a hand edit named (the touched list): counted from マッチング', () => {
    const desk_ = withPlacements();
    // A placement's 状態 typed over (成立 → 辞退) and the on-edit trigger's note of the job.
    const raw = desk_.store.read(['マッチング']);
    const at = (raw?.rows ?? []).findIndex((r) => r[0] === 'X903');
    desk_.store.writeCells('マッチング', at + 2, { columns: [(raw?.header ?? []).indexOf('状態')], rows: [['辞退']] });
    desk_.props.set(INDEX_TOUCHED_PROPERTY, JSON.stringify({ m: [], j: ['J003'] }));
    const out = ok(desk_.api().setJobStatus({ job_id: 'J003', status: 'closed' }));
    expect({ places_left: out.job.places_left, open_slots: out.job.open_slots }).toEqual(fromTabs(desk_));
    expect(out.job.open_slots).toContain('Wed-AM');
  });
});
