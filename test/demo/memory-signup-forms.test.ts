import { formSubmitEventSchema, readSignupAnswers } from '../../src/domain/signup/form-answers';
import { signupFormSpec } from '../../src/domain/signup/form-spec';
import { MemorySignupForms } from '../../src/local/memory-signup-forms';

// The local twin of the sign-up form hands the submit use case events shaped as Google's.
const LABEL = '2015/04/07（火）13:30 柏市センター会議室 — 入会説明会';

describe('the local sign-up form', () => {
  it('delivers an answer as namedValues by question title and values in the form\'s order, timestamp first', () => {
    const forms = new MemorySignupForms({ formId: 'F1' });
    forms.create(signupFormSpec('ja', '柏市シルバー人材センター', [LABEL]));
    const e = forms.submitEvent('2015/03/18 11:52:04', { name: '井上 隆', phone: '04-7181-1085', age_band: '60代前半', session: LABEL, consent: '個人情報の利用に同意します' });
    expect(Object.keys(e.namedValues)).toEqual(['タイムスタンプ', '氏名', 'フリガナ', '電話', 'メール', '年代', '性別', 'きっかけ', '参加する回', '個人情報の利用']);
    expect(e.values).toEqual(['2015/03/18 11:52:04', '井上 隆', '', '04-7181-1085', '', '60代前半', '', '', LABEL, '個人情報の利用に同意します']);
    // The submit use case reads both shapes to the same answers.
    const byName = readSignupAnswers(formSubmitEventSchema.parse({ namedValues: e.namedValues }));
    const byPosition = readSignupAnswers(formSubmitEventSchema.parse({ values: e.values }));
    expect(byPosition).toEqual(byName);
    expect(byName.answers.session).toBe(LABEL);
  });

  it('offers a session only while the form accepts answers and lists it', () => {
    const forms = new MemorySignupForms({ formId: 'F1' });
    forms.create(signupFormSpec('ja', '', [LABEL]));
    expect(forms.offers(LABEL)).toBe(true);
    forms.setSessions('F1', 'session', [], '受付中の回はありません');
    // A choice item cannot be empty: the old choice stays, but the form is closed.
    expect([forms.choices, forms.accepting, forms.offers(LABEL)]).toEqual([[LABEL], false, false]);
  });
});
