import type { CallContext, SidebarPorts } from '../shared/call-context';
import type { LogActivityInput, LogActivityOutput } from '../shared/api-types';
import { appendActivities } from './append-activities';
import { noteContacts } from '../follow-ups/keep-list';

// Records one coordinator activity (活動記録) from the sidebar. The caller holds the script
// lock. Service use: the tab's header (one small read, since a center may order its columns as
// it likes), the ID counter (document properties), one append, one audit append. An activity
// that names nobody and nothing and says nothing is refused (empty_activity, append-activities.ts).
export function logActivity(ports: SidebarPorts, ctx: CallContext, input: LogActivityInput): LogActivityOutput {
  const [activity] = appendActivities(ports, ctx, [input]);
  if (!activity) throw new Error('no activity appended');
  // A contact takes the member off the stored 継続支援 list (follow-ups/keep-list.ts).
  noteContacts(ports.store, ctx, [activity]);
  return { activity };
}
