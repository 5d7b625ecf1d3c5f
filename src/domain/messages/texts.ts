import type { ProblemCode, ProblemParams } from './problem';

// The shapes of the catalog's tables (ja.ts, en.ts). A message with variable parts is a function
// of its parameters, so a language can put them where its grammar wants them.

/** The named parts of a sentence rendered from a code (an ID, an e-mail, a detail). */
export type MessageParams = ProblemParams;

/** Sentences by code, each rendered from its parameters. */
export type MessageTable = Readonly<Record<string, (p: MessageParams) => string>>;

/** One sentence per data problem (parse-table, settings, the workbook readers). */
export type ProblemTexts = Readonly<Record<ProblemCode, (p: ProblemParams) => string>>;

/** A session's head counts, as the イベント panel shows them. */
export interface SessionCounts {
  readonly confirmed: number;
  readonly capacity: number | null;
  readonly waitlisted: number;
  readonly attended: number;
}

/** A tab's names in both languages (a tab of domain/schema/tabs.ts is one). */
export interface TabNames {
  readonly ja: string;
  readonly en: string;
}
