import type { ActivityView, MemberOption } from '../../app/shared/api-types';
import { ACTIVITY_KIND, AREA } from '../../domain/enums';
import { el, field, setStatus } from '../dom';
import { label } from '../i18n';
import { onAdded } from '../new-records';
import { picker, type PickOption } from '../picker';
import type { Panel, PanelContext } from '../registry';
import { callServer, ServerError } from '../script-run';

// 活動記録: a visit logged in one screen and one click. Date defaults to today, the pickers
// search by ID or kana, and the saved entry appears at the top of "recent" without a reload.
export const activityPanel: Panel = {
  id: 'activity',
  title: (t) => t.tabs.activity,
  onShow: (root) => root.querySelector<HTMLElement>('select, input')?.focus(),
  render(root: HTMLElement, ctx: PanelContext): void {
    const { t, lang, boot } = ctx;
    const s = t.activity;
    const date = el('input', { type: 'date', value: boot.today, required: true });
    const area = el('select', { required: true });
    for (const code of AREA.codes) area.append(el('option', { value: code, text: label(AREA, code, lang) }));
    const kind = el('select');
    kind.append(el('option', { value: '', text: s.none }));
    for (const code of ACTIVITY_KIND.codes) kind.append(el('option', { value: code, text: label(ACTIVITY_KIND, code, lang) }));
    const names = new Map(boot.members.map((m) => [m.id, m.kana || m.name]));
    const memberText = (m: MemberOption): string => `${m.kana} ${m.name}`.trim();
    // A large center sends no member list: the picker asks the server (searchMembers) instead.
    const searchMembers = (query: string): Promise<PickOption[]> =>
      callServer('searchMembers', t.unreachable, query).then((out) => out.members.map((m) => {
        names.set(m.id, m.kana || m.name);
        return { id: m.id, text: memberText(m) };
      }));
    const member = picker(s.member, s.pickHint, boot.memberSearch ? [] : boot.members.map((m) => ({ id: m.id, text: memberText(m) })),
      boot.memberSearch ? searchMembers : undefined);
    const client = picker(s.client, s.pickHint, boot.clients.map((c) => ({ id: c.id, text: c.name })));
    const job = picker(s.job, s.pickHint, boot.jobs.map((j) => ({ id: j.id, text: j.title })));
    // Clients and jobs registered in 開拓 can be logged against at once (the visit itself, say).
    onAdded('client', (c) => { client.add({ id: c.id, text: c.name }); clientNames.set(c.id, c.name); });
    onAdded('job', (j) => job.add({ id: j.id, text: j.title }));
    const minutes = el('input', { type: 'number', min: 0, max: 1440, step: 5, inputmode: 'numeric' });
    const outcome = el('input', { type: 'text', maxlength: 200 });
    const notes = el('textarea', { rows: 3, maxlength: 2000 });
    const save = el('button', { type: 'submit', class: 'primary', text: s.save, disabled: !boot.user.canWrite });
    const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const form = el('form', { class: 'form' },
      field(s.date, date), field(s.area, area), field(s.kind, kind),
      member.element, client.element, job.element,
      field(s.minutes, minutes), field(s.outcome, outcome), field(s.notes, notes),
      save, status);
    const recentList = el('ul', { class: 'recent', id: 'recent-activities' });
    const recent = el('section', { 'aria-labelledby': 'recent-title' }, el('h2', { id: 'recent-title', text: s.recent }), recentList);
    root.append(form, recent);

    const clientNames = new Map(boot.clients.map((c) => [c.id, c.name]));
    const entries: ActivityView[] = [...boot.recentActivities];
    const drawRecent = (): void => {
      recentList.replaceChildren();
      if (entries.length === 0) recentList.append(el('li', { class: 'muted', text: s.noRecent }));
      for (const a of entries.slice(0, 10)) {
        const who = [a.member_id && `${a.member_id} ${names.get(a.member_id) ?? ''}`.trim(), a.client_id && `${a.client_id} ${clientNames.get(a.client_id) ?? ''}`.trim(), a.job_id]
          .filter((x) => x).join(' / ');
        const kindText = a.kind ? label(ACTIVITY_KIND, a.kind, lang) : '';
        recentList.append(el('li', { 'data-id': a.activity_id },
          el('div', { class: 'line1' }, el('strong', { text: a.date }), ` ${s.areaKind(label(AREA, a.area, lang), kindText)}`,
            a.minutes !== null ? ` ${s.minutesShort(a.minutes)}` : ''),
          who ? el('div', { class: 'line2', text: who }) : null,
          a.outcome ? el('div', { class: 'line2', text: a.outcome }) : null,
          el('div', { class: 'muted small', text: a.activity_id })));
      }
    };
    drawRecent();

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const picked = { member: member.value(), client: client.value(), job: job.value() };
      for (const [key, p, name] of [['member', member, s.member], ['client', client, s.client], ['job', job, s.job]] as const) {
        if (picked[key] === null) {
          setStatus(status, s.notFound(name, p.input.value), 'error');
          p.input.focus();
          return;
        }
      }
      save.disabled = true;
      setStatus(status, s.saving, 'busy');
      callServer('logActivity', t.unreachable, {
        date: date.value, area: area.value as (typeof AREA.codes)[number],
        kind: kind.value === '' ? null : (kind.value as (typeof ACTIVITY_KIND.codes)[number]),
        member_id: picked.member ?? '', client_id: picked.client ?? '', job_id: picked.job ?? '',
        minutes: minutes.value === '' ? null : Number(minutes.value), outcome: outcome.value, notes: notes.value,
      }).then((out) => {
        entries.unshift(out.activity);
        drawRecent();
        setStatus(status, s.saved(out.activity.activity_id), 'ok');
        // Keep date, area and kind (the next entry is often alike); clear the rest.
        member.clear(); client.clear(); job.clear();
        minutes.value = ''; outcome.value = ''; notes.value = '';
      }, (error: unknown) => {
        setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
      }).finally(() => {
        save.disabled = !boot.user.canWrite;
      });
    });
  },
};
