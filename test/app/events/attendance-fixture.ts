import type { AttendancePorts } from '../../../src/app/events/attendance';
import type { Cell } from '../../../src/domain/cell';
import { ACTIVITIES_TAB, CLIENTS_TAB, JOBS_TAB, MATCHES_TAB, REGISTRATIONS_TAB } from '../../../src/domain/schema/tabs';
import { MemoryKeyValueStore } from '../../../src/local/memory-key-value-store';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { fixedClock, freeLock, MemoryForms, MemoryMailer, MemoryProps } from '../shared/memory-ports';

// A small center on the morning of its orientation session, for the attendance tests (app,
// bundle, browser). Today is Monday 2026-12-07 in Tokyo; E001 (入会説明会, 10:00) is today,
// E002 (セミナー) on Wednesday, E003 (セミナー) was in October, E004 (2026-08-01) is older
// than the 60 days the picker looks back.
export const NOW = new Date('2026-12-07T00:30:00Z'); // 09:30 in Tokyo
export const COORDINATOR = 'tanaka@example.jp';
export const VIEWER = 'viewer@example.jp';
export const INACTIVE = 'former@example.jp';

export type Table = { name: string; header: string[]; rows: Cell[][] };

const d = (date: string): Cell => ({ date });

export const MEMBERS_HEADER = ['会員ID', '氏名', 'フリガナ', '性別', '生年月日', '入会日', '退会日', '入会経路', '地区', '電話', 'メール',
  '技能', '希望職種', '就業可能枠', '週上限日数', '生きがい志向', '個人情報同意', '備考'];

/** Registration rows in the schema's column order (申込ID … メモ). */
function reg(id: string, event: string, name: string, kana: string, phone: string, email: string, status: string, attended: boolean, member = ''): Cell[] {
  return [id, event, name, kana, phone, email, '70代', '女性', '広報誌・チラシ', d('2026-11-20T10:00:00'), status, attended, member, `2026-11-20T10:00:00/${id}`, true, ''];
}

export function attendanceTables(): Table[] {
  return [
    { name: '設定', header: ['項目', '値'], rows: [['センター名', '柏市シルバー人材センター'], ['言語', 'ja'], ['タイムゾーン', 'Asia/Tokyo']] },
    { name: 'コーディネータ', header: ['メール', '氏名', '役割', '有効'], rows: [
      [COORDINATOR, '田中 花子', 'コーディネータ', true], [VIEWER, '佐藤 閲子', '閲覧', true], [INACTIVE, '山本 元', 'コーディネータ', false],
    ] },
    { name: '会員', header: MEMBERS_HEADER, rows: [
      ['M00001', '青木 一郎', 'アオキ イチロウ', '男性', d('1950-04-01'), d('2020-04-01'), null, '窓口', '柏', '04-0000-0001', '', '清掃', '清掃', '月AM', 3, '健康', true, ''],
      // Typed by hand in the sheet's older 3-digit form: the next ID must still go above it.
      ['M036', '井上 和子', 'イノウエ カズコ', '女性', d('1952-05-01'), d('2021-04-01'), null, '紹介', '柏', '04-0000-0002', '', '', '', '', 2, '', true, ''],
    ] },
    { name: 'イベント', header: ['イベントID', '種別', '名称', '開催日', '開始時刻', '会場', '定員', '状態'], rows: [
      ['E001', '入会説明会', '', d('2026-12-07'), '10:00', '柏市センター会議室', 3, '締切'],
      ['E002', 'セミナー', '生きがいセミナー', d('2026-12-09'), '13:30', '柏市役所', '', '受付中'],
      ['E003', 'セミナー', '秋のセミナー', d('2026-10-20'), '13:30', '柏市役所', 10, '締切'],
      ['E004', '入会説明会', '夏の説明会', d('2026-08-01'), '10:00', '柏市役所', 10, '締切'],
    ] },
    { name: '申込', header: REGISTRATIONS_TAB.columns.map((c) => c.ja), rows: [
      reg('R00001', 'E001', '山田 花子', 'ヤマダ ハナコ', '090-1234-0001', 'hanako@example.jp', '確定', false),
      reg('R00002', 'E001', '佐藤 一郎', 'サトウ イチロウ', '090-1234-0002', '', '確定', false),
      reg('R00003', 'E002', '鈴木 三郎', 'スズキ サブロウ', '090-1234-0003', 'saburo@example.jp', '確定', false),
      reg('R00004', 'E001', '高橋 四葉', 'タカハシ ヨツバ', '090-1234-0004', 'yotsuba@example.jp', 'キャンセル待ち', false),
      reg('R00005', 'E001', '伊藤 五郎', 'イトウ ゴロウ', '090-1234-0005', '', '取消', false),
      reg('R00006', 'E001', '=HYPERLINK("http://x","渡辺")', 'ワタナベ ロク', '090-1234-0006', '', '確定', true),
      reg('R00007', 'E003', '中村 七海', 'ナカムラ ナナミ', '090-1234-0007', '', '確定', true, 'M00001'),
    ] },
    // The other tabs a center keeps, empty, so the workbook reads without problems.
    ...[CLIENTS_TAB, JOBS_TAB, ACTIVITIES_TAB, MATCHES_TAB].map((def) => ({ name: def.ja, header: def.columns.map((c) => c.ja), rows: [] })),
    { name: '監査ログ', header: ['日時', 'ユーザー', '操作', 'シート', 'ID', '内容'], rows: [] },
  ];
}

/** The same center as memory ports, signed in as `email`. */
export function attendancePorts(email = COORDINATOR): AttendancePorts & { store: MemoryTableStore; mailer: MemoryMailer; bag: MemoryProps; forms: MemoryForms; props: MemoryKeyValueStore } {
  return {
    store: MemoryTableStore.from(attendanceTables()), lock: { ...freeLock }, clock: fixedClock(NOW.toISOString()), user: { email: () => email },
    props: new MemoryKeyValueStore(), bag: new MemoryProps(), mailer: new MemoryMailer(), forms: new MemoryForms(),
  };
}
