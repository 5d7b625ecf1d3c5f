import { addDays, civilDateIn } from '../../domain/civil-date';
import { renderSignupMail } from '../../domain/signup/signup-mail';
import type { Clock, KeyValueStore, Mailer, PropertyBag, SignupForms, TableStore } from '../ports';
import { readSheetsForSignup, syncSignup } from './sync';

// Daily trigger: mails each confirmed registrant with an address the day before their session,
// once (a second run the same day sends nothing: the sent registration IDs are remembered),
// then re-syncs the form so hand edits of イベント and 申込 reach it within a day.
export interface ReminderResult { readonly date: string; readonly sent: number; readonly skippedNoMail: number; readonly quotaLeft: boolean }

export const REMINDED_KEY = 'ikigai.reminders.sent';

export function sendEventRemindersUseCase(ports: { store: TableStore; props: PropertyBag; kv: KeyValueStore; clock: Clock; mailer: Mailer; forms: SignupForms | null }): ReminderResult {
  const sheets = readSheetsForSignup(ports.store);
  const { settings } = sheets;
  const tomorrow = addDays(civilDateIn(ports.clock.now(), settings.timeZone), 1);
  const sent = new Set((ports.kv.get(REMINDED_KEY) ?? '').split(',').filter((s) => s !== ''));
  const events = new Map(sheets.events.filter((e) => e.date === tomorrow && e.status !== 'cancelled').map((e) => [e.event_id, e]));
  let count = 0;
  let noMail = 0;
  let quota = ports.mailer.remainingQuota();
  for (const r of sheets.registrations) {
    const e = r.event_id ? events.get(r.event_id) : undefined;
    if (!e || r.status !== 'confirmed' || sent.has(r.registration_id)) continue;
    if (!r.email.includes('@')) { noMail += 1; continue; }
    if (quota <= 0) break;
    const m = renderSignupMail({ kind: 'reminder', language: settings.language, centerName: settings.centerName, personName: r.name, registrationId: r.registration_id, session: e });
    ports.mailer.send({ to: [r.email.trim()], subject: m.subject, text: m.text, html: m.html, ...(settings.centerName ? { senderName: settings.centerName } : {}) });
    sent.add(r.registration_id);
    quota -= 1;
    count += 1;
  }
  // Only tomorrow's IDs need remembering; older ones would only grow the property.
  const keep = [...sent].filter((id) => sheets.registrations.some((r) => r.registration_id === id && r.event_id !== null && events.has(r.event_id)));
  ports.kv.set(REMINDED_KEY, keep.join(','));
  syncSignup({ store: ports.store, props: ports.props, clock: ports.clock, forms: ports.forms }, sheets);
  return { date: tomorrow, sent: count, skippedNoMail: noMail, quotaLeft: quota > 0 };
}
