import type { WeeklyMailModel } from '../weekly/weekly-mail-model';
import { weekRange } from './weekly-format';
import { weeklySections, type Bar, type EventRow } from './weekly-sections';
import { weeklySurveyText } from './weekly-survey-section';

// The plain-text body: the same sections as the HTML, for clients that show text only and
// for people who read mail as text. Lines stay short so they do not wrap badly on a phone.
function heading(title: string): string {
  return `\n■ ${title}`;
}

function bars(list: readonly Bar[], nothing: string): string[] {
  if (list.length === 0) return [`  ${nothing}`];
  const max = Math.max(0, ...list.map((b) => b.value));
  // A ten-step bar of █ keeps the proportions visible in a monospaced or proportional font.
  return list.map((b) => {
    const n = max === 0 ? 0 : Math.round((b.value / max) * 10);
    return `  ${b.label}: ${b.shown}  ${'█'.repeat(n)}  (${b.aside})`;
  });
}

/** Eight steps of ▁..█ per week, `·` for a week without a row: the trend in one line of text. */
function spark(heights: readonly (number | null)[]): string {
  const steps = '▁▂▃▄▅▆▇█';
  return heights.map((h) => (h === null ? '·' : steps[Math.min(7, Math.round(h * 7))] ?? '▁')).join('');
}

function events(rows: readonly EventRow[], columns: readonly string[], nothing: string): string[] {
  if (rows.length === 0) return [`  ${nothing}`];
  return rows.map((r) => `  ${r.day} ${r.title} — ${columns.map((c, i) => `${c} ${r.cells[i] ?? ''}`).join(' / ')}`);
}

export function renderWeeklyText(model: WeeklyMailModel): string {
  const x = weeklySections(model);
  const s = x.strings;
  const range = weekRange(model.periods.week, model.language);
  const center = model.centerName.trim() || s.defaultCenter;
  const lines: string[] = [
    `${center} ${s.title}`,
    `${range} (${s.fiscalYear(model.periods.fiscalYear)})`,
    '',
    s.intro(range),
  ];
  if (model.problemCount > 0) lines.push('', `※ ${s.problems(model.problemCount)}`);
  lines.push(heading(s.sections.headline));
  for (const r of x.headline) {
    lines.push(`  ${r.label}: ${r.week}  (${s.change} ${r.change} / ${s.lastWeek} ${r.lastWeek} / ${s.fyToDate} ${r.fiscalYearToDate})`);
  }
  if (x.trends.length > 0) {
    lines.push(heading(s.sections.trends));
    for (const t of x.trends) lines.push(`  ${t.label}: ${t.latest}  ${spark(t.heights)}  (${t.range})`);
    lines.push(`  ${x.trendsNote}`);
  }
  lines.push(heading(s.sections.targets));
  if (x.targets.length === 0) lines.push(`  ${s.targets.none}`);
  for (const t of x.targets) lines.push(`  ${t.label}: ${t.achievement}  (${t.line})`);
  if (x.targets.length > 0) lines.push(`  ${x.targetsNote}`);
  lines.push(heading(s.sections.coordinators));
  if (x.coordinators.rows.length === 0) lines.push(`  ${s.nothing}`);
  for (const c of x.coordinators.rows) {
    lines.push(`  ${c.name}: ${x.coordinators.columns.map((col, i) => `${col} ${c.week[i] ?? ''}/${c.year[i] ?? ''}`).join('  ')}`);
  }
  if (x.coordinators.rows.length > 0) lines.push(`  ${s.coordinatorNote}`);
  lines.push(heading(s.sections.placements), ...bars(x.placements, s.nothing));
  lines.push(heading(s.sections.newMembers), ...bars(x.newMembers, s.nothing));
  lines.push(heading(s.sections.activitiesByArea), ...bars(x.activitiesByArea, s.nothing));
  lines.push(heading(s.sections.activitiesByCoordinator), ...bars(x.activitiesByCoordinator, s.nothing));
  lines.push(heading(s.sections.eventsHeld), ...events(x.eventsHeld.rows, x.eventsHeld.columns, s.nothing));
  lines.push(heading(s.sections.upcoming), ...events(x.upcoming.rows, x.upcoming.columns, s.nothing));
  lines.push(...weeklySurveyText(model.surveys, model.language));
  lines.push(heading(s.sections.attention));
  for (const l of x.attention) {
    lines.push(`  ${l.label}: ${l.count}${l.more > 0 ? ` (${s.urgency.mostUrgent(l.items.length)})` : ''}`);
    if (l.count === 0) lines.push(`    ${s.attention.none}`);
    else if (l.items.every((i) => i.detail === '')) lines.push(`    ${l.items.map((i) => i.id).join(', ')}`);
    else for (const i of l.items) lines.push(`    ${i.id}  ${i.detail}`);
    if (l.more > 0) lines.push(`    ${s.attention.more(l.more)}`);
  }
  lines.push(`  ${s.attention.note}`);
  if (x.spreadsheetUrl !== null) lines.push('', `${s.openSheet}: ${x.spreadsheetUrl}`);
  for (const n of model.notices) lines.push('', `※ ${s.notices[n]}`);
  lines.push('', '--', s.footer, '');
  return lines.join('\n');
}
