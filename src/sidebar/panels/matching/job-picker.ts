import type { JobOption } from '../../../app/shared/api-types';
import type { JobStatus } from '../../../domain/enums';
import { slotLabel } from '../../../domain/slots';
import { el, field, setStatus, uid } from '../../dom';
import { ENUMS, label } from '../../i18n';
import { latestAnswer } from '../../latest-answer';
import type { PanelContext } from '../../registry';
import { callServer, ServerError } from '../../script-run';
import { DEBOUNCE_MS, MIN_QUERY } from '../../picker';
import type { JobList } from './job-list';

// The job picker: open jobs (募集中) by default, every job with the switch 「充足・終了も表示」
// (one listJobs call the first time it is turned on: the bootstrap carries no 終了 job). Each
// option names the title, the client, the slots and the places left, so six 夜間巡回 are told
// apart. The job chosen stays in the list whatever its state, so a 成立 that fills it does not
// make it vanish under the coordinator's eyes.
export interface JobPicker {
  readonly element: HTMLElement;
  readonly select: HTMLSelectElement;
}

export function jobStatusText(status: JobStatus | null, ctx: PanelContext): string {
  return status === null ? '' : label(ENUMS.JOB_STATUS, status, ctx.lang);
}

export function slotsText(job: Pick<JobOption, 'slots'>, ctx: PanelContext): string {
  return job.slots.length === 0 ? ctx.t.matching.noSlots : ctx.t.list(job.slots.map((x) => slotLabel(x, ctx.lang)));
}

export function jobPicker(ctx: PanelContext, jobs: JobList, status: HTMLElement): JobPicker {
  const s = ctx.t.matching;
  const select = el('select');
  const showAll = el('input', { type: 'checkbox', id: uid('all-jobs') });
  let loadedAll = false;

  const optionText = (j: JobOption): string =>
    s.jobOption(j.id, j.title, j.client_name, slotsText(j, ctx), j.places_left, j.status === 'open' ? '' : jobStatusText(j.status, ctx));
  const draw = (): void => {
    const chosen = select.value;
    const shown = jobs.all().filter((j) => showAll.checked || j.status === 'open' || j.id === chosen);
    select.replaceChildren(el('option', { value: '', text: s.pickJob }),
      ...shown.map((j) => el('option', { value: j.id, text: optionText(j), 'data-status': j.status ?? '' })));
    select.value = shown.some((j) => j.id === chosen) ? chosen : '';
  };
  draw();
  jobs.onChange((job) => {
    const option = job ? select.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(job.id)}"]`) : null;
    if (job && option) { option.textContent = optionText(job); option.dataset.status = job.status ?? ''; } else draw();
  });

  // A large center (past 設定 仕事一覧の上限): no list came with the sidebar; the person types and
  // listJobs answers the matching jobs (at most 20), open ones unless 「充足・終了も表示」. A small
  // center whose list with 終了 is past the limit learns it from listJobs' `cut`: the box appears then.
  let searching = ctx.boot.jobSearch;
  const find = el('input', { type: 'search', id: 'match-job-find', autocomplete: 'off', spellcheck: 'false' });
  const found = el('div', { class: 'muted small', id: 'match-job-found', role: 'status', 'aria-live': 'polite' });
  const findBox = el('div', { hidden: !searching }, field(s.findJob, find, s.findJobHint), found);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Each pause in the typing, and 「充足・終了も表示」, asks again: only the last answer lists.
  const jobsAnswer = latestAnswer();
  const search = (): void => {
    const query = find.value.normalize('NFKC').trim();
    if (query.length < MIN_QUERY) return;
    jobsAnswer.ask(callServer('listJobs', ctx.t.unreachable, { query, include_all: showAll.checked })).then((out) => {
      const chosen = jobs.get(select.value);
      jobs.replace(chosen && !out.jobs.some((j) => j.id === chosen.id) ? [chosen, ...out.jobs] : out.jobs);
      found.textContent = s.jobsFound(out.jobs.length, out.more === true);
    }, (error: unknown) => {
      setStatus(status, error instanceof ServerError ? error.message : ctx.t.unreachable, 'error');
    });
  };
  find.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, DEBOUNCE_MS); });

  showAll.addEventListener('change', () => {
    if (searching) { search(); draw(); return; }
    if (!showAll.checked || loadedAll) { draw(); return; }
    showAll.disabled = true;
    setStatus(status, s.loadingJobs, 'busy');
    callServer('listJobs', ctx.t.unreachable, { include_all: true }).then((out) => {
      loadedAll = true;
      if (out.cut === true) {
        // Too many jobs with 終了 to list: search from now on, keeping the open jobs already listed.
        searching = true;
        findBox.hidden = false;
        setStatus(status, s.jobListCut, 'ok');
        draw();
        find.focus();
        return;
      }
      setStatus(status, '');
      jobs.replace(out.jobs);
    }, (error: unknown) => {
      showAll.checked = false;
      setStatus(status, error instanceof ServerError ? error.message : ctx.t.unreachable, 'error');
    }).finally(() => { showAll.disabled = false; });
  });

  const element = el('div', {}, findBox, field(s.job, select),
    el('div', { class: 'check' }, showAll, el('label', { for: showAll.id, text: s.showAll })));
  return { element, select };
}

export interface JobCard {
  readonly element: HTMLElement;
  /** Redraws from the job's latest fill (after any write's answer). */
  refresh(job: JobOption): void;
}

/** The chosen job's card: client, state, places left, slots; 終了 or 再開 (setJobStatus). */
export function jobCard(job: JobOption, ctx: PanelContext, jobs: JobList): JobCard {
  const s = ctx.t.matching;
  const body = el('div');
  const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const card = el('section', { id: 'match-job', class: 'job-card', 'aria-labelledby': 'match-job-title' }, body, status);
  const draw = (j: JobOption): void => {
    card.dataset.status = j.status ?? '';
    const closed = j.status === 'closed';
    const text = closed ? s.reopen : s.close;
    const button = el('button', { type: 'button', class: closed ? 'reopen' : 'close', text, disabled: !ctx.boot.user.canWrite, 'aria-label': `${j.id} ${text}` });
    button.addEventListener('click', () => {
      button.disabled = true;
      setStatus(status, ctx.t.activity.saving, 'busy');
      callServer('setJobStatus', ctx.t.unreachable, { job_id: j.id, status: closed ? 'open' : 'closed' }).then((out) => {
        jobs.update(out.job);
        setStatus(status, s.jobChanged(j.id, jobStatusText(out.job.status, ctx)), 'ok');
        body.querySelector<HTMLElement>('button')?.focus();
      }, (error: unknown) => {
        button.disabled = false;
        setStatus(status, error instanceof ServerError ? error.message : ctx.t.unreachable, 'error');
      });
    });
    body.replaceChildren(
      el('h2', { id: 'match-job-title', text: `${j.id} ${j.title}` }),
      el('p', { class: 'muted', text: `${s.client}: ${j.client_name || '—'}` }),
      el('p', { class: 'fill' },
        el('span', { class: `badge job-state ${j.status ?? ''}`, text: jobStatusText(j.status, ctx) || '—' }), ' ',
        el('span', { class: 'places-left', text: s.placesLeft(j.places_left) })),
      el('p', { class: 'small', text: s.slotsLine(slotsText(j, ctx), j.headcount) }),
      el('div', { class: 'actions' }, button));
  };
  draw(job);
  return { element: card, refresh: draw };
}
