import { normalizeHeader } from '../parse/parse-table';
import type { DeclaredQuestion } from './tally';

// アンケート!選択式の設問 / choice_questions: the choice questions of a survey with no Google Form
// to ask (a workbook file, a tab pasted from elsewhere), by title. One title per line, or several
// separated by ; (a title may hold 、 or , itself: a part that names no question is tried split at
// those too). A grid question's name covers its rows (`満足度` → `満足度 [食事]`, `満足度 [送迎]`).
// The kind is read from the answers; the choices are unknown, so only the answers' words decide.

const SEPARATOR = /[\n;；]/;
const INNER = /[、,，]/;

export interface NamedQuestions {
  readonly declared: DeclaredQuestion[];
  /** Names that match no question of the tab. */
  readonly unknown: string[];
}

export function namedChoiceQuestions(text: string, header: readonly string[]): NamedQuestions {
  const titles = header.map((h) => String(h ?? '').trim()).filter((h) => h !== '');
  const matches = (name: string): string[] => {
    const n = normalizeHeader(name);
    if (n === '') return [];
    const exact = titles.filter((t) => normalizeHeader(t) === n);
    if (exact.length > 0) return exact;
    return titles.filter((t) => normalizeHeader(t).startsWith(`${n} [`));
  };
  const found = new Map<string, DeclaredQuestion>();
  const unknown: string[] = [];
  for (const part of text.split(SEPARATOR).map((p) => p.trim()).filter((p) => p !== '')) {
    let hit = matches(part);
    if (hit.length === 0 && INNER.test(part)) {
      const pieces = part.split(INNER).map((p) => p.trim()).filter((p) => p !== '');
      const each = pieces.map(matches);
      if (each.every((m) => m.length > 0)) hit = each.flat();
    }
    if (hit.length === 0) unknown.push(part);
    for (const title of hit) found.set(title, { title, kind: null, choices: null });
  }
  return { declared: [...found.values()], unknown };
}
