import { SURVEY_TALLY_HEADER, SURVEY_TALLY_TAB } from '../survey/tally-rows';
import { WEEKLY_KPI_COLUMNS, WEEKLY_KPI_TAB } from '../weekly/weekly-kpi-tab';
import { TREND_TAB, TREND_TAB_COLUMNS } from '../weekly/trend-tab';
import { FOLLOW_UP_LIST_TAB } from '../schema/tabs';
import { CANDIDATE_INDEX_TAB, INDEX_HEADER } from '../matching/member-index';
import { ACTIVITY_TOTALS_HEADER, ACTIVITY_TOTALS_HEADER_EN, ACTIVITY_TOTALS_TAB } from '../weekly/activity-totals-tab';
import { setupTabs, type OutputTab, type SetupTab } from './setup-tabs';

// The add-in's output tabs, with the columns their own modules write: setup only makes them
// (header, frozen, protected) so a new center sees every tab from day one.
export const OUTPUT_TABS: readonly OutputTab[] = [
  { key: 'weekly_kpi', ja: WEEKLY_KPI_TAB.ja, en: WEEKLY_KPI_TAB.en, columns: WEEKLY_KPI_COLUMNS },
  // The weekly mail's 13 weeks under a native chart (trend-tab.ts); setup adds the chart.
  { key: 'trends', ja: TREND_TAB.ja, en: TREND_TAB.en, columns: TREND_TAB_COLUMNS },
  {
    key: 'survey_tally', ja: SURVEY_TALLY_TAB.ja, en: SURVEY_TALLY_TAB.en,
    columns: SURVEY_TALLY_HEADER.ja.map((ja, i) => ({ ja, key: SURVEY_TALLY_HEADER.en[i] ?? ja })),
  },
  // 継続支援's stored worklist (src/app/follow-ups), hidden: the nightly run fills it.
  { key: FOLLOW_UP_LIST_TAB.key, ja: FOLLOW_UP_LIST_TAB.ja, en: FOLLOW_UP_LIST_TAB.en, columns: FOLLOW_UP_LIST_TAB.columns },
  // The member picker's search keys (src/app/members/member-search-index.ts), hidden: built by the
  // first search, the nightly run, and kept by every member write. One name in both languages.
  { key: 'member_search', ja: '_会員検索', en: '_会員検索', columns: [{ key: 'key', ja: '検索キー' }] },
  // The job picker's search keys (src/app/matching/job-search-index.ts), hidden, the same way:
  // built by the first search and the nightly run, kept by registerJob and every status change.
  { key: 'job_search', ja: '_仕事検索', en: '_仕事検索', columns: [{ key: 'key', ja: '検索キー' }] },
  // The candidate index (app/matching/candidate-index.ts) and 活動記録's totals (weekly/count-activities.ts),
  // hidden: setup builds each right after making its tab (run-setup.ts), the nightly run and their
  // readers keep them. One name in either language for the index; its header is always Japanese.
  { key: 'candidate_index', ja: CANDIDATE_INDEX_TAB, en: CANDIDATE_INDEX_TAB, columns: INDEX_HEADER.map((ja) => ({ ja, key: ja })) },
  {
    key: 'activity_totals', ja: ACTIVITY_TOTALS_TAB.ja, en: ACTIVITY_TOTALS_TAB.en,
    columns: ACTIVITY_TOTALS_HEADER.map((ja, i) => ({ ja, key: ACTIVITY_TOTALS_HEADER_EN[i] ?? ja })),
  },
];

/** Every tab of workbook.md, data and output, in the order setup creates them. */
export function allSetupTabs(): SetupTab[] {
  return setupTabs(OUTPUT_TABS);
}
