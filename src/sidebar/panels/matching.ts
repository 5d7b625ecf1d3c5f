import type { CandidatesOutput, MatchAction } from '../../app/shared/api-types';
import { MATCH_STATUS, type MatchStatus } from '../../domain/enums';
import { slotLabel, type Slot } from '../../domain/slots';
import { el, field, setStatus } from '../dom';
import { label, type Strings } from '../i18n';
import { onAdded } from '../new-records';
import type { Panel, PanelContext } from '../registry';
import { callServer, ServerError } from '../script-run';

// マッチング: pick a job, see the ranked candidates with their reasons, and move each one along
// (提案 → 面接 → 成立 / 辞退 / 不成立, 成立 → 終了) with one button each; below, the mosaic
// team shows which member covers which slot, the backups and the slots nobody can cover.
const NEXT: Readonly<Record<MatchStatus | 'none', readonly MatchAction[]>> = {
  none: ['propose', 'interview', 'place'],
  candidate: ['propose', 'interview', 'place', 'decline', 'reject'],
  proposed: ['interview', 'place', 'decline', 'reject'],
  interview: ['place', 'decline', 'reject'],
  placed: ['end'],
  ended: [], declined: [], rejected: [],
};

export const matchingPanel: Panel = {
  id: 'matching',
  title: (t) => t.tabs.matching,
  onShow: (root) => root.querySelector<HTMLElement>('select')?.focus(),
  render(root: HTMLElement, ctx: PanelContext): void {
    const { t, boot } = ctx;
    const s = t.matching;
    const job = el('select');
    job.append(el('option', { value: '', text: s.pickJob }));
    for (const j of boot.jobs) job.append(el('option', { value: j.id, text: `${j.id} ${j.title}` }));
    // A job just registered in 開拓 joins the list without reloading the sidebar.
    onAdded('job', (j) => job.append(el('option', { value: j.id, text: `${j.id} ${j.title}` })));
    const show = el('button', { type: 'submit', class: 'primary', text: s.show });
    const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const results = el('div', { id: 'match-results' });
    const form = el('form', { class: 'form' }, field(s.job, job), show, status);
    root.append(form, results);

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (job.value === '') { setStatus(status, s.pickJob, 'error'); job.focus(); return; }
      show.disabled = true;
      setStatus(status, s.searching, 'busy');
      callServer('listCandidates', t.unreachable, job.value).then((out) => {
        setStatus(status, '');
        drawResults(results, out, ctx, status);
      }, (error: unknown) => {
        results.replaceChildren();
        setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
      }).finally(() => { show.disabled = false; });
    });
  },
};

function drawResults(root: HTMLElement, out: CandidatesOutput, ctx: PanelContext, status: HTMLElement): void {
  const { t, lang, boot } = ctx;
  const s = t.matching;
  // At a large center boot.members is short (sidebar/bootstrap.ts): the candidates bring their own names.
  const names = new Map([...boot.members.map((m) => [m.id, m.kana || m.name] as const), ...out.candidates.map((c) => [c.member_id, c.kana || c.name] as const)]);
  const statusOf = new Map<string, MatchStatus | 'none'>(out.matches.filter((m) => NEXT[m.status].length > 0).map((m) => [m.member_id, m.status]));
  const statusText = (st: MatchStatus | 'none'): string => (st === 'none' ? '' : label(MATCH_STATUS, st, lang));

  /** One row of buttons for a member; each press is one server call, then the row redraws. */
  const actionRow = (memberId: string, score: number | null, holder: HTMLElement): void => {
    const st = statusOf.get(memberId) ?? 'none';
    const badge = holder.querySelector<HTMLElement>('.badge');
    if (badge) { badge.textContent = statusText(st); badge.hidden = st === 'none'; }
    const bar = holder.querySelector<HTMLElement>('.actions');
    if (!bar) return;
    bar.replaceChildren();
    for (const action of NEXT[st]) {
      const b = el('button', { type: 'button', class: `action ${action}`, 'data-action': action, text: s.actions[action], disabled: !boot.user.canWrite,
        'aria-label': `${memberId} ${s.actions[action]}` });
      b.addEventListener('click', () => {
        bar.querySelectorAll('button').forEach((other) => { other.disabled = true; });
        setStatus(status, t.activity.saving, 'busy');
        callServer('changeMatchStatus', t.unreachable, { action, job_id: out.job.id, member_id: memberId, fit_score: score }).then((res) => {
          statusOf.set(memberId, res.status);
          setStatus(status, s.done(`${memberId} ${names.get(memberId) ?? ''}`.trim(), statusText(res.status)), 'ok');
          actionRow(memberId, score, holder);
          holder.querySelector<HTMLElement>('.actions button')?.focus();
        }, (error: unknown) => {
          setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
          actionRow(memberId, score, holder);
        });
      });
      bar.append(b);
    }
  };

  const list = el('ol', { class: 'candidates', 'aria-label': s.candidates(out.candidates.length) });
  for (const c of out.candidates) {
    const item = el('li', { class: 'candidate', 'data-member': c.member_id },
      el('div', { class: 'who' }, el('strong', { text: c.member_id }), ` ${c.kana || c.name}`,
        el('span', { class: 'badge', hidden: true })),
      el('div', { class: 'scoreline' },
        el('div', { class: 'bar', role: 'img', 'aria-label': `${s.score} ${c.score}` }, el('div', { class: 'fill', style: `width:${Math.max(0, Math.min(100, c.score))}%` })),
        el('span', { class: 'score', text: String(c.score) })),
      el('ul', { class: 'reasons' }, ...c.reasons.map((r) => el('li', { text: r }))),
      el('div', { class: 'actions' }));
    list.append(item);
    actionRow(c.member_id, c.score, item);
  }

  // Matches already under way for members the list no longer shows (placed ones are not candidates).
  const shown = new Set(out.candidates.map((c) => c.member_id));
  const others = out.matches.filter((m) => !shown.has(m.member_id) && NEXT[m.status].length > 0);
  const recorded = el('ul', { class: 'candidates' });
  for (const m of others) {
    const item = el('li', { class: 'candidate', 'data-member': m.member_id },
      el('div', { class: 'who' }, el('strong', { text: m.member_id }), ` ${names.get(m.member_id) ?? ''}`, el('span', { class: 'badge', hidden: true })),
      el('div', { class: 'muted small', text: m.match_id }), el('div', { class: 'actions' }));
    recorded.append(item);
    actionRow(m.member_id, null, item);
  }

  const parts: (HTMLElement | null)[] = [
    el('h2', { text: `${out.job.id} ${out.job.title}` }),
    el('p', { class: 'muted', text: s.candidates(out.candidates.length) }),
    out.candidates.length === 0 ? el('p', { text: s.none }) : list,
    others.length > 0 ? el('h2', { text: s.recorded }) : null,
    others.length > 0 ? recorded : null,
    mosaic(out, t, lang),
    out.excluded.length > 0
      ? el('details', {}, el('summary', { text: s.excluded }), el('ul', { class: 'small' }, ...out.excluded.map((x) => el('li', { text: x }))))
      : null,
  ];
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

/** Slots down the side, team members across: ● where a member covers the slot; then backups and gaps. */
function mosaic(out: CandidatesOutput, t: Strings, lang: PanelContext['lang']): HTMLElement {
  const s = t.matching;
  const slots = out.job.slots;
  const team = out.team.members;
  const uncovered = new Set<Slot>(out.team.uncovered_slots);
  const backupOf = new Map(out.team.backups.map((b) => [b.slot, b.member_id]));
  const head = el('tr', {}, el('th', { scope: 'col', text: s.slot }), ...team.map((m) => el('th', { scope: 'col', text: m.member_id })), el('th', { scope: 'col', text: s.backup }));
  const rows = slots.map((slot) => el('tr', { class: uncovered.has(slot) ? 'gap' : '' },
    el('th', { scope: 'row', text: slotLabel(slot, lang) }),
    ...team.map((m) => el('td', { text: m.slots.includes(slot) ? '●' : '', 'aria-label': m.slots.includes(slot) ? `${m.member_id} ${s.covered}` : '' })),
    el('td', { text: uncovered.has(slot) ? s.uncovered : backupOf.get(slot) ?? '—' })));
  const summary = out.team.uncovered_slots.length === 0
    ? s.allCovered
    : `${s.uncovered}: ${t.list(out.team.uncovered_slots.map((x) => slotLabel(x, lang)))}`;
  return el('section', { class: 'mosaic', 'aria-labelledby': 'mosaic-title' },
    el('h2', { id: 'mosaic-title', text: s.mosaic }),
    el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows))),
    el('p', { class: uncovered.size > 0 ? 'warn' : 'muted', text: summary }));
}
