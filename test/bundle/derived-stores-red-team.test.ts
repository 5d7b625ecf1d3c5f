import { jsonRoundTrip, type LoadedBundle } from './harness';
import { changeEvent, editEvent, installTrigger } from './trigger-events';
import { loadDayBundle } from './day-bundle';
import { COORDINATOR, MANAGER } from '../app/sidebar/sidebar-fixture';
import { bucketOf } from '../../src/domain/matching/member-index';

// Red team of the add-in's derived stores (issue 15): what a person does by hand to the center's
// tabs, or to the add-in's own hidden tabs, must not leave a ranking silently wrong.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Reply = { ok: boolean; code?: string; data?: { candidates: { member_id: string }[] } };

function world(): { bundle: LoadedBundle; ss: GSpreadsheet; call: (name: string, ...args: unknown[]) => Reply } {
  const bundle = loadDayBundle();
  const ss = bundle.fakes!.spreadsheet;
  const call = (name: string, ...args: unknown[]): Reply => jsonRoundTrip(bundle.call(name, ...jsonRoundTrip(args))) as Reply;
  return { bundle, ss, call };
}

const ids = (r: Reply): string[] => (r.data?.candidates ?? []).map((c) => c.member_id).sort();

function column(sheet: GoogleAppsScript.Spreadsheet.Sheet, name: string): number {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String).indexOf(name) + 1;
}

// Found by this red team: the index was kept by the add-in's own writes and rebuilt nightly, so a
// 退会日 or 地区 typed into 会員 (or a member's row deleted) left the ranking wrong, silently, until
// the next night (two nights when one was missed). The on-edit and on-change triggers setup
// installs now stamp it, and the next ranking rebuilds it first.
describe('the candidate index after a person edits 会員 by hand', () => {
  test('a 退会日 typed into 会員 takes the member out of the next ranking', () => {
    const { bundle, ss, call } = world();
    bundle.fakes!.actAs(MANAGER);
    const edit = installTrigger(bundle, 'onDeskEdit', 'edit');
    bundle.fakes!.actAs(COORDINATOR);
    expect(ids(call('listCandidates', 'J003'))).toContain('M001');
    const sheet = ss.getSheetByName('会員')!;
    // M001's row: the person types a 退会日; Sheets runs the manager's on-edit trigger.
    const e = editEvent(sheet, 2, column(sheet, '退会日'), [['2025-06-01']], edit);
    bundle.fakes!.actAs(MANAGER);
    // The trigger names the row's member (index-hand-edits.ts); fired twice, it records her once.
    expect(bundle.call('onDeskEdit', e)).toMatchObject({ indexTouched: { members: ['M001'], jobs: [] } });
    expect(bundle.call('onDeskEdit', e)).toMatchObject({ indexTouched: { members: ['M001'], jobs: [] } });
    bundle.fakes!.actAs(COORDINATOR);
    const first = bundle.log.measure(() => call('listCandidates', 'J003'));
    const after = first.result;
    expect(after.ok).toBe(true);
    expect(ids(after)).not.toContain('M001');
    // Only M001's bucket re-packed from her rows found by key: one bucket written, 会員 never read
    // whole (a rebuild reads its 14 columns down to the last row, and writes the tab).
    expect(first.calls.byMethod['Range.setValues'] ?? 0).toBe(1);
    expect(first.calls.cellsWritten).toBe(2); // 会員数 and 索引 of her bucket (a rebuild writes 1,026 × 3)
    expect(first.calls.cellsRead).toBeLessThan(1026 * 3 + 200);
    // Rebuilt once: the next ranking reads the index as it is (no rebuild, nothing written).
    const again = bundle.log.measure(() => call('listCandidates', 'J003'));
    expect(ids(again.result)).toEqual(ids(after));
    expect(again.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
  });

  test('M001\'s 会員ID typed over (Sheets gives the old value): both IDs re-packed, no rebuild; a pasted ID rebuilds', () => {
    const { bundle, ss, call } = world();
    bundle.fakes!.actAs(MANAGER);
    const edit = installTrigger(bundle, 'onDeskEdit', 'edit');
    bundle.fakes!.actAs(COORDINATOR);
    expect(ids(call('listCandidates', 'J003'))).toContain('M001');
    const sheet = ss.getSheetByName('会員')!;
    const e = editEvent(sheet, 2, column(sheet, '会員ID'), [['M101']], edit);
    bundle.fakes!.actAs(MANAGER);
    expect(bundle.call('onDeskEdit', e)).toMatchObject({ indexTouched: { members: ['M101', 'M001'], jobs: [] } });
    bundle.fakes!.actAs(COORDINATOR);
    const first = bundle.log.measure(() => call('listCandidates', 'J003'));
    expect(ids(first.result)).toContain('M101');
    expect(ids(first.result)).not.toContain('M001');
    // Their buckets' 会員数 and 索引 only (a rebuild writes 1,026 × 3 cells).
    expect(first.calls.cellsWritten).toBeLessThanOrEqual(4);
    // The same cell pasted over: no oldValue, so whose row it was is unknown — a full rebuild.
    const pasted = editEvent(sheet, 2, column(sheet, '会員ID'), [['M102']], edit);
    delete pasted.oldValue;
    bundle.fakes!.actAs(MANAGER);
    expect(bundle.call('onDeskEdit', pasted)).toMatchObject({ indexStamped: true });
    bundle.fakes!.actAs(COORDINATOR);
    const after = ids(call('listCandidates', 'J003'));
    expect(after).toContain('M102');
    expect(after).not.toContain('M101');
  });

  test('a member\'s row deleted from 会員 leaves the ranking after the change trigger', () => {
    const { bundle, ss, call } = world();
    bundle.fakes!.actAs(MANAGER);
    const change = installTrigger(bundle, 'onDeskChange', 'change');
    bundle.fakes!.actAs(COORDINATOR);
    expect(ids(call('listCandidates', 'J003'))).toContain('M001');
    ss.getSheetByName('会員')!.deleteRow(2);
    bundle.fakes!.actAs(MANAGER);
    expect(bundle.call('onDeskChange', changeEvent(ss, 'REMOVE_ROW', change))).toMatchObject({ indexStamped: true });
    bundle.fakes!.actAs(COORDINATOR);
    expect(ids(call('listCandidates', 'J003'))).not.toContain('M001');
  });
});

// The index's own tab, unhidden and typed into with JSON that still reads (a bucket pasted over
// another): the reader cannot tell it from the add-in's, so the on-edit trigger stamps it too.
describe('the candidate index typed into by hand', () => {
  test('a bucket pasted over M001\'s: the next ranking rebuilds and M001 is back', () => {
    const { bundle, ss, call } = world();
    bundle.fakes!.actAs(MANAGER);
    const edit = installTrigger(bundle, 'onDeskEdit', 'edit');
    bundle.fakes!.actAs(COORDINATOR);
    expect(ids(call('listCandidates', 'J003'))).toContain('M001');
    const index = ss.getSheetByName('_候補索引')!;
    const own = bucketOf('M001') + 3; // header, stamp, then bucket 0 …
    const empty = index.getRange(3, 1, 1024, 3).getValues().findIndex((r) => Number(r[1]) === 0) + 3;
    const e = editEvent(index, own, 2, [index.getRange(empty, 2, 1, 2).getValues()[0]!], edit);
    expect(ids(call('listCandidates', 'J003'))).not.toContain('M001'); // what the tab now says
    bundle.fakes!.actAs(MANAGER);
    expect(bundle.call('onDeskEdit', e)).toMatchObject({ indexStamped: true });
    bundle.fakes!.actAs(COORDINATOR);
    expect(ids(call('listCandidates', 'J003'))).toContain('M001');
  });
});
