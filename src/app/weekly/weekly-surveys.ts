import { answerTimes, timeColumn, type WeeklySurveyInput } from '../../domain/mail/weekly-survey-section';
import type { Language } from '../../domain/enums';
import { parseTable } from '../../domain/parse/parse-table';
import { SURVEYS_TAB, tabNames } from '../../domain/schema/tabs';
import type { TableStore } from '../ports';

// What the weekly mail's survey section reads (src/domain/mail/weekly-survey-section.ts):
// アンケート, and of each survey's response tab only its time column (one getValues per tab
// through readColumns): the section counts answers by day and never reads what they say.
export function readWeeklySurveys(store: TableStore, lang: Language): WeeklySurveyInput[] {
  const raw = store.read(tabNames(SURVEYS_TAB, lang));
  if (!raw) return [];
  return parseTable(SURVEYS_TAB, raw).records.flatMap((s) => {
    const table = store.readColumns ? store.readColumns([s.sheet], (header) => [timeColumn(header)]) : store.read([s.sheet]);
    return table ? [{ name: s.name || s.sheet, target: s.target, times: answerTimes(table) }] : [];
  });
}
