import fc from 'fast-check';
import { waitYears, WAIT_DAYS_IN_DAYS } from '../../../src/domain/kpi/wait-span';
import { WEEKLY_STRINGS } from '../../../src/domain/mail/weekly-strings';
import { wordText } from '../../../src/domain/messages/catalog';

describe('waitYears', () => {
  test('days under a year stay days; from a year on, whole years floored', () => {
    expect(waitYears(0)).toBeNull();
    expect(waitYears(364)).toBeNull();
    expect(waitYears(365)).toBe(1);
    expect(waitYears(730)).toBe(1); // two years less the leap day: not yet 2
    expect(waitYears(731)).toBe(2);
    expect(waitYears(1460)).toBe(3);
    expect(waitYears(1532)).toBe(4);
    // The demo's member who joined in 2000 and was never placed.
    expect(waitYears(5800)).toBe(15);
  });

  test('never says more years than the days hold, nor a whole year less', () => {
    fc.assert(fc.property(fc.integer({ min: WAIT_DAYS_IN_DAYS, max: 40_000 }), (days) => {
      const years = waitYears(days)!;
      expect(years).toBeGreaterThanOrEqual(1);
      expect(years * 365).toBeLessThanOrEqual(days);
      expect((years + 1) * 366).toBeGreaterThan(days);
    }));
  });
});

describe('the wait in words (weekly mail, 継続支援)', () => {
  test('days under a year; whole years after, from joining when the wait counts from the join day', () => {
    const ja = WEEKLY_STRINGS.ja.urgency;
    const en = WEEKLY_STRINGS.en.urgency;
    expect(ja.waiting(120, waitYears(120), true)).toBe('待機120日');
    expect(ja.waiting(5800, waitYears(5800), true)).toBe('入会から15年以上');
    expect(ja.waiting(800, waitYears(800), false)).toBe('待機2年以上');
    expect(en.waiting(5800, waitYears(5800), true)).toBe('15+ years since joining');
    expect(en.waiting(120, waitYears(120), false)).toBe('waiting 120 days');
    const words = wordText('ja').followUp;
    expect(words.waiting('2010-04-01', 5800, waitYears(5800), true)).toBe('入会から15年以上（2010-04-01 入会）');
    expect(words.waiting('2024-01-10', 400, waitYears(400), false)).toBe('仕事を待って 1年以上（2024-01-10 から）');
    expect(words.waiting('2025-03-01', 102, waitYears(102), false)).toBe('仕事を待って 102日（2025-03-01 から）');
    expect(wordText('en').followUp.no_contact(null, 5800, waitYears(5800))).toBe('no contact recorded (15+ years since joining)');
  });
});
