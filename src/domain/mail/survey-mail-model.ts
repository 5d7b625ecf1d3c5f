import type { Language } from '../enums';
import type { SurveyTally } from '../survey/tally';

// What one survey mail shows (src/domain/mail/survey-mail.ts): the survey's tally as アンケート集計
// holds it, and how many answers are new since the survey's last mail. The tally carries no
// answer of a free-text question and no answer that looks like a phone number or an address
// (src/domain/survey/tally.ts): only choices the survey offers, counts, means and medians.
export interface SurveyMailModel {
  readonly language: Language;
  readonly centerName: string;
  readonly tally: SurveyTally;
  /** The day of the run, `YYYY-MM-DD` in the center's zone. */
  readonly asOf: string;
  /** Answers since the survey's last mail; null when it has had none. */
  readonly newAnswers: number | null;
}

/** `2026-05-10` as the mail writes a day: `2026/05/10` (ja) or as it is (en). */
export function mailDay(day: string, lang: Language): string {
  return lang === 'ja' ? day.replace(/-/g, '/') : day;
}
