import fc from 'fast-check';
import type { RawTable } from '../../../src/domain/cell';
import { tallySurvey } from '../../../src/domain/survey/tally';
import { surveyTallyRows } from '../../../src/domain/survey/tally-rows';

// A member survey as Forms writes it: timestamp and e-mail columns, a single choice, a checkbox
// question (ticked boxes joined with ', '), a 1–5 scale, and free text.
const SAMPLE: RawTable = {
  name: 'フォームの回答 2',
  header: ['タイムスタンプ', 'メールアドレス', '性別', '生きがいを感じること', '満足度', 'ご意見'],
  rows: [
    [{ date: '2026-05-01T10:00:00' }, 'a@example.jp', '女性', '健康, 仲間', 5, '楽しいです'],
    [{ date: '2026-05-01T11:00:00' }, 'b@example.jp', '男性', '収入', 3, ''],
    [{ date: '2026-05-02T09:00:00' }, 'c@example.jp', '女性', '仲間, 社会貢献, 健康', 4, '送迎があると助かります'],
    [{ date: '2026-05-02T15:00:00' }, 'd@example.jp', '男性', '健康', '2', '特になし'],
    [{ date: '2026-05-03T08:30:00' }, 'e@example.jp', '女性', '', 4, ''],
    [null, null, null, null, null, null],
  ],
};

describe('tallySurvey', () => {
  const t = tallySurvey(SAMPLE, { name: '会員アンケート', target: 10, crossBy: '性別' });

  it('counts the non-blank response rows and the response rate against the target', () => {
    // Rows 1–5 answered, row 6 blank → 5 responses; 5 / 10 = 0.5.
    expect(t.responses).toBe(5);
    expect(t.responseRate).toBe(0.5);
  });

  it('leaves the timestamp and the e-mail address out of the questions', () => {
    expect(t.questions.map((q) => q.question)).toEqual(['性別', '生きがいを感じること', '満足度', 'ご意見']);
  });

  it('counts a single-choice question by hand: 女性 3 of 5, 男性 2 of 5', () => {
    const q = t.questions[0]!;
    expect(q.kind).toBe('choice');
    expect(q.answers).toBe(5);
    expect(q.choices).toEqual([{ value: '女性', count: 3, share: 0.6 }, { value: '男性', count: 2, share: 0.4 }]);
  });

  it('splits checkbox answers on ", " and shares them over the people who answered', () => {
    // Answered by rows 1–4 (row 5 blank) → 4 answers.
    // 健康: rows 1, 3, 4 = 3; 仲間: rows 1, 3 = 2; 収入: row 2 = 1; 社会貢献: row 3 = 1.
    const q = t.questions[1]!;
    expect(q.kind).toBe('multi');
    expect(q.answers).toBe(4);
    expect(q.choices).toEqual([
      { value: '健康', count: 3, share: 0.75 }, { value: '仲間', count: 2, share: 0.5 },
      { value: '収入', count: 1, share: 0.25 }, { value: '社会貢献', count: 1, share: 0.25 },
    ]);
  });

  it('gives a scale its mean and median, text "2" read as a number', () => {
    // 5, 3, 4, 2, 4 → sum 18, mean 3.6; sorted 2 3 4 4 5 → median 4.
    const q = t.questions[2]!;
    expect(q.kind).toBe('scale');
    expect(q.mean).toBeCloseTo(3.6, 10);
    expect(q.median).toBe(4);
    expect(q.choices.map((c) => [c.value, c.count])).toEqual([['2', 1], ['3', 1], ['4', 2], ['5', 1]]);
  });

  it('cross-tabulates by 性別: women 5, 4, 4 (mean 13/3), men 3, 2', () => {
    const q = t.questions[2]!;
    expect(q.cross?.by).toBe('性別');
    const women = q.cross?.groups.find((g) => g.value === '女性');
    const men = q.cross?.groups.find((g) => g.value === '男性');
    expect(women?.answers).toBe(3);
    expect(women?.choices.map((c) => [c.value, c.count])).toEqual([['4', 2], ['5', 1]]);
    expect(men?.choices.map((c) => [c.value, c.count])).toEqual([['2', 1], ['3', 1]]);
  });

  it('counts the free-text opinions (3 answers, all different) without their words', () => {
    // Rows 1, 3, 4 answered; 3 distinct of 3 > 60% → free text.
    expect(t.questions[3]).toMatchObject({ question: 'ご意見', kind: 'text', answers: 3, choices: [], cross: null });
  });

  it('writes one row per figure in the tally tab, copying no free text', () => {
    const rows = surveyTallyRows([t], 'ja');
    const flat = rows.flat().map(String);
    expect(flat).not.toContain('楽しいです');
    expect(flat).not.toContain('送迎があると助かります');
    expect(rows[0]).toEqual(['会員アンケート', '', '回答率', '', '', 5, '', 10, 0.5, null, null]);
  });
});

describe('free text', () => {
  it('is counted but not copied when there are many distinct answers', () => {
    // 12 different answers: distinct 12 ≥ 3 and 12 > 0.6 × 12 → free text.
    const rows = Array.from({ length: 12 }, (_, i) => [{ date: '2026-05-01T10:00:00' }, `意見その${i}`]);
    const t = tallySurvey({ name: 'x', header: ['タイムスタンプ', '自由にどうぞ'], rows });
    expect(t.questions[0]).toMatchObject({ kind: 'text', answers: 12, choices: [] });
  });
});

describe('tally property', () => {
  it('counts of a single-choice question sum to its answers, and checkbox counts to its ticked boxes', () => {
    const choice = fc.constantFrom('はい', 'いいえ', 'どちらでもない', '');
    const box = fc.subarray(['A', 'B', 'C', 'D']).map((xs) => xs.join(', '));
    fc.assert(fc.property(fc.array(fc.tuple(choice, box), { minLength: 10, maxLength: 60 }), (answers) => {
      const t = tallySurvey({ name: 's', header: ['タイムスタンプ', 'Q1', 'Q2'], rows: answers.map(([a, b]) => [{ date: '2026-01-01' }, a, b]) });
      const [q1, q2] = t.questions;
      const ticked = answers.reduce((s, [, b]) => s + (b === '' ? 0 : b.split(', ').length), 0);
      // A few answers that all differ are taken for free text (counted, not split): then no choices.
      expect(q1!.answers).toBe(answers.filter(([a]) => a !== '').length);
      expect(q1!.choices.reduce((s, c) => s + c.count, 0)).toBe(q1!.kind === 'text' ? 0 : q1!.answers);
      if (q2!.kind !== 'text') expect(q2!.choices.reduce((s, c) => s + c.count, 0)).toBe(q2!.kind === 'multi' ? ticked : q2!.answers);
      else expect(q2!.choices).toEqual([]);
    }));
  });
});
