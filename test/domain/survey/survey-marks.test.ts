import fc from 'fast-check';
import { answersSeen, dueMail, markEntry, readSurveyMarks, type SurveyMark } from '../../../src/domain/survey/survey-marks';

// The nightly run's memory of each survey (src/domain/survey/survey-marks.ts): what it writes it
// reads back; other properties are not its own; a damaged mark reads as none; a mail is due for
// new answers once a day.
const seen = fc.option(fc.record({ count: fc.nat(100000), latest: fc.string({ maxLength: 19 }) }), { nil: null });
const mark: fc.Arbitrary<SurveyMark> = fc.record({ tallied: seen, mailed: seen, mailedOn: fc.option(fc.constant('2026-05-10'), { nil: null }) });

describe('survey marks', () => {
  it('read back what was written, for any tab name, and stay small', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 100 }), mark, (sheet, m) => {
      const [key, value] = markEntry(sheet, m);
      expect(readSurveyMarks({ [key]: value, 'ikigai.signup.core': '{}' }).get(sheet)).toEqual(m);
      // A property value may hold 9 KB; a mark holds counts and times only.
      expect(value.length).toBeLessThan(200);
    }));
  });

  it('read a damaged mark as none, and ignore other keys', () => {
    const marks = readSurveyMarks({ 'ikigai.survey.回答': '{not json', 'ikigai.triggers.owner': '{}' });
    expect([...marks.entries()]).toEqual([['回答', { tallied: null, mailed: null, mailedOn: null }]]);
  });

  it('count answers and their latest time, blank rows left out', () => {
    const t = answersSeen({ name: 'r', header: ['タイムスタンプ', 'Q'], rows: [[{ date: '2026-05-01T10:00:00' }, 'a'], [null, ''], [{ date: '2026-05-02T09:00:00' }, 'b']] });
    expect(t).toEqual({ count: 2, latest: '2026-05-02T09:00:00' });
  });

  it('make a mail due for new answers, not twice a day, not for a deletion alone', () => {
    const now = { count: 5, latest: '2026-05-09T10:00:00' };
    expect(dueMail({ tallied: null, mailed: null, mailedOn: null }, now, '2026-05-10')).toBe(true);
    expect(dueMail({ tallied: null, mailed: { count: 4, latest: '2026-05-08T10:00:00' }, mailedOn: '2026-05-09' }, now, '2026-05-10')).toBe(true);
    expect(dueMail({ tallied: null, mailed: { count: 4, latest: '2026-05-08T10:00:00' }, mailedOn: '2026-05-10' }, now, '2026-05-10')).toBe(false);
    expect(dueMail({ tallied: null, mailed: { count: 6, latest: '2026-05-09T10:00:00' }, mailedOn: '2026-05-09' }, now, '2026-05-10')).toBe(false);
    expect(dueMail({ tallied: null, mailed: null, mailedOn: null }, { count: 0, latest: '' }, '2026-05-10')).toBe(false);
  });
});
