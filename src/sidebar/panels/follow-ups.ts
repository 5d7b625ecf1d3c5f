import type { FollowUpView, FollowUpsOutput } from '../../app/shared/api-types';
import type { FollowUpReason } from '../../domain/follow-up/worklist';
import { datesUnbroken, el, field, setStatus } from '../dom';
import { latestAnswer } from '../latest-answer';
import { announce } from '../new-records';
import type { Panel, PanelContext } from '../registry';
import { callServer, ServerError } from '../script-run';

// 継続支援: who to call today (listFollowUps, design/sidebar-calls.md) — placements at 1 week /
// 1 month / 3 months, members waiting longest, members not contacted for long — grouped, each
// person with name, kana, a tel: link and the reason, and one click 「フォロー済み」 (logFollowUp)
// that records the call, with an optional outcome and note, and takes the person off the list.
// The list is loaded when the tab is first opened, not with the bootstrap: most sidebar opens
// never look at it. Names and phones live only in this page's DOM: nothing here is logged.

/** The order of the groups: the worklist's own (placements first). */
const GROUPS: readonly FollowUpReason[] = ['placed_1w', 'placed_1m', 'placed_3m', 'waiting', 'no_contact'];

/** A phone number as a tel: URI: digits and a leading + only (04-0000-0003 → tel:0400000003). */
export function telHref(phone: string): string | null {
  const normal = phone.normalize('NFKC');
  const digits = normal.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return /\d{3,}/.test(digits) ? `tel:${digits}` : null;
}

export const followUpsPanel: Panel = {
  id: 'follow-ups',
  title: (t) => t.tabs.followUps,
  render(root: HTMLElement, ctx: PanelContext): void {
    const { t, boot } = ctx;
    const s = t.followUps;
    const canWrite = boot.user.canWrite;
    const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const intro = el('p', { class: 'muted small' });
    const body = el('div', { id: 'follow-up-groups' });
    // How old the stored list is, when the day changed since its last rebuild (or it is capped).
    const age = el('p', { class: 'notice small', id: 'follow-ups-age', hidden: true });
    const refresh = el('button', { type: 'button', text: s.refresh });
    const rebuild = el('button', { type: 'button', text: s.rebuild, disabled: !canWrite });
    root.append(intro, age, status, body, el('div', { class: 'actions' }, refresh, rebuild));

    const item = (f: FollowUpView, onLogged: () => void): HTMLElement => {
      const who = f.name || f.kana || f.member_id;
      const href = telHref(f.phone);
      const outcome = el('input', { type: 'text', maxlength: 200, disabled: !canWrite });
      const notes = el('textarea', { rows: 2, maxlength: 500, disabled: !canWrite });
      const done = el('button', { type: 'button', class: 'primary', text: s.done, 'aria-label': s.doneOf(who), disabled: !canWrite });
      const li = el('li', { class: 'follow-up', 'data-member': f.member_id },
        el('div', { class: 'who' }, el('strong', { text: f.name || f.member_id }), f.kana ? el('span', { class: 'muted small kana', text: ` ${f.kana}` }) : null),
        el('div', { class: 'muted small', text: f.member_id }),
        el('div', { class: 'phone' }, href
          ? el('a', { href, 'aria-label': s.call(who), text: f.phone })
          : el('span', { class: 'muted small', text: s.noPhone })),
        el('div', { class: 'reason' }, ...datesUnbroken(f.reason_text)),
        // Whoever calls wants to know when the member last heard from the center.
        f.last_contact && f.reason !== 'no_contact' ? el('div', { class: 'muted small' }, ...datesUnbroken(s.lastContact(f.last_contact))) : null,
        el('details', { class: 'note' }, el('summary', { class: 'small', text: s.addNote }), field(s.outcome, outcome), field(s.notes, notes)),
        done);
      done.addEventListener('click', () => {
        done.disabled = true;
        setStatus(status, s.saving, 'busy');
        callServer('logFollowUp', t.unreachable, {
          member_id: f.member_id, ...(f.job_id ? { job_id: f.job_id } : {}),
          outcome: outcome.value.trim(), notes: notes.value.trim(),
        }).then((out) => {
          // Focus goes on to the next person (or the group), not to the page's top.
          const next = li.nextElementSibling?.querySelector<HTMLElement>('button')
            ?? li.closest('section')?.querySelector<HTMLElement>('h2') ?? status;
          li.remove();
          onLogged();
          next.focus();
          setStatus(status, s.logged(who, out.activity.activity_id), 'ok');
          announce('activity', out.activity);
        }, (error: unknown) => {
          done.disabled = !canWrite;
          setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
        });
      });
      return li;
    };

    const draw = (list: FollowUpsOutput): void => {
      intro.replaceChildren(...datesUnbroken(s.intro(list.today)));
      const notes = [list.stale ? s.stale(list.built_on) : '', list.capped.length > 0 ? s.capped(list.stored_cap) : ''].filter((x) => x !== '');
      age.replaceChildren(...notes.flatMap((n, i) => [...(i > 0 ? [el('br')] : []), ...datesUnbroken(n)]));
      age.hidden = notes.length === 0;
      body.replaceChildren();
      if (list.items.length === 0) body.append(el('p', { class: 'muted', text: s.nobody }));
      for (const reason of GROUPS) {
        const items = list.items.filter((i) => i.reason === reason);
        if (items.length === 0) continue;
        const headingId = `follow-ups-${reason}`;
        const count = el('span', { class: 'count' });
        let left = items.length;
        const total = Math.max(list.counts[reason], items.length);
        const ul = el('ul', { class: 'follow-ups' });
        const showCount = (): void => {
          count.textContent = ` ${s.count(left, total - (items.length - left))}`;
          if (left === 0) ul.replaceChildren(el('li', { class: 'muted small', text: s.allDone }));
        };
        for (const f of items) ul.append(item(f, () => { left -= 1; showCount(); }));
        showCount();
        body.append(el('section', { class: 'follow-up-group', 'data-reason': reason, 'aria-labelledby': headingId },
          el('h2', { id: headingId, tabindex: -1 }, s.groups[reason], count), ul));
      }
    };

    let loaded = false;
    // 作り直す pressed while 更新 is asking supersedes it: the stored list answered late would
    // redraw the list as it was before the recount and wipe the message that it was rebuilt.
    const listAnswer = latestAnswer();
    const load = (): void => {
      refresh.disabled = true;
      setStatus(status, s.loading, 'busy');
      listAnswer.ask(callServer('listFollowUps', t.unreachable)).then((list) => {
        loaded = true;
        draw(list);
        setStatus(status, '');
      }, (error: unknown) => {
        setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
      }).finally(() => { refresh.disabled = false; });
    };
    refresh.addEventListener('click', load);
    // 作り直す: the list recounted from the tabs now (rebuildFollowUps, a coordinator or manager).
    rebuild.addEventListener('click', () => {
      rebuild.disabled = true;
      refresh.disabled = true;
      listAnswer.drop();
      setStatus(status, s.rebuilding, 'busy');
      callServer('rebuildFollowUps', t.unreachable).then((list) => {
        loaded = true;
        draw(list);
        setStatus(status, s.rebuilt, 'ok');
      }, (error: unknown) => {
        setStatus(status, error instanceof ServerError ? error.message : t.unreachable, 'error');
      }).finally(() => { refresh.disabled = false; rebuild.disabled = !canWrite; });
    });
    // The first time the tab is shown, the list is fetched; later, 更新 fetches it again.
    root.addEventListener('follow-ups:open', () => { if (!loaded && !refresh.disabled) load(); });
  },
  onOpen: (root) => { root.dispatchEvent(new Event('follow-ups:open')); },
};
