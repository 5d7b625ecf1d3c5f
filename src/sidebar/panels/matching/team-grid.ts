import type { CandidatesOutput, JobOption } from '../../../app/shared/api-types';
import { slotLabel, type Slot } from '../../../domain/slots';
import { el, setStatus } from '../../dom';
import type { PanelContext } from '../../registry';
import { callServer, ServerError } from '../../script-run';
import type { JobList } from './job-list';

// The mosaic team at the top of the panel, small enough for 300 px whatever the team's size: one
// row per slot of the job with the IDs of the members who would cover it (an ID never breaks
// across lines), the backup, and the uncovered slots in red; then who the IDs are; then
// この編成で提案, which proposes the whole team in one call (proposeTeam) with the team's slots
// as each member's 担当枠. The team is the server's answer to 候補を表示: once a match of the job
// changes (a card's 提案, 成立, 終了, 取り消す…, or a 退会 in 会員), it may name someone already
// placed or leave a freed slot uncovered, so the grid says it is out of date, stops offering
// この編成で提案, and offers 編成を更新 (listCandidates again) — no coordinator proposes a stale team.
export interface TeamGrid {
  readonly element: HTMLElement;
  /** Redraws the button from the job's latest state (no proposal to a 充足 or 終了 job). */
  refresh(job: JobOption): void;
  /** A match of the job changed since the team was drawn: says so and offers 編成を更新. */
  stale(): void;
}

export function teamGrid(out: CandidatesOutput, ctx: PanelContext, jobs: JobList, proposed: (memberIds: readonly string[]) => void, reload: () => void): TeamGrid {
  const { t, lang, boot } = ctx;
  const s = t.matching;
  const team = out.team.members;
  const uncovered = new Set<Slot>(out.team.uncovered_slots);
  const backupOf = new Map(out.team.backups.map((b) => [b.slot, b.member_id]));
  const chips = (ids: readonly string[]): (HTMLElement | string)[] => ids.flatMap((id, i) => [...(i > 0 ? [' '] : []), el('span', { class: 'chip', text: id })]);
  const rows = out.job.slots.map((slot) => {
    const covering = team.filter((m) => m.slots.includes(slot)).map((m) => m.member_id);
    const backup = backupOf.get(slot);
    return el('tr', { class: uncovered.has(slot) ? 'gap' : '', 'data-slot': slot },
      el('th', { scope: 'row', text: slotLabel(slot, lang) }),
      uncovered.has(slot) ? el('td', { class: 'members', text: s.uncovered }) : el('td', { class: 'members' }, ...chips(covering)),
      el('td', { class: 'members' }, ...(backup ? chips([backup]) : ['—'])));
  });
  const summary = out.team.uncovered_slots.length === 0
    ? s.allCovered
    : `${s.uncovered}: ${t.list(out.team.uncovered_slots.map((x) => slotLabel(x, lang)))}`;
  const scoreOf = new Map(out.candidates.map((c) => [c.member_id, c.score]));
  const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const skipped = el('ul', { class: 'small skipped', hidden: true });
  const button = el('button', { type: 'button', class: 'propose-team', text: s.proposeTeam });
  let done = false;
  let outdated = false;
  const refresh = (job: JobOption): void => {
    button.disabled = done || outdated || !boot.user.canWrite || job.status === 'closed' || job.status === 'filled';
  };
  const again = el('button', { type: 'button', class: 'primary', id: 'mosaic-refresh', text: s.refreshTeam });
  again.addEventListener('click', () => { again.disabled = true; reload(); });
  const staleNote = el('div', { class: 'notice', id: 'mosaic-stale', role: 'note' }, el('p', { text: s.teamStale }), again);
  const title = el('h2', { id: 'mosaic-title', tabindex: -1, text: s.mosaic });
  const stale = (): void => {
    outdated = true;
    if (!staleNote.isConnected) title.after(staleNote);
    title.closest('section')?.classList.add('stale'); // the old team greyed under the note
    refresh(jobs.get(out.job.id) ?? out.job);
  };
  refresh(jobs.get(out.job.id) ?? out.job);
  button.addEventListener('click', () => {
    button.disabled = true;
    setStatus(status, s.proposing, 'busy');
    const members = team.map((m) => ({ member_id: m.member_id, slots: [...m.slots], fit_score: scoreOf.get(m.member_id) ?? null }));
    callServer('proposeTeam', t.unreachable, { job_id: out.job.id, members }).then((res) => {
      done = res.proposed.length > 0;
      setStatus(status, res.proposed.length > 0 ? s.teamProposed(t.list(res.proposed.map((p) => p.member_id))) : '', 'ok');
      skipped.hidden = res.skipped.length === 0;
      skipped.replaceChildren(...(res.skipped.length > 0 ? [el('li', { class: 'head', text: s.teamSkipped })] : []),
        ...res.skipped.map((x) => el('li', { 'data-member': x.member_id, text: x.message }))); // the message names the member
      proposed(res.proposed.map((p) => p.member_id));
      jobs.update(res.job);
      refresh(jobs.get(out.job.id) ?? out.job);
    }, (error: unknown) => {
      setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
      refresh(jobs.get(out.job.id) ?? out.job);
    });
  });

  // Nobody to propose (a covered job offers no candidates): no grid saying "every slot can be covered".
  if (team.length === 0) {
    // A freed place (a 終了 below) may make a team possible: the note offers to look again.
    return { element: el('section', { class: 'mosaic', id: 'mosaic', 'aria-labelledby': 'mosaic-title' }, title, el('p', { class: 'muted', text: s.noTeam })), refresh: () => undefined, stale };
  }
  const who = el('ul', { class: 'team small' }, ...team.map((m) => el('li', {}, el('span', { class: 'chip', text: m.member_id }), ` ${m.name}`)));
  const element = el('section', { class: 'mosaic', id: 'mosaic', 'aria-labelledby': 'mosaic-title' },
    title,
    el('table', { class: 'team-grid' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: s.slot }), el('th', { scope: 'col', text: s.team }), el('th', { scope: 'col', text: s.backup }))),
      el('tbody', {}, ...rows)),
    el('p', { class: uncovered.size > 0 ? 'warn' : 'muted', text: summary }),
    who, button, status, skipped);
  return { element, refresh, stale };
}
