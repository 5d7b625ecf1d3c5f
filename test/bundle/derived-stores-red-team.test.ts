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
    expect(first.calls.cellsWritten).toBe(2); // 会員数 and 索引 of her bucket (a rebuild writes 1,026 × 4)
    expect(first.calls.cellsRead).toBeLessThan(1026 * 4 + 200);
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
    // Their buckets' 会員数 and 索引 only (a rebuild writes 1,026 × 4 cells).
    expect(first.calls.cellsWritten).toBeLessThanOrEqual(4);
    // The same cell pasted over: no oldValue, so whose row it was is unknown — a full rebuild.
    const pasted = editEvent(sheet, 2, column(sheet, '会員ID'), [['M102']], edit, 'pasted');
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

// Found the same way: 継続支援's stored list (_継続支援) was kept by the add-in's own writes and
// rebuilt nightly, so a 退会日 typed into 会員 or a contact typed into 活動記録 left the panel wrong
// until the night or 作り直す. The on-edit trigger now records the members an edit named for the
// list too (follow-ups/follow-hand-edits.ts): the next listFollowUps re-counts them alone.
describe('継続支援\'s stored list after a person edits the tabs by hand', () => {
  type Listed = { ok: boolean; data?: { items: { member_id: string }[] } };
  const listed = (r: unknown): string[] => ((r as Listed).data?.items ?? []).map((i) => i.member_id).sort();

  test('a 退会日 typed into 会員 (the trigger fired twice) takes the member off at the next listing, re-counted alone', () => {
    const { bundle, ss, call } = world();
    bundle.fakes!.actAs(MANAGER);
    const edit = installTrigger(bundle, 'onDeskEdit', 'edit');
    bundle.fakes!.actAs(COORDINATOR);
    // The list made (the nightly run would have): M002, joined 2021 and never matched, is waiting.
    expect(listed(call('listFollowUps'))).toContain('M002');
    const steady = bundle.log.measure(() => call('listFollowUps'));
    const sheet = ss.getSheetByName('会員')!;
    const e = editEvent(sheet, 3, column(sheet, '退会日'), [['2025-06-01']], edit);
    bundle.fakes!.actAs(MANAGER);
    expect(bundle.call('onDeskEdit', e)).toMatchObject({ followUpsTouched: { members: ['M002'], jobs: [] } });
    expect(bundle.call('onDeskEdit', e)).toMatchObject({ followUpsTouched: { members: ['M002'], jobs: [] } });
    bundle.fakes!.actAs(COORDINATOR);
    const first = bundle.log.measure(() => call('listFollowUps'));
    expect(listed(first.result)).not.toContain('M002');
    // Her row of the list found and blanked (one setValues of 13 cells), her rows read by key;
    // 会員, マッチング and 活動記録 never read whole (a rebuild reads them by column and replaces the tab).
    expect(first.calls.byMethod['Range.setValues'] ?? 0).toBe(1);
    expect(first.calls.cellsWritten).toBe(13);
    // eslint-disable-next-line no-console
    console.log(`listFollowUps after one member's hand edit: ${first.calls.roundTrips} round trips, ${first.calls.cellsRead} cells read (steady ${steady.calls.roundTrips}, ${steady.calls.cellsRead})`);
    // 15 round trips, 162 cells: the steady listing's 5 and 130, plus the lock, a second
    // getProperties under it, M002's row of the list found and read (13 cells) and blanked, her 会員
    // row (19) and her マッチング rows found by key (none), the touched list deleted. Her 活動記録
    // rows are not searched: she has left and has no placement at a milestone, so no contact of
    // hers can make her due (dueNothingWhateverContacts).
    // Before, the listing read the list alone and showed M002, wrongly, until the night; a rebuild
    // (作り直す) reads 会員, 仕事, マッチング and 活動記録 by column: 875,086 cells at 50,000 members.
    expect([first.calls.roundTrips, first.calls.cellsRead]).toEqual([15, 162]);
    // The list deleted: the next listing reads the list alone again, and writes nothing.
    const again = bundle.log.measure(() => call('listFollowUps'));
    expect(listed(again.result)).toEqual(listed(first.result));
    expect(again.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    // (Her blanked row stays until the nightly rebuild compacts the tab: the same cells as before.)
    expect(again.calls.cellsRead).toBe(steady.calls.cellsRead);
    expect(again.calls.roundTrips).toBeLessThanOrEqual(steady.calls.roundTrips);
    // What a rebuild finds now.
    expect(listed(call('rebuildFollowUps'))).toEqual(listed(first.result));
  });

  test('a contact typed into the row below the last, cell by cell, its 会員ID last: the next listing re-counts M002 alone, no rebuild', () => {
    const { bundle, ss, call } = world();
    bundle.fakes!.actAs(MANAGER);
    const edit = installTrigger(bundle, 'onDeskEdit', 'edit');
    bundle.fakes!.actAs(COORDINATOR);
    expect(listed(call('listFollowUps'))).toContain('M002');
    const log = ss.getSheetByName('活動記録')!;
    const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0]!.map(String);
    const at = log.getLastRow() + 1;
    const cells: [string, string][] = [['活動ID', 'A9001'], ['日付', '2025-06-10'], ['分野', '募集・支援'], ['種別', '電話'], ['会員ID', 'M002']];
    bundle.fakes!.actAs(MANAGER);
    const fired = cells.map(([h, v]) => {
      // Each cell typed is an edit of its own: Sheets gives its value and no oldValue (it was blank).
      const e = editEvent(log, at, header.indexOf(h) + 1, [[v]], edit);
      expect(e).toMatchObject({ value: v });
      expect(e).not.toHaveProperty('oldValue');
      return bundle.call('onDeskEdit', e) as Record<string, unknown>;
    });
    // Every cell before the 会員ID read a blank ID: no one named, nothing stamped (the 分野 and 種別
    // cells, and 活動ID, are not even the list's columns). The 会員ID typed last names M002 — the
    // rule for a blank ID cell typed (index-hand-edits.ts): before it, a full rebuild.
    for (const f of fired.slice(0, -1)) {
      expect(f).not.toHaveProperty('followUpsStamped');
      expect(f).not.toHaveProperty('followUpsTouched');
    }
    expect(fired.at(-1)).toMatchObject({ followUpsTouched: { members: ['M002'], jobs: [] } });
    expect(fired.at(-1)).not.toHaveProperty('followUpsStamped');
    bundle.fakes!.actAs(COORDINATOR);
    const first = bundle.log.measure(() => call('listFollowUps'));
    expect(listed(first.result)).not.toContain('M002');
    expect(listed(first.result)).toEqual(listed(call('rebuildFollowUps')));
    // The same row pasted whole (the test below): a full rebuild, for comparison.
    // eslint-disable-next-line no-console
    console.log(`listFollowUps after a contact typed into a new row of 活動記録: ${first.calls.roundTrips} round trips, ${first.calls.cellsRead} cells read, ${first.calls.cellsWritten} written`);
    // Her row of the list found and blanked (13 cells), her rows read by key: the one-member
    // re-count of a hand edit — the 退会日 above, 16 round trips and 162 cells, plus her new row of
    // 活動記録 found by key and read (she had none there) — where it rebuilt the list before (the
    // whole row pasted, below: every row of 会員, 仕事, マッチング and 活動記録 read by column and
    // the list rewritten; 875,086 cells read at 50,000 members).
    expect(first.calls.cellsWritten).toBe(13);
    expect([first.calls.roundTrips, first.calls.cellsRead]).toEqual([19, 188]);
  });

  test('a row typed into 活動記録 (its 会員ID among the cells: no oldValue) rebuilds the list; its 日付 typed over re-counts the member', () => {
    const { bundle, ss, call } = world();
    bundle.fakes!.actAs(MANAGER);
    const edit = installTrigger(bundle, 'onDeskEdit', 'edit');
    bundle.fakes!.actAs(COORDINATOR);
    const before = listed(call('listFollowUps'));
    expect(before).toContain('M002');
    const log = ss.getSheetByName('活動記録')!;
    const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0]!.map(String);
    const typed: Record<string, string> = { 活動ID: 'A9001', 日付: '2025-06-10', 分野: '募集・支援', 種別: '電話', 会員ID: 'M002' };
    const at = log.getLastRow() + 1;
    // A whole row pasted: Sheets says nothing of what its 会員ID cell held, so whose contact it
    // replaced is not known: the list is stamped for a rebuild, which finds M002 contacted.
    const pasted = editEvent(log, at, 1, [header.map((h) => typed[h] ?? '')], edit);
    bundle.fakes!.actAs(MANAGER);
    expect(bundle.call('onDeskEdit', pasted)).toMatchObject({ totalsStamped: true, followUpsStamped: true });
    bundle.fakes!.actAs(COORDINATOR);
    const rebuilt = bundle.log.measure(() => call('listFollowUps'));
    expect(listed(rebuilt.result)).toEqual(before.filter((m) => m !== 'M002'));
    // eslint-disable-next-line no-console
    console.log(`listFollowUps after a row pasted into 活動記録 (rebuilt): ${rebuilt.calls.roundTrips} round trips, ${rebuilt.calls.cellsRead} cells read, ${rebuilt.calls.cellsWritten} written`);
    // Rebuilt once: the stamp is the one it saw, the next listing reads the list alone.
    const again = bundle.log.measure(() => call('listFollowUps'));
    expect(again.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    expect(again.calls.byMethod['Properties.getProperties'] ?? 0).toBe(1);
    // The contact's 日付 typed over to a year ago: the row names M002, re-counted alone — waiting again.
    const dated = editEvent(log, at, header.indexOf('日付') + 1, [['2024-06-10']], edit);
    bundle.fakes!.actAs(MANAGER);
    expect(bundle.call('onDeskEdit', dated)).toMatchObject({ followUpsTouched: { members: ['M002'], jobs: [] } });
    bundle.fakes!.actAs(COORDINATOR);
    const after = listed(call('listFollowUps'));
    expect(after).toContain('M002');
    expect(after).toEqual(listed(call('rebuildFollowUps')));
  });
});

// The member picker's keys (_会員検索) were stamped stale by every hand edit of 会員, so the next
// search after a 電話 or 地区 typed rebuilt them (会員's four key columns read whole, the tab
// rewritten). An edit of none of the keys' columns, in a row the last rebuild keyed, now leaves
// them as they are; the keys' own columns, and a row typed below the last, still stamp.
describe('the member picker\'s keys after a person edits 会員 by hand', () => {
  type Found = { ok: boolean; data?: { members: { id: string }[] } };
  const found = (r: unknown): string[] => ((r as Found).data?.members ?? []).map((m) => m.id).sort();

  test('a 地区 typed leaves the keys: the next search reads no column of 会員; a フリガナ typed, or a row typed below the last, stamps them', () => {
    const { bundle, ss, call } = world();
    bundle.fakes!.actAs(MANAGER);
    const edit = installTrigger(bundle, 'onDeskEdit', 'edit');
    bundle.fakes!.actAs(COORDINATOR);
    const built = found(call('searchMembers', 'いのうえ'));
    expect(built).toContain('M002');
    const sheet = ss.getSheetByName('会員')!;
    const fire = (e: Record<string, unknown>): Record<string, unknown> => {
      bundle.fakes!.actAs(MANAGER);
      const r = bundle.call('onDeskEdit', e) as Record<string, unknown>;
      bundle.fakes!.actAs(COORDINATOR);
      return r;
    };
    const district = fire(editEvent(sheet, 3, column(sheet, '地区'), [['豊四季']], edit));
    expect(district).not.toHaveProperty('searchStamped');
    const after = bundle.log.measure(() => call('searchMembers', 'いのうえ'));
    expect(found(after.result)).toEqual(built);
    // No rebuild: nothing written, and 会員 read only at the rows found (a rebuild reads its four
    // key columns down to the last row).
    expect(after.calls.cellsWritten).toBe(0);
    expect(after.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    // Her フリガナ typed: her key changes, the keys are stamped and the next search finds her by it.
    expect(fire(editEvent(sheet, 3, column(sheet, 'フリガナ'), [['イノウエ カズエ']], edit))).toMatchObject({ searchStamped: true });
    expect(found(call('searchMembers', 'かずえ'))).toEqual(['M002']);
    // A row typed below the last, 地区 first (no key yet: the rebuild keys it), then its 会員ID and
    // フリガナ: stamped from the first cell, and the search finds the new member.
    const at = sheet.getLastRow() + 1;
    expect(fire(editEvent(sheet, at, column(sheet, '地区'), [['柏']], edit))).toMatchObject({ searchStamped: true });
    fire(editEvent(sheet, at, column(sheet, 'フリガナ'), [['テニュウリョク ハナ']], edit));
    fire(editEvent(sheet, at, column(sheet, '会員ID'), [['M777']], edit));
    expect(found(call('searchMembers', 'てにゅうりょく'))).toEqual(['M777']);
  });
});
