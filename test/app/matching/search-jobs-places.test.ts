import { ok, type Desk } from '../day-fixture';
import { parseTable } from '../../../src/domain/parse/parse-table';
import { MATCHES_TAB } from '../../../src/domain/schema/tabs';
import { INDEX_EDITED_PROPERTY, INDEX_TOUCHED_PROPERTY } from '../../../src/app/matching/index-hand-edits';
import { CANDIDATE_INDEX_TAB } from '../../../src/app/matching/candidate-index';
import type { Cell } from '../../../src/domain/cell';
import { fromTabs, withPlacements } from './job-places-fixture';
import { readJobsPlaces } from '../../../src/app/matching/job-places';
import { bucketOf } from '../../../src/domain/matching/member-index';

// The job picker's search (searchJobs) shows the places of the jobs it found from the candidate
// index's 仕事 cells when the index is trusted: as a ranking trusts it when the jobs lie in one
// bucket (job-places.ts indexedPlacesFirst: one job typed by its ID), else also held to the count
// of their rows of マッチング, as setJobStatus trusts it (readJobsPlaces); else from their rows.
// Nobody is placed from what it shows: a stale index (missing, edited, a job named by a hand edit)
// falls back to the rows.

const d = (date: string): Cell => ({ date });

/** J003 as the picker's search shows it, and which tabs it read by row number. */
function searched(desk_: Desk): { shown: { places_left: number; open_slots: readonly string[] }; readByRow: string[] } {
  const readByRow: string[] = [];
  const readRows = desk_.store.readRows.bind(desk_.store);
  const spy = jest.spyOn(desk_.store, 'readRows').mockImplementation((names, ...rest) => {
    readByRow.push(names[0] ?? '');
    return readRows(names, ...rest);
  });
  try {
    const out = ok(desk_.api().listJobs({ query: '配膳' }));
    const j = out.jobs.find((o) => o.id === 'J003');
    if (!j) throw new Error('J003 not found');
    return { shown: { places_left: j.places_left, open_slots: j.open_slots }, readByRow };
  } finally {
    spy.mockRestore();
  }
}

/** J003's X903 typed over by hand (成立 → 辞退): as many rows, one place less. */
function typeOverX903(desk_: Desk): void {
  const raw = desk_.store.read(['マッチング']);
  const at = (raw?.rows ?? []).findIndex((r) => r[0] === 'X903');
  desk_.store.writeCells('マッチング', at + 2, { columns: [(raw?.header ?? []).indexOf('状態')], rows: [['辞退']] });
}

describe('searchJobs: the places of the jobs shown', () => {
  it('from the index when it is trusted: マッチング\'s rows found, not read', () => {
    const desk_ = withPlacements();
    ok(desk_.api().listJobs({ query: '配膳' })); // _仕事検索 built (not measured)
    const { shown, readByRow } = searched(desk_);
    expect(shown).toEqual(fromTabs(desk_));
    expect(shown.open_slots).toEqual(['Wed-AM', 'Fri-AM']);
    expect(readByRow).toContain(CANDIDATE_INDEX_TAB);
    expect(readByRow).not.toContain('マッチング');
  });

  it('a placement typed into マッチング by hand: as the index holds it until the on-edit trigger names the job (as the candidate list), then from the rows', () => {
    const desk_ = withPlacements();
    ok(desk_.api().listJobs({ query: '配膳' })); // _仕事検索 built (not measured)
    const header = desk_.store.read(['マッチング'])?.header ?? [];
    const typed = header.map((h) => ({ マッチングID: 'X905', 仕事ID: 'J003', 会員ID: 'M005', 契約形態: '請負', 状態: '成立', 成立日: d('2025-06-03'), 担当枠: '水AM' } as Record<string, Cell>)[h] ?? null);
    desk_.store.appendCells('マッチング', { columns: header.map((_, i) => i), rows: [typed] });
    // One job found, one bucket: the index alone (job-places.ts indexedPlacesFirst), no count of
    // マッチング's rows to hold it to — what the candidate list shows of the job until then.
    const stale = searched(desk_);
    expect(stale.shown.open_slots).toEqual(['Wed-AM', 'Fri-AM']);
    expect(ok(desk_.api().listCandidates('J003')).job.open_slots).toEqual(['Wed-AM', 'Fri-AM']);
    expect(stale.readByRow).not.toContain('マッチング');
    // The trigger's note of the job (index-hand-edits.ts): from the rows.
    desk_.props.set(INDEX_TOUCHED_PROPERTY, JSON.stringify({ m: [], j: ['J003'] }));
    const { shown, readByRow } = searched(desk_);
    expect(shown).toEqual(fromTabs(desk_));
    expect(shown.open_slots).toEqual(['Fri-AM']);
    expect(readByRow).toContain('マッチング');
  });

  it('a job a hand edit named (the touched list): from the rows', () => {
    const desk_ = withPlacements();
    typeOverX903(desk_);
    desk_.props.set(INDEX_TOUCHED_PROPERTY, JSON.stringify({ m: [], j: ['J003'] }));
    const { shown, readByRow } = searched(desk_);
    expect(shown).toEqual(fromTabs(desk_));
    expect(shown.open_slots).toContain('Wed-AM');
    expect(readByRow).toContain('マッチング');
  });

  it('a hand edit stamped after the index was built (no job named): from the rows', () => {
    const desk_ = withPlacements();
    typeOverX903(desk_);
    desk_.props.set(INDEX_EDITED_PROPERTY, '2025-06-11T01:00:00.000Z');
    const { shown, readByRow } = searched(desk_);
    expect(shown).toEqual(fromTabs(desk_));
    expect(shown.open_slots).toContain('Wed-AM');
    expect(readByRow).toContain('マッチング');
  });

  it('an index built before yesterday (the nightly run missed): from the rows', () => {
    const desk_ = withPlacements();
    typeOverX903(desk_);
    desk_.day('2025-06-13');
    const { shown } = searched(desk_);
    expect(shown).toEqual(fromTabs(desk_));
    expect(shown.open_slots).toContain('Wed-AM');
  });
});

describe('readJobsPlaces: several jobs, in several buckets', () => {
  /** J001..J003's matches as read, with whether the index tab was read by row. */
  function places(desk_: Desk): { matches: string[]; fromIndex: boolean } {
    let fromIndex = false;
    const readRows = desk_.store.readRows.bind(desk_.store);
    const spy = jest.spyOn(desk_.store, 'readRows').mockImplementation((names, ...rest) => {
      if (names[0] === CANDIDATE_INDEX_TAB) fromIndex = true;
      return readRows(names, ...rest);
    });
    try {
      const got = readJobsPlaces({ store: desk_.store, props: desk_.props }, { today: '2025-06-11', lang: 'ja' }, ['J001', 'J002', 'J003']);
      return { matches: got.map((m) => `${m.job_id}/${m.match_id}/${m.status ?? ''}`).sort(), fromIndex };
    } finally {
      spy.mockRestore();
    }
  }
  const fromRows = (desk_: Desk): string[] => parseTable(MATCHES_TAB, desk_.store.read(['マッチング']) ?? { name: 'マッチング', header: [], rows: [] }).records
    .filter((m) => ['J001', 'J002', 'J003'].includes(m.job_id ?? '')).map((m) => `${m.job_id}/${m.match_id}/${m.status ?? ''}`).sort();

  it('the jobs fall in different buckets (else this test says nothing of them)', () => {
    expect(new Set(['J001', 'J002', 'J003'].map(bucketOf)).size).toBe(3);
  });

  /** withPlacements, and J002 proposed to M003 through the add-in (its write keeps the index). */
  function twoJobs(): Desk {
    const desk_ = withPlacements();
    ok(desk_.api().changeMatchStatus({ action: 'propose', job_id: 'J002', member_id: 'M003' }));
    return desk_;
  }

  it('from the index, every job\'s matches as マッチング holds them', () => {
    const desk_ = twoJobs();
    const got = places(desk_);
    expect(got.matches).toEqual(fromRows(desk_));
    expect(got.fromIndex).toBe(true);
  });

  it('a row of another job typed by hand, no trigger run: from the rows', () => {
    const desk_ = twoJobs();
    const header = desk_.store.read(['マッチング'])?.header ?? [];
    const typed = header.map((h) => ({ マッチングID: 'X906', 仕事ID: 'J002', 会員ID: 'M003', 契約形態: '請負', 状態: '提案', 提案日: d('2025-06-03') } as Record<string, Cell>)[h] ?? null);
    desk_.store.appendCells('マッチング', { columns: header.map((_, i) => i), rows: [typed] });
    const got = places(desk_);
    expect(got.matches).toEqual(fromRows(desk_));
    expect(got.matches).toContain('J002/X906/proposed');
    expect(got.matches.filter((m) => m.startsWith('J002/'))).toHaveLength(2);
  });
});
