import { ok } from '../day-fixture';
import { INDEX_TOUCHED_PROPERTY } from '../../../src/app/matching/index-hand-edits';
import { INDEXED_PLACES_FROM } from '../../../src/app/matching/job-places';
import type { Cell } from '../../../src/domain/cell';
import { fromTabs, withPlacements } from './job-places-fixture';

// setJobStatus takes a job's places from the candidate index's 仕事 cell when マッチング holds
// INDEXED_PLACES_FROM or more rows of the job and the index can be trusted as a ranking trusts it
// (candidate-index.ts indexedJobMatches). Whatever the index holds, the places answered and the
// status set on 再開 are those マッチング gives: a row the index does not hold (typed by hand, no
// trigger run) or a job a hand edit named is counted from マッチング itself.

const d = (date: string): Cell => ({ date });

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

describe('setJobStatus: the job\'s row of 仕事 at the index\'s hint when the index was read (issue 15, h-near)', () => {
  /** The tabs searched by key (findRows) during `run`. */
  function searchedTabs(desk_: ReturnType<typeof withPlacements>, run: () => void): string[] {
    const names: string[] = [];
    const findRows = desk_.store.findRows.bind(desk_.store);
    const spy = jest.spyOn(desk_.store, 'findRows').mockImplementation((tabs, ...rest) => {
      names.push(tabs[0] ?? '');
      return findRows(tabs, ...rest);
    });
    try {
      run();
    } finally {
      spy.mockRestore();
    }
    return names;
  }

  it('read at the hint, not searched for', () => {
    const desk_ = withPlacements();
    const searched = searchedTabs(desk_, () => expect(ok(desk_.api().setJobStatus({ job_id: 'J003', status: 'closed' })).job.status).toBe('closed'));
    expect(searched).not.toContain('仕事');
  });

  it('rows of 仕事 swapped by hand since the rebuild: the hinted row holds another job, J003 found by key and closed, the other left', () => {
    const desk_ = withPlacements();
    const raw = desk_.store.read(['仕事']);
    const rows = raw?.rows ?? [];
    const at = rows.findIndex((r) => r[0] === 'J003');
    const other = at === 0 ? 1 : 0;
    const all = (raw?.header ?? []).map((_, i) => i);
    desk_.store.writeCells('仕事', other + 2, { columns: all, rows: [rows[at] ?? []] });
    desk_.store.writeCells('仕事', at + 2, { columns: all, rows: [rows[other] ?? []] });
    const searched = searchedTabs(desk_, () => ok(desk_.api().setJobStatus({ job_id: 'J003', status: 'closed' })));
    expect(searched).toContain('仕事');
    const after = desk_.store.read(['仕事'])?.rows ?? [];
    const status = (raw?.header ?? []).indexOf('状態');
    expect(after[other]?.[0]).toBe('J003');
    expect(after[other]?.[status]).toBe('終了');
    expect(after[at]?.[status]).toBe(rows[other]?.[status]);
  });
});
