import { QUICK_SIZES } from '../../bench/generate-center';
import { runQuick } from '../../bench/quick';
import { ensureBuilt } from '../bundle/harness';

// BENCH_QUICK in the test suite: every measured operation, driven through dist/Code.js with the
// counting fakes on two small centers (300 and 900 members), must make exactly the same service
// calls, method by method, at both sizes. A count that grows with the center is a loop over rows
// calling Google, which the Apps Script time limit punishes at 50,000 members.
describe('the benchmark quick check', () => {
  beforeAll(() => ensureBuilt());

  test('makes the same service calls for every operation at two center sizes', () => {
    const result = runQuick(QUICK_SIZES);
    console.log(result.lines.join('\n'));
    expect(result.lines.join('\n')).not.toContain('not in the bundle');
    expect(result.ok).toBe(true);
  });
});
