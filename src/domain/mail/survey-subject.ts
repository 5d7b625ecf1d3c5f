import { surveyMailText } from '../messages/catalog';
import type { SurveyMailModel } from './survey-mail-model';
import { formatCount } from './weekly-format';

/** `【柏市シルバー人材センター】アンケート集計 講座アンケート（回答 12件）`. */
export function surveySubject(model: SurveyMailModel): string {
  const t = surveyMailText(model.language);
  return t.subject(model.centerName.trim() || t.defaultCenter, model.tally.name, formatCount(model.tally.responses));
}
