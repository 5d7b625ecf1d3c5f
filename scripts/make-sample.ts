// `npm run sample [-- OUT]`: writes a small sample center (36 members) to samples/sample.xlsx for
// the README's quick start: `npx ikigai report --workbook samples/sample.xlsx --fiscal-year 2015`.
// Every row follows a simple rule of its index (below), so any figure can be checked by hand;
// the file is written with the add-in's own workbook-file adapter and the Japanese headers of
// workbook.md. The full Kashiwa-scale center is `ikigai demo`.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { addDays } from '../src/domain/civil-date';
import type { Cell } from '../src/domain/cell';
import {
  ACTIVITIES_TAB, CLIENTS_TAB, COORDINATORS_TAB, EVENTS_TAB, JOBS_TAB, MATCHES_TAB, MEMBERS_TAB, REGISTRATIONS_TAB,
  SETTINGS_TAB, type TabDef,
} from '../src/domain/schema/tabs';
import { MemoryTableStore } from '../src/local/memory-table-store';
import { writeWorkbookFile } from '../src/local/xlsx-workbook-file';

const id = (prefix: string, n: number, width = 3): string => `${prefix}${String(n).padStart(width, '0')}`;
const day = (d: string): Cell => ({ date: d });

/** Rows keyed by column key, laid out in the tab's Japanese header order. */
function tab(def: TabDef, records: ReadonlyArray<Record<string, Cell>>): { name: string; header: string[]; rows: Cell[][] } {
  return {
    name: def.ja,
    header: def.columns.map((c) => c.ja),
    rows: records.map((r) => def.columns.map((c) => r[c.key] ?? null)),
  };
}

const COORDINATORS = ['sato@sample-sjc.example', 'suzuki@sample-sjc.example'] as const;
const ROUTES = ['窓口', '説明会', 'セミナー', '紹介', '広報'] as const;
const SLOTS = ['月AM、水AM', '火PM', '木AM、金AM', '土AM', '月PM、金PM', ''] as const;
const SECTORS = ['福祉施設', '企業', '家庭', '公共', '企業', '福祉施設'] as const;
const ENGAGEMENTS = ['派遣', '請負', '委任', '職業紹介'] as const;
const AREAS = ['開拓', '募集・支援', 'マッチング', '継続支援'] as const;
const KINDS = ['訪問', '説明会', '面談', 'フォロー'] as const;

export function sampleStore(): MemoryTableStore {
  // Members M001..M036: M001–M024 joined before fiscal 2015 (every 40 days from 2012-04-01),
  // M025–M036 joined in it (2015-04-01 and every 30 days after). Every 10th member left on
  // 2015-09-30. Odd numbers are 男性, even 女性, every 9th 未回答. Every 7th gave no consent; the
  // slots cycle through SLOTS, so every 6th member has none.
  const members = Array.from({ length: 36 }, (_, k) => {
    const i = k + 1;
    return {
      member_id: id('M', i), name: `会員${i}`, gender: i % 9 === 0 ? '未回答' : i % 2 ? '男性' : '女性',
      joined_on: day(i <= 24 ? addDays('2012-04-01', (i - 1) * 40) : addDays('2015-04-01', (i - 25) * 30)),
      left_on: i % 10 === 0 ? day('2015-09-30') : null,
      join_route: ROUTES[i % ROUTES.length] ?? null, district: ['北部', '中央', '南部'][i % 3] ?? null,
      availability: SLOTS[i % SLOTS.length] ?? '', consent: i % 7 !== 0, max_days_per_week: 3,
      skills: i % 3 === 0 ? '草刈り、剪定' : i % 3 === 1 ? '清掃・家事' : '事務',
    };
  });
  // Clients C01..C06, developed every two months from 2015-01-15 (C01–C02 before the year).
  const clients = Array.from({ length: 6 }, (_, k) => ({
    client_id: id('C', k + 1, 2), name: `提供先${k + 1}`, sector: SECTORS[k] ?? null,
    developed_on: day(addDays('2015-01-15', k * 61)), developed_by: COORDINATORS[k % 2] ?? null,
  }));
  // Jobs J01..J10 at client ((n-1) mod 6)+1, created every 35 days from 2015-04-01; J01–J06 募集中,
  // J07–J08 充足, J09–J10 終了; headcount 2 for odd jobs, 1 for even.
  const jobs = Array.from({ length: 10 }, (_, k) => ({
    job_id: id('J', k + 1, 2), client_id: id('C', (k % 6) + 1, 2), title: `仕事${k + 1}`,
    engagement: ENGAGEMENTS[k % 4] ?? null, slots: SLOTS[k % 5] ?? '', headcount: k % 2 === 0 ? 2 : 1,
    status: k < 6 ? '募集中' : k < 8 ? '充足' : '終了', created_on: day(addDays('2015-04-01', k * 35)),
    coordinator: COORDINATORS[k % 2] ?? null,
  }));
  // Matches X01..X12: member M(3n), job J((n-1) mod 10 + 1), placed every 25 days from 2015-04-20;
  // X01–X09 成立, X10–X12 終了 (ended 60 days after placing). Engagement follows the job.
  const matches = Array.from({ length: 12 }, (_, k) => {
    const placed = addDays('2015-04-20', k * 25);
    return {
      match_id: id('X', k + 1, 2), job_id: id('J', (k % 10) + 1, 2), member_id: id('M', 3 * (k + 1)),
      engagement: ENGAGEMENTS[k % 10 % 4] ?? '派遣', status: k < 9 ? '成立' : '終了',
      proposed_on: day(addDays(placed, -7)), placed_on: day(placed), ended_on: k < 9 ? null : day(addDays(placed, 60)),
      coordinator: COORDINATORS[k % 2] ?? null, fit_score: 60 + k,
    };
  });
  // Activities A001..A048: one every 7 days from 2015-04-06; area and kind cycle; 30 + 15·(n mod 3)
  // minutes; coordinators alternate; every 4th (継続支援) names member M(3n/4).
  const activities = Array.from({ length: 48 }, (_, k) => ({
    activity_id: id('A', k + 1), date: day(addDays('2015-04-06', k * 7)), coordinator: COORDINATORS[k % 2] ?? null,
    area: AREAS[k % 4] ?? '開拓', kind: KINDS[k % 4] ?? null, minutes: 30 + 15 * (k % 3),
    member_id: k % 4 === 3 ? id('M', 3 * ((k + 1) / 4)) : null,
  }));
  // Events: an orientation on the 10th of every other month from 2015-04 and one seminar.
  const events = [
    ...['2015-04-10', '2015-06-10', '2015-08-10', '2015-10-10', '2015-12-10', '2016-02-10'].map((date, k) => ({
      event_id: id('E', k + 1, 2), kind: '入会説明会', title: `入会説明会（${date.slice(5, 7)}月）`, date: day(date),
      start_time: '10:00', venue: '中央公民館', capacity: 20, status: '締切',
    })),
    { event_id: 'E07', kind: 'セミナー', title: '就業準備セミナー', date: day('2016-04-08'), start_time: '13:30', venue: '中央公民館', capacity: 15, status: '受付中' },
  ];
  // Registrations: 5 per event E01–E06 (R001..R030), all 確定; the first 4 of each attended and the
  // first 2 of each joined as members M025 + 2·(event−1) and the next one; 3 for E07.
  const registrations: Record<string, Cell>[] = [];
  for (let e = 1; e <= 6; e++) {
    for (let r = 1; r <= 5; r++) {
      registrations.push({
        registration_id: id('R', registrations.length + 1), event_id: id('E', e, 2), name: `申込者${e}-${r}`,
        status: '確定', attended: r <= 4, member_id: r <= 2 ? id('M', 25 + 2 * (e - 1) + (r - 1)) : null,
      });
    }
  }
  for (let r = 1; r <= 3; r++) registrations.push({ registration_id: id('R', 30 + r), event_id: 'E07', name: `申込者7-${r}`, status: r === 3 ? 'キャンセル待ち' : '確定', attended: false });

  return MemoryTableStore.from([
    { name: SETTINGS_TAB.ja, header: ['項目', '値'], rows: [
      ['センター名', 'サンプル市シルバー人材センター'], ['言語', 'ja'], ['タイムゾーン', 'Asia/Tokyo'],
      ['年度開始月', 4], ['60歳以上人口', 2400],
    ] },
    tab(COORDINATORS_TAB, COORDINATORS.map((email, k) => ({ email, name: ['佐藤', '鈴木'][k] ?? '', role: 'コーディネータ', active: true }))),
    tab(MEMBERS_TAB, members), tab(CLIENTS_TAB, clients), tab(JOBS_TAB, jobs), tab(ACTIVITIES_TAB, activities),
    tab(MATCHES_TAB, matches), tab(EVENTS_TAB, events), tab(REGISTRATIONS_TAB, registrations),
  ]);
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'samples/sample.xlsx');
  mkdirSync(dirname(out), { recursive: true });
  await writeWorkbookFile(sampleStore(), out);
  console.log(`${out} を作成しました / written`);
  console.log(`npx ikigai report --workbook ${process.argv[2] ?? 'samples/sample.xlsx'} --fiscal-year 2015`);
}

if (process.argv[1]?.endsWith('make-sample.ts')) void main();
