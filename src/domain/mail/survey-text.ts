import { surveyMailText } from '../messages/catalog';
import { OTHER_ANSWERS } from '../survey/tally-rows';
import { mailDay, type SurveyMailModel } from './survey-mail-model';
import { formatCount, formatPercent } from './weekly-format';

// The survey mail's text part: the same figures as the HTML, a ten-step bar of █ per share, lines
// short enough for a phone. Like the HTML, the number of free-text answers and never their words.
const bar = (share: number): string => '█'.repeat(Math.round(Math.max(0, Math.min(1, share)) * 10));
const num = (n: number | null): string => (n === null ? '—' : String(Math.round(n * 100) / 100));

export function renderSurveyText(model: SurveyMailModel): string {
  const lang = model.language;
  const t = surveyMailText(lang);
  const s = model.tally;
  const label = (c: { value: string; other?: true }): string => (c.other ? OTHER_ANSWERS[lang] : c.value);
  const lines: string[] = [
    `${model.centerName.trim() || t.defaultCenter} ${t.title}`,
    `${s.name} (${t.asOf(mailDay(model.asOf, lang))})`,
    '',
    t.intro(s.name),
    '',
    s.responseRate === null
      ? t.noTarget(formatCount(s.responses))
      : `${t.responseRate}: ${formatPercent(s.responseRate)}  ${bar(s.responseRate)}  (${t.ofTarget(formatCount(s.responses), formatCount(s.target ?? 0))})`,
    model.newAnswers === null ? t.firstMail : t.newSince(formatCount(model.newAnswers)),
  ];
  if (s.questions.length === 0) lines.push('', t.noQuestions);
  for (const q of s.questions) {
    lines.push('', `■ ${q.question}`, `  ${t.kinds[q.kind]}${t.separator}${t.answers(formatCount(q.answers))}`);
    if (q.kind === 'text') {
      lines.push(`  ${t.freeText(formatCount(q.answers))}`);
      continue;
    }
    if (q.kind === 'scale') lines.push(`  ${t.meanMedian(num(q.mean), num(q.median))}`);
    for (const c of q.choices) lines.push(`  ${label(c)}: ${formatCount(c.count)} (${formatPercent(c.share)})  ${bar(c.share)}`);
    if (q.cross && q.cross.groups.length > 0) {
      lines.push(`  ${t.crossTab(q.cross.by)}`);
      for (const g of q.cross.groups) {
        lines.push(`    ${label(g)} (${formatCount(g.answers)}): ${g.choices.map((c) => `${label(c)} ${formatCount(c.count)}`).join(', ')}`);
      }
    }
  }
  lines.push('', '--', t.footer, '');
  return lines.join('\n');
}
