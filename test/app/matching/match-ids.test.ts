import type { Cell } from '../../../src/domain/cell';
import { readMatchRowsAndIds } from '../../../src/app/matching/job-fill';
import { desk, ok } from '../day-fixture';

// A new match's ID comes from the counter and is looked for in the same search of マッチング that
// finds the job's and the member's rows (job-fill.ts readMatchRowsAndIds): free, it needs no
// search of its own. A row typed by hand holding that ID must neither be given the ID twice nor
// count as the job's or the member's match.

function typeMatch(d: ReturnType<typeof desk>, cells: Record<string, Cell>): void {
  const header = d.store.read(['マッチング'])?.header ?? [];
  const at = Object.entries(cells).map(([h, v]) => ({ col: header.indexOf(h), v }));
  expect(at.every((c) => c.col >= 0)).toBe(true);
  d.store.appendCells('マッチング', { columns: at.map((c) => c.col), rows: [at.map((c) => c.v)] });
}

describe('new match IDs checked free in the first search of マッチング', () => {
  it('skips the counter\'s next ID when a row typed by hand holds it, and leaves that row out of the job\'s places', () => {
    const d = desk();
    const api = d.api();
    const first = ok(api.changeMatchStatus({ action: 'propose', job_id: 'J001', member_id: 'M001' }));
    const n = Number(first.match_id.slice(1));
    const next = `X${String(n + 1).padStart(6, '0')}`;
    // Someone types the counter's next ID into マッチング for another job and member, 成立.
    typeMatch(d, { マッチングID: next, 仕事ID: 'J003', 会員ID: 'M009', 契約形態: '請負', 状態: '成立', 成立日: '2025-06-01' });
    const placed = ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003' }));
    expect(placed.match_id).not.toBe(next);
    expect(Number(placed.match_id.slice(1))).toBeGreaterThan(n + 1);
    // J002 (one place) counts only M003's placement, not the typed row of J003.
    expect(placed.job).toMatchObject({ status: 'filled', places_left: 0 });
    expect(d.rows('マッチング').filter((r) => r[0] === next)).toHaveLength(1);
  });

  it('a team proposal numbers around a typed row too, and the IDs it gives are free and distinct', () => {
    const d = desk();
    const api = d.api();
    const first = ok(api.changeMatchStatus({ action: 'propose', job_id: 'J001', member_id: 'M001' }));
    const n = Number(first.match_id.slice(1));
    typeMatch(d, { マッチングID: `X${String(n + 2).padStart(6, '0')}`, 仕事ID: 'J002', 会員ID: 'M009', 契約形態: '請負', 状態: '提案' });
    const team = ok(api.proposeTeam({ job_id: 'J003', members: [{ member_id: 'M001', slots: ['Mon-AM'] }, { member_id: 'M008', slots: ['Fri-AM'] }] }));
    const ids = team.proposed.map((p) => p.match_id);
    expect(new Set(ids).size).toBe(2);
    const all = d.rows('マッチング').map((r) => r[0]);
    for (const id of ids) expect(all.filter((x) => x === id)).toHaveLength(1);
    // Without the typed row, the counter's next two would have been used.
    const clean = desk();
    const c1 = ok(clean.api().changeMatchStatus({ action: 'propose', job_id: 'J001', member_id: 'M001' }));
    const cleanTeam = ok(clean.api().proposeTeam({ job_id: 'J003', members: [{ member_id: 'M001', slots: ['Mon-AM'] }, { member_id: 'M008', slots: ['Fri-AM'] }] }));
    const m = Number(c1.match_id.slice(1));
    expect(cleanTeam.proposed.map((p) => p.match_id)).toEqual([m + 1, m + 2].map((k) => `X${String(k).padStart(6, '0')}`));
  });

  it('answers the job\'s and the member\'s rows only, and which of the IDs asked a row holds', () => {
    const d = desk();
    ok(d.api().changeMatchStatus({ action: 'propose', job_id: 'J001', member_id: 'M001' }));
    typeMatch(d, { マッチングID: 'X000777', 仕事ID: 'J003', 会員ID: 'M009', 契約形態: '請負', 状態: '提案' });
    const { matches, taken } = readMatchRowsAndIds(d.store, 'J001', 'M002', ['X000777', 'X000778'], 'ja');
    expect([...taken]).toEqual(['X000777']);
    expect(matches.parsed.records.map((m) => [m.job_id, m.member_id])).toEqual([['J001', 'M001']]);
    expect(matches.parsed.rowNumbers).toEqual([2]);
  });
});
