import type { GetMemberOutput, MemberView } from '../../app/shared/api-types';
import { GENDER, JOIN_ROUTE, LEAVE_REASON, MATCH_STATUS, MOTIVATION, type Gender, type JoinRoute, type LeaveReason, type Motivation } from '../../domain/enums';
import type { Slot } from '../../domain/slots';
import { el, field, setStatus, uid } from '../dom';
import { label } from '../i18n';
import { latestAnswer } from '../latest-answer';
import { memberPick, memberSearch } from '../member-options';
import { announce } from '../new-records';
import { picker } from '../picker';
import type { Panel, PanelContext } from '../registry';
import { callServer, ServerError, type ServerApi } from '../script-run';
import { slotGrid } from '../slot-grid';
import { wordTicks } from '../word-ticks';

// 会員: a senior who walks in at the city-hall window is registered here in one form (issue 12:
// before, someone typed the 18 columns of 会員 by hand, ID included); any member is opened and
// edited (only the fields changed are sent: saveMember writes those cells and no other); a member
// who joined at an event arrives here from the イベント panel to complete the profile; and 退会
// says first which placements and matches it will end, then what it ended.
type SaveInput = Parameters<ServerApi['saveMember']>[0];
type FieldKey = keyof Omit<SaveInput, 'member_id'>;

/** The form's values, as saveMember takes them. */
interface FormValues {
  readonly name: string;
  readonly kana: string;
  readonly gender: Gender | null;
  readonly birth_date: string | null;
  readonly joined_on: string;
  readonly join_route: JoinRoute | null;
  readonly district: string;
  readonly phone: string;
  readonly email: string;
  readonly skills: string[];
  readonly preferred_categories: string[];
  readonly availability: Slot[];
  readonly max_days_per_week: number | null;
  readonly motivations: Motivation[];
  readonly consent: boolean;
  readonly notes: string;
}

const LIST_FIELDS = ['skills', 'preferred_categories', 'availability', 'motivations'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Two lists hold the same words, in any order (the server keeps its own order). */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  const sa = [...new Set(a)].sort();
  const sb = [...new Set(b)].sort();
  return sa.length === sb.length && sa.every((w, i) => w === sb[i]);
}

/** The fields whose value in the form differs from the member as saved. */
export function changedFields(before: MemberView, now: FormValues): FieldKey[] {
  return (Object.keys(now) as (keyof FormValues)[]).filter((k) => {
    const a = now[k];
    const b = before[k];
    if ((LIST_FIELDS as readonly string[]).includes(k)) return !sameList(a as readonly string[], b as readonly string[]);
    return a !== b;
  });
}

const openers = new WeakMap<HTMLElement, (memberId: string) => void>();

export const membersPanel: Panel = {
  id: 'members',
  title: (t) => t.tabs.members,
  onShow: (root) => root.querySelector<HTMLElement>('#member-find input')?.focus(),
  onRecord: (root, memberId) => openers.get(root)?.(memberId),
  render(root: HTMLElement, ctx: PanelContext): void {
    const { t, lang, boot } = ctx;
    const s = t.members;
    const canWrite = boot.user.canWrite;

    // 会員を開く: the server's forgiving search, so a member who left can be opened too.
    const find = picker(s.find, t.pick.member, boot.members.map((m) => memberPick(m, t)), memberSearch(t), t.pick.sameName);
    find.element.id = 'member-find';
    const openButton = el('button', { type: 'button', id: 'member-open', text: s.open });
    const newButton = el('button', { type: 'button', id: 'member-new', text: s.newMember });
    const findStatus = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const finder = el('div', { class: 'finder' }, find.element, el('div', { class: 'actions' }, openButton, newButton), findStatus);

    // The form. Every control has a message line of its own for what is wrong with it.
    const joinRoute = el('select', { id: 'member-join-route' });
    joinRoute.append(el('option', { value: '', text: s.none }));
    for (const code of JOIN_ROUTE.codes) joinRoute.append(el('option', { value: code, text: label(JOIN_ROUTE, code, lang) }));
    const joinedOn = el('input', { type: 'date', id: 'member-joined-on', required: true });
    const name = el('input', { type: 'text', id: 'member-name', maxlength: 60, required: true, autocomplete: 'off' });
    const kana = el('input', { type: 'text', id: 'member-kana', maxlength: 60, autocomplete: 'off' });
    const gender = el('select', { id: 'member-gender' });
    gender.append(el('option', { value: '', text: s.none }));
    for (const code of GENDER.codes) gender.append(el('option', { value: code, text: label(GENDER, code, lang) }));
    const birthDate = el('input', { type: 'date', id: 'member-birth-date' });
    const districtList = uid('districts');
    const district = el('input', { type: 'text', id: 'member-district', maxlength: 100, list: districtList, autocomplete: 'off' });
    const districts = el('datalist', { id: districtList }, ...boot.vocabulary.districts.map((d) => el('option', { value: d })));
    const phone = el('input', { type: 'tel', id: 'member-phone', maxlength: 40, inputmode: 'tel', autocomplete: 'off' });
    const email = el('input', { type: 'email', id: 'member-email', maxlength: 254, autocomplete: 'off' });
    const skills = wordTicks({ id: 'member-skills', legend: s.skills, words: boot.vocabulary.skills, otherLabel: s.otherSkill, otherHint: s.otherHint });
    const categories = wordTicks({ id: 'member-categories', legend: s.categories, words: boot.vocabulary.categories, otherLabel: s.otherCategory, otherHint: s.otherHint });
    const grid = slotGrid({ id: 'member-availability', legend: s.availability, hint: s.availabilityHint, lang });
    const maxDays = el('input', { type: 'number', id: 'member-max-days', min: 1, max: 7, step: 1, inputmode: 'numeric' });
    const motivationBoxes = MOTIVATION.codes.map((code) => el('input', { type: 'checkbox', id: `member-motivation-${code}`, value: code }));
    const motivations = el('fieldset', { class: 'words', id: 'member-motivations' }, el('legend', { text: s.motivations }),
      el('div', { class: 'word-ticks' }, ...motivationBoxes.map((box) =>
        el('label', { class: 'word-tick', for: box.id }, box, el('span', { text: label(MOTIVATION, box.value as Motivation, lang) })))));
    const consent = el('input', { type: 'checkbox', id: 'member-consent', 'aria-describedby': 'member-consent-hint' });
    const notes = el('textarea', { id: 'member-notes', rows: 3, maxlength: 2000 });
    const save = el('button', { type: 'submit', class: 'primary', id: 'member-save', text: s.register });
    const status = el('div', { class: 'status', id: 'member-status', role: 'status', 'aria-live': 'polite' });
    const title = el('h2', { id: 'member-title', text: s.newTitle });
    const leftNote = el('p', { class: 'notice', id: 'member-left-note', hidden: true });

    const errorLines = new Map<FieldKey, { control: HTMLElement; line: HTMLElement }>();
    /** A field with a line under it for its own error message. */
    const checked = (key: FieldKey, wrap: HTMLElement, control: HTMLElement): HTMLElement => {
      const line = el('div', { class: 'field-error', id: `${control.id}-error`, role: 'alert', hidden: true });
      wrap.append(line);
      errorLines.set(key, { control, line });
      // Once the person changes the field, what was wrong with it is old news.
      wrap.addEventListener('input', () => { control.removeAttribute('aria-invalid'); line.hidden = true; });
      return wrap;
    };
    const body = el('fieldset', { class: 'plain', id: 'member-fields', disabled: !canWrite },
      checked('join_route', field(s.joinRoute, joinRoute), joinRoute),
      checked('joined_on', field(s.joinedOn, joinedOn), joinedOn),
      checked('name', field(s.name, name), name),
      checked('kana', field(s.kana, kana, s.kanaHint), kana),
      checked('gender', field(s.gender, gender), gender),
      checked('birth_date', field(s.birthDate, birthDate), birthDate),
      checked('district', field(s.district, district), district), districts,
      checked('phone', field(s.phone, phone), phone),
      checked('email', field(s.email, email), email),
      checked('skills', skills.element, skills.element),
      checked('preferred_categories', categories.element, categories.element),
      checked('availability', grid.element, grid.element),
      checked('max_days_per_week', field(s.maxDays, maxDays), maxDays),
      checked('motivations', motivations, motivations),
      checked('consent', el('div', { class: 'consent' },
        el('div', { class: 'check' }, consent, el('label', { for: consent.id, text: s.consent })),
        el('div', { class: 'hint', id: 'member-consent-hint', text: s.consentHint })), consent),
      checked('notes', field(s.notes, notes), notes),
      save);
    const form = el('form', { class: 'form', id: 'member-form', 'aria-labelledby': 'member-title', novalidate: true }, title, leftNote, body, status);

    // 退会: date and reason, then a confirmation naming what it will end.
    const leaveDate = el('input', { type: 'date', id: 'member-leave-date', value: boot.today });
    const leaveReason = el('select', { id: 'member-leave-reason' });
    leaveReason.append(el('option', { value: '', text: s.none }));
    for (const code of LEAVE_REASON.codes) leaveReason.append(el('option', { value: code, text: label(LEAVE_REASON, code, lang) }));
    const leaveButton = el('button', { type: 'button', id: 'member-leave', text: s.leave, disabled: !canWrite });
    const leaveConfirm = el('div', { id: 'member-leave-check', hidden: true });
    const leaveStatus = el('div', { class: 'status', id: 'member-leave-status', role: 'status', 'aria-live': 'polite' });
    const leaveSection = el('section', { id: 'member-leave-section', class: 'form', 'aria-labelledby': 'member-leave-title', hidden: true },
      el('h2', { id: 'member-leave-title', text: s.leaveTitle }),
      el('fieldset', { class: 'plain', disabled: !canWrite }, field(s.leaveDate, leaveDate), field(s.leaveReason, leaveReason), leaveButton),
      leaveConfirm, leaveStatus);
    root.append(finder, form, leaveSection);

    let current: MemberView | null = null;
    // Choosing a member asks (the picker's change), 開く asks again, and so may the イベント panel's
    // 入会: only the last answer fills the form, or a late earlier one would wipe what is being
    // typed, or put the member opened before in it. 退会's check is of the member shown when asked:
    // a form filled since (another member, a new one) drops it.
    const memberAnswer = latestAnswer();
    const leaveAnswer = latestAnswer();

    const clearErrors = (): void => {
      for (const { control, line } of errorLines.values()) {
        control.removeAttribute('aria-invalid');
        line.hidden = true;
        line.textContent = '';
      }
    };
    const fieldError = (key: FieldKey, message: string): void => {
      const entry = errorLines.get(key);
      if (!entry) return;
      entry.control.setAttribute('aria-invalid', 'true');
      entry.line.textContent = message;
      entry.line.hidden = false;
    };

    const values = (): FormValues => ({
      name: name.value.trim(),
      kana: kana.value.trim(),
      gender: gender.value === '' ? null : (gender.value as Gender),
      birth_date: birthDate.value === '' ? null : birthDate.value,
      joined_on: joinedOn.value,
      join_route: joinRoute.value === '' ? null : (joinRoute.value as JoinRoute),
      district: district.value.trim(),
      phone: phone.value.trim(),
      email: email.value.trim(),
      skills: skills.value(),
      preferred_categories: categories.value(),
      availability: grid.value(),
      max_days_per_week: maxDays.value === '' ? null : Number(maxDays.value),
      motivations: motivationBoxes.filter((b) => b.checked).map((b) => b.value as Motivation),
      consent: consent.checked,
      notes: notes.value.trim(),
    });

    const fill = (m: MemberView | null): void => {
      leaveAnswer.drop();
      current = m;
      clearErrors();
      joinRoute.value = m ? (m.join_route ?? '') : 'window'; // a walk-in at the window, the usual route
      joinedOn.value = m ? m.joined_on : boot.today;
      name.value = m?.name ?? '';
      kana.value = m?.kana ?? '';
      gender.value = m?.gender ?? '';
      birthDate.value = m?.birth_date ?? '';
      district.value = m?.district ?? '';
      phone.value = m?.phone ?? '';
      email.value = m?.email ?? '';
      skills.set(m?.skills ?? []);
      categories.set(m?.preferred_categories ?? []);
      grid.set(m?.availability ?? []);
      maxDays.value = m?.max_days_per_week === null || m?.max_days_per_week === undefined ? '' : String(m.max_days_per_week);
      for (const b of motivationBoxes) b.checked = (m?.motivations ?? []).includes(b.value as Motivation);
      consent.checked = m?.consent ?? false;
      notes.value = m?.notes ?? '';
      title.textContent = m ? s.editTitle(m.member_id, m.name) : s.newTitle;
      save.textContent = m ? s.save : s.register;
      leftNote.hidden = !m?.left_on;
      leftNote.textContent = m?.left_on ? s.left(m.left_on, m.leave_reason ? label(LEAVE_REASON, m.leave_reason, lang) : '') : '';
      leaveSection.hidden = m === null;
      leaveConfirm.hidden = true;
      leaveConfirm.replaceChildren();
      leaveDate.value = boot.today;
      leaveReason.value = '';
      leaveButton.disabled = !canWrite;
      setStatus(leaveStatus, '');
    };

    /** What the person typed, checked in the page; false (with messages by the fields) if wrong. */
    const validate = (v: FormValues): boolean => {
      clearErrors();
      const wrong: FieldKey[] = [];
      if (v.name === '') { fieldError('name', s.required(s.name)); wrong.push('name'); }
      if (v.joined_on === '') { fieldError('joined_on', s.badDate); wrong.push('joined_on'); }
      if (v.birth_date !== null && v.joined_on !== '' && v.birth_date > v.joined_on) { fieldError('birth_date', s.birthAfterJoin); wrong.push('birth_date'); }
      if (v.email !== '' && !EMAIL.test(v.email)) { fieldError('email', s.badEmail); wrong.push('email'); }
      if (v.max_days_per_week !== null && !(Number.isInteger(v.max_days_per_week) && v.max_days_per_week >= 1 && v.max_days_per_week <= 7)) {
        fieldError('max_days_per_week', s.maxDaysRange); wrong.push('max_days_per_week');
      }
      const first = wrong[0];
      if (first !== undefined) {
        setStatus(status, errorLines.get(first)?.line.textContent ?? '', 'error');
        errorLines.get(first)?.control.focus();
        return false;
      }
      return true;
    };

    /** A refusal from the server, next to the field it is about when it names one. */
    const serverError = (error: unknown): void => {
      const message = error instanceof ServerError ? error.message : t.unreachable;
      setStatus(status, message, 'error');
      if (!(error instanceof ServerError)) return;
      const key: FieldKey | undefined = error.code === 'birth_after_join' ? 'birth_date'
        : error.code === 'bad_input' ? [...errorLines.keys()].find((k) => new RegExp(`\\b${k} \\(`).test(message)) : undefined;
      if (key) fieldError(key, message);
    };

    const open = (memberId: string, done: (out: GetMemberOutput) => string): void => {
      setStatus(findStatus, s.opening, 'busy');
      memberAnswer.ask(callServer('getMember', t.unreachable, memberId)).then((out) => {
        fill(out.member);
        find.add(memberPick({ id: out.member.member_id, kana: out.member.kana, name: out.member.name, age: out.member.age, district: out.member.district }, t), true);
        setStatus(findStatus, '');
        setStatus(status, done(out), 'ok');
      }, (error: unknown) => setStatus(findStatus, error instanceof ServerError ? error.message : t.unreachable, 'error'));
    };
    const openChosen = (): void => {
      memberAnswer.drop(); // asked again, even when what was typed names nobody to ask about
      const id = find.value();
      if (id === '') { setStatus(findStatus, s.required(s.find), 'error'); find.input.focus(); return; }
      // Several members of that name: the picker lists them to choose from, nothing to say here.
      if (id === null) {
        if (find.showNamesakes()) { setStatus(findStatus, ''); return; }
        setStatus(findStatus, s.notFound(find.input.value), 'error');
        return;
      }
      open(id, (out) => s.opened(out.member.member_id, out.member.name));
    };
    openButton.addEventListener('click', openChosen);
    find.input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); openChosen(); } });
    find.input.addEventListener('change', () => { if (find.value()) openChosen(); });
    newButton.addEventListener('click', () => {
      memberAnswer.drop();
      fill(null);
      find.clear();
      setStatus(status, '');
      setStatus(findStatus, '');
      name.focus();
    });
    // From the イベント panel's 入会: the bare member, to be completed (birth date first).
    openers.set(root, (memberId) => open(memberId, (out) => {
      birthDate.focus();
      return s.completeProfile(out.member.member_id);
    }));

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!canWrite) return;
      const v = values();
      if (!validate(v)) return;
      let input: SaveInput;
      const before = current;
      if (before) {
        const changed = changedFields(before, v);
        if (changed.length === 0) { setStatus(status, s.noChange, 'ok'); return; }
        input = { member_id: before.member_id, ...Object.fromEntries(changed.map((k) => [k, v[k]])) };
      } else {
        // A new member: the fields filled in (blank ones are the server's defaults anyway).
        const given = (Object.keys(v) as (keyof FormValues)[]).filter((k) => {
          const x = v[k];
          return k === 'consent' || !(x === '' || x === null || (Array.isArray(x) && x.length === 0));
        });
        input = Object.fromEntries(given.map((k) => [k, v[k]]));
      }
      save.disabled = true;
      setStatus(status, s.saving, 'busy');
      callServer('saveMember', t.unreachable, input).then((out) => {
        fill(out.member);
        const option = { id: out.member.member_id, kana: out.member.kana, name: out.member.name, age: out.member.age, district: out.member.district };
        find.add(memberPick(option, t), true);
        if (out.created) announce('member', option);
        setStatus(status, out.created ? s.created(out.member.member_id, out.member.name)
          : out.changed.length === 0 ? s.noChange : s.saved(out.member.member_id, out.changed.map((k) => s.fields[k as FieldKey] ?? k)), 'ok');
      }, serverError).finally(() => { save.disabled = !canWrite; });
    });

    leaveButton.addEventListener('click', () => {
      const member = current;
      if (!member) return;
      if (leaveDate.value === '') { setStatus(leaveStatus, s.badDate, 'error'); leaveDate.focus(); return; }
      if (leaveReason.value === '') { setStatus(leaveStatus, s.required(s.leaveReason), 'error'); leaveReason.focus(); return; }
      leaveButton.disabled = true;
      setStatus(leaveStatus, s.opening, 'busy');
      // Asked again now: what the member has open may have changed since the form was opened.
      leaveAnswer.ask(callServer('getMember', t.unreachable, member.member_id)).then((out) => {
        setStatus(leaveStatus, '');
        const items = out.matches.map((m) => s.leaveMatch(m.match_id, m.job_id, label(MATCH_STATUS, m.status, lang)));
        const confirm = el('button', { type: 'button', class: 'action reject', id: 'member-leave-confirm', text: s.leaveConfirm });
        const keep = el('button', { type: 'button', class: 'action', text: s.leaveKeep });
        leaveConfirm.replaceChildren(
          el('p', { class: 'notice', id: 'member-leave-summary', text: items.length > 0 ? s.leaveWillEnd(items) : s.leaveNothing }),
          el('div', { class: 'actions' }, confirm, keep));
        leaveConfirm.hidden = false;
        confirm.focus();
        keep.addEventListener('click', () => { leaveConfirm.hidden = true; leaveConfirm.replaceChildren(); leaveButton.disabled = !canWrite; leaveButton.focus(); });
        confirm.addEventListener('click', () => {
          confirm.disabled = true;
          keep.disabled = true;
          setStatus(leaveStatus, s.leaving, 'busy');
          callServer('leaveMember', t.unreachable, { member_id: member.member_id, date: leaveDate.value, reason: leaveReason.value as LeaveReason }).then((res) => {
            fill(res.member);
            setStatus(status, '');
            for (const job of res.jobs) announce('fill', job);
            const lines = [s.leaveDone(res.member.member_id, res.member.left_on ?? leaveDate.value)];
            if (res.ended.length > 0) lines.push(s.leaveEnded(res.ended.map((m) => `${m.match_id}${t.paren(m.job_id)}`)));
            if (res.declined.length > 0) lines.push(s.leaveDeclined(res.declined.map((m) => `${m.match_id}${t.paren(m.job_id)}`)));
            if (res.reopened_jobs.length > 0) lines.push(s.leaveReopened(res.reopened_jobs));
            setStatus(leaveStatus, lines.join(' '), 'ok');
          }, (error: unknown) => {
            setStatus(leaveStatus, error instanceof ServerError ? error.message : t.unreachable, 'error');
            confirm.disabled = false;
            keep.disabled = false;
          });
        });
      }, (error: unknown) => {
        setStatus(leaveStatus, error instanceof ServerError ? error.message : t.unreachable, 'error');
      }).finally(() => { if (leaveConfirm.hidden) leaveButton.disabled = !canWrite; });
    });

    fill(null);
  },
};
