import fc from 'fast-check';
import { addDays } from '../../../src/domain/civil-date';
import type { Cell } from '../../../src/domain/cell';
import { parseSettings } from '../../../src/domain/settings';
import { capItems, recountFollowUps } from '../../../src/app/follow-ups/keep-list';
import { readStoredList } from '../../../src/app/follow-ups/stored-list';
import { followUpsOf } from '../../../src/app/activities/follow-ups';
import { FOLLOW_UPS_EDITED_PROPERTY, FOLLOW_UPS_TOUCHED_PROPERTY, recordTouches, touchOfEdit, type HandEdit } from '../../../src/app/matching/index-hand-edits';
import type { Clock } from '../../../src/app/ports';
import type { MemoryTableStore } from '../../../src/local/memory-table-store';
import { typeNewRow, typeRange } from '../type-by-hand';
import { desk, TODAY, type Desk } from '../day-fixture';

// 継続支援's stored list (_継続支援, src/app/follow-ups) against a recount from the tabs: after
// any sequence of the writes that keep it true — a follow-up or another activity logged (today,
// days or months back), a placement proposed, made or ended, a member leaving or edited, an
// activity corrected or withdrawn — the list the panel reads holds exactly the members a full
// recount of 会員, マッチング and 活動記録 finds due, with the same reason, dates and names. A hand
// edit typed into the tabs ('typed': a cell or a range, with or without Sheets' oldValue, the
// trigger fired once or twice, its lock free or busy) goes through the on-edit trigger's own code
// (index-hand-edits.ts touchOfEdit, recordTouches) and is followed by nothing else: the next
// listFollowUps must re-count the members it named (follow-ups/follow-hand-edits.ts), or rebuild
// where no key named them. Days passing are the rebuild's (the nightly run); so is a 'hand_edit'
// followed by 作り直す. The day fixture is small, so no group is capped.

type Step =
  | { readonly kind: 'follow_up'; readonly member: string; readonly back: number }
  | { readonly kind: 'activity'; readonly member: string; readonly back: number; readonly area: 'matching' | 'recruitment' | 'follow_up' }
  | { readonly kind: 'match'; readonly action: 'propose' | 'place' | 'end' | 'decline' | 'undo_place'; readonly member: string; readonly job: string; readonly back: number }
  | { readonly kind: 'leave'; readonly member: string; readonly ahead: number }
  | { readonly kind: 'edit'; readonly member: string; readonly consent: boolean; readonly availability: readonly string[] }
  // An edit of fields the list does not depend on (地区, 技能): the write does not look the list up.
  | { readonly kind: 'edit_other'; readonly member: string; readonly district: string }
  | { readonly kind: 'withdraw'; readonly nth: number }
  | { readonly kind: 'correct'; readonly nth: number; readonly member: string; readonly back: number }
  // A correction of the minutes alone: the write does not look the list up either.
  | { readonly kind: 'correct_minutes'; readonly nth: number; readonly minutes: number }
  | { readonly kind: 'hand_edit'; readonly row: number; readonly status: string }
  | { readonly kind: 'typed'; readonly tab: '会員' | 'マッチング' | '活動記録' | '仕事'; readonly n: number; readonly what: number; readonly v: number; readonly withOld: boolean; readonly twice: boolean; readonly busy: boolean }
  // A row typed by hand below the last (or below a blank row), cell by cell, its ID cell at any
  // place in the order — last too — or pasted (Sheets then says nothing of it), the row stopped
  // half-typed, its ID typed over once more afterwards; each cell's trigger fired once or twice,
  // its lock free or busy (bit i of busy: the i-th cell's).
  | {
    readonly kind: 'new_row'; readonly tab: '会員' | 'マッチング' | '活動記録'; readonly v: number; readonly idAt: number; readonly stop: number;
    readonly gap: 0 | 1; readonly pasteId: boolean; readonly retype: boolean; readonly twice: boolean; readonly busy: number;
  }
  | { readonly kind: 'next_day'; readonly days: number };

const MEMBERS = ['M001', 'M002', 'M003', 'M004', 'M006', 'M007', 'M008', 'M009'];
const member = fc.constantFrom(...MEMBERS);
const back = fc.constantFrom(0, 0, 2, 10, 20, 60, 100);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('follow_up' as const), member, back }),
  fc.record({ kind: fc.constant('activity' as const), member, back, area: fc.constantFrom('matching' as const, 'recruitment' as const, 'follow_up' as const) }),
  fc.record({
    kind: fc.constant('match' as const), action: fc.constantFrom('propose' as const, 'place' as const, 'place' as const, 'end' as const, 'decline' as const, 'undo_place' as const),
    member, job: fc.constantFrom('J001', 'J002', 'J003'), back: fc.constantFrom(0, 5, 10, 35, 95),
  }),
  fc.record({ kind: fc.constant('leave' as const), member, ahead: fc.constantFrom(0, 1, 30) }),
  fc.record({ kind: fc.constant('edit' as const), member, consent: fc.boolean(), availability: fc.constantFrom([], ['Mon-AM'], ['Tue-AM', 'Fri-AM']) }),
  fc.record({ kind: fc.constant('edit_other' as const), member, district: fc.constantFrom('豊四季', '南柏', '') }),
  fc.record({ kind: fc.constant('withdraw' as const), nth: fc.nat(12) }),
  fc.record({ kind: fc.constant('correct_minutes' as const), nth: fc.nat(12), minutes: fc.constantFrom(5, 45) }),
  fc.record({ kind: fc.constant('correct' as const), nth: fc.nat(12), member, back }),
  fc.record({ kind: fc.constant('hand_edit' as const), row: fc.nat(6), status: fc.constantFrom('成立', '終了', '辞退', '提案') }),
  fc.record({
    kind: fc.constant('typed' as const), tab: fc.constantFrom('会員' as const, '会員' as const, 'マッチング' as const, '活動記録' as const, '活動記録' as const, '仕事' as const),
    n: fc.nat(10), what: fc.nat(5), v: fc.nat(40), withOld: fc.boolean(), twice: fc.boolean(), busy: fc.constantFrom(false, false, false, true),
  }),
  fc.record({
    kind: fc.constant('new_row' as const), tab: fc.constantFrom('会員' as const, 'マッチング' as const, '活動記録' as const, '活動記録' as const),
    v: fc.nat(40), idAt: fc.nat(6), stop: fc.constantFrom(0, 0, 0, 1, 2), gap: fc.constantFrom(0 as const, 0 as const, 1 as const),
    pasteId: fc.constantFrom(false, false, false, true), retype: fc.constantFrom(false, false, true), twice: fc.boolean(),
    busy: fc.constantFrom(0, 0, 0, 0, 1, 4, 16),
  }),
  fc.record({ kind: fc.constant('next_day' as const), days: fc.constantFrom(1, 3, 8, 25) }),
);

/** The cells of a row typed by hand into `tab`, its ID cell (the key the trigger names) first and
 *  the others after: a new member (an ID of her own: `rows`, the tab's row count, keeps it so; a
 *  会員ID two rows of 会員 hold is a problem `ikigai check` names, and which row a write changes is
 *  not this test's), a contact or a match of a member of 会員 or of an ID 会員 has not (typed wrong). */
function newRowCells(step: Extract<Step, { kind: 'new_row' }>, today: string, rows: number): { id: readonly [string, Cell]; others: (readonly [string, Cell])[] } {
  const date = (back: number): Cell => ({ date: addDays(today, -back) });
  const who = step.v % 7 === 0 ? 'M950' : MEMBERS[step.v % MEMBERS.length] ?? 'M001';
  switch (step.tab) {
    case '会員':
      return {
        id: ['会員ID', `M8${String(rows).padStart(2, '0')}`],
        others: [['氏名', '手入力 新'], ['フリガナ', 'テニュウリョク シン'], ['入会日', date(step.v * 20)], ['個人情報同意', step.v % 3 !== 0]],
      };
    case 'マッチング':
      return {
        id: ['会員ID', who],
        others: [
          ['マッチングID', `X9${String(step.v).padStart(3, '0')}`], ['仕事ID', `J00${1 + (step.v % 3)}`], ['状態', step.v % 2 === 0 ? '成立' : '提案'],
          ['提案日', date(40)], ['成立日', step.v % 2 === 0 ? date(step.v % 3 === 0 ? 35 : 5) : null],
        ],
      };
    case '活動記録':
      return {
        id: ['会員ID', who],
        others: [['活動ID', `A9${String(step.v).padStart(3, '0')}`], ['日付', date(step.v % 30)], ['分野', step.v % 2 === 0 ? '継続支援' : '募集・支援'], ['種別', '電話']],
      };
  }
}

/** One hand edit of the model, or null (nothing to edit). */
function typed(store: MemoryTableStore, step: Extract<Step, { kind: 'typed' }>, today: string): HandEdit | null {
  const raw = store.read([step.tab]);
  const rows = raw?.rows ?? [];
  const at = (h: string): number => (raw?.header.indexOf(h) ?? -1) + 1;
  const date = (back: number): Cell => ({ date: addDays(today, -back) });
  const row = rows.length === 0 ? 2 : (step.n % rows.length) + 2;
  const who = MEMBERS[step.v % MEMBERS.length] ?? 'M001';
  switch (step.tab) {
    case '会員':
      switch (step.what) {
        case 0: return typeRange(store, '会員', row, at('退会日'), [[step.v % 3 === 0 ? null : date(step.v % 4)]], step.withOld);
        case 1: return typeRange(store, '会員', row, at('入会日'), [[date(step.v * 30)]], step.withOld);
        // The ID itself typed over: the old member's row is gone, the new one comes.
        case 2: return typeRange(store, '会員', row, at('会員ID'), [[`M${900 + (step.v % 3)}`]], step.withOld);
        case 3: return typeRange(store, '会員', row, at('個人情報同意'), [[step.v % 2 === 0]], step.withOld);
        // A column the list does not read (地区): the trigger names no one for it.
        case 4: return typeRange(store, '会員', row, at('地区'), [['南柏']], step.withOld);
        // Two rows' names pasted at once (氏名 and フリガナ): shown on the panel.
        default: return typeRange(store, '会員', Math.min(row, rows.length), at('氏名'), rows.length >= 2 ? [['手入力 一', 'テ イチ'], ['手入力 二', 'テ ニ']] : [['手入力 一', 'テ イチ']], step.withOld);
      }
    case 'マッチング':
      if (rows.length === 0) return null;
      switch (step.what % 3) {
        // 状態 through 終了日: a placement made or ended by hand.
        case 0: return typeRange(store, 'マッチング', row, at('状態'), [[step.v % 2 === 0 ? '成立' : '終了', date(60), date(step.v % 2 === 0 ? 35 : 60), step.v % 2 === 0 ? null : date(step.v % 20)]], step.withOld);
        case 1: return typeRange(store, 'マッチング', row, at('成立日'), [[date(step.v % 100)]], step.withOld);
        default: return typeRange(store, 'マッチング', row, at('会員ID'), [[who]], step.withOld);
      }
    case '活動記録':
      switch (step.what % 4) {
        // A contact typed as a whole new row (its 会員ID among the cells: no oldValue, rebuilt).
        case 0: {
          const cells: Record<string, Cell> = { 活動ID: `A9${String(step.n).padStart(3, '0')}${step.v}`, 日付: date(step.v % 30), 分野: step.v % 2 === 0 ? '継続支援' : '募集・支援', 種別: '電話', 会員ID: who };
          return typeRange(store, '活動記録', rows.length + 2, 1, [(raw?.header ?? []).map((h) => cells[h] ?? null)], step.withOld, true);
        }
        case 1: return rows.length === 0 ? null : typeRange(store, '活動記録', row, at('日付'), [[date(step.v * 5)]], step.withOld);
        case 2: return rows.length === 0 ? null : typeRange(store, '活動記録', row, at('状態'), [[step.v % 2 === 0 ? '取消' : '']], step.withOld);
        default: return rows.length === 0 ? null : typeRange(store, '活動記録', row, at('会員ID'), [[who]], step.withOld);
      }
    case '仕事':
      // A job's 仕事名: what the panel says of a milestone on it.
      return typeRange(store, '仕事', row, at('仕事名'), [[`手入力の仕事 ${step.v}`]], step.withOld);
  }
}

/** The on-edit trigger's part for 継続支援's list (src/entry/cache-triggers.ts): the edited rows'
 *  keys read after the edit, recorded under the lock (or the full stamp when it is busy). */
function fireEdit(d: Desk, today: string, edit: HandEdit, busy: boolean): void {
  const raw = d.store.read([edit.tab]);
  const keysIn = (column: number): Cell[] => (raw?.rows ?? []).slice(edit.row - 2, edit.row - 2 + edit.rows).map((r) => r[column - 1] ?? null);
  const lock = { tryLock: () => !busy, release: () => undefined };
  const clock: Clock = { now: () => new Date(`${today}T10:00:00+09:00`) };
  recordTouches({ properties: d.props, lock, store: d.store, clock }, [{ reader: 'followUps', touch: touchOfEdit(edit, raw?.header ?? null, keysIn, 'followUps') }]);
}

function play(d: Desk, today: { value: string }, step: Step, logged: string[], seen: Map<string, number>): void {
  const api = d.api();
  const day = (n: number): string => addDays(today.value, -n);
  const keep = (r: { ok: boolean; data?: unknown }): void => {
    const id = r.ok ? (r.data as { activity?: { activity_id?: string }; activity_id?: string | null }) : null;
    const a = id?.activity?.activity_id ?? id?.activity_id ?? null;
    if (a) logged.push(a);
  };
  switch (step.kind) {
    case 'follow_up': keep(api.logFollowUp({ member_id: step.member, date: day(step.back) })); return;
    case 'activity': keep(api.logActivity({ date: day(step.back), area: step.area, member_id: step.member, minutes: 10 })); return;
    case 'match': keep(api.changeMatchStatus({ action: step.action, job_id: step.job, member_id: step.member, date: day(step.back) })); return;
    case 'leave': api.leaveMember({ member_id: step.member, date: addDays(today.value, step.ahead), reason: 'moved' }); return;
    case 'edit': api.saveMember({ member_id: step.member, consent: step.consent, availability: [...step.availability] }); return;
    case 'edit_other': api.saveMember({ member_id: step.member, district: step.district, skills: step.district ? ['清掃'] : [] }); return;
    case 'withdraw': { const id = logged[step.nth % Math.max(1, logged.length)]; if (id) api.withdrawActivity(id); return; }
    case 'correct_minutes': { const id = logged[step.nth % Math.max(1, logged.length)]; if (id) api.correctActivity({ activity_id: id, minutes: step.minutes }); return; }
    case 'correct': {
      const id = logged[step.nth % Math.max(1, logged.length)];
      if (id) api.correctActivity({ activity_id: id, member_id: step.member, date: day(step.back) });
      return;
    }
    case 'hand_edit': {
      // A person changes a match's 状態 in the sheet: the add-in hears nothing until the rebuild.
      const raw = d.store.read(['マッチング']);
      const at = raw?.header.indexOf('状態') ?? -1;
      if (raw && at >= 0 && raw.rows.length > 0) {
        const row = step.row % raw.rows.length;
        d.store.writeCells('マッチング', row + 2, { columns: [at], rows: [[step.status as Cell]] });
      }
      api.rebuildFollowUps();
      return;
    }
    case 'typed': {
      const edit = typed(d.store, step, today.value);
      if (!edit) return;
      const stamp = d.props.get(FOLLOW_UPS_EDITED_PROPERTY);
      fireEdit(d, today.value, edit, step.busy);
      // Sheets may run the trigger twice for one edit: the list is the same the second time.
      if (step.twice) fireEdit(d, today.value, edit, step.busy);
      const how = d.props.get(FOLLOW_UPS_EDITED_PROPERTY) !== stamp ? 'typed → full' : d.props.get(FOLLOW_UPS_TOUCHED_PROPERTY) === null ? 'typed → none' : 'typed → touched';
      seen.set(how, (seen.get(how) ?? 0) + 1);
      return;
    }
    case 'new_row': {
      const { id, others } = newRowCells(step, today.value, d.store.read([step.tab])?.rows.length ?? 0);
      const order = [...others];
      order.splice(step.idAt % (others.length + 1), 0, id);
      const typedCells = order.slice(0, order.length - step.stop);
      const stamp = d.props.get(FOLLOW_UPS_EDITED_PROPERTY);
      let i = 0;
      for (const edit of typeNewRow(d.store, step.tab, typedCells, step.gap)) {
        const pasted = step.pasteId && edit.column === (d.store.read([step.tab])?.header.indexOf(id[0]) ?? -1) + 1;
        const seenEdit: HandEdit = pasted ? { tab: edit.tab, row: edit.row, rows: 1, column: edit.column, columns: 1 } : edit;
        const busy = ((step.busy >> i) & 1) === 1;
        fireEdit(d, today.value, seenEdit, busy);
        if (step.twice) fireEdit(d, today.value, seenEdit, busy);
        i += 1;
      }
      if (step.retype && typedCells.includes(id)) {
        // Her ID typed over once the row stands (Sheets gives the old one): both re-counted.
        const raw = d.store.read([step.tab]);
        const at = (raw?.header.indexOf(id[0]) ?? -1) + 1;
        const other = step.tab === '会員' ? `M7${String(raw?.rows.length ?? 0).padStart(2, '0')}` : MEMBERS[(step.v + 3) % MEMBERS.length] ?? 'M002';
        const edit = raw ? typeRange(d.store, step.tab, raw.rows.length + 1, at, [[other]], true) : null;
        if (edit) fireEdit(d, today.value, edit, false);
      }
      const how = d.props.get(FOLLOW_UPS_EDITED_PROPERTY) !== stamp ? 'new row → full' : d.props.get(FOLLOW_UPS_TOUCHED_PROPERTY) === null ? 'new row → none' : 'new row → touched';
      seen.set(how, (seen.get(how) ?? 0) + 1);
      return;
    }
    case 'next_day':
      today.value = addDays(today.value, step.days);
      d.day(today.value);
      // Time moving on is the rebuild's job (the nightly trigger run).
      api.rebuildFollowUps();
      return;
  }
}

describe('the stored 継続支援 list', () => {
  it('equals the recount from the tabs after any sequence of writes, hand edits and rebuilds', () => {
    const seen = new Map<string, number>();
    fc.assert(fc.property(fc.array(stepArb, { minLength: 1, maxLength: 14 }), (steps) => {
      const d = desk();
      const today = { value: TODAY };
      const logged: string[] = [];
      // The first listing makes the list (the nightly run would have).
      expect(d.api().listFollowUps().ok).toBe(true);
      steps.forEach((step, i) => {
        play(d, today, step, logged, seen);
        // The panel's listing first: after a hand edit it is the one that re-counts (or rebuilds).
        const shown = d.api().listFollowUps();
        expect(shown.ok).toBe(true);
        const settings = parseSettings(d.store.read(['設定'])).settings;
        const stored = readStoredList(d.store, 'ja', today.value);
        const recount = capItems(recountFollowUps(d.store, settings, today.value)).kept;
        const key = (x: { member_id: string }): string => x.member_id;
        const sortById = <T extends { member_id: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
        expect({ step: i, items: sortById(stored?.items ?? []) }).toEqual({ step: i, items: sortById(recount) });
        // And the panel's answer is the one a recount would give: the members it shows are due.
        const due = new Set(recount.map(key));
        expect({ step: i, shown: shown.ok ? shown.data.items.map(key).filter((m) => !due.has(m)) : null }).toEqual({ step: i, shown: [] });
        // The panel read the list at the bound its writers keep (list-bound.ts) — or whole, when
        // the read was not the list as they left it — and answered what the whole list says.
        expect({ step: i, shown: shown.ok ? shown.data.items : null }).toEqual({ step: i, shown: stored ? followUpsOf(stored, { lang: 'ja', today: today.value }).items : [] });
        // What the hand edits named is consumed by the listing.
        expect(d.props.get(FOLLOW_UPS_TOUCHED_PROPERTY)).toBeNull();
      });
    }), {
      numRuns: 120, seed: 15_2,
      // A placement at its one-month milestone whose member leaves in a month: leaveMember passes
      // the member's matches to the refresh (follow-ups/keep-list.ts KnownRows); passing none was
      // found only past 500 random runs, so it is run every time.
      examples: [[[
        { kind: 'match', action: 'place', member: 'M004', job: 'J001', back: 35 }, { kind: 'leave', member: 'M004', ahead: 30 }, { kind: 'withdraw', nth: 0 },
      ]], [[
        // A 退会日 typed for M002 (waiting), the trigger fired twice: re-counted alone, off the list.
        { kind: 'typed', tab: '会員', n: 1, what: 0, v: 1, withOld: false, twice: true, busy: false },
        // A placement typed in マッチング by hand, then its member moved (会員ID typed over, with oldValue).
        { kind: 'typed', tab: 'マッチング', n: 0, what: 0, v: 2, withOld: true, twice: false, busy: false },
        { kind: 'typed', tab: 'マッチング', n: 0, what: 2, v: 3, withOld: true, twice: true, busy: false },
      ]], [[
        // A contact typed as a new row below the last for M002 (waiting), cell by cell, her 会員ID the
        // last cell (every trigger before it read a blank ID and named no one), fired twice: only
        // the last edit names her, and she is off the list. Then a member's row typed below a
        // blank row, her 会員ID last.
        { kind: 'new_row', tab: '活動記録', v: 1, idAt: 4, stop: 0, gap: 0, pasteId: false, retype: false, twice: true, busy: 0 },
        { kind: 'new_row', tab: '会員', v: 1, idAt: 4, stop: 0, gap: 1, pasteId: false, retype: false, twice: false, busy: 0 },
      ]]],
    });
    // eslint-disable-next-line no-console
    console.log(`stored list: ${JSON.stringify(Object.fromEntries([...seen].sort()))}`);
    // Both ways a hand edit reaches the list are run: re-counted by key, and rebuilt.
    for (const k of ['typed → touched', 'typed → full', 'new row → touched', 'new row → full']) expect([k, (seen.get(k) ?? 0) > 0]).toEqual([k, true]);
  });

  it('a follow-up logged today takes the member off with one search of the list, and a rebuild brings no change', () => {
    const d = desk();
    const api = d.api();
    expect(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003', date: '2025-06-02' }).ok).toBe(true);
    const before = api.listFollowUps();
    expect(before.ok && before.data.items[0]?.member_id).toBe('M003');
    expect(api.logFollowUp({ member_id: 'M003', job_id: 'J002' }).ok).toBe(true);
    const after = api.listFollowUps();
    expect(after.ok && after.data.items.map((i) => i.member_id)).not.toContain('M003');
    const rebuilt = api.rebuildFollowUps();
    expect(rebuilt.ok && after.ok && rebuilt.data.items).toEqual(after.ok ? after.data.items : null);
  });

  it('says how old the list is once the day has changed, until the rebuild', () => {
    const d = desk();
    const api = d.api();
    const first = api.listFollowUps();
    expect(first.ok && [first.data.built_on, first.data.stale]).toEqual([TODAY, false]);
    d.day('2025-06-12');
    const next = api.listFollowUps();
    expect(next.ok && [next.data.built_on, next.data.stale]).toEqual([TODAY, true]);
    const rebuilt = api.rebuildFollowUps();
    expect(rebuilt.ok && [rebuilt.data.built_on, rebuilt.data.stale]).toEqual(['2025-06-12', false]);
  });
  it('an undo_place takes back the contact its 成立 logged: the member is due again, as a recount finds', () => {
    // M002 (joined 2021-04-01, never matched nor contacted) is waiting. 成立 today logs a contact:
    // off the list. The undo withdraws that activity, the only contact M002 had, so the re-count
    // must not take the withdrawn row as a contact (the undo's shortcut skips 会員 and 活動記録
    // only for a contact that still stands): M002 is due again (the proposal the undo leaves
    // keeps them busy, so under no_contact).
    const d = desk();
    const api = d.api();
    const onList = (): string[] => (readStoredList(d.store, 'ja', TODAY)?.items ?? []).map((i) => i.member_id);
    expect(api.listFollowUps().ok).toBe(true);
    expect(onList()).toContain('M002');
    expect(api.changeMatchStatus({ action: 'place', job_id: 'J001', member_id: 'M002' }).ok).toBe(true);
    expect(onList()).not.toContain('M002');
    expect(api.changeMatchStatus({ action: 'undo_place', job_id: 'J001', member_id: 'M002' }).ok).toBe(true);
    const settings = parseSettings(d.store.read(['設定'])).settings;
    const recount = capItems(recountFollowUps(d.store, settings, TODAY)).kept;
    expect(recount.map((i) => i.member_id)).toContain('M002');
    const byId = <T extends { member_id: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => a.member_id.localeCompare(b.member_id));
    expect(byId(readStoredList(d.store, 'ja', TODAY)?.items ?? [])).toEqual(byId(recount));
  });
});
