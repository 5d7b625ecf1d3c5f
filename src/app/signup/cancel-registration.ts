import { locateColumns } from '../../domain/parse/parse-table';
import { REGISTRATIONS_TAB, type Registration } from '../../domain/schema/tabs';
import { writeAudit } from '../shared/audit';
import { updateRecord } from '../shared/record-writes';
import type { CallContext } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import { wordText } from '../../domain/messages/catalog';
import type { Mailer, PropertyBag, SignupForms, TableStore, Clock } from '../ports';
import { buildRegister, offeredLabels } from '../../domain/signup/register';
import { singleMailAddress } from '../../domain/signup/mail-address';
import { cacheEntries } from '../../domain/signup/signup-cache';
import { MailBudget } from './mail-budget';
import { loadCache } from './signup-state';
import { pushChoices, readSheetsForSignup } from './sync';
import { sendPending } from './take-answer';

// Cancels a registration (sidebar; the caller holds the lock and is an active coordinator).
// A confirmed place that frees goes to the first waitlisted person of that session (oldest
// 申込日時, then sheet order), who is mailed; then the form is re-synced so the session comes
// back when a place is still free.
export interface CancelResult { readonly registration_id: string; readonly promoted: string | null; readonly choices: string[] }

export function cancelRegistrationUseCase(
  ports: { store: TableStore; props: PropertyBag; clock: Clock; mailer: Mailer; forms: SignupForms | null },
  ctx: Pick<CallContext, 'email' | 'now' | 'lang'>,
  registrationId: string,
): CancelResult {
  const sheets = readSheetsForSignup(ports.store);
  const lang = sheets.settings.language;
  const i = sheets.registrations.findIndex((r) => r.registration_id === registrationId);
  const reg = sheets.registrations[i];
  if (!reg) throw new ApiError('not_found', { what: wordText(ctx.lang).things.registration, id: registrationId });
  if (reg.status === 'cancelled') throw new ApiError('registration_cancelled', { id: registrationId });
  const { index } = locateColumns(REGISTRATIONS_TAB, sheets.registrationsTab, sheets.registrationsHeader);
  // Only the cells a cancellation or a promotion changes (the status): no other cell of the row.
  const write = (k: number, r: Registration): void => {
    const before = sheets.registrations[k];
    if (before) updateRecord(ports.store, REGISTRATIONS_TAB, { tab: sheets.registrationsTab, index, row: sheets.registrationRows[k] ?? 0 }, before, r, lang);
    sheets.registrations[k] = r;
  };
  const wasConfirmed = reg.status === 'confirmed';
  write(i, { ...reg, status: 'cancelled' });
  let promoted: Registration | null = null;
  const event = sheets.events.find((e) => e.event_id === reg.event_id);
  if (wasConfirmed && event) {
    const confirmed = sheets.registrations.filter((r) => r.event_id === event.event_id && r.status === 'confirmed').length;
    if (event.capacity === null || confirmed < event.capacity) {
      const waiting = sheets.registrations
        .map((r, k) => ({ r, k }))
        .filter(({ r }) => r.event_id === event.event_id && r.status === 'waitlisted')
        .sort((a, b) => (a.r.registered_at ?? '').localeCompare(b.r.registered_at ?? '') || a.k - b.k)[0];
      if (waiting) {
        promoted = { ...waiting.r, status: 'confirmed' };
        write(waiting.k, promoted);
      }
    }
  }
  writeAudit(ports.store, ctx.lang, { at: ctx.now, user: ctx.email, action: 'registration_cancel', sheet: sheets.registrationsTab, recordId: registrationId, detail: `event=${reg.event_id ?? ''}${promoted ? ` promoted=${promoted.registration_id}` : ''}` });
  if (promoted) writeAudit(ports.store, ctx.lang, { at: ctx.now, user: ctx.email, action: 'registration_promote', sheet: sheets.registrationsTab, recordId: promoted.registration_id, detail: `event=${reg.event_id ?? ''}` });
  // The form offers the session again when a place stays free (from the register as written now).
  const cache = loadCache(ports.props, ports.store, ports.clock);
  const register = buildRegister({ today: ctx.now.slice(0, 10), language: lang, events: sheets.events, registrations: sheets.registrations });
  const pushed = pushChoices(ports.forms, cache, register);
  if (pushed.cache.sessionItemId !== cache.sessionItemId) ports.props.setAll(cacheEntries(pushed.cache));
  const to = promoted ? singleMailAddress(promoted.email) : null;
  if (promoted && event && to !== null && new MailBudget(ports.mailer, cache.mailReserve).take()) {
    // Sent inside the lock (a cancellation promotes one person at most), after the rows are flushed.
    ports.store.flush();
    sendPending(ports.mailer, { language: lang, centerName: sheets.settings.centerName }, {
      kind: 'promoted', to, registration: promoted,
      session: { kind: event.kind, title: event.title, date: event.date, start_time: event.start_time, venue: event.venue },
    });
  }
  const choices = offeredLabels(register);
  return { registration_id: registrationId, promoted: promoted?.registration_id ?? null, choices };
}
