import { CELL_CHARS_MAX, JOB_BUCKET_OVERFLOW, packJobBucket, unpackJobBucket, withWrittenMatches, type JobMatch } from '../../../src/domain/matching/job-matches';

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
