import { weeklySurveyLines, weeklySurveyText } from '../../../src/domain/mail/weekly-survey-section';

// Which surveys the weekly mail shows and what it says of them (week 2016-03-28 .. 04-03).
const week = { from: '2016-03-28', to: '2016-04-03' };

describe('the weekly survey section', () => {
  it('shows a survey answered before and after a quiet week, with 0 this week; leaves out one not yet or no longer answered', () => {
    const lines = weeklySurveyLines([
      { name: 'A', target: 4, times: ['2016/03/20 10:00:00', { date: '2016-04-05T09:00:00' }] },
      { name: 'before', target: null, times: ['2016/03/01 10:00:00'] },
      { name: 'after', target: null, times: ['2016/04/04 00:10:00'] },
      { name: 'B', target: null, times: ['2016/3/28 0:00:00', 'not a time', '2016/04/03 23:59:59'] },
    ], week);
    // A: 1 answer by 04-03 of 4 = 25%, none in the week. B: both answers in the week, no target.
    expect(lines).toEqual([
      { name: 'A', responses: 1, target: 4, rate: 0.25, thisWeek: 0 },
      { name: 'B', responses: 2, target: null, rate: null, thisWeek: 2 },
    ]);
    expect(weeklySurveyText(lines, 'en')).toEqual(['\n■ Surveys', '  A: response rate 25.0%, 0 responses this week (1 in all)', '  B: response rate —, 2 responses this week (2 in all)']);
    expect(weeklySurveyText([], 'ja')).toEqual([]);
  });
});
