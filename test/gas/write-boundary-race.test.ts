import fc from 'fast-check';
import { installFakes, type FakeHandles } from '../fakes';
import { SheetsTableStore } from '../../src/gas/sheets-table-store';
import { scriptLock } from '../../src/gas/script-lock';
import { underWriteLock } from '../../src/app/shared/write-boundary';
import type { Cell } from '../../src/domain/cell';

// Two writers racing. Apps Script sends a run's writes when the run reads, flushes or ends; the
// fake does the same once a test names executions (test/fakes/executions.ts). A writer that
// releases the lock before its last write reached the sheet lets the next run read a stale
// getLastRow and write over the same rows. The write boundary flushes before it releases.
describe('two writers racing for the same tab', () => {
  let fakes: FakeHandles;
  beforeEach(() => {
    fakes = installFakes(globalThis);
    const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('活動記録');
    sheet.getRange(1, 1, 1, 2).setValues([['活動ID', 'メモ']]);
  });
  afterEach(() => fakes.uninstall());

  /** One run: a fresh store and lock (a new execution), appending `rows` as a batch. */
  const run = (id: string, rows: Cell[][], flush: boolean): boolean => {
    fakes.executions.begin(id);
    const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
    const lock = scriptLock();
    const ports = { lock, store: flush ? store : { flush: () => undefined } };
    return underWriteLock(ports, () => store.appendCells('活動記録', { columns: [0, 1], rows })).ok;
  };
  const ids = (): string[] => {
    fakes.executions.begin('reader');
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('活動記録');
    const last = sheet?.getLastRow() ?? 1;
    return last < 2 ? [] : (sheet?.getRange(2, 1, last - 1, 1).getValues().flat().map(String) ?? []);
  };

  it('loses a row in the fake when a writer releases the lock without flushing (the hazard the boundary closes)', () => {
    expect(run('A', [['A1', 'a'], ['A2', 'a']], false)).toBe(true);
    // A's rows are still held when B takes the lock: B's getLastRow says 1, B writes rows 2-3.
    expect(run('B', [['B1', 'b'], ['B2', 'b']], false)).toBe(true);
    fakes.executions.end('B');
    fakes.executions.end('A');
    expect(ids()).toEqual(['A1', 'A2']);
  });

  it('loses no row when each writer flushes before it releases, whatever order the runs end in', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ rows: fc.integer({ min: 1, max: 3 }), endLater: fc.boolean() }), { minLength: 2, maxLength: 8 }),
      (plan) => {
        fakes.uninstall();
        fakes = installFakes(globalThis);
        const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('活動記録');
        sheet.getRange(1, 1, 1, 2).setValues([['活動ID', 'メモ']]);
        const expected: string[] = [];
        const open: string[] = [];
        plan.forEach((step, n) => {
          const id = `run${n}`;
          const rows: Cell[][] = Array.from({ length: step.rows }, (_, k) => [`${id}-${k}`, 'x']);
          expect(run(id, rows, true)).toBe(true);
          expected.push(...rows.map((r) => String(r[0])));
          // A run that ends later keeps nothing held: the boundary flushed before releasing.
          expect(fakes.executions.held(id)).toBe(0);
          if (step.endLater) open.push(id); else fakes.executions.end(id);
        });
        for (const id of open.reverse()) fakes.executions.end(id);
        expect(ids()).toEqual(expected);
      },
    ), { numRuns: 200 });
  });

  it('changes nothing and says busy when another run holds the lock', () => {
    fakes.locks.holdElsewhere('script');
    expect(run('A', [['A1', 'a']], true)).toBe(false);
    fakes.locks.releaseElsewhere('script');
    expect(ids()).toEqual([]);
  });

  it('flushes and releases even when the use case throws half-way', () => {
    fakes.executions.begin('A');
    const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
    expect(() => underWriteLock({ lock: scriptLock(), store }, () => {
      store.appendCells('活動記録', { columns: [0, 1], rows: [['A1', 'a'], ['A2', 'a']] });
      throw new Error('Google failed');
    })).toThrow('Google failed');
    expect(fakes.executions.held('A')).toBe(0);
    expect(fakes.locks.isHeld('script')).toBe(false);
    expect(ids()).toEqual(['A1', 'A2']);
  });
});
