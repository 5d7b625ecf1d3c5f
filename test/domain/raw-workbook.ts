import type { Cell, RawTable } from '../../src/domain/cell';
import { readWorkbook, type Workbook } from '../../src/domain/workbook';

// Builds a Workbook from plain tables (header + rows) for domain tests, with empty required tabs
// filled in, so each test shows only the tabs it is about.
export type Tables = Record<string, { header: string[]; rows: Cell[][] }>;

const EMPTY: Tables = {
  会員: { header: ['会員ID', '入会日'], rows: [] },
  業務提供先: { header: ['提供先ID'], rows: [] },
  仕事: { header: ['仕事ID'], rows: [] },
  活動記録: { header: ['活動ID', '日付', '分野'], rows: [] },
  マッチング: { header: ['マッチングID', '会員ID', '契約形態', '状態'], rows: [] },
  イベント: { header: ['イベントID', '種別', '開催日'], rows: [] },
};

export function rawWorkbook(tables: Tables, without: readonly string[] = []): Workbook {
  const all: Tables = { ...EMPTY, ...tables };
  for (const name of without) delete all[name];
  return readWorkbook((names) => {
    for (const name of names) {
      const t = all[name];
      if (t) return { name, header: t.header, rows: t.rows } satisfies RawTable;
    }
    return null;
  });
}
