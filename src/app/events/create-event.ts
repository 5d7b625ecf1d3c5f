import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { EVENT_KIND } from '../../domain/enums';
import { EVENTS_TAB } from '../../domain/schema/tabs';
import { encodeRecord } from '../../domain/schema/record-cells';
import { sessionLabel } from '../../domain/signup/session-label';
import { appendRecord, layoutOf } from '../shared/append-record';
import { civilDateArg, shortText } from '../shared/arg-schemas';
import { writeAudit } from '../shared/audit';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { idsInColumn, nextId, type IdScheme } from '../shared/next-id';

// A coordinator creates a session (the イベント panel): one イベント row, 受付中, numbered E001…
// from the events' counter (seeded once from the ID column, so above every E number typed by
// hand), one audit row. The form offers it from the next sync (the daily one, or 申込を再確認).
export const EVENT_IDS: IdScheme = { prefix: 'E', width: 3, key: 'ikigai.last_id.events' };

export const CREATE_EVENT_INPUT = lazySchema(() => z.strictObject({
  kind: z.enum(EVENT_KIND.codes),
  title: z.optional(shortText),
  date: civilDateArg,
  start_time: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM' }))),
  venue: z.optional(shortText),
  capacity: z.optional(z.nullable(z.int().check(z.gte(1), z.lte(9999)))),
}));
export type CreateEventInput = z.infer<typeof CREATE_EVENT_INPUT>;

export interface CreateEventOutput { readonly event_id: string; readonly label: string }

export function createEvent(ports: Pick<SidebarPorts, 'store' | 'props'>, ctx: CallContext, input: CreateEventInput): CreateEventOutput {
  const { store } = ports;
  const layout = layoutOf(store, EVENTS_TAB, ctx.lang);
  const eventId = nextId(ports.props, EVENT_IDS, () => idsInColumn(store, layout.name, layout.index.get('event_id') ?? -1));
  const record = {
    event_id: eventId, kind: input.kind, title: input.title ?? '', date: input.date, start_time: input.start_time ?? null,
    venue: input.venue ?? '', capacity: input.capacity ?? null, status: 'open' as const,
  };
  appendRecord<typeof EVENTS_TAB>(store, layout, encodeRecord(EVENTS_TAB, record, ctx.lang));
  writeAudit(store, ctx.lang, {
    at: ctx.now, user: ctx.email, action: 'create_event', sheet: layout.name, recordId: eventId,
    detail: `kind=${input.kind} date=${input.date} capacity=${input.capacity ?? ''}`,
  });
  return { event_id: eventId, label: sessionLabel(record, ctx.lang) };
}
