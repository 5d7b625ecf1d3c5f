import { el } from './dom';
import { ENUMS, label, stringsFor } from './i18n';
import { activityPanel } from './panels/activity';
import { developPanel } from './panels/develop';
import { eventsPanel } from './panels/events-panel';
import { followUpsPanel } from './panels/follow-ups';
import { matchingPanel } from './panels/matching';
import { membersPanel } from './panels/members';
import { weekPanel } from './panels/week';
import { workPanel } from './panels/work';
import { registerPanel, registeredPanels, type PanelContext } from './registry';
import { callServer, ServerError } from './script-run';

// The sidebar's browser entry: one bootstrap call, then the panels as keyboard-usable tabs
// (WAI-ARIA tabs pattern: arrow keys move between tabs, Tab goes into the panel).
// A new section registers here with one line; its code lives in its own panels/<name>.ts.
function registerPanels(): void {
  registerPanel(activityPanel);
  registerPanel(developPanel);
  registerPanel(matchingPanel);
  registerPanel(weekPanel);
  registerPanel(eventsPanel);
  registerPanel(followUpsPanel);
  registerPanel(workPanel);
  registerPanel(membersPanel);
}

function start(): void {
  registerPanels();
  const app = document.getElementById('app');
  if (!app) return;
  const ja = stringsFor('ja');
  app.replaceChildren(el('p', { class: 'status busy', role: 'status', text: ja.loading }));
  callServer('sidebarBootstrap', ja.unreachable).then((boot) => {
    const lang = boot.language;
    const t = stringsFor(lang);
    document.documentElement.lang = lang;
    document.title = t.title;
    const ctx: PanelContext = {
      boot, lang, t,
      open: (id, recordId) => {
        const index = panels.findIndex((p) => p.id === id);
        if (index < 0) return;
        select(index, false, recordId);
        tabs[index]?.focus();
      },
    };
    const header = el('header', {},
      el('h1', { text: boot.centerName || t.title }),
      el('p', { class: 'muted small', text: `${boot.user.name || boot.user.email}${t.paren(label(ENUMS.ROLE, boot.user.role, lang))}` }));
    const notices: HTMLElement[] = [];
    if (!boot.user.canWrite) notices.push(el('p', { class: 'notice', role: 'note', text: t.readOnly }));
    if (boot.problems.length > 0) {
      notices.push(el('details', { class: 'notice' }, el('summary', { text: t.problems(boot.problems.length) }),
        el('ul', { class: 'small' }, ...boot.problems.map((p) => el('li', { text: p })))));
    }
    const tablist = el('div', { role: 'tablist', 'aria-label': t.title, class: 'tabs' });
    const bodies: HTMLElement[] = [];
    const tabs: HTMLButtonElement[] = [];
    const panels = registeredPanels();
    const select = (index: number, focus: boolean, recordId?: string): void => {
      tabs.forEach((tab, i) => {
        const on = i === index;
        tab.setAttribute('aria-selected', String(on));
        tab.tabIndex = on ? 0 : -1;
        const body = bodies[i];
        if (body) body.hidden = !on;
      });
      if (focus) tabs[index]?.focus();
      const body = bodies[index];
      const panel = panels[index];
      if (body && recordId !== undefined && panel?.onRecord) panel.onRecord(body, recordId);
      else if (body && panel?.onShow && !focus) panel.onShow(body);
      if (body && panel?.onOpen) panel.onOpen(body);
    };
    panels.forEach((panel, i) => {
      const tab = el('button', { type: 'button', role: 'tab', id: `tab-${panel.id}`, 'aria-controls': `panel-${panel.id}`, text: panel.title(t, lang) });
      tab.addEventListener('click', () => select(i, false));
      tab.addEventListener('keydown', (e) => {
        const n = panels.length;
        const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
        if (to >= 0) { e.preventDefault(); select(to, true); }
      });
      const body = el('section', { role: 'tabpanel', id: `panel-${panel.id}`, 'aria-labelledby': `tab-${panel.id}`, class: 'panel' });
      panel.render(body, ctx);
      tabs.push(tab);
      bodies.push(body);
      tablist.append(tab);
    });
    app.replaceChildren(header, ...notices, tablist, ...bodies);
    select(0, false);
  }, (error: unknown) => {
    const message = error instanceof ServerError ? error.message : ja.unreachable;
    app.replaceChildren(el('p', { class: 'status error', role: 'alert', text: message }));
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
