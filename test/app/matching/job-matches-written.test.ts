import type { Cell } from '../../../src/domain/cell';
import { readCandidateIndex } from '../../../src/app/matching/candidate-index';
import { dayTables, desk, ok, TODAY } from '../day-fixture';

// Found by the attack on the index's 仕事 column (h-attack): a write of マッチング patched the job's
// cell by マッチングID and 会員ID, the k-th row written of a pair taken for the k-th held. A row
// copied by hand below another (the same マッチングID, a new 状態: how a person "adds" a match in a
// hurry) holds the pair twice; a status change of the second row then replaced the first in the
// cell, and the list showed the member with the old status until the night's rebuild. The writes
// now give the job's rows as they read them (all found by 仕事ID), in their order.
describe('the job\'s matches the index keeps after a write', () => {
  it('equal マッチング\'s rows of the job when a row was copied by hand with the same マッチングID', () => {
    const d = (date: string): Cell => ({ date });
    const tables = dayTables().map((t) => (t.name !== 'マッチング' ? t : {
      ...t, rows: [
        ['MT000001', 'J003', 'M001', '請負', '辞退', d('2025-06-01'), null, null, 'tanaka@example.jp', null, '', ''],
        ['MT000002', 'J001', 'M002', '請負', '提案', d('2025-06-02'), null, null, 'tanaka@example.jp', null, '', ''],
        ['MT000001', 'J003', 'M001', '請負', '提案', d('2025-06-05'), null, null, 'tanaka@example.jp', null, '', ''],
      ],
    }));
    const desk1 = desk(tables);
    ok(desk1.api().listCandidates('J003'));
    ok(desk1.api().changeMatchStatus({ action: 'interview', job_id: 'J003', member_id: 'M001' }));
    const rows = desk1.rows('マッチング').filter((r) => r[1] === 'J003').map((r) => r[4]);
    expect(rows).toEqual(['辞退', '面接']);
    const index = readCandidateIndex(desk1.store, TODAY);
    if (!index.ok) throw new Error('no index');
    expect(index.jobMatches('J003')?.map((m) => m.status)).toEqual(['declined', 'interview']);
    const list = ok(desk1.api().listCandidates('J003'));
    expect(list.candidates.find((c) => c.member_id === 'M001')?.match ?? null).toMatchObject({ status: 'interview' });
  });

  it('equal マッチング\'s rows of the job when a member with such a copied row leaves', () => {
    const d = (date: string): Cell => ({ date });
    const tables = dayTables().map((t) => (t.name !== 'マッチング' ? t : {
      ...t, rows: [
        ['MT000001', 'J001', 'M001', '請負', '終了', d('2025-04-25'), d('2025-05-01'), d('2025-05-31'), 'tanaka@example.jp', null, '', '月AM'],
        ['MT000001', 'J001', 'M001', '請負', '成立', d('2025-05-30'), d('2025-06-02'), null, 'tanaka@example.jp', null, '', '月AM'],
      ],
    }));
    const desk1 = desk(tables);
    ok(desk1.api().listCandidates('J001'));
    ok(desk1.api().leaveMember({ member_id: 'M001', date: TODAY, reason: 'health' }));
    const rows = desk1.rows('マッチング').map((r) => r[4]);
    expect(rows).toEqual(['終了', '終了']);
    const index = readCandidateIndex(desk1.store, TODAY);
    if (!index.ok) throw new Error('no index');
    // The place the leaver held is free: no 成立 left in the job's matches.
    expect(index.jobMatches('J001')?.map((m) => m.status)).toEqual(['ended', 'ended']);
  });
});
