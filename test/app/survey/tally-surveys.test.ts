import fc from 'fast-check';
import type { RawTable } from '../../../src/domain/cell';
import { looksPersonal, tallySurvey, type DeclaredQuestion } from '../../../src/domain/survey/tally';
import { surveyTallyRows } from '../../../src/domain/survey/tally-rows';
import { namedChoiceQuestions } from '../../../src/domain/survey/named-questions';

// A member survey as Forms writes it: timestamp and e-mail columns, a single choice, a checkbox
// question (ticked boxes joined with ', '), a 1–5 scale, and free text. The form's item types say
// which are choices (DECLARED, as src/gas/survey-forms.ts reads them); ご意見 is a paragraph item.
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

const DECLARED: DeclaredQuestion[] = [
  { title: '性別', kind: 'choice', choices: ['女性', '男性', '回答しない'] },
  { title: '生きがいを感じること', kind: 'multi', choices: ['健康', '仲間', '収入', '社会貢献'] },
  { title: '満足度', kind: 'scale', choices: ['1', '2', '3', '4', '5'] },
];

describe('tallySurvey', () => {
  const t = tallySurvey(SAMPLE, { name: '会員アンケート', target: 10, crossBy: '性別', declared: DECLARED });

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

  it('counts the free-text opinions (3 answers; the form says it is a paragraph) without their words', () => {
    // Rows 1, 3, 4 answered.
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
    const rows = Array.from({ length: 12 }, (_, i) => [{ date: '2026-05-01T10:00:00' }, `意見その${i}`]);
    const t = tallySurvey({ name: 'x', header: ['タイムスタンプ', '自由にどうぞ'], rows });
    expect(t.questions[0]).toMatchObject({ kind: 'text', answers: 12, choices: [] });
  });

  // The red team's case: a free-text question answered by four people with only two distinct
  // answers, one a name and a phone number. Guessing from the answers (≤ 3 distinct values, under
  // 60% distinct) classed it as a single choice and copied 「山田 花子 090-1234-5678」 into
  // アンケート集計. Now nothing says it is a choice question, so it is free text.
  const RED_TEAM = {
    name: 'フォームの回答 3',
    header: ['タイムスタンプ', 'ご意見・ご連絡先'],
    rows: [
      [{ date: '2026-05-01T10:00:00' }, '山田 花子 090-1234-5678'], [{ date: '2026-05-01T11:00:00' }, '山田 花子 090-1234-5678'],
      [{ date: '2026-05-02T10:00:00' }, 'とても良い'], [{ date: '2026-05-02T11:00:00' }, 'とても良い'],
    ],
  };

  it('never copies a free-text question with a name and phone, however few its distinct answers (red team)', () => {
    const t = tallySurvey(RED_TEAM, { name: '講座アンケート' });
    expect(t.questions[0]).toMatchObject({ kind: 'text', answers: 4, choices: [] });
    const flat = surveyTallyRows([t], 'ja').flat().map(String).join('|');
    expect(flat).not.toContain('山田');
    expect(flat).not.toContain('090');
  });

  it('never copies an answer that looks like a phone number or an e-mail, even in a declared choice question', () => {
    // Declared by name only (no choices known): the phone answer is その他, the plain one copied.
    const t = tallySurvey(RED_TEAM, { declared: [{ title: 'ご意見・ご連絡先', kind: null, choices: null }] });
    expect(t.questions[0]?.choices).toEqual([
      { value: 'とても良い', count: 2, share: 0.5 }, { value: '', other: true, count: 2, share: 0.5 },
    ]);
    const rows = surveyTallyRows([t], 'ja');
    expect(rows.flat().map(String).join('|')).not.toContain('090');
    expect(rows.map((r) => r[6])).toContain('（その他の回答）');
  });

  it('counts an answer outside the form\'s choices (an "other" box) as その他, without its words', () => {
    const table = { name: 's', header: ['タイムスタンプ', '参加のきっかけ'], rows: [
      [{ date: '2026-05-01' }, '広報誌'], [{ date: '2026-05-01' }, '友人'], [{ date: '2026-05-01' }, '隣の佐藤さんに誘われて'],
      [{ date: '2026-05-01' }, '広報誌, 隣の佐藤さんに誘われて'],
    ] };
    const t = tallySurvey(table, { declared: [{ title: '参加のきっかけ', kind: 'multi', choices: ['広報誌', '友人', 'ホームページ'] }] });
    // Ticked: 広報誌 rows 1, 4 = 2; 友人 row 2 = 1; the other box rows 3, 4 = 2; 4 people answered.
    expect(t.questions[0]?.choices).toEqual([
      { value: '広報誌', count: 2, share: 0.5 }, { value: '友人', count: 1, share: 0.25 }, { value: '', other: true, count: 2, share: 0.5 },
    ]);
    expect(JSON.stringify(t)).not.toContain('佐藤');
  });

  it('keeps the words out of a cross-tabulation too: a group that would name a person is その他', () => {
    const table = { name: 's', header: ['タイムスタンプ', '地区', '満足度'], rows: [
      [{ date: '2026-05-01' }, '北柏', 5], [{ date: '2026-05-01' }, 'info@example.jp', 3], [{ date: '2026-05-01' }, '北柏', 4],
    ] };
    const t = tallySurvey(table, { crossBy: '地区', declared: [{ title: '地区', kind: 'choice', choices: null }, { title: '満足度', kind: 'scale', choices: null }] });
    const groups = t.questions[1]?.cross?.groups ?? [];
    expect(groups.map((g) => [g.value, g.other ?? false, g.answers])).toEqual([['北柏', false, 2], ['', true, 1]]);
    expect(JSON.stringify(t)).not.toContain('info@');
  });
});

describe('looksPersonal', () => {
  it.each([
    '090-1234-5678', '04-7100-2000', '0471002000', '(04)7100-2000', '+81 4 7100 2000', '０９０ー１２３４ー５６７８', '7100-2000',
    'a@b', 'taro.yamada@example.jp', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', '連絡は 090 1234 5678 まで',
  ])('takes %s for a phone number or an address', (text) => {
    expect(looksPersonal(text)).toBe(true);
  });
  it.each(['5', '2026/05/01', '2026.05.01', '60代前半', '週3日', '1,200円', '10:00-12:00', '健康, 仲間'])('leaves %s', (text) => {
    expect(looksPersonal(text)).toBe(false);
  });
});

describe('choice questions named in アンケート (選択式の設問)', () => {
  const header = ['タイムスタンプ', '性別', '参加のきっかけ、理由', '満足度 [食事]', '満足度 [送迎]', 'ご意見'];
  it('takes one title a line or ;-separated, a title holding 、 whole, a grid by its name, and reports unknown names', () => {
    const r = namedChoiceQuestions('性別\n参加のきっかけ、理由；満足度; 年代', header);
    expect(r.declared.map((d) => d.title)).toEqual(['性別', '参加のきっかけ、理由', '満足度 [食事]', '満足度 [送迎]']);
    expect(r.declared.every((d) => d.kind === null && d.choices === null)).toBe(true);
    expect(r.unknown).toEqual(['年代']);
  });
  it('splits a part at 、 when the whole names no question but every piece does', () => {
    expect(namedChoiceQuestions('性別、満足度', header).declared.map((d) => d.title)).toEqual(['性別', '満足度 [食事]', '満足度 [送迎]']);
  });
});

describe('no free text is ever copied (property)', () => {
  it('a phone number or an address in any answer of any question, declared or not, never reaches アンケート集計', () => {
    const personal = fc.oneof(
      fc.tuple(fc.constantFrom('090', '080', '04', '03'), fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1000, max: 9999 }))
        .map(([a, b, c]) => `${a}-${b}-${c}`),
      fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.constantFrom('example.jp', 'x.com')).map(([u, d]) => `${u}@${d}`),
    );
    const answer = fc.oneof(fc.constantFrom('はい', 'いいえ', '', '3', '健康, 仲間'), personal, personal.map((p) => `山田です ${p}`));
    const declaration = fc.constantFrom<DeclaredQuestion['kind'] | 'none'>('none', null, 'choice', 'multi', 'scale');
    fc.assert(fc.property(fc.array(fc.tuple(answer, answer), { minLength: 1, maxLength: 20 }), declaration, declaration, (rows, k1, k2) => {
      const declared: DeclaredQuestion[] = [];
      if (k1 !== 'none') declared.push({ title: 'Q1', kind: k1, choices: null });
      if (k2 !== 'none') declared.push({ title: 'Q2', kind: k2, choices: null });
      const t = tallySurvey({ name: 's', header: ['タイムスタンプ', 'Q1', 'Q2'], rows: rows.map(([a, b]) => [{ date: '2026-01-01' }, a, b]) },
        { declared, crossBy: 'Q1' });
      const written = surveyTallyRows([t], 'ja').flat().map(String).join('\n');
      for (const [a, b] of rows) for (const x of [a, b]) if (looksPersonal(x)) expect(written).not.toContain(x);
      expect(written).not.toMatch(/\d{2,4}-\d{4}-\d{4}|@/);
    }));
  });
});

describe('tally property', () => {
  it('counts of a single-choice question sum to its answers, and checkbox counts to its ticked boxes', () => {
    const choice = fc.constantFrom('はい', 'いいえ', 'どちらでもない', '');
    const box = fc.subarray(['A', 'B', 'C', 'D']).map((xs) => xs.join(', '));
    fc.assert(fc.property(fc.array(fc.tuple(choice, box), { minLength: 10, maxLength: 60 }), (answers) => {
      const t = tallySurvey({ name: 's', header: ['タイムスタンプ', 'Q1', 'Q2'], rows: answers.map(([a, b]) => [{ date: '2026-01-01' }, a, b]) }, {
        declared: [{ title: 'Q1', kind: 'choice', choices: ['はい', 'いいえ', 'どちらでもない'] }, { title: 'Q2', kind: 'multi', choices: ['A', 'B', 'C', 'D'] }],
      });
      const [q1, q2] = t.questions;
      const ticked = answers.reduce((s, [, b]) => s + (b === '' ? 0 : b.split(', ').length), 0);
      expect(q1!.answers).toBe(answers.filter(([a]) => a !== '').length);
      expect(q1!.choices.reduce((s, c) => s + c.count, 0)).toBe(q1!.answers);
      expect(q2!.choices.reduce((s, c) => s + c.count, 0)).toBe(ticked);
    }));
  });
});
