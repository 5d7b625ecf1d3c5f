import type { Mailer } from '../ports';

// The day's mail quota as the sign-up feature may spend it: MailApp.getRemainingDailyQuota()
// (asked once per run, then counted down here) less the reserve kept for the weekly summary
// (signup-state.ts mailReserveOf). A sign-up mail goes out only when one more still leaves the
// reserve whole; each mail has exactly one recipient, so it costs exactly one.
export class MailBudget {
  private left: number | null = null;

  constructor(private readonly mailer: Mailer, private readonly reserve: number) {}

  /** Takes one mail from the budget; false when that would eat into the reserve. */
  take(): boolean {
    this.left ??= this.mailer.remainingQuota();
    if (this.left - 1 < this.reserve) return false;
    this.left -= 1;
    return true;
  }

  /** How many mails may still go (asks the quota the first time). */
  available(): number {
    this.left ??= this.mailer.remainingQuota();
    return Math.max(0, this.left - this.reserve);
  }
}
