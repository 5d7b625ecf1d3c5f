import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { SECTOR } from '../../domain/enums';
import { encodeRecord } from '../../domain/schema/record-cells';
import { CLIENTS_TAB } from '../../domain/schema/tabs';
import { civilDateArg, optionalEmail, shortText } from '../shared/arg-schemas';
import { writeAudit } from '../shared/audit';
import { CLIENT_IDS, idsInColumn, nextId } from '../shared/next-id';
import { appendRecord, layoutOf } from '../shared/append-record';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import type { RegisterClientInput, RegisterClientOutput } from '../shared/api-types';

// 開拓: a coordinator back from a welfare facility that has agreed to give work records the new
// client (業務提供先) from the sidebar instead of typing a row by hand. The caller holds the lock.
// Service use: the tab's header, the ID counter (document properties; the ID column is read once
// per document to seed it), one append, one audit append.

export const REGISTER_CLIENT_INPUT = lazySchema(() => z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  sector: z.optional(z.nullable(z.enum(SECTOR.codes))),
  district: z.optional(shortText),
  contact_person: z.optional(shortText),
  phone: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  email: z.optional(optionalEmail),
  developed_on: z.optional(civilDateArg),
}));

export function registerClient(ports: SidebarPorts, ctx: CallContext, input: RegisterClientInput): RegisterClientOutput {
  const { store } = ports;
  const layout = layoutOf(store, CLIENTS_TAB, ctx.lang);
  const clientId = nextId(ports.props, CLIENT_IDS, () => idsInColumn(store, layout.name, layout.index.get('client_id') ?? -1));
  const developedOn = input.developed_on ?? ctx.today;
  // Name, contact and phone were typed by a person: the store keeps `=IMPORTXML(...)` as text.
  appendRecord<typeof CLIENTS_TAB>(store, layout, encodeRecord(CLIENTS_TAB, {
    client_id: clientId,
    name: input.name,
    sector: input.sector ?? null,
    district: input.district ?? '',
    contact_person: input.contact_person ?? '',
    phone: input.phone ?? '',
    email: input.email ?? '',
    developed_on: developedOn,
    developed_by: ctx.email,
  }, ctx.lang));

  ctx.figures?.words([input.district]);
  ctx.figures?.clientAdded();
  writeAudit(store, ctx.lang, {
    at: ctx.now, user: ctx.email, action: 'register_client', sheet: layout.name, recordId: clientId,
    // Codes only: the contact person's name and phone are personal data.
    detail: `sector=${input.sector ?? ''} developed_on=${developedOn}`,
  });
  return { client: { id: clientId, name: input.name }, developed_on: developedOn };
}
