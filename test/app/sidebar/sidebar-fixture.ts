import type { Cell } from '../../../src/domain/cell';
import type { Clock, KeyValueStore, Lock, UserIdentity } from '../../../src/app/ports';
import type { SidebarPorts } from '../../../src/app/shared/call-context';
import { MemoryTableStore } from '../../../src/local/memory-table-store';

// A small center for the sidebar's tests (app, bundle and browser): three coordinators of each
// kind, five members, two clients, two jobs. Today is Wednesday 2025-06-11 in Tokyo.
export const NOW = new Date('2025-06-11T01:00:00Z'); // 10:00 in Tokyo
export const COORDINATOR = 'tanaka@example.jp';
export const MANAGER = 'boss@example.jp';
export const VIEWER = 'viewer@example.jp';
export const INACTIVE = 'former@example.jp';

type Table = { name: string; header: string[]; rows: Cell[][] };

export function sidebarTables(): Table[] {
  const d = (date: string): Cell => ({ date });
  return [
    { name: '設定', header: ['項目', '値'], rows: [['センター名', '柏市シルバー人材センター'], ['言語', 'ja'], ['タイムゾーン', 'Asia/Tokyo']] },
    {
      name: 'コーディネータ', header: ['メール', '氏名', '役割', '有効'], rows: [
        [COORDINATOR, '田中 花子', 'コーディネータ', true],
        [MANAGER, '鈴木 一郎', '管理者', true],
        [VIEWER, '佐藤 閲子', '閲覧', true],
        [INACTIVE, '山本 元', 'コーディネータ', false],
      ],
    },
    {
      name: '会員',
      header: ['会員ID', '氏名', 'フリガナ', '性別', '生年月日', '入会日', '退会日', '入会経路', '地区', '電話', 'メール', '技能', '希望職種', '就業可能枠', '週上限日数', '生きがい志向', '個人情報同意', '備考'],
      rows: [
        ['M001', '青木 一郎', 'アオキ イチロウ', '男性', d('1950-04-01'), d('2020-04-01'), null, '説明会', '柏', '04-0000-0001', '', '清掃', '清掃', '月AM,水AM', 3, '健康', true, ''],
        ['M002', '井上 和子', 'イノウエ カズコ', '女性', d('1952-05-01'), d('2021-04-01'), null, '窓口', '柏', '04-0000-0002', '', '清掃,調理', '清掃', '月AM,月PM,水AM', 3, '社会貢献', true, ''],
        ['M003', '上野 三郎', 'ウエノ サブロウ', '男性', d('1948-01-01'), d('2019-04-01'), null, '紹介', '我孫子', '04-0000-0003', '', '植木', '植木', '火AM,木AM', 2, '収入', true, ''],
        ['M004', '江藤 四郎', 'エトウ シロウ', '男性', d('1949-01-01'), d('2019-04-01'), null, '紹介', '柏', '', '', '清掃', '清掃', '水AM', 2, '仲間', false, '同意なし'],
        ['M005', '大野 五月', 'オオノ サツキ', '女性', d('1951-01-01'), d('2018-04-01'), d('2024-03-31'), '広報', '柏', '', '', '清掃', '清掃', '月AM', 2, '健康', true, '退会'],
      ],
    },
    {
      name: '業務提供先', header: ['提供先ID', '名称', '業種', '地区', '担当者', '電話', 'メール', '開拓日', '開拓担当'], rows: [
        ['C001', 'ひまわり園', '福祉施設', '柏', '', '', '', d('2024-04-10'), COORDINATOR],
        ['C002', '柏商事', '企業', '柏', '', '', '', d('2025-06-09'), COORDINATOR],
      ],
    },
    {
      name: '仕事',
      header: ['仕事ID', '提供先ID', '仕事名', '職種', '契約形態', '必要技能', '勤務枠', '必要人数', '地区', '開始日', '終了日', '報酬', '社会貢献', '状態', '登録日', '担当'],
      rows: [
        ['J001', 'C001', '施設の清掃', '清掃', '請負', '清掃', '月AM,水AM', 1, '柏', d('2025-06-01'), null, '時給1100円', true, '募集中', d('2025-05-20'), COORDINATOR],
        ['J002', 'C002', '植木の手入れ', '植木', '派遣', '植木', '火AM', 1, '柏', d('2025-06-01'), null, '', false, '募集中', d('2025-06-10'), COORDINATOR],
      ],
    },
    {
      name: '活動記録',
      header: ['活動ID', '日付', '担当', '分野', '種別', '会員ID', '提供先ID', '仕事ID', '所要分', '結果', 'メモ', '記録日時'],
      rows: [
        ['A000007', d('2025-06-09'), COORDINATOR, '開拓', '訪問', '', 'C002', '', 60, '新規開拓', '', d('2025-06-09T15:00:00')],
      ],
    },
    {
      name: 'マッチング',
      header: ['マッチングID', '仕事ID', '会員ID', '契約形態', '状態', '提案日', '成立日', '終了日', '担当', '適合度', 'メモ'],
      rows: [],
    },
    { name: 'イベント', header: ['イベントID', '種別', '名称', '開催日', '開始時刻', '会場', '定員', '状態'], rows: [] },
    { name: '監査ログ', header: ['日時', 'ユーザー', '操作', 'シート', 'ID', '内容'], rows: [] },
  ];
}

export class MemoryLock implements Lock {
  held = false;
  busy = false;
  tries = 0;
  tryLock(): boolean {
    this.tries++;
    if (this.busy || this.held) return false;
    this.held = true;
    return true;
  }
  release(): void {
    this.held = false;
  }
}

export class MemoryProps implements KeyValueStore {
  readonly values = new Map<string, string>();
  get(key: string): string | null { return this.values.get(key) ?? null; }
  set(key: string, value: string): void { this.values.set(key, value); }
  delete(key: string): void { this.values.delete(key); }
}

export function sidebarPorts(email: string = COORDINATOR, store: MemoryTableStore = MemoryTableStore.from(sidebarTables())): SidebarPorts & { store: MemoryTableStore; lock: MemoryLock; props: MemoryProps } {
  const clock: Clock = { now: () => NOW };
  const user: UserIdentity = { email: () => email };
  return { store, lock: new MemoryLock(), clock, user, props: new MemoryProps() };
}
