import { loadBundle, type LoadedBundle } from './harness';
import type { Cell } from '../../src/domain/cell';
import { workCenterTabs } from '../app/work/work-center';

// Menu 配分金明細を印刷（締めた月） through dist/Code.js and the Apps Script fakes: after 月次締め
// closes June 2015 on the hand-worked work center (test/app/work/work-center.ts: 3 members paid
// 15,887 in all), the item opens a modal dialog holding the three members' statements — the
// pages of `ikigai pay --out`, one A4 page each — and a 印刷 button. It reads only: nothing of
// the workbook changes and no lock is taken. Who may call it (a manager only): access.test.ts.
// The dialog printed by Chromium: test/browser/statements-dialog.test.ts.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const MANAGER = 'kanri@c.jp';

function toSheetValue(c: Cell): unknown {
  if (c === null) return '';
  if (typeof c === 'object') return c.date;
  return c;
}

function world(now: string, edit?: (name: string, rows: unknown[][]) => unknown[][]): { bundle: LoadedBundle; ss: GSpreadsheet } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', activeUserEmail: MANAGER, now });
  const ss = bundle.fakes!.spreadsheet;
  for (const t of workCenterTabs()) {
    const rows0 = [t.header, ...t.rows.map((r) => t.header.map((_, i) => toSheetValue(r[i] ?? null)))];
    const rows = edit ? edit(t.name, rows0) : rows0;
    ss.insertSheet(t.name).getRange(1, 1, rows.length, t.header.length).setValues(rows);
  }
  bundle.log.reset();
  return { bundle, ss };
}

const allValues = (ss: GSpreadsheet): string => JSON.stringify(ss.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]));

describe('menu 配分金明細を印刷（締めた月）', () => {
  test('before any close it says to close first, and opens nothing', () => {
    const { bundle } = world('2015-07-03T01:00:00Z');
    expect(bundle.call('printClosedStatements')).toEqual({ ok: false, message: '締めた月がありません。先に「月次締め（先月）」を実行してください' });
    expect(bundle.fakes!.ui.dialogs).toHaveLength(0);
    expect(bundle.fakes!.toasts.at(-1)?.message).toBe('締めた月がありません。先に「月次締め（先月）」を実行してください');
  });

  test('after June is closed, one dialog holds each paid member\'s statement, escaped, and the workbook is untouched', () => {
    const { bundle, ss } = world('2015-07-03T01:00:00Z', (name, rows) => (name === '会員'
      // A name with markup: the statement shows it as text.
      ? rows.map((r, i) => (i === 1 ? [r[0], '<b>山田</b> & 花子', ...r.slice(2)] : r)) : rows));
    expect(bundle.call('closeLastMonth')).toMatchObject({ ok: true, month: '2015-06' });
    const before = allValues(ss);
    bundle.log.reset();
    const m = bundle.log.measure(() => bundle.call('printClosedStatements'));
    expect(m.result).toEqual({ ok: true, message: '', first: 1, count: 3, total: 3 });
    const dialog = bundle.fakes!.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('配分金明細 2015-06');
    expect([dialog.width, dialog.height]).toEqual([860, 640]);
    const pages = dialog.content.match(/<div class="page">/g) ?? [];
    expect(pages).toHaveLength(3);
    expect(dialog.content.match(/<h1>配分金明細書<\/h1>/g)).toHaveLength(3);
    expect(dialog.content).toContain('&lt;b&gt;山田&lt;/b&gt; &amp; 花子 様');
    expect(dialog.content).not.toContain('<b>山田</b>');
    expect(dialog.content).toContain('window.print()');
    expect(dialog.content).toContain('2015年6月分');
    // Three members: no range choice.
    expect(dialog.content).not.toContain('<select id="range">');
    expect(allValues(ss)).toBe(before);
    // Reads only, no lock: 14 getValues — 設定 and コーディネータ (caller check), 月次締め, 設定,
    // and the runs of columns (with headers) of 会員, 業務提供先, 仕事, 就業実績 — the same at any
    // center size (columns, never a call per row); one dialog: 17 round trips.
    expect(m.calls.byMethod['LockService.getScriptLock'] ?? 0).toBe(0);
    expect(m.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    expect(m.calls.byMethod['Ui.showModalDialog']).toBe(1);
    expect([m.calls.roundTrips, m.calls.byMethod['Range.getValues']]).toEqual([17, 14]);
  });

  test('an argument that is not a member position is refused before anything is read', () => {
    const { bundle } = world('2015-07-03T01:00:00Z');
    for (const bad of [0, '1', 1.5]) expect(bundle.call('printClosedStatements', bad)).toMatchObject({ ok: false, code: 'bad_input' });
    expect(bundle.fakes!.ui.dialogs).toHaveLength(0);
  });
});
