import type { Cell } from '../../../src/domain/cell';

// The hand-worked center of test/domain/work/fixtures.ts as raw tabs (a workbook file or a memory
// store): June 2015 closes to 配分金 14,287 (M001 10,875, M002 787, M003 2,625), bills 15,715 and
// 派遣 wages 4,400. Names are there for the statements; 設定 sets the fee rate to 10.
export interface RawTab { name: string; header: string[]; rows: Cell[][] }

export function workCenterTabs(options: { closed?: readonly string[] } = {}): RawTab[] {
  const d = (date: string): Cell => ({ date });
  return [
    { name: '設定', header: ['項目', '値'], rows: [['センター名', 'てすと市シルバー人材センター'], ['言語', 'ja'], ['事務費率', 10]] },
    { name: 'コーディネータ', header: ['メール', '氏名', '役割', '有効'], rows: [['kanri@c.jp', '管理', '管理者', true]] },
    { name: '会員', header: ['会員ID', '氏名', 'フリガナ', '性別', '入会日', '退会日'], rows: [
      ['M001', '柏 一郎', 'カシワ イチロウ', '男性', d('2010-05-01'), null],
      ['M002', '流山 花子', 'ナガレヤマ ハナコ', '女性', d('2012-04-01'), null],
      ['M003', '我孫子 三郎', 'アビコ サブロウ', '男性', d('2014-06-01'), null],
      ['M004', '松戸 四季', 'マツド シキ', '女性', d('2015-01-10'), null],
    ] },
    { name: '業務提供先', header: ['提供先ID', '名称', '業種'], rows: [['C01', 'ひかり苑', '福祉施設'], ['C02', '柏商事', '企業'], ['C03', '山田家', '家庭']] },
    { name: '仕事', header: ['仕事ID', '提供先ID', '仕事名', '契約形態', '勤務枠', '状態', '単価', '単価区分'], rows: [
      ['J01', 'C01', '公園清掃', '請負', '月AM', '募集中', 1000, '時間'],
      ['J02', 'C01', '施設管理', '委任', '火AM', '募集中', 3500, '日'],
      ['J03', 'C02', '除草', '請負', '水AM', '募集中', 1050, '時間'],
      ['J04', 'C02', '倉庫作業', '派遣', '木AM', '募集中', 1100, '時間'],
      ['J05', 'C03', '受付', '職業紹介', '金AM', '募集中', 1200, '時間'],
      ['J06', 'C03', '植木の手入れ', '請負', '土AM', '募集中', 800, '時間'],
    ] },
    { name: '活動記録', header: ['活動ID', '日付', '分野'], rows: [] },
    { name: 'マッチング', header: ['マッチングID', '仕事ID', '会員ID', '契約形態', '状態', '成立日'], rows: [] },
    { name: 'イベント', header: ['イベントID', '種別', '開催日'], rows: [] },
    { name: '就業実績', header: ['実績ID', '就業日', '会員ID', '仕事ID', '時間', '金額', '確認', '記録日時', 'メモ'], rows: [
      ['W01', d('2015-06-01'), 'M001', 'J01', 3, null, true, null, null],
      ['W02', d('2015-06-01'), 'M001', 'J03', 1.5, null, true, null, null],
      ['W03', d('2015-06-02'), 'M001', 'J01', 2.5, 2800, true, null, '雨天のため追加作業'],
      ['W04', d('2015-06-30'), 'M001', 'J02', 6, null, true, null, null],
      ['W05', d('2015-06-03'), 'M002', 'J03', 0.5, null, false, null, null],
      ['W06', d('2015-06-03'), 'M002', 'J03', 0.25, null, false, null, null],
      ['W07', d('2015-06-10'), 'M002', 'J04', 4, null, false, null, null],
      ['W08', d('2015-06-11'), 'M002', 'J05', 3, null, false, null, null],
      ['W09', d('2015-06-15'), 'M003', 'J03', 1.25, null, false, null, null],
      ['W10', d('2015-06-16'), 'M003', 'J03', 1.25, null, false, null, null],
      // J06 has a 単価 here (¥800), so the close is not stopped: 2 h × 800 = 1,600.
      ['W11', d('2015-06-20'), 'M003', 'J06', 2, null, false, null, null],
      ['W12', d('2015-05-31'), 'M002', 'J01', 1, null, false, null, null],
      ['W13', d('2015-07-01'), 'M001', 'J01', 2, null, false, null, null],
    ] },
    ...(options.closed ? [{ name: '月次締め', header: ['対象月', '状態', '締め日時', '締め担当', '再開日時', '再開担当', '就業行数', '配分金合計', '請求合計', '賃金合計'],
      rows: options.closed.map((m): Cell[] => [m, '締め', d(`${m}-01T09:00:00`), 'kanri@c.jp', null, null, 0, 0, 0, 0]) }] : []),
  ];
}

/** June with W11 priced at ¥800: M003 is 2,625 + 1,600 = 4,225; C03's pay 1,600, fee 160, 1,760;
 *  配分金 10,875 + 787 + 4,225 = 15,887; billed 10,230 + 5,485 + 1,760 = 17,475; wages 4,400. */
export const JUNE = { amount: 15887, billed: 17475, fee: 1588, wages: 4400, rows: 11 } as const;

/** The same center with placements and a coordinator, for the 就業実績 panel (work-api.test.ts,
 *  the browser test): M004 placed on J01 from 2015-07-01, on J03 2015-06-01 … 2015-07-10 (終了),
 *  proposed for J06 (not a placement); M001 on J01 since May. */
export const PANEL_COORDINATOR = 'coord@c.jp';
export const PANEL_VIEWER = 'etsu@c.jp';

export function workPanelTabs(options: { language?: 'ja' | 'en' } = {}): RawTab[] {
  const d = (date: string): Cell => ({ date });
  return workCenterTabs().map((t) => {
    if (t.name === 'マッチング') {
      return { ...t, header: ['マッチングID', '仕事ID', '会員ID', '契約形態', '状態', '成立日', '終了日'], rows: [
        ['X01', 'J01', 'M004', '請負', '成立', d('2015-07-01'), null],
        ['X02', 'J03', 'M004', '請負', '終了', d('2015-06-01'), d('2015-07-10')],
        ['X03', 'J01', 'M001', '請負', '成立', d('2015-05-01'), null],
        ['X04', 'J06', 'M004', '請負', '提案', null, null],
      ] };
    }
    if (t.name === 'コーディネータ') return { ...t, rows: [...t.rows, [PANEL_VIEWER, '閲覧', '閲覧', true], [PANEL_COORDINATOR, 'コ', 'コーディネータ', true]] };
    if (t.name === '設定' && options.language === 'en') return { ...t, rows: t.rows.map((r) => (r[0] === '言語' ? ['言語', 'en'] : r)) };
    return t;
  });
}
