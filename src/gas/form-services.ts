import type { Clock, Lock, Mailer, MailMessage, TriggerSpec } from '../app/ports';

// The small Google services the form features use: the script lock, MailApp, the clock, and the
// spreadsheet's on-form-submit trigger (installed idempotently: an existing one is kept).
export function scriptLock(): Lock {
  const lock = LockService.getScriptLock();
  return { tryLock: (ms) => lock.tryLock(ms), release: () => lock.releaseLock() };
}

export const systemClock: Clock = { now: () => new Date() };

export function mailApp(): Mailer {
  return {
    remainingQuota: () => MailApp.getRemainingDailyQuota(),
    send: (m: MailMessage) => {
      MailApp.sendEmail({
        to: m.to.join(','), subject: m.subject, body: m.text, htmlBody: m.html,
        ...(m.senderName ? { name: m.senderName } : {}), ...(m.replyTo ? { replyTo: m.replyTo } : {}),
      });
    },
  };
}

/** Installs `handler` as the spreadsheet's form-submit trigger unless it already is one. */
export function ensureFormSubmitTrigger(handler: string, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const exists = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === handler);
  if (exists) return false;
  ScriptApp.newTrigger(handler).forSpreadsheet(spreadsheet).onFormSubmit().create();
  return true;
}

/** Installs `spec` as a daily clock trigger unless one with that handler exists. */
export function ensureDailyTrigger(spec: TriggerSpec): boolean {
  const exists = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === spec.handler);
  if (exists) return false;
  ScriptApp.newTrigger(spec.handler).timeBased().everyDays(1).atHour(spec.hour ?? 6).create();
  return true;
}
