import type { Cell } from '../cell';
import type { Language } from '../enums';
import { neutraliseRow } from '../text/neutralise-formula';
import type { QuestionKind, SurveyTally } from './tally';

// アンケート集計 / SurveyTally: one long table for all surveys, one figure per row, so a center
// can filter and chart it. Question titles and choices are the center's text: neutralised.
export const SURVEY_TALLY_TAB = { ja: 'アンケート集計', en: 'SurveyTally' } as const;

export const SURVEY_TALLY_HEADER: Readonly<Record<Language, readonly string[]>> = {
  ja: ['アンケート', '設問', '種別', '集計軸', '軸の値', '回答数', '選択肢', '件数', '割合', '平均', '中央値'],
  en: ['survey', 'question', 'kind', 'cross_by', 'group', 'answers', 'choice', 'count', 'share', 'mean', 'median'],
};

const KIND_LABEL: Readonly<Record<Language, Readonly<Record<QuestionKind | 'summary', string>>>> = {
  ja: { summary: '回答率', choice: '単一選択', multi: '複数選択', scale: '数値', text: '自由記述' },
  en: { summary: 'response_rate', choice: 'choice', multi: 'multi', scale: 'scale', text: 'text' },
};

/** The その他 count's label: answers outside the choices or looking like a phone or an address,
 *  counted without their words. Bracketed, so it never reads as a choice the form offers. */
export const OTHER_ANSWERS: Readonly<Record<Language, string>> = { ja: '（その他の回答）', en: '(other answers)' };

const round = (n: number | null, places: number): number | null => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);

export function surveyTallyRows(tallies: readonly SurveyTally[], lang: Language): Cell[][] {
  const out: Cell[][] = [];
  for (const t of tallies) {
    // Summary: answers = responses, count = target, share = response rate.
    out.push([t.name, '', KIND_LABEL[lang].summary, '', '', t.responses, '', t.target, round(t.responseRate, 4), null, null]);
    for (const q of t.questions) {
      const kind = KIND_LABEL[lang][q.kind];
      out.push([t.name, q.question, kind, '', '', q.answers, '', null, null, round(q.mean, 2), round(q.median, 2)]);
      const label = (c: { value: string; other?: true }): string => (c.other ? OTHER_ANSWERS[lang] : c.value);
      for (const c of q.choices) out.push([t.name, q.question, kind, '', '', q.answers, label(c), c.count, round(c.share, 4), null, null]);
      for (const g of q.cross?.groups ?? []) {
        for (const c of g.choices) out.push([t.name, q.question, kind, q.cross?.by ?? '', label(g), g.answers, label(c), c.count, round(c.share, 4), null, null]);
      }
    }
  }
  return out.map((r) => neutraliseRow(r));
}
