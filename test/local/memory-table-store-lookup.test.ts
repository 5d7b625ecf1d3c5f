import { loadWorkbook } from '../../src/app/shared/load-workbook';
import { formatProblem } from '../../src/domain/messages/catalog';
import { MemoryTableStore } from '../../src/local/memory-table-store';

// workbook.md: a tab is found by its Japanese or English name after trimming white space, and the
// tab keeps its own name, so what is read from `会員 ` is written back to `会員 `.

const MEMBERS = { header: ['会員ID', '入会日'], rows: [['M1', '2015-04-01'], ['M2', '2015-05-01']] };

describe('MemoryTableStore finds a tab by its trimmed name', () => {
  const store = MemoryTableStore.from([
    { name: '設定', header: ['項目', '値'], rows: [] },
    { name: '会員 ', ...MEMBERS },
    { name: '\u3000Jobs\u3000', header: ['job_id'], rows: [['J1'], ['J2'], ['J3']] },
  ]);

  it('in read, header, readColumns and readTail, answering the tab’s real name for the writes that follow', () => {
    expect(store.read(['会員', 'Members'])).toEqual({ name: '会員 ', header: ['会員ID', '入会日'], rows: MEMBERS.rows });
    expect(store.header(['会員', 'Members'])).toEqual({ name: '会員 ', header: ['会員ID', '入会日'] });
    expect(store.readColumns(['会員', 'Members'], () => [0])).toEqual({ name: '会員 ', header: ['会員ID', '入会日'], rows: [['M1', null], ['M2', null]] });
    expect(store.readTail(['仕事', 'Jobs'], 2)).toEqual({ name: '\u3000Jobs\u3000', header: ['job_id'], rows: [['J2'], ['J3']], firstRow: 3 });
    expect(store.read([' 設定 '])?.name).toBe('設定');
  });

  it('finds nothing for a name that differs once trimmed', () => {
    expect(store.read(['members', '会 員'])).toBeNull();
    expect(store.header(['Jobs2'])).toBeNull();
  });

  it('so a workbook whose 会員 tab has a space after its name loads without a missing tab', () => {
    const wb = loadWorkbook(MemoryTableStore.from([
      { name: '会員\u3000', ...MEMBERS },
      { name: ' 業務提供先', header: ['提供先ID'], rows: [] },
      { name: '仕事', header: ['仕事ID'], rows: [] },
      { name: 'Activities ', header: ['activity_id', 'date', 'area'], rows: [] },
      { name: 'マッチング', header: ['マッチングID', '会員ID', '契約形態', '状態'], rows: [] },
      { name: 'イベント', header: ['イベントID', '種別', '開催日'], rows: [] },
    ]));
    expect(wb.problems).toEqual([]);
    expect(wb.members.map((m) => m.member_id)).toEqual(['M1', 'M2']);
    expect(wb.tables.members?.tab).toBe('会員\u3000');
  });
});

describe('loadWorkbook over a MemoryTableStore', () => {
  it('names both tabs when 会員 and Members are both there, and reads 会員', () => {
    const wb = loadWorkbook(MemoryTableStore.from([
      { name: 'Members', header: ['member_id', 'joined_on'], rows: [['M9', '2015-04-01']] },
      { name: '会員', ...MEMBERS },
    ]));
    expect(wb.problems.map((p) => formatProblem(p, 'ja'))).toContain('会員: シート「会員」と「Members」が両方あります。どちらか一方にしてください（今は「会員」を読んでいます）');
    expect(wb.members.map((m) => m.member_id)).toEqual(['M1', 'M2']);
  });
});

