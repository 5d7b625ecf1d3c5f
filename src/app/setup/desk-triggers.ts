import { parseTable } from '../../domain/parse/parse-table';
import { COORDINATORS_TAB, tabNames } from '../../domain/schema/tabs';
import { normaliseEmail } from '../shared/authorize';
import type { RawTable } from '../../domain/cell';
import type { TableStore, TriggerOwner, TriggerSpec, Triggers } from '../ports';

// The desk's triggers belong to the center, not to whoever clicked. In Apps Script a trigger
// belongs to the person who installed it and runs as them, and getProjectTriggers lists only the
// caller's own: a second manager running 初期設定 would see none and install a second set (two
// reminder runs mail everyone twice). So the installer is recorded in the document (email and
// when) and only that person installs or changes the set. Another account is refused, told whose
// they are, while that owner is an active manager; once the owner is not (left, or no longer a
// manager), a manager takes the set over. The old owner's clock triggers still exist under their
// account; they no longer run the desk's work (trigger-runs.ts checks the owner).

export interface TriggerInstall {
  /** Handlers installed by this run. */
  readonly installed: string[];
  /** Whose the triggers are after this run (null: nobody recorded and nothing installed). */
  readonly owner: TriggerOwner | null;
  /** The owner, an active manager other than the caller: nothing was installed. */
  readonly refusedFor: TriggerOwner | null;
  /** The previous owner, no longer an active manager, whose set the caller took over. */
  readonly tookOverFrom: TriggerOwner | null;
}

/** A weekly trigger must match its schedule (the center may have changed 設定); for the others
 *  being there is enough, since a trigger installed elsewhere does not say its hour. */
export function sameTrigger(a: TriggerSpec, b: TriggerSpec): boolean {
  if (a.handler !== b.handler) return false;
  if (b.kind !== 'weekly') return true;
  return a.kind === 'weekly' && (a.weekday ?? null) === (b.weekday ?? null) && (a.hour ?? null) === (b.hour ?? null)
    && (a.timeZone ?? null) === (b.timeZone ?? null);
}

/** Whether an address is an active manager's in コーディネータ (one read of the tab). */
export function activeManagers(store: TableStore): (email: string) => boolean {
  return activeManagersIn(store.read(tabNames(COORDINATORS_TAB)));
}

/** The same, from the tab as already read. */
export function activeManagersIn(raw: RawTable | null): (email: string) => boolean {
  const managers = new Set((raw ? parseTable(COORDINATORS_TAB, raw).records : [])
    .filter((c) => c.active && c.role === 'manager').map((c) => normaliseEmail(c.email)));
  return (email) => managers.has(normaliseEmail(email));
}

/**
 * Installs the specs the caller does not have yet, under the owner rule above, and records the
 * caller as owner when it installs or adopts a set. `isActiveManager` answers from コーディネータ.
 * A caller Google does not name ('') installs as before but is recorded as nobody.
 */
export function installDeskTriggers(triggers: Triggers, specs: readonly TriggerSpec[], caller: { email: string; now: Date },
  isActiveManager: (email: string) => boolean): TriggerInstall {
  const recorded = triggers.owner?.() ?? null;
  const me = normaliseEmail(caller.email);
  const other = recorded !== null && normaliseEmail(recorded.email) !== me;
  if (other && isActiveManager(recorded.email)) return { installed: [], owner: recorded, refusedFor: recorded, tookOverFrom: null };
  const mine = triggers.list();
  const installed: string[] = [];
  for (const spec of specs) {
    if (mine.some((t) => sameTrigger(t, spec))) continue;
    triggers.replace(spec);
    installed.push(spec.handler);
  }
  // Adopt a set installed before owners were recorded (the caller has the desk's handlers).
  const holds = mine.some((t) => specs.some((s) => s.handler === t.handler));
  const record = me !== '' && (installed.length > 0 || other || (recorded === null && holds));
  const owner = record ? { email: caller.email.trim(), at: caller.now.toISOString() } : recorded;
  if (record && owner) triggers.recordOwner?.(owner);
  return { installed, owner, refusedFor: null, tookOverFrom: other ? recorded : null };
}
