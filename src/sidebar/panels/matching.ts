import type { CandidatesOutput, JobOption } from '../../app/shared/api-types';
import { el, setStatus } from '../dom';
import { latestAnswer } from '../latest-answer';
import { onAdded } from '../new-records';
import type { Panel, PanelContext } from '../registry';
import { callServer, ServerError } from '../script-run';
import { matchCards, type MatchCards } from './matching/candidate-cards';
import { jobList, type JobList } from './matching/job-list';
import { jobCard, jobPicker, type JobCard } from './matching/job-picker';
import { teamGrid, type TeamGrid } from './matching/team-grid';

// マッチング: pick a job (open ones by default), see its state and places left with 終了 / 再開,
// then the mosaic team at the top (この編成で提案) and the ranked candidates, each moved along with
// one button. Every write answers the job's fill, and the job's card, the picker and every
// candidate's buttons redraw from it (matching/job-list.ts).
interface View {
  readonly job: JobCard;
  readonly team: TeamGrid | null;
  readonly cards: MatchCards | null;
}

export const matchingPanel: Panel = {
  id: 'matching',
  title: (t) => t.tabs.matching,
  onShow: (root) => root.querySelector<HTMLElement>('select')?.focus(),
  render(root: HTMLElement, ctx: PanelContext): void {
    const { t } = ctx;
    const s = t.matching;
    const jobs = jobList(ctx.boot.jobs);
    // A job just registered in 開拓 joins the list without reloading the sidebar.
    onAdded('job', (j) => jobs.add(j));
    // A 退会 in 会員 frees places: the job's state and places left redraw here at once, and the
    // team drawn before may name the member who left.
    onAdded('fill', (f) => { jobs.update(f); view?.team?.stale(); });
    const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const picker = jobPicker(ctx, jobs, status);
    const show = el('button', { type: 'submit', class: 'primary', text: s.show });
    const jobHolder = el('div');
    const results = el('div', { id: 'match-results' });
    const form = el('form', { class: 'form' }, picker.element, show, status);
    root.append(form, jobHolder, results);

    let view: View | null = null;
    jobs.onChange(() => {
      const current = view && jobs.get(view.job.element.dataset.job ?? '');
      if (!view || !current) return;
      view.job.refresh(current);
      view.team?.refresh(current);
      view.cards?.refresh();
    });
    // Choosing another job while the candidates of one are sought drops that question: its late
    // answer would bring the job before back, its card and its candidates, under the one chosen.
    const candidatesAnswer = latestAnswer();
    const choose = (job: JobOption | undefined): void => {
      candidatesAnswer.drop();
      show.disabled = false;
      results.replaceChildren();
      if (!job) { view = null; jobHolder.replaceChildren(); return; }
      const card = jobCard(job, ctx, jobs);
      card.element.dataset.job = job.id;
      view = { job: card, team: null, cards: null };
      jobHolder.replaceChildren(card.element);
    };
    picker.select.addEventListener('change', () => { setStatus(status, ''); choose(jobs.get(picker.select.value)); });

    const load = (jobId: string, again = false): void => {
      if (view?.job.element.dataset.job !== jobId) choose(jobs.get(jobId));
      show.disabled = true;
      setStatus(status, s.searching, 'busy');
      candidatesAnswer.ask(callServer('listCandidates', t.unreachable, jobId)).then((out) => {
        show.disabled = false;
        setStatus(status, '');
        // The answer's fill is the freshest: the job's card and the picker take it.
        if (!jobs.get(out.job.id)) jobs.add(out.job);
        if (!view || view.job.element.dataset.job !== out.job.id) choose(jobs.get(out.job.id));
        jobs.update(out.job);
        if (view) view = drawResults(results, out, ctx, jobs, view.job, () => load(out.job.id, true));
        // 編成を更新: the new team is where the eye was.
        if (again) results.querySelector<HTMLElement>('#mosaic-title')?.focus();
      }, (error: unknown) => {
        show.disabled = false;
        results.replaceChildren();
        setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
      });
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const jobId = picker.select.value;
      if (jobId === '') { setStatus(status, s.pickJob, 'error'); picker.select.focus(); return; }
      load(jobId);
    });
  },
};

function drawResults(root: HTMLElement, out: CandidatesOutput, ctx: PanelContext, jobs: JobList, job: JobCard, reload: () => void): View {
  const s = ctx.t.matching;
  // A card's status change leaves the team above out of date (team-grid.ts): it says so.
  let team: TeamGrid | null = null;
  const cards = matchCards(out, ctx, jobs, () => team?.stale());
  team = teamGrid(out, ctx, jobs, (ids) => cards.proposed(ids), reload);
  const parts: (HTMLElement | null)[] = [
    team.element,
    el('h2', { id: 'candidates-title', text: s.candidates(out.candidates.length, out.qualified) }),
    cards.candidates,
    cards.recorded ? el('h2', { text: s.recorded }) : null,
    cards.recorded,
    out.excluded.length > 0
      ? el('details', {}, el('summary', { text: s.excluded }), el('ul', { class: 'small' }, ...out.excluded.map((x) => el('li', { text: x }))))
      : null,
  ];
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  return { job, team, cards };
}
