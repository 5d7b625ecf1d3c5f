import type { ActivityView, LogActivityInput } from '../../app/shared/api-types';
import { ACTIVITY_KIND, AREA } from '../../domain/enums';
import { el, field, setStatus } from '../dom';
import { label } from '../i18n';
import { onAdded } from '../new-records';
import { memberPick, memberSearch } from '../member-options';
import { clientPick, clientSearch, jobPick, jobSearch } from '../server-pickers';
import { picker } from '../picker';
import type { Panel, PanelContext } from '../registry';
import { callServer, ServerError } from '../script-run';

// 活動記録: a visit logged in one screen and one click. Date defaults to today, the pickers
// search by ID or kana, and the saved entry appears at the top of "recent" without a reload.
// Each of the coordinator's own recent entries (the bootstrap sends only theirs) can be
// corrected — 訂正 opens it in the same form and correctActivity gets the changed fields only —
// or withdrawn — 取消, confirmed inline, stays listed (and in the tab) as 取消.

type Draft = Required<LogActivityInput>;

/** The fields a correction may send, in the form's order. */
const FIELDS = ['date', 'area', 'kind', 'member_id', 'client_id', 'job_id', 'minutes', 'outcome', 'notes'] as const;

/** The fields of `draft` that differ from `entry`: what correctActivity is sent. */
export function changedFields(entry: ActivityView, draft: Draft): Partial<Draft> {
  const out: Partial<Draft> = {};
  const take = <K extends (typeof FIELDS)[number]>(key: K): void => {
    if ((entry[key] ?? null) !== (draft[key] ?? null)) out[key] = draft[key];
  };
  FIELDS.forEach(take);
  return out;
}

/** The server's empty-activity rule (errors.empty_activity), checked before the call. */
export function isEmptyActivity(d: Draft): boolean {
  return !d.member_id && !d.client_id && !d.job_id && !(d.minutes !== null && d.minutes >= 1)
    && d.outcome.trim() === '' && d.notes.trim() === '';
}
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
    const clientNames = new Map(boot.clients.map((c) => [c.id, c.name]));
    const jobTitles = new Map(boot.jobs.map((j) => [j.id, j.title]));
    // A large center sends no member list: the picker asks the server (searchMembers) instead.
    // Each field says what it searches by; two members of one name are listed with age and district.
    const searchMembers = memberSearch(t, (m) => names.set(m.id, m.kana || m.name));
    const member = picker(s.member, t.pick.member, boot.memberSearch ? [] : boot.members.map((m) => memberPick(m, t)),
      boot.memberSearch ? searchMembers : undefined, t.pick.sameName);
    // Past 設定's limits the client and job pickers ask the server too (server-pickers.ts).
    const client = picker(s.client, t.pick.client, boot.clients.map(clientPick),
      boot.clientSearch ? clientSearch(t, (c) => clientNames.set(c.id, c.name)) : undefined);
    const job = picker(s.job, t.pick.job, boot.jobs.map(jobPick), boot.jobSearch ? jobSearch(t, (j) => jobTitles.set(j.id, j.title)) : undefined);
    onAdded('member', (m) => { member.add(memberPick(m, t)); names.set(m.id, m.kana || m.name); });
    // Clients and jobs registered in 開拓 can be logged against at once (the visit itself, say).
    onAdded('client', (c) => { client.add({ id: c.id, text: c.name }); clientNames.set(c.id, c.name); });
    onAdded('job', (j) => job.add({ id: j.id, text: j.title }));
    // Any whole number of minutes: with step 5 the browser refused a 3-minute call, and an entry
    // of 12 minutes typed in the sheet could not be corrected at all.
    const minutes = el('input', { type: 'number', min: 0, max: 1440, step: 1, inputmode: 'numeric' });
    const outcome = el('input', { type: 'text', maxlength: 200 });
    const notes = el('textarea', { rows: 3, maxlength: 2000 });
    const save = el('button', { type: 'submit', class: 'primary', text: s.save, disabled: !boot.user.canWrite });
    const stop = el('button', { type: 'button', text: s.stopCorrecting, hidden: true });
    const mode = el('p', { class: 'notice', id: 'activity-mode', hidden: true });
    const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const form = el('form', { class: 'form' }, mode,
      field(s.date, date), field(s.area, area), field(s.kind, kind),
      member.element, client.element, job.element,
      field(s.minutes, minutes), field(s.outcome, outcome), field(s.notes, notes),
      save, stop, status);
    const recentList = el('ul', { class: 'recent', id: 'recent-activities' });
    const recent = el('section', { 'aria-labelledby': 'recent-title' }, el('h2', { id: 'recent-title', text: s.recent }), recentList);
    root.append(form, recent);

    const entries: ActivityView[] = [...boot.recentActivities];
    const me = boot.user.email.trim().toLowerCase();
    // The server decides (not_yours); this only hides buttons that could not succeed.
    const mayChange = (a: ActivityView): boolean => boot.user.canWrite && a.status !== 'withdrawn'
      && (a.coordinator.trim().toLowerCase() === me || boot.user.role === 'manager');
    /** The entry being corrected, or null when the form makes a new one. */
    let editing: ActivityView | null = null;
    /** The entry whose 取消 waits for its confirmation. */
    let confirming: string | null = null;

    const replaceEntry = (a: ActivityView): void => {
      const i = entries.findIndex((e) => e.activity_id === a.activity_id);
      if (i >= 0) entries[i] = a; else entries.unshift(a);
    };
    const resetForm = (): void => {
      // Keep date, area and kind (the next entry is often alike); clear the rest.
      member.clear(); client.clear(); job.clear();
      minutes.value = ''; outcome.value = ''; notes.value = '';
    };
    /** Date, area and kind as they were before 訂正 filled the form, given back after it. */
    let kept = { date: date.value, area: area.value, kind: kind.value };
    const stopEditing = (): void => {
      if (editing) { date.value = kept.date; area.value = kept.area; kind.value = kept.kind; }
      editing = null;
      mode.hidden = true;
      stop.hidden = true;
      save.textContent = s.save;
    };
    const startEditing = (a: ActivityView): void => {
      if (!editing) kept = { date: date.value, area: area.value, kind: kind.value };
      editing = a;
      confirming = null;
      date.value = a.date;
      area.value = a.area;
      kind.value = a.kind ?? '';
      member.set(a.member_id, names.get(a.member_id) ?? '');
      client.set(a.client_id, clientNames.get(a.client_id) ?? '');
      job.set(a.job_id, jobTitles.get(a.job_id) ?? '');
      minutes.value = a.minutes === null ? '' : String(a.minutes);
      outcome.value = a.outcome;
      notes.value = a.notes;
      mode.textContent = s.correcting(a.activity_id);
      mode.hidden = false;
      stop.hidden = false;
      save.textContent = s.saveCorrection;
      setStatus(status, '');
      drawRecent();
      date.focus();
    };

    const entryActions = (a: ActivityView): HTMLElement | null => {
      if (!mayChange(a)) return null;
      const id = a.activity_id;
      if (confirming === id) {
        const yes = el('button', { type: 'button', class: 'danger', text: s.confirmWithdraw, 'aria-label': s.confirmWithdrawOf(id) });
        const no = el('button', { type: 'button', text: s.keep });
        yes.addEventListener('click', () => {
          yes.disabled = true; no.disabled = true;
          setStatus(status, s.saving, 'busy');
          callServer('withdrawActivity', t.unreachable, id).then((out) => {
            confirming = null;
            replaceEntry(out.activity);
            if (editing?.activity_id === id) { stopEditing(); resetForm(); }
            drawRecent();
            setStatus(status, s.withdrawn(id), 'ok');
            // The buttons are gone with the withdrawal: focus stays on the entry, now 取消.
            recentList.querySelector<HTMLElement>(`li[data-id="${id}"]`)?.focus();
          }, (error: unknown) => {
            yes.disabled = false; no.disabled = false;
            setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
          });
        });
        no.addEventListener('click', () => { confirming = null; drawRecent(); recentList.querySelector<HTMLElement>(`li[data-id="${id}"] button`)?.focus(); });
        return el('div', { class: 'confirm' }, el('p', { class: 'small', text: s.withdrawQuestion }), el('div', { class: 'actions' }, yes, no));
      }
      const fix = el('button', { type: 'button', text: s.correct, 'aria-label': s.correctOf(id) });
      const drop = el('button', { type: 'button', text: s.withdraw, 'aria-label': s.withdrawOf(id) });
      fix.addEventListener('click', () => startEditing(a));
      drop.addEventListener('click', () => {
        confirming = id;
        drawRecent();
        recentList.querySelector<HTMLElement>(`li[data-id="${id}"] .confirm button`)?.focus();
      });
      return el('div', { class: 'actions' }, fix, drop);
    };

    const drawRecent = (): void => {
      recentList.replaceChildren();
      if (entries.length === 0) recentList.append(el('li', { class: 'muted', text: s.noRecent }));
      for (const a of entries.slice(0, 10)) {
        const who = [a.member_id && `${a.member_id} ${names.get(a.member_id) ?? ''}`.trim(), a.client_id && `${a.client_id} ${clientNames.get(a.client_id) ?? ''}`.trim(), a.job_id]
          .filter((x) => x).join(' / ');
        const kindText = a.kind ? label(ACTIVITY_KIND, a.kind, lang) : '';
        const withdrawn = a.status === 'withdrawn';
        const classes = [withdrawn ? 'withdrawn' : '', editing?.activity_id === a.activity_id ? 'editing' : ''].filter((c) => c).join(' ');
        recentList.append(el('li', { 'data-id': a.activity_id, 'data-status': a.status, class: classes || null, tabindex: -1 },
          el('div', { class: 'line1' }, el('strong', { text: a.date }), ` ${s.areaKind(label(AREA, a.area, lang), kindText)}`,
            a.minutes !== null ? ` ${s.minutesShort(a.minutes)}` : '',
            withdrawn ? el('span', { class: 'badge off', text: s.withdrawnBadge }) : null),
          who ? el('div', { class: 'line2', text: who }) : null,
          a.outcome ? el('div', { class: 'line2', text: a.outcome }) : null,
          a.notes ? el('div', { class: 'line2 small', text: a.notes }) : null,
          el('div', { class: 'muted small', text: a.activity_id }),
          entryActions(a)));
      }
    };
    drawRecent();
    // A follow-up logged in 継続支援 is one of my entries too.
    onAdded('activity', (a) => { replaceEntry(a); drawRecent(); });

    stop.addEventListener('click', () => { stopEditing(); resetForm(); drawRecent(); setStatus(status, ''); });

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
      const draft: Draft = {
        date: date.value, area: area.value as (typeof AREA.codes)[number],
        kind: kind.value === '' ? null : (kind.value as (typeof ACTIVITY_KIND.codes)[number]),
        member_id: picked.member ?? '', client_id: picked.client ?? '', job_id: picked.job ?? '',
        minutes: minutes.value === '' ? null : Number(minutes.value), outcome: outcome.value, notes: notes.value,
      };
      if (isEmptyActivity(draft)) {
        setStatus(status, s.empty, 'error');
        member.input.focus();
        return;
      }
      const correcting = editing;
      let call: Promise<{ activity: ActivityView }>;
      if (correcting) {
        const changed = changedFields(correcting, draft);
        if (Object.keys(changed).length === 0) { setStatus(status, s.unchanged, 'error'); return; }
        call = callServer('correctActivity', t.unreachable, { activity_id: correcting.activity_id, ...changed });
      } else {
        call = callServer('logActivity', t.unreachable, draft);
      }
      save.disabled = true;
      setStatus(status, s.saving, 'busy');
      call.then((out) => {
        replaceEntry(out.activity);
        if (correcting) stopEditing();
        drawRecent();
        setStatus(status, correcting ? s.corrected(out.activity.activity_id) : s.saved(out.activity.activity_id), 'ok');
        resetForm();
      }, (error: unknown) => {
        setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
      }).finally(() => {
        save.disabled = !boot.user.canWrite;
      });
    });
  },
};
