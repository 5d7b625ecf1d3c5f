import type { TableStore } from '../../../src/app/ports';
import { readColumnsOf, readTailOf } from '../../../src/app/shared/read-part';
import { findRowsInTail } from '../../../src/app/shared/find-rows';
import { parseTable } from '../../../src/domain/parse/parse-table';
import { MEMBERS_TAB } from '../../../src/domain/schema/tabs';
import { MemoryTableStore } from '../../../src/local/memory-table-store';

// Partial reads through the memory store, and through a store that has no partial reads (which
// must answer the same records for the columns asked, from a whole read).
const HEADER = MEMBERS_TAB.columns.map((c) => c.ja);
const row = (id: string, name: string, joined: string): (string | null | { date: string })[] =>
  HEADER.map((h) => (h === '会員ID' ? id : h === '氏名' ? name : h === '入会日' ? { date: joined } : h === '備考' ? '私的なメモ' : null));

function stores(): { memory: MemoryTableStore; plain: TableStore } {
  const memory = MemoryTableStore.from([{ name: '会員', header: HEADER, rows: [row('M1', '青木', '2020-04-01'), row('M2', '井上', '2021-04-01'), row('M3', '上野', '2022-04-01')] }]);
  const plain: TableStore = {
    read: (n) => memory.read(n), header: (n) => memory.header(n), tabNames: () => memory.tabNames(),
    replace: (...a) => memory.replace(...a), appendCells: (...a) => memory.appendCells(...a), writeCells: (...a) => memory.writeCells(...a), flush: () => undefined,
  };
  return { memory, plain };
}

describe('reading part of a tab', () => {
  test('reads the asked columns and the required ones, leaving every other cell blank', () => {
    const raw = readColumnsOf(stores().memory, MEMBERS_TAB, ['name']);
    // 会員ID and 入会日 are required, so they come too; 備考 was not asked for.
    expect(raw?.rows[0]?.filter((c) => c !== null)).toEqual(['M1', '青木', { date: '2020-04-01' }]);
    const parsed = parseTable(MEMBERS_TAB, raw ?? { name: '', header: [], rows: [] });
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((m) => [m.member_id, m.name, m.notes])).toEqual([['M1', '青木', ''], ['M2', '井上', ''], ['M3', '上野', '']]);
  });

  test('gives the same records for the asked columns from a store that can only read whole tabs', () => {
    const { memory, plain } = stores();
    const pick = (s: TableStore): unknown => parseTable(MEMBERS_TAB, readColumnsOf(s, MEMBERS_TAB, ['name']) ?? { name: '', header: [], rows: [] })
      .records.map((m) => [m.member_id, m.name, m.joined_on]);
    expect(pick(plain)).toEqual(pick(memory));
  });

  test('reads the last rows with their sheet row numbers, from either store', () => {
    const { memory, plain } = stores();
    for (const s of [memory, plain]) {
      const tail = readTailOf(s, MEMBERS_TAB, 2);
      // Three data rows are sheet rows 2..4; the last two start at row 3.
      expect(tail?.firstRow).toBe(3);
      const parsed = parseTable(MEMBERS_TAB, tail ?? { name: '', header: [], rows: [] });
      expect(parsed.records.map((m) => m.member_id)).toEqual(['M2', 'M3']);
      expect(parsed.rowNumbers).toEqual([3, 4]);
    }
  });

  test('names the right cell of a bad row read in a tail', () => {
    const { memory } = stores();
    memory.append('会員', [row('M4', '江藤', '2023-02-30')]);
    const parsed = parseTable(MEMBERS_TAB, readTailOf(memory, MEMBERS_TAB, 1) ?? { name: '', header: [], rows: [] });
    // 入会日 is column F; the fourth data row is sheet row 5.
    expect(parsed.problems.map((p) => `${p.tab}!${p.cell} ${p.code}`)).toEqual(['会員!F5 bad_date']);
  });
});

describe('rows found by key among the last rows (findRowsInTail)', () => {
  test('answers the same rows and sheet rows from the memory store and from a store that can only read whole tabs, by key and window', () => {
    const { memory, plain } = stores();
    memory.append('会員', [row(' M1 ', '青木2', '2023-04-01'), row('M4', '江藤', '2023-05-01')]);
    for (const [keys, lastRows] of [[['M1'], 5], [['M1'], 2], [['M1', 'M4'], 1], [['M9'], 5], [['M2'], 0]] as const) {
      const found = (s: TableStore): unknown => {
        const raw = findRowsInTail(s, MEMBERS_TAB, [{ key: 'member_id', keys }], 'ja', lastRows);
        return [raw?.rowNumbers, raw?.rows.map((r) => r[1])];
      };
      expect([keys, lastRows, found(plain)]).toEqual([keys, lastRows, found(memory)]);
    }
    // M1 typed with spaces (row 5) is M1; the window of 2 keeps only it of M1's two rows.
    expect(findRowsInTail(memory, MEMBERS_TAB, [{ key: 'member_id', keys: ['M1'] }], 'ja', 2)?.rowNumbers).toEqual([5]);
    expect(findRowsInTail(memory, MEMBERS_TAB, [{ key: 'member_id', keys: ['M1'] }], 'ja', 5)?.rowNumbers).toEqual([2, 5]);
    expect(findRowsInTail(memory, { ...MEMBERS_TAB, ja: 'ない', en: 'none' }, [{ key: 'member_id', keys: ['M1'] }], 'ja', 5)).toBeNull();
  });
});
