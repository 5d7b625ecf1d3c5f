import fc from 'fast-check';
import { readWorkReport, workReportFormSpec } from '../../../src/domain/work/report-form';

const named = (over: Record<string, string> = {}): Record<string, string[]> => Object.fromEntries(Object.entries({
  会員ID: 'M004', 仕事ID: 'J01', 対象月: '2015-07', 就業した日: '3, 1, 2', '1日の時間': '2.5', ...over,
}).map(([k, v]) => [k, [v]]));

describe('readWorkReport: a 就業報告 answer as days and hours', () => {
  test('reads what a phone sends: full-width digits, 2015/7, 時間, days in any order', () => {
    expect(readWorkReport(named({ 会員ID: 'ｍ００４', 対象月: '2015/7', '1日の時間': '２.５時間' }))).toEqual({
      ok: true, report: { member_id: 'M004', job_id: 'J01', month: '2015-07', days: ['2015-07-01', '2015-07-02', '2015-07-03'], hours: 2.5 },
    });
    // The English form's titles too.
    const en = { 'Member ID': ['M004'], 'Job ID': ['J01'], Month: ['2015-07'], 'Days worked': ['31'], 'Hours a day': ['1'] };
    expect(readWorkReport(en)).toMatchObject({ ok: true, report: { days: ['2015-07-31'] } });
  });

  test('says why an answer cannot be read', () => {
    expect(readWorkReport(named({ 会員ID: '=1+1' }))).toMatchObject({ ok: false, problem: 'no_member' });
    expect(readWorkReport(named({ 対象月: '7月' }))).toMatchObject({ ok: false, problem: 'bad_month' });
    expect(readWorkReport(named({ 対象月: '2015-02', 就業した日: '30' }))).toMatchObject({ ok: false, problem: 'bad_day' });
    expect(readWorkReport(named({ 就業した日: '' }))).toMatchObject({ ok: false, problem: 'no_days' });
    for (const h of ['0', '25', 'たくさん', '']) expect(readWorkReport(named({ '1日の時間': h }))).toMatchObject({ ok: false, problem: 'bad_hours' });
  });

  test('any ticked days of a month come back as that month\'s days, sorted, once each (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 40 }), (days) => {
      const out = readWorkReport(named({ 対象月: '2015-06', 就業した日: days.join(', ') }));
      expect(out.ok && out.report.days).toEqual([...new Set(days)].sort((a, b) => a - b).map((d) => `2015-06-${String(d).padStart(2, '0')}`));
    }));
  });

  test('the form asks the five questions in the center\'s language, the days as 31 ticks', () => {
    expect(workReportFormSpec('en', 'Kashiwa').questions.map((q) => [q.kind, q.title])).toEqual([
      ['text', 'Member ID'], ['text', 'Job ID'], ['text', 'Month'], ['checkbox', 'Days worked'], ['text', 'Hours a day'],
    ]);
    expect(workReportFormSpec('ja', '柏市').title).toBe('柏市 就業報告');
  });
});
