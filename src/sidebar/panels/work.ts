import type { MemberWorkOutput, WorkRowView } from '../../app/work/member-work';
import type { CapExcess } from '../../domain/work/caps-exceeded';
import { el, field, setStatus } from '../dom';
import { ENUMS, label } from '../i18n';
import { latestAnswer } from '../latest-answer';
import { memberPick, memberSearch } from '../member-options';
import { picker } from '../picker';
import type { Panel, PanelContext } from '../registry';
import { callServer, ServerError } from '../script-run';

// 就業実績: a member's work for a day or a whole month in one save. Pick the member and the month;
// their placements holding in the month are offered; every day of the month is a line with an
// hours box (a day already recorded on that job shows its hours instead: it is corrected in the
// sheet); one save sends the days that have hours (recordWork: one row per day). The month's rows
// are listed under it with a 確認 tick each (confirmWork) and "confirm all". Going over the 臨短軽
// caps is shown as a note, never a refusal. A closed month shows, and takes, nothing new.

export const workPanel: Panel = {
  id: 'work',
  title: (t) => t.tabs.work,
  onShow: (root) => root.querySelector<HTMLElement>('input')?.focus(),
  render(root: HTMLElement, ctx: PanelContext): void {
    const { t, boot } = ctx;
    const s = t.work;
    // The catalog's member hint and the same-name list, as in every member picker (会員, 活動記録).
    const member = picker(s.member, t.pick.member, boot.memberSearch ? [] : boot.members.map((m) => memberPick(m, t)),
      boot.memberSearch ? memberSearch(t) : undefined, t.pick.sameName);
    const month = el('input', { type: 'month', id: 'work-month', value: boot.today.slice(0, 7), required: true });
    const show = el('button', { type: 'button', id: 'work-show', text: s.show });
    const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const notes = el('div', { id: 'work-notes' });
    const body = el('div', { id: 'work-body' });
    root.append(member.element, field(s.month, month), show, status, notes, body);

    let view: MemberWorkOutput | null = null;
    const fail = (error: unknown): void => setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');

    // Choosing a member, then a month, then 表示 asks up to three times; only the last question's
    // answer is drawn, or a late earlier one would redraw the days and wipe the hours being typed.
    const monthAnswer = latestAnswer();
    const load = (done = ''): void => {
      monthAnswer.drop(); // asked again, even when what was typed names nobody to ask about
      const id = member.value();
      // Several members of that name: the picker lists them to choose from, nothing to say here.
      if (id === null && member.showNamesakes()) { setStatus(status, ''); return; }
      if (!id) { setStatus(status, id === '' ? s.pickMember : t.activity.notFound(s.member, member.input.value), 'error'); member.input.focus(); return; }
      setStatus(status, t.loading, 'busy');
      monthAnswer.ask(callServer('listMemberWork', t.unreachable, { member_id: id, month: month.value })).then((out) => {
        view = out;
        setStatus(status, done, done === '' ? '' : 'ok');
        draw();
      }, (error: unknown) => { view = null; body.replaceChildren(); notes.replaceChildren(); fail(error); });
    };

    // A save's answer redraws the month it was made in, unless another member or month was shown
    // since (its answer came first): then it only says what it saved.
    const stillShown = (v: MemberWorkOutput): boolean => view?.member_id === v.member_id && view.month === v.month;

    const showExcess = (excess: CapExcess, caps: MemberWorkOutput['caps']): void => {
      notes.replaceChildren(...excess.months.map((m) => el('p', { class: 'warn', role: 'note', text: s.overDays(m.month, m.days, caps.monthly_days) })),
        ...excess.weeks.map((w) => el('p', { class: 'warn', role: 'note', text: s.overHours(w.monday, w.hours, caps.weekly_hours) })));
    };

    const draw = (): void => {
      const v = view;
      if (!v) return;
      showExcess(v.excess, v.caps);
      const parts: HTMLElement[] = [];
      if (v.closed) parts.push(el('p', { class: 'notice', role: 'note', text: s.closed(v.month) }));
      if (v.placements.length === 0) parts.push(el('p', { text: s.noPlacement }));
      else if (!v.closed && boot.user.canWrite) parts.push(entryForm(v));
      parts.push(rowList(v));
      body.replaceChildren(...parts);
    };

    const entryForm = (v: MemberWorkOutput): HTMLElement => {
      const job = el('select', { id: 'work-job' });
      for (const p of v.placements) {
        const kind = p.engagement ? t.paren(label(ENUMS.JOB_ENGAGEMENT, p.engagement, ctx.lang)) : '';
        job.append(el('option', { value: p.job_id, text: `${p.job_id} ${p.title}${kind}` }));
      }
      const days = el('div', { class: 'work-days', id: 'work-days' });
      const inputs = new Map<string, HTMLInputElement>();
      const drawDays = (): void => {
        inputs.clear();
        const placement = v.placements.find((p) => p.job_id === job.value);
        const recorded = new Map(v.rows.filter((r) => r.job_id === job.value).map((r) => [r.date, r.hours]));
        days.replaceChildren(...daysOf(v.month).map((date) => {
          const weekday = s.weekdays[new Date(`${date}T12:00:00`).getDay()] ?? '';
          const text = s.day(date, weekday);
          const held = placement !== undefined && (placement.placed_on === null || placement.placed_on <= date) && (placement.ended_on === null || placement.ended_on >= date);
          const line = el('div', { class: `work-day${weekday === s.weekdays[0] || weekday === s.weekdays[6] ? ' weekend' : ''}`, 'data-date': date });
          const done = recorded.get(date);
          if (done !== undefined) {
            line.append(el('span', { class: 'day', text }), el('span', { class: 'muted', text: s.recorded(done) }));
          } else {
            const box = el('input', { type: 'number', min: 0, max: 24, step: 0.25, inputmode: 'decimal', 'aria-label': s.hoursOf(text), disabled: !held });
            inputs.set(date, box);
            line.append(el('label', { class: 'day', text }), box);
          }
          return line;
        }));
      };
      job.addEventListener('change', drawDays);
      drawDays();
      const save = el('button', { type: 'submit', class: 'primary', text: s.save });
      const form = el('form', { class: 'form', id: 'work-form' }, field(s.job, job), el('h2', { text: s.days }), days, save);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const filled = [...inputs].filter(([, box]) => box.value !== '' && Number(box.value) > 0).map(([date, box]) => ({ date, hours: Number(box.value) }));
        if (filled.length === 0) { setStatus(status, s.nothing, 'error'); return; }
        save.disabled = true;
        setStatus(status, s.saving, 'busy');
        callServer('recordWork', t.unreachable, { member_id: v.member_id, job_id: job.value, days: filled }).then((out) => {
          if (!stillShown(v)) { setStatus(status, s.saved(out.work_ids.length), 'ok'); return; }
          const mine = out.rows.filter((r) => r.date.startsWith(v.month));
          view = { ...v, rows: mine, excess: out.excess };
          draw();
          setStatus(status, s.saved(out.work_ids.length), 'ok');
          const again = body.querySelector<HTMLSelectElement>('#work-job');
          if (again) { again.value = job.value; again.dispatchEvent(new Event('change')); }
        }, fail).finally(() => { save.disabled = false; });
      });
      return form;
    };

    const rowList = (v: MemberWorkOutput): HTMLElement => {
      const titles = new Map(v.placements.map((p) => [p.job_id, p.title]));
      const list = el('ul', { class: 'recent', id: 'work-rows' });
      const editable = !v.closed && boot.user.canWrite;
      const confirm = (rows: readonly WorkRowView[], on: boolean): void => {
        setStatus(status, s.saving, 'busy');
        callServer('confirmWork', t.unreachable, { work_ids: rows.map((r) => r.work_id), confirmed: on }).then((out) => {
          const said = on ? s.confirmed(out.changed.length) : s.unconfirmed(out.changed.length);
          if (!stillShown(v)) { setStatus(status, said, 'ok'); return; }
          const changed = new Set(out.changed);
          view = { ...v, rows: v.rows.map((r) => (changed.has(r.work_id) ? { ...r, confirmed: on } : r)) };
          draw();
          setStatus(status, said, 'ok');
        }, (error: unknown) => { if (stillShown(v)) draw(); fail(error); });
      };
      if (v.rows.length === 0) list.append(el('li', { class: 'muted', text: s.noRows }));
      for (const r of v.rows) {
        const tick = el('input', { type: 'checkbox', id: `work-ok-${r.work_id}`, disabled: !editable });
        tick.checked = r.confirmed;
        tick.addEventListener('change', () => confirm([r], tick.checked));
        const line = [r.job_id, titles.get(r.job_id) ?? '', s.hours(r.hours), r.amount !== null ? s.amount(r.amount) : ''].filter((x) => x !== '').join(' ');
        list.append(el('li', { 'data-work': r.work_id },
          el('div', { class: 'line1' }, el('strong', { text: r.date }), ` ${line}`),
          el('div', { class: 'check' }, tick, el('label', { for: tick.id, text: s.confirm(r.date) })),
          el('div', { class: 'muted small', text: r.work_id })));
      }
      const section = el('section', { 'aria-labelledby': 'work-rows-title' }, el('h2', { id: 'work-rows-title', text: s.rows(v.month) }), list);
      const open = v.rows.filter((r) => !r.confirmed);
      if (editable && open.length > 1) {
        const all = el('button', { type: 'button', id: 'work-confirm-all', text: s.confirmAll });
        all.addEventListener('click', () => confirm(open, true));
        section.append(all);
      }
      return section;
    };

    show.addEventListener('click', () => load());
    month.addEventListener('change', () => { if (member.value()) load(); });
    member.input.addEventListener('change', () => { if (member.value()) load(); });
  },
};

/** Every day of `YYYY-MM`, in order. */
function daysOf(month: string): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(y, m, 0).getDate();
  return Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}
