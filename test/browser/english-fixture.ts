import type { Cell } from '../../src/domain/cell';
import { codeOf } from '../../src/domain/enums';
import { DATA_TABS } from '../../src/domain/schema/tabs';
import { parseSlot } from '../../src/domain/slots';
import { sidebarTables } from '../app/sidebar/sidebar-fixture';

// The sidebar fixture as an English-speaking center would keep it: 設定 says language en, every
// tab and header has its English name, enumerations hold their English codes, slots read Mon-AM,
// and the center's own words (names, places, skills) are English. Built from the Japanese fixture
// through the schema, so the two describe the same center and the same IDs.
type Table = ReturnType<typeof sidebarTables>[number];

const SETTING_KEYS: Readonly<Record<string, string>> = { センター名: 'center_name', 言語: 'language', タイムゾーン: 'time_zone' };
const SETTING_VALUES: Readonly<Record<string, string>> = { 柏市シルバー人材センター: 'Kashiwa Silver Human Resource Center', ja: 'en' };

/** The center's own words (not the add-in's), in English: people, places, skills, titles. */
const WORDS: Readonly<Record<string, string>> = {
  '田中 花子': 'Hanako Tanaka', '鈴木 一郎': 'Ichiro Suzuki', '佐藤 閲子': 'Etsuko Sato', '山本 元': 'Hajime Yamamoto',
  '青木 一郎': 'Ichiro Aoki', '井上 和子': 'Kazuko Inoue', '上野 三郎': 'Saburo Ueno', '江藤 四郎': 'Shiro Eto', '大野 五月': 'Satsuki Ono',
  清掃: 'cleaning', 調理: 'cooking', 植木: 'gardening', '清掃,調理': 'cleaning,cooking', 柏: 'Kashiwa', 我孫子: 'Abiko',
  ひまわり園: 'Himawari Home', 柏商事: 'Kashiwa Trading', 施設の清掃: 'Cleaning a care home', 植木の手入れ: 'Garden upkeep',
  時給1100円: '1,100 yen an hour', 新規開拓: 'new client', 同意なし: 'no consent', 退会: 'left',
};

function english(cell: Cell, column: (typeof DATA_TABS)[number]['columns'][number] | undefined): Cell {
  if (typeof cell !== 'string' || cell === '' || !column) return cell;
  if (column.type === 'enum') return codeOf(column.enumeration, cell) ?? cell;
  if (column.type === 'enum_list') return cell.split(',').map((x) => codeOf(column.enumeration, x) ?? x).join(',');
  if (column.type === 'slots') return cell.split(',').map((x) => parseSlot(x) ?? x).join(',');
  return WORDS[cell] ?? cell;
}

export function englishSidebarTables(): Table[] {
  return inEnglish(sidebarTables());
}

/** Any variant of the sidebar fixture (more rows, more tabs), as the English center keeps it. */
export function inEnglish(tables: readonly Table[]): Table[] {
  return tables.map((table) => {
    const def = DATA_TABS.find((d) => d.ja === table.name);
    if (!def) throw new Error(`no tab ${table.name} in the schema`);
    const columns = table.header.map((h) => def.columns.find((c) => c.ja === h));
    if (def.key === 'settings') {
      return { name: def.en, header: ['key', 'value'], rows: table.rows.map(([k, v]) => [SETTING_KEYS[String(k)] ?? k ?? null, SETTING_VALUES[String(v)] ?? v ?? null]) };
    }
    return {
      name: def.en,
      header: columns.map((c, i) => c?.key ?? table.header[i] ?? ''),
      rows: table.rows.map((row) => row.map((cell, i) => english(cell, columns[i]))),
    };
  });
}
