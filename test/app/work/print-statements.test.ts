import { closedMonthStatements } from '../../../src/app/work/print-statements';
import { PRINT_BATCH } from '../../../src/domain/work/print-dialog-html';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import type { Cell } from '../../../src/domain/cell';
import { workCenterTabs } from './work-center';

// The statements of the month closed last, one batch of PRINT_BATCH members at a time. The work
// center (work-center.ts) with 250 more members paid in June (M1000…M1249, 1 h on J01 each):
// 253 paid members → batches 1–100, 101–200, 201–253.
const d = (date: string): Cell => ({ date });

function bigCenter(closed: readonly string[]): MemoryTableStore {
  return MemoryTableStore.from(workCenterTabs({ closed }).map((t) => {
    const extra = Array.from({ length: 250 }, (_, i) => `M${1000 + i}`);
    if (t.name === '会員') return { ...t, rows: [...t.rows, ...extra.map((id) => [id, `会員 ${id}`, null, null, d('2014-04-01'), null])] };
    if (t.name === '就業実績') return { ...t, rows: [...t.rows, ...extra.map((id, i) => [`X${i}`, d('2015-06-02'), id, 'J01', 1, null, false, null, null])] };
    return t;
  }));
}

const pagesOf = (html: string): number => (html.match(/<div class="page">/g) ?? []).length;

describe('the statements of the month closed last, in batches', () => {
  test('no close yet: a sentence, nothing else', () => {
    expect(closedMonthStatements(MemoryTableStore.from(workCenterTabs()), 'en', '2015-07-03', 1, 'f'))
      .toEqual({ ok: false, message: 'No month is closed yet. Run "Close last month" first' });
  });

  test('253 paid members: 100, 100 and 53 pages, the range choice naming all three; a range past the end gives the last', () => {
    const store = bigCenter(['2015-05', '2015-06']);
    const runs = [1, 101, 201].map((first) => closedMonthStatements(store, 'ja', '2015-07-03', first, 'printClosedStatements'));
    expect(runs.map((r) => (r.ok ? [r.month, r.first, r.count, r.total, pagesOf(r.html)] : r.message))).toEqual([
      ['2015-06', 1, PRINT_BATCH, 253, 100], ['2015-06', 101, 100, 253, 100], ['2015-06', 201, 53, 253, 53],
    ]);
    const first = runs[0]!;
    if (!first.ok) throw new Error(first.message);
    expect(first.html).toContain('<option value="201">201〜253 人目（全 253 人）</option>');
    // Member ID order: M001 first; M1249 on the last page of the last batch.
    expect(first.html.indexOf('会員番号 M001')).toBeLessThan(first.html.indexOf('会員番号 M002'));
    const last = runs[2]!;
    expect(last.ok && last.html.includes('会員番号 M1249')).toBe(true);
    expect(closedMonthStatements(store, 'ja', '2015-07-03', 9999, 'f')).toMatchObject({ ok: true, first: 201, count: 53 });
  });
});
