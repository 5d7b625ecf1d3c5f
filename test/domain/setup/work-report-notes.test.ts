import { setupNotes } from '../../../src/domain/setup/setup-notes';

// Setup's summary hands the manager the 就業報告 form's address (after the sign-up form's), in
// the center's language; when Google refused to publish it, what to click instead.
const FORM = { publishing: 'published' as const, publishedUrl: 'https://docs.google.com/forms/d/e/W1/viewform', editUrl: 'https://docs.google.com/forms/d/W1/edit' };

describe('setup notes: the 就業報告 form', () => {
  test('its address, in Japanese and in English', () => {
    expect(setupNotes({ language: 'ja', timeZone: 'Asia/Tokyo', signupForm: null, workReportForm: FORM, triggerOwnership: null }))
      .toEqual(['就業報告フォーム（会員が月に一度、働いた日と時間を送ります）: https://docs.google.com/forms/d/e/W1/viewform']);
    expect(setupNotes({ language: 'en', timeZone: 'Asia/Tokyo', signupForm: null, workReportForm: FORM, triggerOwnership: null }))
      .toEqual(['The work report form (members send the days and hours they worked, once a month): https://docs.google.com/forms/d/e/W1/viewform']);
  });

  test('unpublished: where to press Publish; no form: nothing', () => {
    expect(setupNotes({ language: 'en', timeZone: 'Asia/Tokyo', signupForm: null, workReportForm: { ...FORM, publishing: 'unpublished' }, triggerOwnership: null }))
      .toEqual(['The work report form could not be published. Open it (https://docs.google.com/forms/d/W1/edit) and press Publish at the top right.']);
    expect(setupNotes({ language: 'ja', timeZone: 'Asia/Tokyo', signupForm: null, workReportForm: null, triggerOwnership: null })).toEqual([]);
  });
});
