import { columnLetter } from '../cell';
import type { Problem } from '../messages/problem';
import type { ParsedTable } from '../parse/parse-table';
import { SKILLS_TAB, type Job, type Member } from '../schema/tabs';
import type { Workbook } from '../workbook';
import { skillVocabulary } from './vocabulary';

// `ikigai check`'s warnings about skills the 技能 tab does not know (workbook.md 技能): one per word
// and cell, a warning and not an error — a skill outside the vocabulary still works, it is only
// compared as a word of its own. Nothing is said when the workbook has no vocabulary.

export function unknownSkillWarnings(workbook: Pick<Workbook, 'skills' | 'tables'>): Problem[] {
  const vocabulary = skillVocabulary(workbook.skills);
  if (!vocabulary.defined) return [];
  const tabName = workbook.tables.skills?.tab ?? SKILLS_TAB.ja;
  const out: Problem[] = [];
  const scan = <T>(parsed: ParsedTable<T> | undefined, key: string, words: (record: T) => readonly string[]): void => {
    if (!parsed) return;
    const at = parsed.columnIndex.get(key) ?? -1;
    if (at < 0) return;
    parsed.records.forEach((record, i) => {
      for (const word of new Set(words(record))) {
        if (vocabulary.knows(word)) continue;
        out.push({ tab: parsed.tab, cell: `${columnLetter(at)}${parsed.rowNumbers[i] ?? ''}`, code: 'unknown_skill', params: { skill: word, vocabulary: tabName }, severity: 'warning' });
      }
    });
  };
  scan(workbook.tables.members as ParsedTable<Member> | undefined, 'skills', (m) => m.skills);
  scan(workbook.tables.jobs as ParsedTable<Job> | undefined, 'required_skills', (j) => j.required_skills);
  return out;
}
