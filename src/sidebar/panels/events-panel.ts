import type { AttendanceList, AttendanceRow, EventSession } from '../../app/events/attendance-types';
import { REGISTRATION_STATUS, type RegistrationStatus } from '../../domain/enums';
import { el, field, setStatus } from '../dom';
import { label, type Strings } from '../i18n';
import { latestAnswer } from '../latest-answer';
import type { Panel, PanelContext } from '../registry';
import { callServer, ServerError } from '../script-run';

// イベント: at the door of an orientation or a seminar. Pick the session (today's is chosen),
// tick 出席 as each person arrives (one server call per tick), press 入会 for an attendee who
// joins (the member appears in 会員, the ID shows here and the 会員 panel opens them to complete
// the profile), or cancel a registration (the first
// waitlisted person gets the place). A viewer sees the list with every control disabled.
type EventStrings = Strings['events'];

export const eventsPanel: Panel = {
  id: 'events',
  title: (t) => t.tabs.events,
  onShow: (root) => root.querySelector<HTMLElement>('select')?.focus(),
  render(root: HTMLElement, ctx: PanelContext): void {
    const s = ctx.t.events;
    const picker = el('select', { id: 'event-session' });
    const summary = el('p', { class: 'muted small', id: 'event-counts' });
    const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const list = el('div', { id: 'event-people' });
    root.append(field(s.session, picker), summary, status, list);
    let sessions: readonly EventSession[] = [];

    const fail = (error: unknown): void => setStatus(status, error instanceof ServerError ? error.message : ctx.t.unreachable, 'error');

    const showCounts = (session: EventSession): void => {
      // A tick's answer may come once another session is chosen: its option is told, not the line.
      if (session.event_id === picker.value) summary.textContent = s.counts(session);
      const option = picker.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(session.event_id)}"]`);
      if (option) option.textContent = optionText(session, s);
    };

    // Choosing one session, then another, asks twice: only the last answer is drawn, or the list
    // of the session chosen before would come back under the new one (and its 出席 ticks with it).
    const sessionAnswer = latestAnswer();
    /** Loads a session's list; `done` is the message to leave in the status line afterwards. */
    const load = (eventId: string, done = ''): void => {
      // A write's answer reloads its own session: when another one is chosen since, it only says so.
      if (eventId !== picker.value) { setStatus(status, done, done === '' ? '' : 'ok'); return; }
      if (eventId === '') { sessionAnswer.drop(); list.replaceChildren(); summary.textContent = ''; return; }
      setStatus(status, ctx.t.loading, 'busy');
      sessionAnswer.ask(callServer('listAttendance', ctx.t.unreachable, eventId)).then((out) => {
        setStatus(status, done, done === '' ? '' : 'ok');
        showCounts(out.event);
        let attended = out.event.attended;
        drawList(list, out, ctx, s, status, {
          reload: (message) => load(eventId, message), fail,
          recount: (delta) => { attended += delta; showCounts({ ...out.event, attended }); },
        });
      }, (error: unknown) => { list.replaceChildren(); fail(error); });
    };

    // A sign-up taken on the phone, or a walk-in at the door, for the chosen session: the form's
    // rules on the server (registerByPhone), then the list reloaded with the outcome.
    const name = el('input', { id: 'phone-name', type: 'text', autocomplete: 'off' });
    const phone = el('input', { id: 'phone-phone', type: 'tel', autocomplete: 'off' });
    const email = el('input', { id: 'phone-email', type: 'email', autocomplete: 'off' });
    const consent = el('input', { id: 'phone-consent', type: 'checkbox' });
    const walkIn = el('input', { id: 'phone-walk-in', type: 'checkbox' });
    const take = el('button', { id: 'phone-take', type: 'button', text: s.take });
    const phoneForm = el('details', { id: 'phone-signup' });
    phoneForm.append(el('summary', { text: s.phoneTitle }), field(s.name, name), field(s.phone, phone), field(s.email, email),
      el('label', {}, consent, ` ${s.consent}`), el('label', {}, walkIn, ` ${s.walkIn}`), take);
    if (ctx.boot.user.canWrite) root.insertBefore(phoneForm, status);
    take.addEventListener('click', () => {
      const eventId = picker.value;
      if (eventId === '') return;
      take.disabled = true;
      setStatus(status, s.saving, 'busy');
      callServer('registerByPhone', ctx.t.unreachable, {
        event_id: eventId, name: name.value, phone: phone.value, email: email.value, consent: consent.checked, walk_in: walkIn.checked,
      }).then((res) => {
        name.value = ''; phone.value = ''; email.value = ''; consent.checked = false; walkIn.checked = false;
        load(eventId, s.taken(res.outcome, res.registration_id));
      }, fail).finally(() => { take.disabled = false; });
    });

    picker.addEventListener('change', () => load(picker.value));
    setStatus(status, ctx.t.loading, 'busy');
    callServer('listEventSessions', ctx.t.unreachable).then((out) => {
      setStatus(status, '');
      sessions = out.sessions;
      if (sessions.length === 0) { picker.disabled = true; list.replaceChildren(el('p', { text: s.noSessions })); return; }
      for (const session of sessions) {
        const text = optionText(session, s) + (session.date === out.today ? ctx.t.paren(s.today) : '');
        picker.append(el('option', { value: session.event_id, text, selected: session.event_id === out.suggested }));
      }
      picker.value = out.suggested;
      load(picker.value);
    }, fail);
  },
};

function optionText(session: EventSession, s: EventStrings): string {
  return `${session.label}${session.status === 'cancelled' ? s.cancelledSession : ''}`;
}

interface ListActions {
  reload(message: string): void;
  fail(error: unknown): void;
  recount(delta: number): void;
}

/** One card per person: 出席 checkbox, status, then 入会 / member ID and 取消. */
function drawList(root: HTMLElement, out: AttendanceList, ctx: PanelContext, s: EventStrings, status: HTMLElement, actions: ListActions): void {
  const canWrite = ctx.boot.user.canWrite;
  if (out.registrations.length === 0) { root.replaceChildren(el('p', { text: s.nobody })); return; }
  const items = out.registrations.map((r) => personCard(r, ctx, s, status, actions, canWrite));
  root.replaceChildren(el('h2', { text: s.people(out.registrations.length) }), el('ul', { class: 'candidates', 'aria-label': s.people(out.registrations.length) }, ...items));
}

function personCard(r: AttendanceRow, ctx: PanelContext, s: EventStrings, status: HTMLElement, actions: ListActions, canWrite: boolean): HTMLElement {
  const who = r.name || r.kana || r.registration_id;
  const statusText = (st: RegistrationStatus | null): string => (st ? label(REGISTRATION_STATUS, st, ctx.lang) : '');
  const cancelled = r.status === 'cancelled';
  const boxId = `attend-${r.registration_id}`;
  // The visible label is just 出席 (the name heads the card); screen readers hear whose box it is.
  const box = el('input', { type: 'checkbox', id: boxId, checked: r.attended, disabled: !canWrite || (cancelled && !r.attended), 'aria-label': `${s.attended}${ctx.t.paren(who)}` });
  const actionBar = el('div', { class: 'actions' });
  const item = el('li', { class: 'candidate', 'data-registration': r.registration_id },
    el('div', { class: 'who' }, el('strong', { text: r.name || r.registration_id }),
      el('span', { class: 'badge', text: statusText(r.status) })),
    el('div', { class: 'muted small', text: `${r.registration_id}${r.kana ? ` ${r.kana}` : ''}` }),
    el('div', { class: 'check' }, box, el('label', { for: boxId, text: s.attended })),
    actionBar);
  let current = { ...r };

  const drawActions = (): void => {
    actionBar.replaceChildren();
    if (current.member_id !== '') {
      // The member's ID, as a way back to their profile in 会員 (what 入会 left to complete).
      const memberId = current.member_id;
      const link = el('button', { type: 'button', class: 'action member', text: s.member(memberId), 'aria-label': s.openMember(memberId), 'data-member': memberId });
      link.addEventListener('click', () => ctx.open('members', memberId));
      actionBar.append(link);
    }
    else if (current.attended && current.status !== 'cancelled') {
      const join = el('button', { type: 'button', class: 'action place', text: s.join, disabled: !canWrite, 'aria-label': `${s.join}${ctx.t.paren(who)}` });
      join.addEventListener('click', () => {
        join.disabled = true;
        setStatus(status, s.joining, 'busy');
        callServer('joinAsMember', ctx.t.unreachable, current.registration_id, {}).then((res) => {
          current = { ...current, member_id: res.member_id };
          setStatus(status, s.joined(who, res.member_id), 'ok');
          drawActions();
          // 入会 makes a bare member (no 技能, 就業可能枠, 地区, 生年月日), whom no match would find:
          // straight on to the 会員 form to complete the profile while the person is still there.
          ctx.open('members', res.member_id);
        }, (error: unknown) => { join.disabled = false; actions.fail(error); });
      });
      actionBar.append(join);
    }
    if (current.status !== 'cancelled') {
      const cancel = el('button', { type: 'button', class: 'action decline', text: s.cancel, disabled: !canWrite, 'aria-label': `${s.cancel}${ctx.t.paren(who)}` });
      // Two steps, so a slip of the finger at a busy door does not give a place away.
      cancel.addEventListener('click', () => {
        const sure = el('button', { type: 'button', class: 'action reject', text: s.confirmCancel, 'aria-label': `${s.confirmCancel}${ctx.t.paren(who)}` });
        const keep = el('button', { type: 'button', class: 'action', text: s.keep });
        keep.addEventListener('click', () => { drawActions(); actionBar.querySelector<HTMLElement>('.decline')?.focus(); });
        sure.addEventListener('click', () => {
          sure.disabled = true;
          keep.disabled = true;
          setStatus(status, s.saving, 'busy');
          callServer('cancelRegistration', ctx.t.unreachable, current.registration_id).then((res) => {
            // The promotion changed someone else's card too: redraw the whole list.
            actions.reload(s.cancelled(res.registration_id, res.promoted));
          }, (error: unknown) => { actions.fail(error); drawActions(); });
        });
        cancel.replaceWith(sure, keep);
        sure.focus();
      });
      actionBar.append(cancel);
    }
  };

  box.addEventListener('change', () => {
    const wanted = box.checked;
    box.disabled = true;
    setStatus(status, s.saving, 'busy');
    callServer('checkIn', ctx.t.unreachable, current.registration_id, wanted).then((res) => {
      if (res.changed) actions.recount(wanted ? 1 : -1);
      current = { ...current, attended: res.attended };
      setStatus(status, s.checkedIn(who, res.attended), 'ok');
      drawActions();
    }, (error: unknown) => {
      box.checked = !wanted;
      actions.fail(error);
    }).finally(() => { box.disabled = !canWrite; });
  });
  drawActions();
  return item;
}
