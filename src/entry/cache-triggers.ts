import type { TriggerSpec } from '../app/ports';
import { CALLER_TAB_NAMES } from '../app/shared/desk-cache';
import type { ScriptContext } from './dispatch';

// The desk cache's invalidation (src/app/shared/desk-cache.ts): two installable triggers setup
// installs, run by Apps Script for people's edits only. Script writes — the add-in's own, a
// center's own scripts — fire neither, which is why the add-in drops the cache itself when it
// writes (src/app/shared/cached-header-store.ts, setup) and why every entry has a short TTL: that
// is the bound for anything no trigger reports. Both are trigger-only globals (server-calls.ts):
// dispatch.ts runs them only for a real run of the project's own trigger for them. Unlike the
// clock triggers, they are not held to the recorded trigger owner (trigger-runs.ts): a former
// owner's edit trigger that still fires only empties the cache once more.

export const DESK_EDIT_HANDLER = 'onDeskEdit';
export const DESK_CHANGE_HANDLER = 'onDeskChange';

/** What setup installs for the cache: the spreadsheet's edit and change triggers. */
export const CACHE_TRIGGERS: readonly TriggerSpec[] = [
  { handler: DESK_EDIT_HANDLER, kind: 'on_edit' },
  { handler: DESK_CHANGE_HANDLER, kind: 'on_change' },
];

/** Changes that leave every value, header and tab where it was. */
const HARMLESS_CHANGES: ReadonlySet<string> = new Set(['EDIT', 'FORMAT']);

export interface CacheTriggerResult {
  /** Whether the run dropped the desk's cached 設定, コーディネータ and header rows. */
  readonly invalidated: boolean;
}

/** A person edited cells: drops the cache when the range is on 設定 or コーディネータ or touches
 *  row 1 of any tab (a header). Costs Range.getSheet, Sheet.getName, Range.getRow (lookups) and,
 *  when it drops, one removeAll. An edit of any other data row costs nothing more. */
export function onDeskEdit({ ports, triggerEvent }: ScriptContext): CacheTriggerResult {
  const range = (triggerEvent as { range: GoogleAppsScript.Spreadsheet.Range }).range;
  const invalidated = range.getRow() === 1 || CALLER_TAB_NAMES.has(range.getSheet().getName().trim());
  if (invalidated) ports.deskCache.invalidate();
  return { invalidated };
}

/** A person changed the sheet's structure: rows, columns or tabs added, removed or moved (which
 *  fire no edit trigger, and may move a header or remove a coordinator's row). The event does not
 *  say where, so anything but an edit (onDeskEdit's) or a format drops the cache. */
export function onDeskChange({ ports, triggerEvent }: ScriptContext): CacheTriggerResult {
  const invalidated = !HARMLESS_CHANGES.has(String((triggerEvent as { changeType: unknown }).changeType));
  if (invalidated) ports.deskCache.invalidate();
  return { invalidated };
}

export const CACHE_TRIGGER_HANDLERS = { onDeskEdit, onDeskChange };
