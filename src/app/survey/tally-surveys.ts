import type { Cell } from '../../domain/cell';
import type { Language } from '../../domain/enums';
import { normalizeHeader, parseTable } from '../../domain/parse/parse-table';
import { SETTINGS_TAB, SURVEYS_TAB, tabNames } from '../../domain/schema/tabs';
import { parseSettings } from '../../domain/settings';
import { tallySurvey, type SurveyTally } from '../../domain/survey/tally';
import { SURVEY_TALLY_HEADER, SURVEY_TALLY_TAB, surveyTallyRows } from '../../domain/survey/tally-rows';
import type { Problem } from '../../domain/messages/problem';
import type { TableStore } from '../ports';

// Tallies every survey registered in アンケート and writes アンケート集計's own columns
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
  const tab = writeTallies(store, lang, surveyTallyRows(tallies, lang));
  return { tallies, problems, tab };
}

/** アンケート集計's own columns only: each found by its header (either language), a missing one
 *  added at the right, the tally written from row 2 and the rows of an older, longer tally
 *  blanked in those columns. A column the center added beside them is never written. */
function writeTallies(store: TableStore, lang: Language, rows: readonly (readonly Cell[])[]): string {
  const existing = store.read([SURVEY_TALLY_TAB.ja, SURVEY_TALLY_TAB.en]);
  if (!existing) {
    const tab = lang === 'ja' ? SURVEY_TALLY_TAB.ja : SURVEY_TALLY_TAB.en;
    store.replace(tab, SURVEY_TALLY_HEADER[lang], rows);
    return tab;
  }
  const tabLang: Language = existing.name === SURVEY_TALLY_TAB.en ? 'en' : 'ja';
  const header = existing.header.map((h) => normalizeHeader(String(h ?? '')));
  const width = { value: header.length };
  const added: { at: number; text: string }[] = [];
  const columns = SURVEY_TALLY_HEADER.ja.map((ja, i) => {
    const en = SURVEY_TALLY_HEADER.en[i] ?? ja;
    const at = header.findIndex((h) => h === normalizeHeader(ja) || h === normalizeHeader(en));
    if (at >= 0) return at;
    added.push({ at: width.value, text: tabLang === 'ja' ? ja : en });
    return width.value++;
  });
  if (added.length > 0) store.writeCells(existing.name, 1, { columns: added.map((a) => a.at), rows: [added.map((a) => a.text)] });
  const blank = columns.map(() => null);
  const all = [...rows, ...Array.from({ length: Math.max(0, existing.rows.length - rows.length) }, () => blank)];
  if (all.length > 0) store.writeCells(existing.name, 2, { columns, rows: all });
  return existing.name;
}
