import { jsonRoundTrip } from './harness';
import { changeEvent, editEvent, installTrigger } from './trigger-events';
import { loadDayBundle } from './day-bundle';
import { COORDINATOR, MANAGER } from '../app/sidebar/sidebar-fixture';

type Reply = { ok: boolean; data?: { candidates?: { member_id: string; score?: number }[]; items?: { member_id: string }[] } };
function world() {
  const bundle = loadDayBundle();
  const ss = bundle.fakes!.spreadsheet;
  const call = (name: string, ...args: unknown[]): Reply => jsonRoundTrip(bundle.call(name, ...jsonRoundTrip(args))) as Reply;
  return { bundle, ss, call };
}
const cands = (r: Reply): string => JSON.stringify((r.data?.candidates ?? []));
const items = (r: Reply): string[] => (r.data?.items ?? []).map((i) => i.member_id).sort();

// Red team of the blank-cell rule (95fb2ed): a member's row typed into 会員 below the last, cell by
// cell from the right (its 会員ID among them, typed into a blank cell), with a new ID and with one
// that duplicates M002's: the re-count of that ID alone ranks and lists exactly what a rebuild does.
test.each([['M002'], ['M900']])('a new 会員 row typed by hand with ID %s, cell by cell: re-pack equals a rebuild', (id) => {
  const { bundle, ss, call } = world();
  bundle.fakes!.actAs(MANAGER);
  const edit = installTrigger(bundle, 'onDeskEdit', 'edit');
  const change = installTrigger(bundle, 'onDeskChange', 'change');
  bundle.fakes!.actAs(COORDINATOR);
  call('listCandidates', 'J003'); call('listFollowUps');
  const sheet = ss.getSheetByName('会員')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const src = sheet.getRange(3, 1, 1, header.length).getValues()[0]!;
  const at = sheet.getLastRow() + 1;
  bundle.fakes!.actAs(MANAGER);
  const order = header.map((_, i) => i).reverse();
  for (const c of order) {
    const v = header[c] === '会員ID' ? id : src[c];
    if (v === '' || v === null) continue;
    const e = editEvent(sheet, at, c + 1, [[v]], edit);
    // Never a full stamp: each cell is one typed into a blank one (the 会員ID among them).
    expect(bundle.call('onDeskEdit', e)).not.toHaveProperty('indexStamped');
  }
  bundle.fakes!.actAs(COORDINATOR);
  const repacked = cands(call('listCandidates', 'J003'));
  const fu = items(call('listFollowUps'));
  bundle.fakes!.actAs(MANAGER);
  expect(bundle.call('onDeskChange', changeEvent(ss, 'OTHER', change))).toMatchObject({ indexStamped: true, followUpsStamped: true });
  bundle.fakes!.actAs(COORDINATOR);
  expect(repacked).toEqual(cands(call('listCandidates', 'J003')));
  expect(fu).toEqual(items(call('listFollowUps')));
});
