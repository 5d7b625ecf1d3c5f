import type { Cell } from '../../../src/domain/cell';
import { bucketOf, packBucket } from '../../../src/domain/matching/member-index';
import { CANDIDATE_INDEX_TAB, bucketKey, readCandidateIndex, rebuildCandidateIndex } from '../../../src/app/matching/candidate-index';
import { refreshCandidateIndex } from '../../../src/app/matching/candidate-index';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import { SheetsTableStore } from '../../../src/gas/sheets-table-store';
import { googlePorts } from '../../../src/gas/google-ports';
import { installFakes } from '../../fakes';
import type { Member } from '../../../src/domain/schema/tabs';
import { desk, ok, TODAY } from '../day-fixture';

// refreshCandidateIndex reads a member's bucket where the rebuild put it (bucket b at row b + 3,
// TableStore.readRows: no search), checking its 区分 cell; when a person has moved or deleted rows
// of _候補索引 the bucket is found by key instead, so the write still lands in the right row.
describe('the candidate index bucket of a write', () => {
  const member = 'M003';
  const bucketOfMember = bucketKey(bucketOf(member));
  const entryOf = (d: ReturnType<typeof desk>): unknown => {
    const read = readCandidateIndex(d.store, TODAY);
    return read.ok ? read.entries.find((e) => e.member.member_id === member)?.member.district : 'unreadable';
  };

  it('is read in place and re-packed there', () => {
    const d = desk();
    rebuildCandidateIndex(d.store, loadWorkbook(d.store).settings, TODAY);
    ok(d.api().saveMember({ member_id: member, district: '豊四季' }));
    expect(entryOf(d)).toBe('豊四季');
  });

  it('is found by key when rows above it were deleted by hand, and the rows around it are left alone', () => {
    const d = desk();
    rebuildCandidateIndex(d.store, loadWorkbook(d.store).settings, TODAY);
    const raw = d.store.read([CANDIDATE_INDEX_TAB]);
    if (!raw) throw new Error('no index');
    // A person deletes bucket K0000's row: every bucket below moves up one row.
    const rows = raw.rows.filter((r) => String(r[0]) !== bucketKey(0));
    d.store.replace(CANDIDATE_INDEX_TAB, raw.header.map(String), rows as Cell[][]);
    const before = d.store.read([CANDIDATE_INDEX_TAB])?.rows.map((r) => [...r]) ?? [];
    ok(d.api().saveMember({ member_id: member, district: '豊四季' }));
    const after = d.store.read([CANDIDATE_INDEX_TAB])?.rows ?? [];
    const at = after.findIndex((r) => r[0] === bucketOfMember);
    expect(String(after[at]?.[2])).toContain('豊四季');
    // Only the member's bucket changed.
    expect(after.filter((_, i) => i !== at)).toEqual(before.filter((_, i) => i !== at));
  });
});

/** `_候補索引` as the rebuild writes it for no member (header, stamp, 1,024 empty buckets), in the fake Sheets. */
function emptyIndexTab(): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(CANDIDATE_INDEX_TAB);
  const rows: unknown[][] = [['区分', '会員数', '索引', '仕事'], ['#', 0, '{}', ''], ...Array.from({ length: 1024 }, (_, b) => [bucketKey(b), 0, packBucket([]), ''])];
  sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, 4).setValues(rows);
  return sheet;
}

/** A member free on Monday mornings, with nothing else that the index keeps. */
const member = (id: string): Member => ({
  member_id: id, name: '柏 太郎', kana: 'かしわ たろう', gender: null, birth_date: null, joined_on: TODAY, left_on: null, join_route: null, district: '柏',
  phone: '', email: '', skills: [], preferred_categories: [], availability: ['Mon-AM'], max_days_per_week: null, motivations: [],
  consent: true, notes: '', leave_reason: null,
});

describe('the candidate index bucket of a write, in Sheets', () => {
  it('is read in place with one getValues, and searched for when rows deleted by hand put it past the grid', () => {
    const fakes = installFakes(globalThis);
    try {
      // A member of the last bucket (row 1026): the one a deleted row leaves past the grid.
      const id = Array.from({ length: 20_000 }, (_, i) => `M${String(i + 1).padStart(5, '0')}`).find((m) => bucketOf(m) === 1023) ?? '';
      const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(CANDIDATE_INDEX_TAB);
      const rows: unknown[][] = [['区分', '会員数', '索引'], ['#', 0, '{}'], ...Array.from({ length: 1024 }, (_, b) => [bucketKey(b), 0, packBucket([])])];
      sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
      sheet.getRange(1, 1, rows.length, 3).setValues(rows);
      const member: Member = {
        member_id: id, name: '柏 太郎', kana: 'かしわ たろう', gender: null, birth_date: null, joined_on: TODAY, left_on: null, join_route: null, district: '柏',
        phone: '', email: '', skills: [], preferred_categories: [], availability: ['Mon-AM'], max_days_per_week: null, motivations: [],
        consent: true, notes: '', leave_reason: null,
      };
      const write = (): { trips: Record<string, number>; at: number } => {
        const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
        const m = fakes.log.measure(() => refreshCandidateIndex(store, 'ja', TODAY, [{ memberId: id, member, matches: [] }]));
        const values = sheet.getRange(1, 1, sheet.getLastRow(), 3).getValues();
        return { trips: m.calls.byMethod, at: values.findIndex((r) => r[0] === bucketKey(1023) && r[1] === 1) + 1 };
      };
      const inPlace = write();
      expect(inPlace.at).toBe(1026);
      expect(inPlace.trips['TextFinder.findAll']).toBeUndefined();
      expect(inPlace.trips['Range.getValues']).toBe(2); // the header (no desk cache here), the bucket's row
      sheet.deleteRows(100, 1);
      const moved = write();
      expect(moved.at).toBe(1025);
      expect(moved.trips['TextFinder.findAll']).toBe(1);
    } finally {
      fakes.uninstall();
    }
  });

  it('reads two buckets ten rows apart as two rows, never the packed buckets between (long cells), in place and when searched for', () => {
    // A bucket's 索引 is a packed text of ~7 KB at 50,000 members: the 9 between would be ~63 KB
    // read and dropped, which the per-cell cost model does not charge (rowBlocks reads a gap of 3-cell
    // rows up to 537 rows long). Through the store the entry points use (googlePorts: the desk
    // cache's store over the Sheets one), which must hand `largeCells` on.
    const fakes = installFakes(globalThis);
    try {
      const ids = Array.from({ length: 40_000 }, (_, i) => `M${String(i + 1).padStart(5, '0')}`);
      const [near = '', far = ''] = [1000, 1010].map((b) => ids.find((m) => bucketOf(m) === b) ?? '');
      const sheet = emptyIndexTab();
      const reads: string[] = [];
      const write = (): Record<string, number> => {
        const { store } = googlePorts();
        const m = fakes.log.measure(() => {
          const proto = Object.getPrototypeOf(sheet.getRange(1, 1)) as { getValues: () => unknown[][] };
          const original = proto.getValues;
          proto.getValues = function (this: GoogleAppsScript.Spreadsheet.Range) { reads.push(`r${this.getRow()} ${this.getNumRows()}x${this.getNumColumns()}`); return original.call(this); };
          try {
            refreshCandidateIndex(store, 'ja', TODAY, [near, far].map((id) => ({ memberId: id, member: member(id), matches: [] })));
          } finally {
            proto.getValues = original;
          }
        });
        return m.calls.byMethod;
      };
      const inPlace = write();
      expect(inPlace['TextFinder.findAll']).toBeUndefined();
      // The header (not cached yet), then rows 1003 and 1013 alone: not one block of 11 rows.
      expect(reads.filter((r) => r !== 'r1 1x4')).toEqual(['r1003 1x3', 'r1013 1x3']);
      reads.length = 0;
      // A row deleted by hand above them: read where they were (the 区分 cells show other buckets),
      // then found by key one row up (findRows, long cells too): each read alone both times.
      sheet.deleteRows(100, 1);
      const moved = write();
      expect(moved['TextFinder.findAll']).toBe(1);
      expect(reads.filter((r) => r !== 'r1 1x4')).toEqual(['r1003 1x3', 'r1013 1x3', 'r1002 1x4', 'r1012 1x4']);
    } finally {
      fakes.uninstall();
    }
  });
});

// Found by the red team of the row blocks (9eec6e6): readRows reads rows asked close together in one
// getValues with the rows between, priced at 31 µs a cell — a price measured on short cells. A row
// of _候補索引 is a packed bucket, ~7 KB of JSON at 50,000 members (7.1 MB over its 1,026 rows), so
// two buckets 390 rows apart read ~2.7 MB to save one 50 ms round trip: a write that re-packs a few
// members (a team proposed, a work report's members, the members of a touched job) read most of the
// index. The buckets are read one getValues each (adjacent ones together), the rows between never.
describe('the candidate index buckets of a write of several members, in Sheets', () => {
  it('reads only the buckets asked, never the packed buckets between them', () => {
    const fakes = installFakes(globalThis);
    try {
      const ids = Array.from({ length: 20_000 }, (_, i) => `M${String(i + 1).padStart(5, '0')}`);
      const near = ids.find((m) => bucketOf(m) === 10) ?? '';
      const far = ids.find((m) => bucketOf(m) === 400) ?? '';
      const sheet = emptyIndexTab();
      const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
      const m = fakes.log.measure(() => refreshCandidateIndex(store, 'ja', TODAY, [near, far].map((id) => ({ memberId: id, member: member(id), matches: [] }))));
      // The header (no desk cache here: its four names) and the two buckets' rows: 4 + 2 × 3 cells, in three getValues.
      expect(m.calls.cellsRead).toBe(10);
      expect(m.calls.byMethod['Range.getValues']).toBe(3);
      const values = sheet.getRange(1, 1, sheet.getLastRow(), 3).getValues();
      expect(values[12]?.[1]).toBe(1); // bucket 10 at sheet row 13
      expect(values[402]?.[1]).toBe(1);
    } finally {
      fakes.uninstall();
    }
  });
});
