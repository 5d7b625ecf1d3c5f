import type { SurveyForms } from '../app/survey/tally-surveys';
import type { DeclaredQuestion } from '../domain/survey/tally';

// Which questions of a survey's Google Form are choices, read from the form's item types through
// FormApp: multiple choice and list (one choice), checkbox (several), scale and rating (a number),
// a grid's rows (one column each, `Question [Row]` as the response tab heads them) and a checkbox
// grid's. Every other item (short and paragraph text, date, time, duration, file) is free text.
// The form is the survey row's フォームID, else the one feeding the response tab
// (Sheet.getFormUrl). Costs, per form: openById/openByUrl + getItems, and per item getType and
// getTitle, plus for a choice item its cast and getChoices with one getValue per choice (a grid's
// rows and columns; a scale's bounds) — a menu or nightly run, never a submit.
type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class GasSurveyForms implements SurveyForms {
  constructor(private readonly spreadsheet: () => Spreadsheet) {}

  questionsOf(survey: { formId: string; tab: string }): DeclaredQuestion[] | null {
    const form = this.formOf(survey);
    return form ? form.getItems().flatMap(declared) : null;
  }

  private formOf({ formId, tab }: { formId: string; tab: string }): Form | null {
    if (formId.trim() !== '') return FormApp.openById(formId.trim());
    const url = this.spreadsheet().getSheetByName(tab)?.getFormUrl() ?? null;
    return url ? FormApp.openByUrl(url) : null;
  }
}

function values(choices: GoogleAppsScript.Forms.Choice[]): string[] {
  return choices.map((c) => c.getValue());
}

function declared(item: Item): DeclaredQuestion[] {
  const title = item.getTitle();
  switch (String(item.getType())) {
    case 'MULTIPLE_CHOICE': return [{ title, kind: 'choice', choices: values(item.asMultipleChoiceItem().getChoices()) }];
    case 'LIST': return [{ title, kind: 'choice', choices: values(item.asListItem().getChoices()) }];
    case 'CHECKBOX': return [{ title, kind: 'multi', choices: values(item.asCheckboxItem().getChoices()) }];
    case 'SCALE': {
      const scale = item.asScaleItem();
      const [low, high] = [scale.getLowerBound(), scale.getUpperBound()];
      return [{ title, kind: 'scale', choices: Array.from({ length: Math.max(0, high - low + 1) }, (_, i) => String(low + i)) }];
    }
    case 'RATING': return [{ title, kind: 'scale', choices: null }];
    case 'GRID': {
      const grid = item.asGridItem();
      const columns = grid.getColumns();
      return grid.getRows().map((row) => ({ title: `${title} [${row}]`, kind: 'choice' as const, choices: columns }));
    }
    case 'CHECKBOX_GRID': {
      const grid = item.asCheckboxGridItem();
      const columns = grid.getColumns();
      return grid.getRows().map((row) => ({ title: `${title} [${row}]`, kind: 'multi' as const, choices: columns }));
    }
    default: return [];
  }
}
