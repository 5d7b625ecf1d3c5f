import type { Skill } from '../schema/tabs';

// The center's skills vocabulary (workbook.md 技能 / Skills): each row a skill and the other words
// people write for it (清掃: 掃除、清掃作業). The matching score compares skills through it, so a
// member who wrote 掃除 holds a job's required 清掃; the member and job forms offer its skills
// as their dropdowns; `ikigai check` warns about a skill it does not know. Without the tab (or
// with an empty one) every skill is its own word, as before.

/** Skills are typed by people: compared after NFKC folding, trimming and lower-casing. */
export function foldTerm(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

export interface SkillVocabulary {
  /** The skills in the tab's order (what a dropdown offers). */
  readonly skills: readonly string[];
  /** True when the tab lists at least one skill. */
  readonly defined: boolean;
  /** The folded skill a word stands for (itself, folded, when the vocabulary does not know it). */
  canonical(word: string): string;
  /** Whether the vocabulary knows the word, as a skill or as a synonym. */
  knows(word: string): boolean;
}

export function skillVocabulary(rows: readonly Pick<Skill, 'skill' | 'synonyms'>[]): SkillVocabulary {
  const byWord = new Map<string, string>();
  const skills: string[] = [];
  for (const row of rows) {
    const head = row.skill.trim();
    if (head === '') continue;
    const key = foldTerm(head);
    if (!byWord.has(key)) { byWord.set(key, key); skills.push(head); }
    // A word listed under two skills stays with the first (a later row cannot steal it).
    for (const s of row.synonyms) {
      const word = foldTerm(s);
      if (word !== '' && !byWord.has(word)) byWord.set(word, key);
    }
  }
  return {
    skills,
    defined: skills.length > 0,
    canonical: (word) => { const f = foldTerm(word); return byWord.get(f) ?? f; },
    knows: (word) => byWord.has(foldTerm(word)),
  };
}

