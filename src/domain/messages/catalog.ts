import type { Language } from '../enums';
import type { Problem } from './problem';
import * as ja from './ja';
import * as en from './en';

// One catalog per language (ja.ts, en.ts: the same keys, en typed against ja and a test walking
// both), in parts: data problems, the menu, setup and its dialog, the weekly toasts and `ikigai
// weekly`'s lines, refusals and errors, and the sidebar. Read a part through its function below, never the whole catalog: each
// picks one export of each file, so a bundle carries only the parts it reads (esbuild drops the
// rest). Mail bodies and the sign-up form keep their own ja/en tables beside their code.
export type Catalog = typeof ja;

/** Both catalogs whole, for tests and tools; a bundle that read this would carry every part. */
export const CATALOGS: Readonly<Record<Language, Catalog>> = { ja, en };

export type ProblemText = Catalog['problems'];
export type MenuText = Catalog['menu'];
export type CommonText = Catalog['common'];
export type SetupText = Catalog['setup'];
export type DialogText = Catalog['dialog'];
export type WeeklyText = Catalog['weekly'];
export type WeeklyCommandText = Catalog['weeklyCommand'];
export type ErrorText = Catalog['errors'];
export type WordText = Catalog['words'];
export type SidebarText = Catalog['sidebar'];
export type SurveyMailText = Catalog['surveyMail'];
export type StatsText = Catalog['stats'];
export type WorkCloseText = Catalog['workClose'];
export type WorkReportRecheckText = Catalog['workReportRecheck'];

export const problemText = (lang: Language): ProblemText => (lang === 'en' ? en.problems : ja.problems);
export const menuText = (lang: Language): MenuText => (lang === 'en' ? en.menu : ja.menu);
export const commonText = (lang: Language): CommonText => (lang === 'en' ? en.common : ja.common);
export const setupText = (lang: Language): SetupText => (lang === 'en' ? en.setup : ja.setup);
export const dialogText = (lang: Language): DialogText => (lang === 'en' ? en.dialog : ja.dialog);
export const weeklyText = (lang: Language): WeeklyText => (lang === 'en' ? en.weekly : ja.weekly);
export const weeklyCommandText = (lang: Language): WeeklyCommandText => (lang === 'en' ? en.weeklyCommand : ja.weeklyCommand);
export const errorText = (lang: Language): ErrorText => (lang === 'en' ? en.errors : ja.errors);
export const wordText = (lang: Language): WordText => (lang === 'en' ? en.words : ja.words);
export const sidebarText = (lang: Language): SidebarText => (lang === 'en' ? en.sidebar : ja.sidebar);
export const surveyMailText = (lang: Language): SurveyMailText => (lang === 'en' ? en.surveyMail : ja.surveyMail);
export const statsText = (lang: Language): StatsText => (lang === 'en' ? en.stats : ja.stats);
export const workCloseText = (lang: Language): WorkCloseText => (lang === 'en' ? en.workClose : ja.workClose);
export const workReportRecheckText = (lang: Language): WorkReportRecheckText => (lang === 'en' ? en.workReportRecheck : ja.workReportRecheck);

export function problemMessage(problem: Problem, lang: Language): string {
  return problemText(lang)[problem.code](problem.params);
}

/** `会員!D10: 「2015-02-30」は日付として読めません…` — the form the CLI and the sidebar show. */
export function formatProblem(problem: Problem, lang: Language): string {
  const where = problem.cell ? `${problem.tab}!${problem.cell}` : problem.tab;
  return `${where}: ${problemMessage(problem, lang)}`;
}
