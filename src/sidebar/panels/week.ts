import type { WeekHeadline } from '../../app/shared/api-types';
import { datesUnbroken, el, setStatus } from '../dom';
import type { Panel, PanelContext } from '../registry';
import { callServer, ServerError } from '../script-run';

// 今週: the weekly mail's headline figures for this week so far, with the change from last week.
// 要フォロー is the weekly KPI (kpi.md: placements 14–60 days old with no follow-up since), not the
// 継続支援 list (who to call today: milestones, waiting members, the oldest contact), whose count is
// another: so the figure is no link. The way to the list is its own line, named as the panel, with
// the KPI's definition under it, so "要フォロー 1" opening 40 people surprises nobody.

export const weekPanel: Panel = {
  id: 'week',
  title: (t) => t.tabs.week,
  render(root: HTMLElement, ctx: PanelContext): void {
    const { t } = ctx;
    const body = el('div');
    const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const refresh = el('button', { type: 'button', text: t.week.refresh });
    const followUpsLink = (): HTMLElement => {
      const a = el('a', { href: '#panel-follow-ups', id: 'week-follow-ups', text: t.week.openFollowUps });
      a.addEventListener('click', (e) => { e.preventDefault(); ctx.open('follow-ups'); });
      return a;
    };
    const draw = (w: WeekHeadline): void => {
      const asOf = new Set(w.as_of?.figures ?? []);
      const rows = w.figures.map((f) => {
        const d = f.current - f.previous;
        const name = el('th', { scope: 'row', text: asOf.has(f.key) ? `${t.week.figures[f.key]}${t.week.asOfMark}` : t.week.figures[f.key] });
        return el('tr', { 'data-key': f.key }, name,
          el('td', { class: 'num', text: String(f.current) }),
          el('td', { class: `num change ${d > 0 ? 'up' : d < 0 ? 'down' : ''}`.trim(), text: t.week.change(d) }));
      });
      body.replaceChildren(
        el('p', { class: 'period' }, ...datesUnbroken(t.week.period(w.current.from, w.current.to))),
        el('p', { class: 'muted small' }, ...datesUnbroken(t.week.previous(w.previous.from, w.previous.to))),
        el('table', { class: 'figures' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: '' }), el('th', { scope: 'col', text: t.week.thisWeek }), el('th', { scope: 'col', text: t.week.lastWeek }))),
          el('tbody', {}, ...rows)),
        ...(w.as_of && asOf.size > 0 ? [asOfNote(w.as_of.at, asOf.size < w.figures.length)] : []),
        el('p', { class: 'muted small', id: 'week-follow-ups-note', text: t.week.followUpsNote }),
        el('p', {}, followUpsLink()));
    };
    // When the stored figures were counted: the time alone when today's, else the day too.
    const asOfNote = (at: string, today: boolean): HTMLElement =>
      el('p', { class: 'muted small', id: 'week-as-of' }, ...datesUnbroken(t.week.asOfNote(today ? at.slice(11, 16) : at.replace('T', ' '), today)));
    draw(ctx.boot.week);
    refresh.addEventListener('click', () => {
      refresh.disabled = true;
      setStatus(status, t.loading, 'busy');
      callServer('weekHeadline', t.unreachable).then((w) => { draw(w); setStatus(status, ''); }, (error: unknown) => {
        setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
      }).finally(() => { refresh.disabled = false; });
    });
    root.append(body, refresh, status);
  },
};
