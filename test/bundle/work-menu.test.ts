import { loadBundle, type LoadedBundle } from './harness';
import type { Cell } from '../../src/domain/cell';
import { workCenterTabs } from '../app/work/work-center';

// The manager's menu items of issue 13 through dist/Code.js and the Apps Script fakes, as the menu
// calls them: 月次締め（先月） closes the month before today's (Tokyo), 月次締めを再開 reopens the
// month closed last, 年度統計を書き出す writes the last finished fiscal year. On the hand-worked
// work center (test/app/work/work-center.ts: June 2015 closes to 配分金 15,887 for 3 members,
// bills 17,475, 派遣 wages 4,400). Who may call them (a manager only): test/bundle/access.test.ts.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const MANAGER = 'kanri@c.jp';

function toSheetValue(c: Cell): unknown {
  if (c === null) return '';
  if (typeof c === 'object') return c.date;
  return c;
}

function world(now: string): { bundle: LoadedBundle; ss: GSpreadsheet } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', activeUserEmail: MANAGER, now });
  const ss = bundle.fakes!.spreadsheet;
  for (const t of workCenterTabs()) {
    const rows = [t.header, ...t.rows.map((r) => t.header.map((_, i) => toSheetValue(r[i] ?? null)))];
    ss.insertSheet(t.name).getRange(1, 1, rows.length, t.header.length).setValues(rows);
  }
  bundle.log.reset();
  return { bundle, ss };
}

const values = (ss: GSpreadsheet, tab: string): unknown[][] => ss.getSheetByName(tab)?.getDataRange().getValues() ?? [];

describe('menu 月次締め（先月） and 月次締めを再開', () => {
  test('closes June on 3 July with a toast of its totals; a second run changes nothing; reopening names the month', () => {
    // 10:00 on 2015-07-03 in Tokyo: the last finished month is June.
    const { bundle, ss } = world('2015-07-03T01:00:00Z');
    const m = bundle.log.measure(() => bundle.call('closeLastMonth'));
    expect(m.result).toEqual({ ok: true, month: '2015-06', message: '2015-06 を締めました（月次締めに記録: 月次締め）: 配分金 3 人 15,887 円、請求 17,475 円、派遣賃金 4,400 円' });
    expect(bundle.fakes!.toasts.at(-1)?.message).toBe('2015-06 を締めました（月次締めに記録: 月次締め）: 配分金 3 人 15,887 円、請求 17,475 円、派遣賃金 4,400 円');
    const closes = values(ss, '月次締め');
    expect(closes[1]?.slice(0, 2)).toEqual(['2015-06', '締め']);
    expect(closes[1]?.slice(6)).toEqual([11, 15887, 17475, 4400]);
    // The budget, the same at any size (the close reads columns, one getValues per run of them):
    // 13 getValues — 設定 and コーディネータ for the caller check, 会員's and 業務提供先's ID columns,
    // 仕事's and 就業実績's runs of CLOSE_READS with their headers, 月次締め —, the 月次締め row and the
    // audit row (two setValues into two new tabs here), lock, flush, toast: 24 round trips.
    expect([m.calls.roundTrips, m.calls.byMethod['Range.getValues'], m.calls.byMethod['Range.setValues']]).toEqual([24, 13, 2]);


    const second = bundle.log.measure(() => bundle.call('closeLastMonth') as { ok: boolean; message: string });
    expect(second.result).toMatchObject({ ok: true, message: expect.stringMatching(/^2015-06 は締め済みで、金額に変わりはありません/) });
    expect(second.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    expect(values(ss, '月次締め')).toHaveLength(2);

    const reopened = bundle.call('reopenLastClose');
    expect(reopened).toEqual({ ok: true, month: '2015-06', message: '2015-06 を再開しました（月次締め）。就業実績の行をまた受け付けます' });
    expect(values(ss, '月次締め')[1]?.[1]).toBe('再開');
    expect(bundle.call('reopenLastClose')).toEqual({ ok: false, month: null, message: '締めた月がありません。再開するものはありません' });
  });

  test('refuses to close a month whose rows have a problem, naming the cell, and writes nothing', () => {
    const { bundle, ss } = world('2015-07-03T01:00:00Z');
    ss.getSheetByName('就業実績')!.getRange(2, 5).setValue('三時間');
    const r = bundle.call('closeLastMonth') as { ok: boolean; message: string };
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^データに問題が 1 件あるため締めませんでした（最初: 就業実績!E2: /);
    expect(ss.getSheetByName('月次締め')).toBeNull();
  });
});

describe('menu 年度統計を書き出す', () => {
  test('writes fiscal 2015 on 20 April 2016, and a second run writes no cell', () => {
    const { bundle, ss } = world('2016-04-20T01:00:00Z');
    const m = bundle.log.measure(() => bundle.call('writeAnnualStats'));
    expect(m.result).toEqual({ ok: true, fiscalYear: 2015, message: '2015年度の年度統計をシート「年度統計」に書きました（26 行、変わったセル 182）' });
    const tab = values(ss, '年度統計');
    expect(tab[0]).toEqual(['年度', '区分', '項目', '男性', '女性', 'その他・未回答', '計']);
    expect(tab.find((r) => r[1] === '就業実人員')).toEqual([2015, '就業実人員', '計', 2, 1, 0, 3]);
    // 15 getValues (設定, コーディネータ, the columns of STATS_READS by run, 年度統計 absent), the new
    // tab's 27 rows and the audit row in two setValues: 27 round trips, at any size.
    expect([m.calls.roundTrips, m.calls.byMethod['Range.getValues'], m.calls.byMethod['Range.setValues']]).toEqual([27, 15, 2]);
    const again = bundle.log.measure(() => bundle.call('writeAnnualStats'));
    expect(again.result).toMatchObject({ ok: true, message: '2015年度の年度統計はシート「年度統計」の内容と同じです（書き換えていません）' });
    expect(again.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    expect(again.calls.byMethod['Sheet.appendRow'] ?? 0).toBe(0);
  });
});
