import { dateCell, type Cell, type RawTable } from '../src/domain/cell';
import { labelOf, JOB_ENGAGEMENT, type JobEngagement } from '../src/domain/enums';
import { Prng } from '../src/local/demo/prng';

// The center bench/monthly-close.ts closes: its members, clients, priced jobs and one month of
// work rows, with 月次締め and 監査ログ made (as setup makes them), so what is measured is a
// close of a set-up desk.
export const CLOSE_MONTH = '2025-02';
const MONTH = CLOSE_MONTH;
export const ROWS_PER_MEMBER = 20;

/** 設定, コーディネータ, 会員, 業務提供先, 仕事 (priced; 請負 60%, 委任 20%, 派遣 15%, 職業紹介 5%) and 就業実績:
 *  each member 20 rows in February 2025 on 1–2 jobs, 2–6 hours, one row in ten with 金額. */
export function workCenter(n: number): RawTable[] {
  const rng = new Prng(13 + n);
  const id = (p: string, i: number, w: number): string => `${p}${String(i).padStart(w, '0')}`;
  const clients = Math.max(1, Math.floor(n / 20));
  const jobs = Math.max(2, Math.floor(n / 10));
  const engagementOf = (j: number): JobEngagement => (j % 20 < 12 ? 'contract' : j % 20 < 16 ? 'mandate' : j % 20 < 19 ? 'dispatch' : 'placement');
  const jobRows: Cell[][] = Array.from({ length: jobs }, (_, j) => [
    id('J', j + 1, 5), id('C', (j % clients) + 1, 4), `仕事${j + 1}`, labelOf(JOB_ENGAGEMENT, engagementOf(j), 'ja'), '募集中',
    j % 7 === 0 ? 4000 + (j % 5) * 500 : 950 + (j % 9) * 50, j % 7 === 0 ? '日' : '時間',
  ]);
  const work: Cell[][] = [];
  let w = 0;
  for (let m = 1; m <= n; m++) {
    const a = rng.int(0, jobs - 1);
    const b = rng.int(0, jobs - 1);
    for (let r = 0; r < ROWS_PER_MEMBER; r++) {
      const day = (r % 19) + 1 + (r >= 19 ? 8 : 0);
      w++;
      work.push([
        id('W', w, 7), dateCell(`${MONTH}-${String(day).padStart(2, '0')}`), id('M', m, 6), id('J', (r % 3 === 0 ? b : a) + 1, 5),
        rng.int(4, 12) / 2, w % 10 === 0 ? rng.int(20, 60) * 100 : null, w % 3 === 0, null, null,
      ]);
    }
  }
  return [
    { name: '設定', header: ['項目', '値'], rows: [['センター名', 'ベンチ市シルバー人材センター'], ['言語', 'ja'], ['事務費率', 10]] },
    { name: 'コーディネータ', header: ['メール', '氏名', '役割', '有効'], rows: [['jc01@bench-center.example', '所長', '管理者', true]] },
    { name: '会員', header: ['会員ID', '氏名', '入会日'], rows: Array.from({ length: n }, (_, i) => [id('M', i + 1, 6), `会員 ${i + 1}`, dateCell('2020-04-01')]) },
    { name: '業務提供先', header: ['提供先ID', '名称'], rows: Array.from({ length: clients }, (_, i) => [id('C', i + 1, 4), `提供先${i + 1}`]) },
    { name: '仕事', header: ['仕事ID', '提供先ID', '仕事名', '契約形態', '状態', '単価', '単価区分'], rows: jobRows },
    { name: '活動記録', header: ['活動ID', '日付', '分野'], rows: [] },
    { name: 'マッチング', header: ['マッチングID', '仕事ID', '会員ID', '契約形態', '状態'], rows: [] },
    { name: 'イベント', header: ['イベントID', '種別', '開催日'], rows: [] },
    { name: '就業実績', header: ['実績ID', '就業日', '会員ID', '仕事ID', '時間', '金額', '確認', '記録日時', 'メモ'], rows: work },
    { name: '月次締め', header: ['対象月', '状態', '締め日時', '締め担当', '再開日時', '再開担当', '就業行数', '配分金合計', '請求合計', '賃金合計'], rows: [] },
    { name: '監査ログ', header: ['日時', 'ユーザー', '操作', 'シート', 'ID', '内容'], rows: [] },
  ];
}

