import type { Language } from '../enums';
import type { Problem, ProblemCode, ProblemParams } from './problem';
import { ja } from './ja';
import { en } from './en';

// One catalog per language with the same keys (a test keeps them in step). Feature modules
// with many strings of their own (mail, sidebar, forms) keep their own ja/en tables beside them.
export interface Catalog {
  readonly problems: Readonly<Record<ProblemCode, (p: ProblemParams) => string>>;
}

export const CATALOGS: Readonly<Record<Language, Catalog>> = { ja, en };

export function problemMessage(problem: Problem, lang: Language): string {
  return CATALOGS[lang].problems[problem.code](problem.params);
}

/** `会員!D10: 「2015-02-30」は日付として読めません…` — the form the CLI and the sidebar show. */
export function formatProblem(problem: Problem, lang: Language): string {
  const where = problem.cell ? `${problem.tab}!${problem.cell}` : problem.tab;
  return `${where}: ${problemMessage(problem, lang)}`;
}
