import fc from 'fast-check';
import {
  CELL_CHARS_MAX, JOB_BUCKET_OVERFLOW, packJobBucket, unpackJobBucket, unpackJobBucketAndHints, withWrittenMatches, type JobMatch, type JobRowHint,
} from '../../../src/domain/matching/job-matches';

// A bucket's 仕事 cell is one cell of Sheets: never longer than the 50,000 characters one holds.
const match = (i: number): JobMatch => ({
  match_id: `MT${String(i).padStart(6, '0')}`, job_id: 'J003', member_id: `M${String(i).padStart(5, '0')}`, status: 'declined',
  placed_on: null, ended_on: null, slots: [],
});

describe('packJobBucket', () => {
  it('packs a bucket up to a cell\'s 50,000 characters, and past it the marker unpackJobBucket does not read', () => {
    let list: JobMatch[] = [];
    let n = 0;
    while (packJobBucket(new Map([['J003', list]])).length <= CELL_CHARS_MAX - 100) list = [...list, match(++n)];
    const fits = packJobBucket(new Map([['J003', list]]));
    expect(unpackJobBucket(fits)?.get('J003')).toEqual(list);
    // The writes add one match at a time (withWrittenMatches): the cell stays a list until it cannot.
    let bucket = new Map([['J003', list]]);
    for (let k = 0; k < 10; k++) bucket = withWrittenMatches(bucket, [match(++n)]);
    const over = packJobBucket(bucket);
    expect(over).toBe(JOB_BUCKET_OVERFLOW);
    expect(unpackJobBucket(over)).toBeNull();
  });
});

describe('the row hints in a 仕事 cell (issue 15)', () => {
  it('round-trips matches and hints, a job with a hint and no match kept for its hint; a cell without hints reads as before', () => {
    const jobIds = fc.constantFrom('J001', 'J002', 'J003', 'J004');
    const hint: fc.Arbitrary<JobRowHint> = fc.record({ job: fc.integer({ min: 2, max: 100_000 }), client: fc.option(fc.integer({ min: 2, max: 100_000 })) });
    fc.assert(fc.property(
      fc.array(fc.tuple(jobIds, fc.integer({ min: 1, max: 999 })), { maxLength: 8 }), fc.array(fc.tuple(jobIds, hint), { maxLength: 4 }),
      (pairs, hintList) => {
        const bucket = new Map<string, JobMatch[]>();
        for (const [j, i] of pairs) bucket.set(j, [...(bucket.get(j) ?? []), { ...match(i), job_id: j }]);
        const hints = new Map(hintList);
        const got = unpackJobBucketAndHints(packJobBucket(bucket, hints));
        expect(got?.hints).toEqual(hints);
        for (const j of ['J001', 'J002', 'J003', 'J004']) expect(got?.jobs.get(j) ?? []).toEqual(bucket.get(j) ?? []);
        // Without hints: the cell as before hints were kept, read the same.
        expect(unpackJobBucket(packJobBucket(bucket))).toEqual(new Map([...bucket].filter(([, l]) => l.length > 0)));
        expect(unpackJobBucketAndHints(packJobBucket(bucket))?.hints.size).toBe(0);
      },
    ));
  });

  it('a hint that does not read is left out, the matches still read', () => {
    const cell = JSON.stringify([['J003', { r: 'x' }, ['MT000001', 'M00001', 0, null, null, 0]], ['J004', { r: 1, c: 5 }]]);
    const got = unpackJobBucketAndHints(cell);
    expect(got?.hints.size).toBe(0);
    expect(got?.jobs.get('J003')?.length).toBe(1);
  });
});
