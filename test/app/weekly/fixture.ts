import type { Cell } from '../../../src/domain/cell';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import type { Clock, Mailer, MailMessage } from '../../../src/app/ports';

// A small center around the fiscal-year boundary of 2016 (the week 2016-03-28 .. 04-03), with
// Japanese headers as setup writes them. Every figure the tests expect is worked out by hand
// from these rows, in the tests' comments.
export const MEMBER_PERSONAL_DATA = [
  '山田花子', 'ヤマダハナコ', '090-1111-2222', 'hanako@example.jp',
  '佐々木一郎', '080-3333-4444', 'ichiro@example.jp',
  '高橋次郎', '070-5555-6666', 'jiro@example.jp',
  '伊藤三郎', 'saburo@example.jp', '渡辺幸子', 'sachiko@example.jp',
];

type Row = Cell[];

export function fyBoundaryTables(options: { language?: 'ja' | 'en'; recipients?: string } = {}): { name: string; header: string[]; rows: Row[] }[] {
  return [
    { name: '設定', header: ['項目', '値'], rows: [
      ['センター名', '柏市シルバー人材センター'],
      ['言語', options.language ?? 'ja'],
      ['週次メール送信先', options.recipients ?? ''],
    ] },
    { name: 'コーディネータ', header: ['メール', '氏名', '役割', '有効'], rows: [
      ['jc1@center.example', '田中 JC', 'コーディネータ', true],
      ['jc2@center.example', '佐藤 <b>JC</b>', 'コーディネータ', true],
      ['boss@center.example', '鈴木 所長', '管理者', true],
      ['old@center.example', '旧担当', 'コーディネータ', false],
      ['view@center.example', '閲覧者', '閲覧', true],
    ] },
    { name: '会員', header: ['会員ID', '氏名', 'フリガナ', '性別', '入会日', '退会日', '入会経路', '電話', 'メール', '就業可能枠', '個人情報同意'], rows: [
      ['M001', '山田花子', 'ヤマダハナコ', '女性', '2015-04-01', null, '窓口', '090-1111-2222', 'hanako@example.jp', '月AM', true],
      ['M002', '佐々木一郎', null, '男性', '2016-03-29', null, '説明会', '080-3333-4444', 'ichiro@example.jp', null, true],
      ['M003', '高橋次郎', null, '男性', '2016-04-01', null, 'セミナー', '070-5555-6666', 'jiro@example.jp', '火PM', true],
      ['M004', '伊藤三郎', null, '男性', '2016-03-22', null, '紹介', null, 'saburo@example.jp', null, true],
      ['M005', '渡辺幸子', null, '女性', '2014-05-01', '2016-03-31', '広報', null, 'sachiko@example.jp', null, false],
    ] },
    { name: '業務提供先', header: ['提供先ID', '名称', '業種', '開拓日'], rows: [
      ['C001', 'ひまわり苑', '福祉施設', '2016-03-10'],
      ['C002', '個人宅A', '家庭', '2016-03-31'],
    ] },
    { name: '仕事', header: ['仕事ID', '提供先ID', '仕事名', '契約形態', '勤務枠', '必要人数', '状態', '登録日', '担当'], rows: [
      ['J001', 'C001', '配膳補助', '派遣', '月AM', 3, '募集中', '2016-03-15', 'jc1@center.example'],
      ['J002', 'C002', '庭の手入れ', '請負', '火PM', 1, '募集中', '2016-04-01', 'jc2@center.example'],
    ] },
    { name: '活動記録', header: ['活動ID', '日付', '担当', '分野', '種別', '会員ID', '提供先ID', '所要分'], rows: [
      ['A001', '2016-03-28', 'jc1@center.example', '開拓', '訪問', null, 'C002', 60],
      ['A002', '2016-03-30', 'jc1@center.example', 'マッチング', '提案', 'M001', null, 30],
      ['A003', '2016-04-02', 'jc2@center.example', '継続支援', 'フォロー', 'M004', null, 45],
      ['A004', '2016-03-23', 'jc2@center.example', '募集・支援', '面談', null, null, 20],
      ['A005', '2016-04-04', 'jc1@center.example', '開拓', '電話', null, null, 10],
    ] },
    { name: 'マッチング', header: ['マッチングID', '仕事ID', '会員ID', '契約形態', '状態', '成立日', '終了日', '担当'], rows: [
      ['X001', 'J001', 'M001', '派遣', '成立', '2016-03-30', null, 'jc1@center.example'],
      ['X002', 'J001', 'M004', '請負', '成立', '2016-04-02', null, 'jc1@center.example'],
      ['X003', null, 'M002', '就労相談', '終了', '2016-03-24', '2016-03-25', 'jc2@center.example'],
    ] },
    { name: 'イベント', header: ['イベントID', '種別', '名称', '開催日', '開始時刻', '定員', '状態'], rows: [
      ['E001', '入会説明会', '入会説明会（3月）<script>', '2016-03-29', '10:00', 20, '受付中'],
      ['E002', 'セミナー', '就業準備セミナー', '2016-04-12', '13:30', 10, '受付中'],
      ['E003', 'セミナー', '中止の回', '2016-03-31', null, 10, '中止'],
    ] },
    { name: '申込', header: ['申込ID', 'イベントID', '氏名', '電話', 'メール', '状態', '出席', '会員ID'], rows: [
      ['R001', 'E001', '佐々木一郎', '080-3333-4444', 'ichiro@example.jp', '確定', true, 'M002'],
      ['R002', 'E001', '小林', null, null, '確定', false, null],
      ['R003', 'E002', '中村', null, null, '確定', null, null],
      ['R004', 'E002', '加藤', null, null, 'キャンセル待ち', null, null],
      ['R005', 'E002', '吉田', null, null, '確定', null, null],
    ] },
  ];
}

export function fyBoundaryStore(options: { language?: 'ja' | 'en'; recipients?: string } = {}): MemoryTableStore {
  return MemoryTableStore.from(fyBoundaryTables(options));
}

/** A mailer that keeps what it was asked to send; `quota` is what remainingQuota reports. */
export class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  quotaAsked = 0;
  constructor(public quota = 100, private readonly fail = false) {}
  remainingQuota(): number { this.quotaAsked += 1; return this.quota; }
  send(message: MailMessage): void {
    if (this.fail) throw new Error('Service invoked too many times');
    this.sent.push(message);
    this.quota -= message.to.length;
  }
}

/** A clock fixed at `iso` (an instant). */
export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso) };
}

/** Monday 2016-04-04 08:00 in Tokyo (= Sunday 23:00 UTC): the run that reports 2016-03-28 .. 04-03. */
export const MONDAY_AFTER_FY_WEEK = '2016-04-03T23:00:00Z';
