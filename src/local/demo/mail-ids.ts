import { createHash } from 'node:crypto';
import type { MailMessage } from '../../app/ports';

// The demo writes the same mail files on every run, Message-ID and MIME boundary included, so two
// runs can be compared byte for byte. Each ID is a hash of when the mail was sent, to whom and
// about what, plus its place in the run (two mails alike in all three still differ).
export function deterministicMailIds(): { next: (message: MailMessage, at: Date) => string } {
  let sent = 0;
  return {
    next: (message, at) => {
      sent += 1;
      return createHash('sha256').update(`${at.toISOString()}\n${message.to.join(',')}\n${message.subject}\n${sent}`).digest('hex').slice(0, 16);
    },
  };
}
