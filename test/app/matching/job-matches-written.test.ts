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

  it('a hand edit of a job whose bucket holds more matches than a cell re-packs without a rebuild, the job read by key', () => {
    const d = (date: string): Cell => ({ date });
    // 1,500 declined proposals of J003: its bucket's 仕事 cell cannot hold them (job-matches.ts).
    const many: Cell[][] = Array.from({ length: 1500 }, (_, i) => [
      `MT${String(i + 1).padStart(6, '0')}`, 'J003', `M9${String(i).padStart(5, '0')}`, '請負', '辞退', d('2024-01-10'), null, null, '', null, '', '',
    ]);
    const tables = dayTables().map((t) => (t.name !== 'マッチング' ? t : {
      ...t, rows: [...many, ['MT009999', 'J003', 'M001', '請負', '辞退', d('2025-06-01'), null, null, 'tanaka@example.jp', null, '', '']],
    }));
    const desk1 = desk(tables);
    ok(desk1.api().listCandidates('J003'));
    // A person types M001's 状態 back to 提案; the on-edit trigger lists her and J003 (index-hand-edits.ts).
    const raw = desk1.store.read(['マッチング']);
    if (!raw) throw new Error('no マッチング');
    const state = raw.header.indexOf('状態');
    desk1.store.replace('マッチング', raw.header.map(String), raw.rows.map((r) => (r[0] === 'MT009999' ? r.map((c, k) => (k === state ? '提案' : c)) : [...r])));
    desk1.props.set('ikigai.candidateIndex.touched', JSON.stringify({ m: ['M001'], j: ['J003'] }));
    // M002's 地区 changed where no trigger saw it: only a rebuild of the tab would pick it up.
    const members = desk1.store.read(['会員']);
    if (!members) throw new Error('no 会員');
    const district = members.header.indexOf('地区');
    desk1.store.replace('会員', members.header.map(String), members.rows.map((r) => (r[0] === 'M002' ? r.map((c, k) => (k === district ? '松戸' : c)) : [...r])));
    const list = ok(desk1.api().listCandidates('J003'));
    expect(list.candidates.find((c) => c.member_id === 'M001')?.match ?? null).toMatchObject({ status: 'proposed' });
    expect(list.matches).toHaveLength(1501);
    // Re-packed from the rows found by key: the tab not rebuilt (20 s at 50,000 members).
    const index = readCandidateIndex(desk1.store, TODAY);
    if (!index.ok) throw new Error('no index');
    expect(index.entries.find((e) => e.member.member_id === 'M002')?.member.district).toBe('柏');
    expect(desk1.props.get('ikigai.candidateIndex.touched')).toBeNull();
  });
});
