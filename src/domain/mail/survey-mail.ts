import { renderSurveyHtml } from './survey-html';
import type { SurveyMailModel } from './survey-mail-model';
import { surveySubject } from './survey-subject';
import { renderSurveyText } from './survey-text';
import type { RenderedMail } from './weekly-mail';

// The survey mail (forms.md "The nightly survey run"): subject, Gmail-safe HTML and a text part,
// rendered from the tally alone, so it can hold nothing the tally does not.
export function renderSurveyMail(model: SurveyMailModel): RenderedMail {
  return { subject: surveySubject(model), html: renderSurveyHtml(model), text: renderSurveyText(model) };
}
