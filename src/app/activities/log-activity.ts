import { ACTIVITY_KIND, AREA, labelOf } from '../../domain/enums';
import { locateColumns } from '../../domain/parse/parse-table';
import { ACTIVITIES_TAB, tabNames } from '../../domain/schema/tabs';
import { ownedCells, type CellsByKey, type ColumnKey } from '../../domain/schema/record-cells';
import { writeAudit } from '../shared/audit';
import { ACTIVITY_IDS, idsInColumn, nextId } from '../shared/next-id';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import type { ActivityView, LogActivityInput, LogActivityOutput } from '../shared/api-types';

// Records one coordinator activity (活動記録) from the sidebar. The caller holds the document
// lock. Service use: the tab's header (one small read, since a center may order its columns as
// it likes), the ID counter (document properties), one append, one audit append.
/** The columns a new activity fills: all of the tab's (its ID column included). */
const ACTIVITY_COLUMNS: readonly ColumnKey<typeof ACTIVITIES_TAB>[] = ACTIVITIES_TAB.columns.map((c) => c.key);

export function logActivity(ports: SidebarPorts, ctx: CallContext, input: LogActivityInput): LogActivityOutput {
  const { store } = ports;
  const found = store.header(tabNames(ACTIVITIES_TAB, ctx.lang));
  if (!found) throw new ApiError('bad_workbook', { detail: ctx.lang === 'ja' ? `シート「${ACTIVITIES_TAB.ja}」がありません` : `the tab ${ACTIVITIES_TAB.en} is missing` });
  const { index, problems } = locateColumns(ACTIVITIES_TAB, found.name, found.header);
  if (problems.length > 0) throw new ApiError('bad_workbook', { detail: problems.map((p) => `${p.tab}!${p.cell} ${String(p.params.header ?? '')}`).join(', ') });

  const activityId = nextId(ports.props, ACTIVITY_IDS, () => idsInColumn(store, found.name, index.get('activity_id') ?? -1));
  const activity: ActivityView = {
    activity_id: activityId,
    date: input.date,
    coordinator: ctx.email,
    area: input.area,
    kind: input.kind ?? null,
    member_id: input.member_id ?? '',
    client_id: input.client_id ?? '',
    job_id: input.job_id ?? '',
    minutes: input.minutes ?? null,
    outcome: input.outcome ?? '',
  };
  const values: CellsByKey<typeof ACTIVITIES_TAB> = {
    activity_id: activity.activity_id,
    date: { date: activity.date },
    coordinator: activity.coordinator,
    area: labelOf(AREA, activity.area, ctx.lang),
    kind: activity.kind ? labelOf(ACTIVITY_KIND, activity.kind, ctx.lang) : null,
    member_id: activity.member_id,
    client_id: activity.client_id,
    job_id: activity.job_id,
    minutes: activity.minutes,
    outcome: activity.outcome,
    notes: input.notes ?? '',
    recorded_at: { date: ctx.now },
  };
  // Only the tab's own columns of the new row are written (a center's formula column keeps
  // working); every text is neutralised by the store: `=HYPERLINK(...)` in the notes stays text.
  store.appendCells(found.name, ownedCells<typeof ACTIVITIES_TAB>(index, ACTIVITY_COLUMNS, [values]));

  const ids = [`area=${activity.area}`, activity.kind ? `kind=${activity.kind}` : '', activity.member_id ? `member=${activity.member_id}` : '',
    activity.client_id ? `client=${activity.client_id}` : '', activity.job_id ? `job=${activity.job_id}` : ''];
  writeAudit(store, ctx.lang, {
    at: ctx.now, user: ctx.email, action: 'log_activity', sheet: found.name, recordId: activityId,
    // IDs and codes only: outcome and notes may name people, so they stay out of the log.
    detail: ids.filter((s) => s !== '').join(' '),
  });
  return { activity };
}
