import type { MailMessage, Mailer } from '../app/ports';

/** Mail through MailApp (sent from the account that runs the script). One call per mail. */
export class MailAppMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(message: MailMessage): void {
    const params: GoogleAppsScript.Mail.MailAdvancedParameters = {
      to: message.to.join(','), subject: message.subject, body: message.text, htmlBody: message.html,
    };
    if (message.senderName !== undefined) params.name = message.senderName;
    if (message.replyTo !== undefined) params.replyTo = message.replyTo;
    MailApp.sendEmail(params);
  }
}
