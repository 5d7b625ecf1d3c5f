import { jsonRoundTrip } from './harness';
import { loadDayBundle } from './day-bundle';

// Found by the attack on the candidate index's 仕事 column (h-attack): a bucket's jobs' matches are
// one cell, and Sheets holds at most 50,000 characters in a cell (the fake refuses more, as Sheets
// does). A job with ~1,300 matches (each ~38 characters packed) took its bucket past it: the
// rebuild threw, so every ranking of every job failed, and a write of マッチング on that job threw
// after its row of マッチング was written (the activity and audit never written). The cell now
// holds a marker the ranking does not read, and those jobs' matches come from マッチング by key.
type Reply = { ok: boolean; code?: string; data?: { matches: { member_id: string; status: string }[]; candidates: { member_id: string; match: unknown }[] } };

describe('the candidate index of a job with more matches than a cell holds', () => {
  test('the ranking and the writes still work, and the list shows every match', () => {
    const bundle = loadDayBundle();
    const ss = bundle.fakes!.spreadsheet;
    const call = (name: string, ...args: unknown[]): Reply => jsonRoundTrip(bundle.call(name, ...jsonRoundTrip(args))) as Reply;
    const sheet = ss.getSheetByName('マッチング')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    // 1,500 declined proposals of J003 to members no longer in 会員 (years of a standing job).
    const rows = Array.from({ length: 1500 }, (_, i) => header.map((h) => ({
      マッチングID: `MT${String(i + 1).padStart(6, '0')}`, 仕事ID: 'J003', 会員ID: `M9${String(i).padStart(5, '0')}`, 契約形態: '請負',
      状態: '辞退', 提案日: '2024-01-10',
    } as Record<string, string>)[h] ?? ''));
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
    sheet.getRange(2, 1, rows.length, header.length).setValues(rows);

    const first = call('listCandidates', 'J003');
    expect(first).toMatchObject({ ok: true });
    expect(first.data?.matches).toHaveLength(1500);
    const index = ss.getSheetByName('_候補索引')!;
    const cells = index.getRange(1, 4, index.getLastRow(), 1).getValues().map((r) => String(r[0]));
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(50_000);

    // A proposal of J003 is written whole, and the next list shows it (from マッチング by key).
    expect(call('changeMatchStatus', { action: 'propose', job_id: 'J003', member_id: 'M001' })).toMatchObject({ ok: true });
    const after = call('listCandidates', 'J003');
    expect(after.data?.matches).toHaveLength(1501);
    expect(after.data?.matches.find((m) => m.member_id === 'M001')?.status).toBe('proposed');
    expect(after.data?.candidates.find((c) => c.member_id === 'M001')?.match).toMatchObject({ status: 'proposed' });
  });
});
