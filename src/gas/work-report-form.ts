import type { FormAccess } from '../app/ports';
import type { WorkReportFormSpec } from '../domain/work/report-form';
import { openToRespondents } from './form-signup';

// The monthly 就業報告 form in Google Forms: one item per question of the spec (text items, the
// days as 31 tick boxes), the responses linked to this spreadsheet (Forms adds a response tab),
// published where Google allows, as the sign-up form is (form-signup.ts says why and how).
export function createWorkReportForm(spec: WorkReportFormSpec, spreadsheetId: string): { formId: string; access: FormAccess } {
  const form = FormApp.create(spec.title);
  form.setDescription(spec.description);
  form.setConfirmationMessage(spec.confirmation);
  for (const q of spec.questions) {
    if (q.kind === 'checkbox') form.addCheckboxItem().setTitle(q.title).setHelpText(q.help).setChoiceValues([...(q.choices ?? [])]).setRequired(q.required);
    else form.addTextItem().setTitle(q.title).setHelpText(q.help).setRequired(q.required);
  }
  const access = openToRespondents(form);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
  return { formId: form.getId(), access };
}
