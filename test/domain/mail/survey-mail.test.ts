import fc from 'fast-check';
import { renderSurveyMail } from '../../../src/domain/mail/survey-mail';
import { tallySurvey } from '../../../src/domain/survey/tally';
import type { RawTable } from '../../../src/domain/cell';

// The survey mail renders the tally alone (src/domain/mail/survey-*.ts): whatever the public
// typed into a free-text question, or into a choice question's "other" box, is not in it; the
// form's own words (titles, choices) are escaped; no target means no rate, said so.
const table = (rows: (string | number)[][]): RawTable => ({
  name: '回答', header: ['タイムスタンプ', '年代', '<b>満足度</b>', 'ご意見'], rows,
});
const declared = [
  { title: '年代', kind: 'choice' as const, choices: ['60代', '70代', '<script>x</script>'] },
  { title: '<b>満足度</b>', kind: 'scale' as const, choices: null },
];

describe('the survey mail', () => {
  it('never carries what a free-text answer or an "other" box says, whatever it is', () => {
    fc.assert(fc.property(fc.array(fc.string({ minLength: 4, maxLength: 30 }), { minLength: 1, maxLength: 6 }), (texts) => {
      const words = texts.map((t, i) => `自由${i}${t}`);
      const tally = tallySurvey(table(words.map((w, i) => ['2026/05/01', i % 2 === 0 ? '70代' : `他${w}`, 3, w])),
        { name: '講座', target: 10, crossBy: '年代', declared });
      const mail = renderSurveyMail({ language: 'ja', centerName: '柏', tally, asOf: '2026-05-10', newAnswers: null });
      for (const w of words) {
        expect(mail.text).not.toContain(w);
        expect(mail.html).not.toContain(w);
      }
    }), { numRuns: 200 });
  });

  it('escapes the form\'s own words and says the rate only against a target', () => {
    const rows = [['2026/05/01', '<script>x</script>', 4, '']];
    const ja = renderSurveyMail({ language: 'ja', centerName: '', tally: tallySurvey(table(rows), { name: 'A&B', declared }), asOf: '2026-05-10', newAnswers: 1 });
    expect(ja.html).not.toContain('<script>');
    expect(ja.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(ja.html).toContain('&lt;b&gt;満足度&lt;/b&gt;');
    expect(ja.html).toContain('A&amp;B');
    expect(ja.text).toContain('対象数 が空のため回答率は出していません');
    expect(ja.text).toContain('前回の集計メールから 新しい回答 1件');
    expect(ja.subject).toBe('【シルバー人材センター】アンケート集計 A&B（回答 1件）');
    const en = renderSurveyMail({ language: 'en', centerName: 'Kashiwa', tally: tallySurvey(table(rows), { name: 'Course', target: 4, declared }), asOf: '2026-05-10', newAnswers: null });
    expect(en.subject).toBe('[Kashiwa] Survey results: Course (1 responses)');
    expect(en.text).toContain('Response rate: 25.0%');
    expect(en.text).toContain('mean 4, median 4');
    expect(en.text).toContain('0 free-text answers (not in the mail');
    // No Japanese of its own (the form's titles are its own words).
    expect(en.text.replace(/年代|満足度|ご意見/g, '')).not.toMatch(/[\u3000-\u30ff\u4e00-\u9fff]/);
  });
});
