import type { Cell, OwnedCells } from '../cell';
import type { Language } from '../enums';
import { normalizeHeader } from '../parse/parse-table';
import { WEEKLY_FIGURE_COLUMNS } from './weekly-columns';
import { TREND_FIGURES, TREND_WEEKS, type WeeklyTrends } from './weekly-trends';

// 推移 / Trends: the weekly mail's 13 weeks as a sheet, under a native line chart that setup
// builds once (src/gas/sheets-setup-surface.ts ensureChart). The weekly run writes the 13 rows
// below the header each week (the cells it owns, found by header name); the chart reads the fixed
// block A1:G14, so it always shows the last 13 weeks without being rebuilt.
export const TREND_TAB = { ja: '推移', en: 'Trends' } as const;

export const TREND_TAB_COLUMNS: readonly { key: string; ja: string }[] = [
  { key: 'week_start', ja: '週開始' },
  ...TREND_FIGURES.map((key) => ({ key, ja: WEEKLY_FIGURE_COLUMNS.find((c) => c.key === key)?.ja ?? key })),
];

/** What setup asks the spreadsheet for: a line chart over the header and 13 weeks, below them;
 *  the two stocks (会員数, 待機会員数: hundreds or thousands) on the right axis so the weekly
 *  flows (tens) are not drawn flat against them. */
export interface ChartSpec {
  readonly rows: number;
  readonly columns: number;
  readonly anchorRow: number;
  readonly title: Readonly<Record<Language, string>>;
  /** 0-based series (data columns after the first) drawn against the right axis. */
  readonly rightAxisSeries: readonly number[];
}

export const TREND_CHART: ChartSpec = {
  rows: TREND_WEEKS + 1,
  columns: TREND_TAB_COLUMNS.length,
  anchorRow: TREND_WEEKS + 3,
  title: { ja: '13週の推移（右軸: 会員数・待機会員数）', en: 'Last 13 weeks (right axis: members, waiting)' },
  rightAxisSeries: TREND_FIGURES.flatMap((k, i) => (k === 'members_enrolled' || k === 'waiting_members' ? [i] : [])),
};

/** The 13 rows under the header, in the columns the tab's header names (either language); a
 *  column the tab lacks is not written, and no other cell is. */
export function trendTabCells(header: readonly string[], trends: WeeklyTrends): OwnedCells {
  const names = header.map((h) => normalizeHeader(String(h ?? '')));
  const at = TREND_TAB_COLUMNS.map((c) => names.findIndex((h) => h === normalizeHeader(c.ja) || h === c.key));
  const owned = at.map((column, i) => ({ column, i })).filter((x) => x.column >= 0).sort((a, b) => a.column - b.column);
  const rows = trends.weeks.map((monday, w): Cell[] => owned.map(({ i }) => {
    if (i === 0) return { date: monday };
    return trends.series[i - 1]?.values[w] ?? null;
  }));
  return { columns: owned.map((o) => o.column), rows };
}
