import { installFakes, type FakeHandles } from '../fakes';
import type { FormAppOptions, FormPublishing, FormRecord } from '../fakes/form-app';
import { GasSignupForms } from '../../src/gas/form-signup';
import { signupFormSpec } from '../../src/domain/signup/form-spec';

// The sign-up form adapter against the FormApp fake, which starts a script's new form
// unpublished (Google's Forms change) and models a legacy form and a domain's sign-in rule.
const SESSION = '2026/12/07（月）10:00 柏市センター会議室 — 入会説明会';

describe('GasSignupForms: the form accepts answers', () => {
  let fakes: FakeHandles;
  afterEach(() => fakes.uninstall());

  function make(options: FormAppOptions = {}, sessions: string[] = [SESSION]): { forms: GasSignupForms; made: ReturnType<GasSignupForms['create']>; record: () => FormRecord } {
    fakes = installFakes(globalThis, { forms: options });
    const forms = new GasSignupForms(() => 'fake-spreadsheet-id');
    const made = forms.create(signupFormSpec('ja', '柏市シルバー人材センター', sessions));
    return { forms, made, record: () => fakes.forms.forms.get(made.formId)! };
  }

  it('publishes a form that Forms created unpublished, so it takes answers', () => {
    // Without the adapter's publish a new form would take nothing: the fake's FormApp.create alone.
    fakes = installFakes(globalThis);
    expect(FormApp.create('x').isAcceptingResponses()).toBe(false);
    fakes.uninstall();
    const { forms, made, record } = make();
    expect(record()).toMatchObject({ published: true, accepting: true, requireLogin: false });
    expect(forms.openToRespondents(made.formId)).toMatchObject({ publishing: 'published_now', signIn: 'off' });
    expect(made.publishedUrl).toBe(`https://docs.google.com/forms/d/e/${made.formId}/viewform`);
  });

  it('publishes and then closes a form with no open session, and opens it again once a session opens (one call)', () => {
    const { forms, made, record } = make({}, []);
    expect(record()).toMatchObject({ published: true, accepting: false });
    const { calls } = fakes.log.measure(() => forms.setSessions(made.formId, '', [SESSION], '閉じています'));
    expect(record().accepting).toBe(true);
    expect(calls.byMethod['Form.setAcceptingResponses']).toBe(1);
    expect(calls.byMethod['Form.setPublished']).toBeUndefined();
  });

  it('publishes again a form someone unpublished when a sync opens it to a session', () => {
    const { forms, made, record } = make();
    (FormApp.openById(made.formId) as unknown as FormPublishing).setPublished(false);
    expect(record()).toMatchObject({ published: false, accepting: false });
    forms.setSessions(made.formId, '', [SESSION], '閉じています');
    expect(record()).toMatchObject({ published: true, accepting: true });
  });

  it('checks a form made in an earlier run by its ID: already published, nothing changed', () => {
    const { made } = make();
    const later = new GasSignupForms(() => 'fake-spreadsheet-id');
    const { result, calls } = fakes.log.measure(() => later.openToRespondents(made.formId));
    expect(result).toMatchObject({ publishing: 'published', signIn: 'off', editUrl: `https://docs.google.com/forms/d/${made.formId}/edit` });
    expect(calls.byMethod['Form.setPublished']).toBeUndefined();
  });

  it('leaves a legacy form (no publishing model) as it is: it takes answers without being published', () => {
    const { forms, made, record } = make({ publishing: 'legacy' });
    expect(record()).toMatchObject({ published: null, accepting: true });
    expect(forms.openToRespondents(made.formId).publishing).toBe('legacy');
    forms.setSessions(made.formId, '', [], '閉じています');
    expect(record().accepting).toBe(false);
    forms.setSessions(made.formId, '', [SESSION], '閉じています');
    expect(record().accepting).toBe(true);
    // isPublished / setPublished are never called on it (they are not enabled on a legacy form).
    expect(fakes.log.count('Form.isPublished')).toBe(0);
  });

  it('turns off the sign-in a Workspace domain asked for, where the domain allows', () => {
    const { forms, made, record } = make({ signIn: 'domain' });
    expect(record().requireLogin).toBe(false);
    expect(forms.openToRespondents(made.formId).signIn).toBe('turned_off');
  });

  it('reports a sign-in the domain keeps, without failing the form', () => {
    const { forms, made, record } = make({ signIn: 'domain_locked' });
    expect(record()).toMatchObject({ published: true, accepting: true, requireLogin: true });
    expect(forms.openToRespondents(made.formId).signIn).toBe('on');
  });
});
