import { refusedLine, safeMail } from '../app/shared/mail-headers';
import type { MailMessage, Mailer } from '../app/ports';

/** Mail through MailApp (sent from the account that runs the script). One call per mail. The
 *  headers are made safe first (app/mail-headers.ts): no line break reaches the subject or the
 *  sender's name, and a recipient that is not one plain address is left out (logged). */
export class MailAppMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(original: MailMessage): void {
    const { message, refused } = safeMail(original);
    if (refused > 0) console.warn(refusedLine(refused, message !== null));
    if (!message) return;
    const params: GoogleAppsScript.Mail.MailAdvancedParameters = {
      to: message.to.join(','), subject: message.subject, body: message.text, htmlBody: message.html,
    };
    if (message.senderName !== undefined) params.name = message.senderName;
    if (message.replyTo !== undefined) params.replyTo = message.replyTo;
    MailApp.sendEmail(params);
  }
}
