import { skillVocabulary } from '../../../src/domain/skills/vocabulary';
import { jobTerms, scoreCandidate } from '../../../src/domain/matching/score';
import { rankForJob, matchContext } from '../../../src/domain/matching/rank-candidates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { job, member } from '../matching/fixtures';

// The 技能 tab (workbook.md): a skill and the other words written for it, used by the score.
const TAB = [{ skill: '清掃', synonyms: ['掃除', '清掃作業'] }, { skill: '草刈り', synonyms: ['除草', '掃除'] }, { skill: 'ＰＣ入力', synonyms: [] }];

describe('the skills vocabulary', () => {
  it('knows each skill and synonym, folded, and maps a synonym to its skill; a word under two skills stays with the first', () => {
    const v = skillVocabulary(TAB);
    expect(v.skills).toEqual(['清掃', '草刈り', 'ＰＣ入力']);
    expect([v.canonical('掃除'), v.canonical(' 清掃作業 '), v.canonical('除草'), v.canonical('pc入力'), v.canonical('剪定')]).toEqual(['清掃', '清掃', '草刈り', 'pc入力', '剪定']);
    expect([v.knows('掃除'), v.knows('ＰＣ入力'), v.knows('剪定')]).toEqual([true, true, false]);
    expect(skillVocabulary([]).defined).toBe(false);
  });

  it('lets a member who wrote 掃除 hold a job\'s required 清掃 (30 of 30 skill points), and not without the tab', () => {
    const m = member({ member_id: 'M1', skills: ['掃除'], availability: ['Mon-AM'] });
    const j = job({ job_id: 'J1', required_skills: ['清掃'], slots: ['Mon-AM'] });
    const input = { member: m, job: j, coverable: 1, mostSlots: 1, recentDays: 0 };
    expect(scoreCandidate(input, jobTerms(j, skillVocabulary(TAB))).parts.skills).toBe(30);
    expect(scoreCandidate(input, jobTerms(j)).parts.skills).toBe(0);
    // Through the ranking with the workbook's 技能 tab.
    const ranked = rankForJob(j, matchContext({ members: [m], jobs: [j], matches: [], settings: DEFAULT_SETTINGS, skills: TAB }), '2025-06-11');
    expect(ranked.candidates[0]?.reasons[0]).toEqual({ code: 'skills_match', params: { skills: '清掃' } });
  });
});
