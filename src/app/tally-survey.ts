import type { Language } from '../domain/enums';
import { parseTable } from '../domain/parse/parse-table';
import { SETTINGS_TAB, SURVEYS_TAB, tabNames } from '../domain/schema/tabs';
import { parseSettings } from '../domain/settings';
import { tallySurvey, type SurveyTally } from '../domain/survey/tally';
import { SURVEY_TALLY_HEADER, SURVEY_TALLY_TAB, surveyTallyRows } from '../domain/survey/tally-rows';
import type { Problem } from '../domain/messages/problem';
import type { TableStore } from './ports';

// Tallies every survey registered in アンケート and writes アンケート集計 in one write
// (menu and nightly trigger). A survey whose response tab is missing is a problem, not a stop.
export interface TallyAllResult {
  readonly tallies: SurveyTally[];
  readonly problems: Problem[];
  readonly tab: string;
}

export function tallyAllSurveysUseCase(store: TableStore): TallyAllResult {
  const { settings } = parseSettings(store.read(tabNames(SETTINGS_TAB)));
  const lang: Language = settings.language;
  const raw = store.read(tabNames(SURVEYS_TAB, lang));
  const parsed = raw ? parseTable(SURVEYS_TAB, raw) : null;
  const problems: Problem[] = [...(parsed?.problems ?? [])];
  const tallies: SurveyTally[] = [];
  parsed?.records.forEach((s, i) => {
    const responses = store.read([s.sheet]);
    if (!responses) {
      problems.push({ tab: parsed.tab, cell: `A${parsed.rowNumbers[i] ?? ''}`, code: 'missing_tab', params: { tab: s.sheet, en: s.sheet } });
      return;
    }
    tallies.push(tallySurvey(responses, { name: s.name, target: s.target, crossBy: s.cross_by }));
  });
  const tab = lang === 'ja' ? SURVEY_TALLY_TAB.ja : SURVEY_TALLY_TAB.en;
  store.replace(tab, SURVEY_TALLY_HEADER[lang], surveyTallyRows(tallies, lang));
  return { tallies, problems, tab };
}
