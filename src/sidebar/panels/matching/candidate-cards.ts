import type { CandidatesOutput, CandidateView, JobOption, MatchAction } from '../../../app/shared/api-types';
import { MATCH_STATUS, type MatchStatus } from '../../../domain/enums';
import { el, setStatus } from '../../dom';
import { label } from '../../i18n';
import type { PanelContext } from '../../registry';
import { callServer, ServerError } from '../../script-run';
import type { JobList } from './job-list';

// The candidate cards: what a coordinator needs to pick up the phone (kanji name and kana, age,
// district, the phone as a tel: link, days worked in the last 90), the score and its reasons,
// and one button per next step (提案 → 面接 → 成立 / 辞退 / 不成立, 成立 → 終了). 成立 asks once
// more inside the card; a 成立 of today can be taken back (取り消す = undo_place). The buttons
// follow the job: a 充足 job offers no 成立, a 終了 job nothing that starts a match.
export interface MatchState { readonly status: MatchStatus | 'none'; readonly placed_on: string | null }

const NEXT: Readonly<Record<MatchStatus | 'none', readonly MatchAction[]>> = {
  none: ['propose', 'interview', 'place'],
  candidate: ['propose', 'interview', 'place', 'decline', 'reject'],
  proposed: ['interview', 'place', 'decline', 'reject'],
  interview: ['place', 'decline', 'reject'],
  placed: ['end'],
  ended: [], declined: [], rejected: [],
};
const STARTS: ReadonlySet<MatchAction> = new Set(['propose', 'interview', 'place']);
/** changeMatchStatus' refusals of a 成立 for want of room (sidebar-calls.md "Capacity"). */
const ROOM_REFUSALS: ReadonlySet<string> = new Set(['slots_full', 'job_full']);

/** The buttons a member's row offers, given the match and the job as they are now. */
export function nextActions(match: MatchState, job: Pick<JobOption, 'status'>, today: string): readonly MatchAction[] {
  let next = NEXT[match.status];
  if (match.status === 'placed' && match.placed_on === today) next = [...next, 'undo_place'];
  if (job.status === 'closed') return next.filter((a) => !STARTS.has(a));
  if (job.status === 'filled') return next.filter((a) => a !== 'place');
  return next;
}

export interface MatchCards {
  readonly candidates: HTMLElement;
  /** Matches under way for members the list does not show (a placed member is no candidate). */
  readonly recorded: HTMLElement | null;
  /** Redraws every row's buttons (the job's state changed). */
  refresh(): void;
  /** Members the team proposal proposed. */
  proposed(memberIds: readonly string[]): void;
}

/** `changed` hears each status change the server made (the mosaic team is then out of date). */
export function matchCards(out: CandidatesOutput, ctx: PanelContext, jobs: JobList, changed: () => void = () => undefined): MatchCards {
  const { t, lang, boot } = ctx;
  const s = t.matching;
  const names = new Map<string, string>([
    ...boot.members.map((m) => [m.id, m.name || m.kana] as const),
    ...out.candidates.map((c) => [c.member_id, c.name || c.kana] as const),
  ]);
  const state = new Map<string, MatchState>(out.matches
    .filter((m) => NEXT[m.status].length > 0)
    .map((m) => [m.member_id, { status: m.status, placed_on: m.placed_on }]));
  const statusText = (st: MatchStatus | 'none'): string => (st === 'none' ? '' : label(MATCH_STATUS, st, lang));
  const job = (): JobOption => jobs.get(out.job.id) ?? out.job;
  const rows: { memberId: string; score: number | null; holder: HTMLElement }[] = [];
  // Members whose 成立 the server refused for want of room: asking again would be refused again
  // (until the list is shown afresh), so their card stops offering it.
  const full = new Set<string>();

  const drawRow = (memberId: string, score: number | null, holder: HTMLElement): void => {
    const st = state.get(memberId) ?? { status: 'none', placed_on: null };
    const badge = holder.querySelector<HTMLElement>('.badge');
    if (badge) { badge.textContent = statusText(st.status); badge.hidden = st.status === 'none'; }
    const bar = holder.querySelector<HTMLElement>('.actions');
    // setStatus rewrites the class: the card's status line is found by its role.
    const note = holder.querySelector<HTMLElement>(':scope > [role=status]');
    if (!bar || !note) return;
    const who = `${memberId} ${names.get(memberId) ?? ''}`.trim();
    const run = (action: MatchAction): void => {
      bar.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      setStatus(note, t.activity.saving, 'busy');
      callServer('changeMatchStatus', t.unreachable, { action, job_id: out.job.id, member_id: memberId, fit_score: score }).then((res) => {
        state.set(memberId, { status: res.status, placed_on: res.placed_on });
        setStatus(note, s.done(who, statusText(res.status)), 'ok');
        jobs.update(res.job); // redraws every row: a 成立 that fills the job takes the others' 成立 away
        drawRow(memberId, score, holder);
        bar.querySelector<HTMLElement>('button')?.focus();
        changed();
      }, (error: unknown) => {
        // A refusal (the slots already full, the member gone…) is the server's own sentence.
        setStatus(note, error instanceof ServerError ? error.message : t.unreachable, 'error');
        if (action === 'place' && error instanceof ServerError && ROOM_REFUSALS.has(error.code)) full.add(memberId);
        drawRow(memberId, score, holder);
      });
    };
    const confirmPlace = (): void => {
      const sure = el('button', { type: 'button', class: 'action place', text: s.confirm, 'aria-label': `${memberId} ${s.confirm}` });
      const keep = el('button', { type: 'button', class: 'action', text: s.keep, 'aria-label': `${memberId} ${s.keep}` });
      sure.addEventListener('click', () => run('place'));
      keep.addEventListener('click', () => { drawRow(memberId, score, holder); bar.querySelector<HTMLElement>('.place')?.focus(); });
      bar.replaceChildren(el('p', { class: 'confirm', text: s.confirmPlace(who) }), sure, keep);
      sure.focus();
    };
    bar.replaceChildren(...nextActions(st, job(), boot.today).filter((a) => !(a === 'place' && full.has(memberId))).map((action) => {
      const b = el('button', { type: 'button', class: `action ${action}`, 'data-action': action, text: s.actions[action], disabled: !boot.user.canWrite,
        'aria-label': `${memberId} ${s.actions[action]}` });
      b.addEventListener('click', () => (action === 'place' ? confirmPlace() : run(action)));
      return b;
    }));
  };
  const track = (memberId: string, score: number | null, holder: HTMLElement): void => {
    rows.push({ memberId, score, holder });
    drawRow(memberId, score, holder);
  };

  const list = el('ol', { class: 'candidates', 'aria-label': s.candidates(out.candidates.length, out.qualified) });
  for (const c of out.candidates) {
    const item = candidateItem(c, ctx);
    list.append(item);
    track(c.member_id, c.score, item);
  }

  const shown = new Set(out.candidates.map((c) => c.member_id));
  const others = out.matches.filter((m) => !shown.has(m.member_id) && NEXT[m.status].length > 0);
  let recorded: HTMLElement | null = null;
  if (others.length > 0) {
    recorded = el('ul', { class: 'candidates' });
    for (const m of others) {
      const item = el('li', { class: 'candidate', 'data-member': m.member_id },
        el('div', { class: 'who' }, el('strong', { text: m.member_id }), ' ', el('span', { class: 'name', text: names.get(m.member_id) ?? '' }), el('span', { class: 'badge', hidden: true })),
        el('div', { class: 'muted small', text: m.match_id }), el('div', { class: 'actions' }), cardStatus());
      recorded.append(item);
      track(m.member_id, null, item);
    }
  }

  return {
    candidates: out.candidates.length === 0 ? el('p', { text: s.none }) : list,
    recorded,
    refresh(): void {
      for (const r of rows) drawRow(r.memberId, r.score, r.holder);
    },
    proposed(memberIds): void {
      for (const id of memberIds) state.set(id, { status: 'proposed', placed_on: null });
      for (const r of rows) if (memberIds.includes(r.memberId)) drawRow(r.memberId, r.score, r.holder);
    },
  };
}

function cardStatus(): HTMLElement {
  return el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
}

/** One candidate's card (the buttons are drawn into .actions by matchCards). */
function candidateItem(c: CandidateView, ctx: PanelContext): HTMLElement {
  const s = ctx.t.matching;
  const facts = [c.name ? c.kana : '', c.age === null ? '' : s.age(c.age), c.district].filter((x) => x !== '');
  // tel: wants the digits only; the text shows the number as the center wrote it.
  const dial = c.phone.normalize('NFKC').replace(/[^0-9+]/g, '');
  const contact = el('div', { class: 'small contact' },
    dial === '' ? null : el('a', { class: 'tel', href: `tel:${dial}`, text: c.phone, 'aria-label': `${s.phone} ${c.phone}` }),
    el('span', { class: 'recent', text: s.recentWork(c.recent_work_days) }));
  return el('li', { class: 'candidate', 'data-member': c.member_id },
    el('div', { class: 'who' }, el('strong', { text: c.member_id }), ' ', el('span', { class: 'name', text: c.name || c.kana }), el('span', { class: 'badge', hidden: true })),
    facts.length > 0 ? el('div', { class: 'muted small facts', text: ctx.t.list(facts) }) : null,
    contact,
    el('div', { class: 'scoreline' },
      el('div', { class: 'bar', role: 'img', 'aria-label': `${s.score} ${c.score}` }, el('div', { class: 'fill', style: `width:${Math.max(0, Math.min(100, c.score))}%` })),
      el('span', { class: 'score', text: String(c.score) })),
    el('ul', { class: 'reasons' }, ...c.reasons.map((r) => el('li', { text: r }))),
    el('div', { class: 'actions' }),
    cardStatus());
}
