import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import { countActivities, TOTALS_EDITED_PROPERTY } from '../../../src/app/weekly/count-activities';
import { parseStoredHeadline, recountHeadline, STORED_HEADLINE_KEY } from '../../../src/app/weekly/stored-headline';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { dayTables } from '../day-fixture';
import { COORDINATOR, sidebarPorts } from '../sidebar/sidebar-fixture';

// Found by the derived stores' red team: undo_place withdraws the マッチング activity its 成立
// logged, and the kept figures must move with what the sheet then holds — no more, no less.
const TODAY = '2025-06-11';
const quiet = (): void => undefined;

describe('undo_place and the figures kept beside the tabs', () => {
  test('活動記録 without a 状態 column: the 成立 activity cannot be withdrawn, so 今週 still counts it', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quiet);
    api.sidebarBootstrap();
    expect(api.changeMatchStatus({ action: 'place', job_id: 'J001', member_id: 'M004' }).ok).toBe(true);
    expect(api.changeMatchStatus({ action: 'undo_place', job_id: 'J001', member_id: 'M004' }).ok).toBe(true);
    const stored = parseStoredHeadline(ports.props.get(STORED_HEADLINE_KEY));
    expect(stored?.figures.activities).toEqual(recountHeadline(loadWorkbook(ports.store), TODAY, '').figures.activities);
  });

  test('the 成立 activity withdrawn by the undo leaves _活動集計 as a recount finds it', () => {
    const ports = sidebarPorts(COORDINATOR, MemoryTableStore.from(dayTables()));
    const api = createSidebarApi(ports, quiet);
    api.sidebarBootstrap();
    expect(api.changeMatchStatus({ action: 'place', job_id: 'J003', member_id: 'M001' }).ok).toBe(true);
    // The weekly run (or a first count) takes the 成立 row into the totals, the mark past it.
    countActivities({ store: ports.store, properties: ports.props, today: TODAY, language: 'ja' });
    expect(api.changeMatchStatus({ action: 'undo_place', job_id: 'J003', member_id: 'M001' }).ok).toBe(true);
    // A person's edit stamp forces the whole recount: it must find nothing different.
    ports.props.set(TOTALS_EDITED_PROPERTY, '1');
    const recount = countActivities({ store: ports.store, properties: ports.props, today: TODAY, language: 'ja' });
    expect(recount.recount).toBe('edited');
    expect(recount.differed).toBeNull();
  });
});
