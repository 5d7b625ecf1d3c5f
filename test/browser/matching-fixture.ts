import type { Cell } from '../../src/domain/cell';
import { COORDINATOR, sidebarTables } from '../app/sidebar/sidebar-fixture';

// The sidebar fixture with the job list a real center has: six jobs called 夜間巡回 for five
// clients, open (募集中), filled (充足, M003 placed in its one slot), closed (終了) and 提案中 —
// what the マッチング picker must tell apart and filter. マッチング has its 担当枠 column.
type Table = ReturnType<typeof sidebarTables>[number];

export function matchingTables(): Table[] {
  const d = (date: string): Cell => ({ date });
  const night = (id: string, client: string, slot: string, status: string, created: string): Cell[] =>
    [id, client, '夜間巡回', '警備', '請負', '', slot, 1, '柏', d('2025-06-01'), null, '', false, status, d(created), COORDINATOR];
  return sidebarTables().map((table) => {
    if (table.name === '業務提供先') {
      return { ...table, rows: [...table.rows,
        ['C003', 'あおば台自治会', 'その他', '柏', '', '', '', d('2024-05-01'), COORDINATOR],
        ['C004', '柏駅前商店会', '企業', '柏', '', '', '', d('2024-06-01'), COORDINATOR],
        ['C005', '南部公民館', '公共', '柏', '', '', '', d('2024-07-01'), COORDINATOR],
      ] };
    }
    if (table.name === '仕事') {
      return { ...table, rows: [...table.rows,
        night('J003', 'C001', '月PM', '募集中', '2025-05-01'),
        night('J004', 'C002', '火PM', '募集中', '2025-05-02'),
        night('J005', 'C003', '木AM', '充足', '2025-05-03'),
        night('J006', 'C004', '金PM', '終了', '2025-05-04'),
        night('J007', 'C005', '土PM', '募集中', '2025-05-05'),
        night('J008', 'C001', '日PM', '提案中', '2025-05-06'),
      ] };
    }
    if (table.name === 'マッチング') {
      return { ...table, header: [...table.header, '担当枠'], rows: [
        ['X000001', 'J005', 'M003', '請負', '成立', d('2025-05-10'), d('2025-05-12'), null, COORDINATOR, 80, '', '木AM'],
      ] };
    }
    return table;
  });
}
