import { scoreCandidate } from '../../../src/domain/matching/score';
import { reasonText } from '../../../src/domain/matching/reasons';
import { slotMask } from '../../../src/domain/matching/slot-bits';
import { job, member } from './fixtures';

const J = job({
  job_id: 'J1', category: '除草', required_skills: ['草刈り', '剪定'], slots: ['Mon-AM', 'Wed-PM', 'Fri-AM'],
  district: '柏中央', social_contribution: true, headcount: 2,
});

describe('score', () => {
  test('adds up the five parts with a reason for each', () => {
    const m = member({
      member_id: 'M1', skills: ['草刈り'], district: '柏中央', preferred_categories: ['除草'],
      motivations: ['contribution', 'experience'], availability: ['Mon-AM', 'Wed-PM'],
    });
    const s = scoreCandidate({ member: m, job: J, coverable: slotMask(['Mon-AM', 'Wed-PM']), mostSlots: 2, recentDays: 2 });
    // skills 30 × 1/2 = 15; slots 25 × 2/3 = 16.67; district 15; ikigai 6 + 6 + 3 (experience,
    // has a required skill) = 15; fairness 15 × (45 − 2)/45 = 14.33. Sum 76.0 → 76.
    expect(s.parts).toEqual({ skills: 15, slots: 16.7, district: 15, ikigai: 15, fairness: 14.3 });
    expect(s.score).toBe(76);
    expect(s.reasons.map((r) => reasonText(r, 'ja'))).toEqual([
      '技能が一致: 草刈り（不足: 剪定）',
      '月AM・水PMに対応可（2/3枠）',
      '同じ地区（柏中央）',
      '社会貢献を重視',
      '希望職種（除草）',
      '経験を活かせる',
      '直近90日の就業日数が少ない（2日）',
    ]);
    expect(reasonText(s.reasons[1]!, 'en')).toBe('can work Mon-AM, Wed-PM (2/3 slots)');
  });

  test('gives full skill marks when the job requires none, and nothing for another district', () => {
    const m = member({ member_id: 'M1', district: '我孫子', availability: ['Fri-AM'] });
    const s = scoreCandidate({ member: m, job: { ...J, required_skills: [], social_contribution: false }, coverable: slotMask(['Fri-AM']), mostSlots: 1, recentDays: 45 });
    // skills 30; slots 25 × 1/3 = 8.33; district 0; ikigai 0; fairness 15 × 0/45 = 0 → 38.33 → 38.
    expect(s.score).toBe(38);
    expect(s.reasons.map((r) => reasonText(r, 'ja'))).toContain('別の地区（我孫子）');
    expect(s.reasons.map((r) => reasonText(r, 'ja'))).toContain('直近90日の就業日数（45日）');
  });

  test('compares skills and districts after folding width and case', () => {
    const m = member({ member_id: 'M1', skills: [' ＰＣ '], district: 'かしわ' });
    const s = scoreCandidate({ member: m, job: job({ job_id: 'J', required_skills: ['pc'], district: 'かしわ', slots: ['Mon-AM'] }), coverable: 1, mostSlots: 1, recentDays: 0 });
    // 30 + 25 + 15 + 0 + 15 = 85.
    expect(s.score).toBe(85);
  });

  test('a perfect member scores exactly 100', () => {
    const m = member({ member_id: 'M1', skills: ['草刈り', '剪定'], district: '柏中央', preferred_categories: ['除草'], motivations: ['contribution', 'friendship'] });
    const s = scoreCandidate({ member: m, job: J, coverable: slotMask(J.slots), mostSlots: 3, recentDays: 0 });
    expect(s.score).toBe(100);
  });
});
