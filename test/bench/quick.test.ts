import { QUICK_SIZES } from '../../bench/generate-center';
import { runQuick, type QuickResult } from '../../bench/quick';
import { cellGrowth, KNOWN_GROWING, overCap, SIZE_CAPPED, SIZE_INDEPENDENT, unclassified } from '../../bench/size-independence';
import { ensureBuilt } from '../bundle/harness';

// BENCH_QUICK in the test suite: every measured operation, driven through dist/Code.js with the
// counting fakes on two small centers (300 and 900 members), must make exactly the same service
// calls, method by method, at both sizes. A count that grows with the center is a loop over rows
// calling Google, which the Apps Script time limit punishes at 50,000 members. And the sidebar
// calls that find their rows by key must read no more cells at the bigger center (issue 15):
// reading a tab whole again would triple their cells here and cost seconds at 50,000 members.
describe('the benchmark quick check', () => {
  let result: QuickResult;
  beforeAll(() => {
    ensureBuilt();
    result = runQuick(QUICK_SIZES);
  });

  test('makes the same service calls for every operation at two center sizes', () => {
    console.log(result.lines.join('\n'));
    expect(result.lines.join('\n')).not.toContain('not in the bundle');
    expect(result.ok).toBe(true);
  });

  test('the size-independent sidebar calls read no more cells at three times the center', () => {
    const cells = SIZE_INDEPENDENT.map((op) => `${op}: ${result.results.map((r) => r.measures.find((m) => m.op === op)?.calls.cellsRead).join(' / ')}`);
    console.log(`cells read at ${QUICK_SIZES.map((s) => s.name).join(' / ')}:\n${cells.join('\n')}\nknown to grow:\n${Object.entries(KNOWN_GROWING).map(([op, why]) => `${op} — ${why}`).join('\n')}`);
    expect(cellGrowth(result.results)).toEqual([]);
    // The calls that read a stored list read no more than its cap (継続支援: _継続支援).
    console.log(`capped: ${Object.entries(SIZE_CAPPED).map(([op, cap]) => `${op} ${result.results.map((r) => r.measures.find((m) => m.op === op)?.calls.cellsRead).join(' / ')} (cap ${cap})`).join('; ')}`);
    expect(overCap(result.results)).toEqual([]);
    // Every sidebar call is in one list or the other.
    expect(unclassified(result.results)).toEqual([]);
  });

  test('the member picker reads its 20 hits from 会員 in one getValues at both sizes, not one a row', () => {
    // やま is a family name's start (山田, 山本…): its 20 first hits lie within ~200 rows of 会員 at
    // any center size, so the Sheets store reads them as one block (rowBlocks: the rows between
    // cost less than the 19 round trips saved, 19 × 50 ms against ~1,800 cells × 31 µs). One a row,
    // it was 20 getValues. Fails if the blocks go.
    for (const r of result.results) {
      const search = r.measures.find((m) => m.op === 'searchMembers');
      expect([r.size.name, search?.calls.byMethod['Range.getValues']]).toEqual([r.size.name, 1]);
    }
  });

  test('the member picker\'s two-character search asks two TextFinders of its keys, not four (issue 15, h-search-open)', () => {
    // やま past 20 matches at every level: the enrolled starting with it, then the exact ones
    // (search-members.ts rowsToRead); loosest first it was every match, the enrolled, those
    // starting with it, the exact ones. Six round trips in all: desk cache, user, stamp, two
    // searches, the rows of 会員.
    for (const r of result.results) {
      const search = r.measures.find((m) => m.op === 'searchMembers');
      expect([r.size.name, search?.calls.byMethod['TextFinder.findAll'], search?.calls.roundTrips]).toEqual([r.size.name, 2, 6]);
    }
  });

  test('the job picker\'s search takes the places of J00001 (8 rows spread over マッチング) and its client\'s row from the candidate index (issue 15, h-jobs-places, h-near)', () => {
    // The index's stamps in one getProperties with the keys', its stamp row and J00001's bucket
    // row (one job, one bucket: read first, no search of マッチング), the client's row at the
    // bucket's hint (no search of 業務提供先): the two TextFinders left are the keys'. Nine round
    // trips in all at both sizes.
    for (const r of result.results) {
      const search = r.measures.find((m) => m.op === 'searchJobs');
      expect([r.size.name, search?.calls.roundTrips, search?.calls.byMethod['TextFinder.findAll'], search?.calls.byMethod['Properties.getProperties'], search?.calls.byMethod['Properties.getProperty']])
        .toEqual([r.size.name, 9, 2, 1, undefined]);
    }
  });
});
