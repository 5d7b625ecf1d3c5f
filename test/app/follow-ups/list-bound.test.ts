import { followUpsOf } from '../../../src/app/activities/follow-ups';
import { FOLLOW_UPS_ROWS_PROPERTY } from '../../../src/app/follow-ups/list-bound';
import { readStoredList } from '../../../src/app/follow-ups/stored-list';
import type { Cell } from '../../../src/domain/cell';
import { desk, TODAY, type Desk } from '../day-fixture';

// listFollowUps reads _継続支援 at the size its writers keep (follow-ups/list-bound.ts) instead of
// asking the tab's size. A person's edit of the hidden tab goes around the writers (and, here, no
// on-edit trigger stamps it): whatever they did, the panel must answer what the whole tab says —
// the bounded read trusted only when its header is the list's and the row below the bound is blank.

const LIST = '_継続支援';

function listed(d: Desk): { items: string[]; whole: string[]; readTop: number; read: number } {
  const readTop = jest.spyOn(d.store, 'readTop');
  const read = jest.spyOn(d.store, 'read');
  const shown = d.api().listFollowUps();
  const calls = { readTop: readTop.mock.calls.length, read: read.mock.calls.filter(([names]) => names.includes(LIST)).length };
  readTop.mockRestore();
  read.mockRestore();
  if (!shown.ok) throw new Error(shown.message);
  const whole = readStoredList(d.store, 'ja', TODAY);
  return { items: shown.data.items.map((i) => i.member_id), whole: whole ? followUpsOf(whole, { lang: 'ja', today: TODAY }).items.map((i) => i.member_id) : [], ...calls };
}

/** A made list (the first listing builds it and keeps its bound). */
function made(): Desk {
  const d = desk();
  expect(d.api().listFollowUps().ok).toBe(true);
  expect(d.props.get(FOLLOW_UPS_ROWS_PROPERTY)).toBe(String((d.store.read([LIST])?.rows.length ?? 0) + 1));
  return d;
}

/** A member's row as the list holds it, typed by hand below its last. */
function typeBelow(d: Desk, memberId: string): void {
  const raw = d.store.read([LIST]);
  const row: Cell[] = (raw?.header ?? []).map((h) => (h === '会員ID' ? memberId : h === '理由' ? 'waiting' : h === '起点日' ? { date: '2025-01-01' } : null));
  d.store.appendCells(LIST, { columns: row.map((_, i) => i), rows: [row] });
}

describe('the 継続支援 list read at its kept size', () => {
  it('reads the bound + 1 rows alone, not the tab whole, and answers what the whole tab says', () => {
    const d = made();
    const got = listed(d);
    expect([got.readTop, got.read]).toEqual([1, 0]);
    expect(got.items).toEqual(got.whole);
  });

  it('a row typed below the list by hand (no trigger heard of it): the row below the bound is not blank, so the list is read whole', () => {
    const d = made();
    expect(d.store.read([LIST])?.header).toContain('起点日');
    typeBelow(d, 'M005');
    const got = listed(d);
    expect(got.read).toBe(1);
    expect(got.items).toContain('M005');
    expect(got.items).toEqual(got.whole);
  });

  it('a bound left behind (a run killed between its append and the release): the appended row shows below it, read whole', () => {
    const d = made();
    typeBelow(d, 'M005');
    typeBelow(d, 'M001');
    // Behind by the two rows: the first of them is just below the bound.
    const got = listed(d);
    expect(got.items).toEqual(got.whole);
    expect(got.items).toEqual(expect.arrayContaining(['M005', 'M001']));
  });

  it('rows deleted by hand: the bound passes the list, its rows read blank, the answer is the whole tab\'s', () => {
    const d = made();
    const raw = d.store.read([LIST]);
    d.store.replace(LIST, raw?.header ?? [], (raw?.rows ?? []).slice(0, 3));
    const got = listed(d);
    expect([got.readTop, got.read]).toEqual([1, 0]);
    expect(got.items).toEqual(got.whole);
  });

  it('a header typed over, or no bound kept: read whole', () => {
    const d = made();
    const raw = d.store.read([LIST]);
    d.store.replace(LIST, ['ID', ...(raw?.header ?? []).slice(1)], raw?.rows ?? []);
    expect(listed(d).read).toBe(1);
    d.store.replace(LIST, raw?.header ?? [], raw?.rows ?? []);
    d.props.delete(FOLLOW_UPS_ROWS_PROPERTY);
    const got = listed(d);
    expect([got.readTop, got.read]).toEqual([0, 1]);
    expect(got.items).toEqual(got.whole);
  });

  it('a write that appends to the list moves the bound by its rows, and the next listing reads within it', () => {
    const d = made();
    const before = Number(d.props.get(FOLLOW_UPS_ROWS_PROPERTY));
    // M006 (waiting) called today: their row blanked, the bound as it was.
    const call = d.api().logActivity({ date: TODAY, area: 'matching', kind: 'call', member_id: 'M006', minutes: 5 });
    if (!call.ok) throw new Error(call.message);
    expect([Number(d.props.get(FOLLOW_UPS_ROWS_PROPERTY)), listed(d).items.includes('M006')]).toEqual([before, false]);
    // The call withdrawn: waiting again, a row appended below the blanked one, the bound one further.
    expect(d.api().withdrawActivity(call.data.activity.activity_id).ok).toBe(true);
    expect(Number(d.props.get(FOLLOW_UPS_ROWS_PROPERTY))).toBe(before + 1);
    const got = listed(d);
    expect([got.readTop, got.read]).toEqual([1, 0]);
    expect(got.items).toContain('M006');
    expect(got.items).toEqual(got.whole);
  });
});
