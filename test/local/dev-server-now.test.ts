import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultNow } from '../../src/local/dev-server';

// `npm run dev` on a workbook `ikigai demo` wrote starts on the demo's last day (issue 12 item 9):
// the folder's .ikigai-demo marker lists the workbook. Any other workbook runs on the real clock.
describe('the dev server\'s today', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ikigai-dev-now-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is 2016-03-31 at 10:00 in Tokyo for the demo\'s workbook', () => {
    writeFileSync(join(dir, '.ikigai-demo'), JSON.stringify({ writtenBy: 'ikigai demo', complete: true, files: ['workbook.xlsx', 'mail/x.eml'] }));
    expect(defaultNow(join(dir, 'workbook.xlsx'))).toBe('2016-03-31T10:00:00+09:00');
  });

  it('is the real clock (null) for a workbook the marker does not list, without a marker, or with a broken one', () => {
    writeFileSync(join(dir, '.ikigai-demo'), JSON.stringify({ files: ['workbook.xlsx'] }));
    expect(defaultNow(join(dir, 'center.xlsx'))).toBeNull();
    writeFileSync(join(dir, '.ikigai-demo'), '{not json');
    expect(defaultNow(join(dir, 'workbook.xlsx'))).toBeNull();
    expect(defaultNow(join(tmpdir(), 'no-such-folder', 'workbook.xlsx'))).toBeNull();
  });
});
