import type { Cell, RawTable } from '../../domain/cell';
import type { Language } from '../../domain/enums';
import { normalizeHeader, parseTable } from '../../domain/parse/parse-table';
import { SETTINGS_TAB, SURVEYS_TAB, tabNames, type SurveyDef } from '../../domain/schema/tabs';
import { parseSettings, type Settings } from '../../domain/settings';
import { namedChoiceQuestions } from '../../domain/survey/named-questions';
import { tallySurvey, type DeclaredQuestion, type SurveyTally } from '../../domain/survey/tally';
import { SURVEY_TALLY_HEADER, SURVEY_TALLY_TAB, surveyTallyRows } from '../../domain/survey/tally-rows';
import type { Problem } from '../../domain/messages/problem';
import type { TableStore } from '../ports';

// Tallies every survey registered in アンケート and writes アンケート集計's own columns
// (menu and nightly trigger). A survey whose response tab is missing is a problem, not a stop.
// Which questions are choices (all others are free text, counted and never copied): the Google
// Form's item types when the survey has a form (the row's フォームID, else the form feeding the
// tab), else the row's 選択式の設問. A form that cannot be opened is a warning; then only the row's
// list counts.

/** The Google Forms behind surveys (src/gas/survey-forms.ts; none locally). */
export interface SurveyForms {
  /** The questions of the survey's form that are not free text; null when the survey has no form
   *  (no フォームID and a tab no form feeds). Throws when the form cannot be opened. */
  questionsOf(survey: { formId: string; tab: string }): DeclaredQuestion[] | null;
}

export interface TallyAllResult {
  readonly tallies: SurveyTally[];
  readonly problems: Problem[];
  readonly tab: string;
}

/** One survey of アンケート with its response tab as read. */
export interface SurveyTab {
  readonly def: SurveyDef;
  /** アンケート!A of its row, for problems. */
  readonly cell: string;
  readonly responses: RawTable;
}

/** 設定, アンケート and every survey's response tab, each read once. */
export interface SurveyTabs {
  readonly settings: Settings;
  readonly language: Language;
  /** アンケート's actual name ('' when there is none). */
  readonly surveysTab: string;
  readonly surveys: SurveyTab[];
  readonly problems: Problem[];
}

export function readSurveyTabs(store: TableStore): SurveyTabs {
  const { settings } = parseSettings(store.read(tabNames(SETTINGS_TAB)));
  const lang: Language = settings.language;
  const raw = store.read(tabNames(SURVEYS_TAB, lang));
  const parsed = raw ? parseTable(SURVEYS_TAB, raw) : null;
  const problems: Problem[] = [...(parsed?.problems ?? [])];
  const surveys: SurveyTab[] = [];
  parsed?.records.forEach((def, i) => {
    const cell = `A${parsed.rowNumbers[i] ?? ''}`;
    const responses = store.read([def.sheet]);
    if (!responses) {
      problems.push({ tab: parsed.tab, cell, code: 'missing_tab', params: { tab: def.sheet, en: def.sheet } });
      return;
    }
    surveys.push({ def, cell, responses });
  });
  return { settings, language: lang, surveysTab: parsed?.tab ?? '', surveys, problems };
}

/** The tally of one survey read, its choice questions from its form or its row (problems added
 *  to `problems`). */
export function tallyOne(read: SurveyTabs, survey: SurveyTab, problems: Problem[], forms?: SurveyForms): SurveyTally {
  const { def: s, cell, responses } = survey;
  let declared: DeclaredQuestion[] | null = null;
  try {
    declared = forms?.questionsOf({ formId: s.form_id, tab: s.sheet }) ?? null;
  } catch {
    // Deleted, or not shared with whoever runs the tally: the row's own list, if any.
    problems.push({ tab: read.surveysTab, cell, code: 'survey_form_unreadable', params: { tab: s.sheet }, severity: 'warning' });
  }
  if (declared === null) {
    const named = namedChoiceQuestions(s.choice_questions, responses.header.map((h) => String(h ?? '')));
    declared = named.declared;
    for (const question of named.unknown) {
      problems.push({ tab: read.surveysTab, cell, code: 'unknown_question', params: { tab: s.sheet, question }, severity: 'warning' });
    }
  }
  return tallySurvey(responses, { name: s.name, target: s.target, crossBy: s.cross_by, declared });
}

export function tallyAllSurveysUseCase(store: TableStore, forms?: SurveyForms): TallyAllResult {
  const read = readSurveyTabs(store);
  const problems = [...read.problems];
  const tallies = read.surveys.map((s) => tallyOne(read, s, problems, forms));
  const tab = writeTallies(store, read.language, surveyTallyRows(tallies, read.language));
  return { tallies, problems, tab };
}

/** アンケート集計's own columns only: each found by its header (either language), a missing one
 *  added at the right, the tally written from row 2 and the rows of an older, longer tally
 *  blanked in those columns. A column the center added beside them is never written. */
export function writeTallies(store: TableStore, lang: Language, rows: readonly (readonly Cell[])[]): string {
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
