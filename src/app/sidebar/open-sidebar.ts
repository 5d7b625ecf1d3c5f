import type { Bootstrap } from '../shared/api-types';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { loadWorkbookPart } from '../shared/read-part';
import { underWriteLock } from '../shared/write-boundary';
import { recountStoredHeadline } from '../weekly/headline-recount';
import { parseStoredHeadline, recountHeadline, STORED_HEADLINE_KEY, type StoredHeadline } from '../weekly/stored-headline';
import { bootstrapOf, bootstrapPlan, searchingPickers, type BootstrapOptions } from './bootstrap';
import { STORED_HEADLINE_READS } from './read-plans';

// Opening the sidebar at any center size: the 今週 figures and the dropdowns' words from the
// stored figures (one property read), the caller's recent entries from the last rows of 活動記録,
// and the pickers' lists only when they are short (設定's limits); past them the pickers ask the
// server as the person types. The cells read no longer grow with 会員, マッチング or 活動記録.

/** The stored 今週 figures; none yet (a desk set up before them, or just set up): recounted once,
 *  under the lock so no write moves them meanwhile (when the lock is busy, counted and not stored). */
export function storedOrRecounted(ports: SidebarPorts, ctx: CallContext, log: (line: string) => void = () => undefined): StoredHeadline {
  const stored = parseStoredHeadline(ports.props.get(STORED_HEADLINE_KEY));
  if (stored) return stored;
  const locked = underWriteLock(ports, () => recountStoredHeadline(ports.store, ports.props, ctx.settings, ctx.now, log));
  if (locked.ok) return locked.value;
  return recountHeadline(loadWorkbookPart(ports.store, STORED_HEADLINE_READS, ctx.settings), ctx.today, ctx.now.slice(0, 16));
}

export function openSidebar(ports: SidebarPorts, ctx: CallContext, options: BootstrapOptions = {}): Bootstrap {
  const stored = storedOrRecounted(ports, ctx);
  const searching = searchingPickers(stored, ctx.settings, options);
  const workbook = loadWorkbookPart(ports.store, bootstrapPlan({ ...searching, stored }), ctx.settings);
  // At a large center the recent entries name their members by ID (the picker's searches fill in
  // names as they come): finding ten members' rows would cost up to ten round trips.
  return bootstrapOf(workbook, ctx, { stored, ...searching });
}
