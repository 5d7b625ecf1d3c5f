import type { WeeklyMailModel } from '../weekly/weekly-mail-model';
import { renderWeeklyHtml } from './weekly-html';
import { weeklySubject } from './weekly-subject';
import { renderWeeklyText } from './weekly-text';

export interface RenderedMail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export function renderWeeklyMail(model: WeeklyMailModel): RenderedMail {
  return {
    subject: weeklySubject(model.centerName, model.periods.week, model.language),
    html: renderWeeklyHtml(model),
    text: renderWeeklyText(model),
  };
}
