import type { Clock, Lock, MailMessage, Mailer, PropertyBag, SignupForms } from '../../../src/app/ports';
import type { SignupFormSpec } from '../../../src/domain/signup/form-spec';

// Memory twins of the ports the sign-up uses, for app-level tests.
export class MemoryProps implements PropertyBag {
  readonly map = new Map<string, string>();
  getAll(): Record<string, string> { return Object.fromEntries(this.map); }
  setAll(entries: Readonly<Record<string, string>>): void { for (const [k, v] of Object.entries(entries)) this.map.set(k, v); }
  delete(keys: readonly string[]): void { for (const k of keys) this.map.delete(k); }
}

export class MemoryForms implements SignupForms {
  spec: SignupFormSpec | null = null;
  choices: string[] = [];
  accepting = true;
  closedMessage = '';
  updates = 0;
  create(spec: SignupFormSpec): { formId: string; sessionItemId: string; publishedUrl: string } {
    this.spec = spec;
    this.choices = [...(spec.questions.find((q) => q.key === 'session')?.choices ?? [])];
    return { formId: 'FORM1', sessionItemId: 'ITEM1', publishedUrl: 'https://docs.google.com/forms/d/e/FORM1/viewform' };
  }
  setSessions(_formId: string, _itemId: string, choices: readonly string[], closedMessage: string): string {
    this.updates += 1;
    if (choices.length > 0) this.choices = [...choices];
    this.accepting = choices.length > 0;
    this.closedMessage = closedMessage;
    return 'ITEM1';
  }
}

export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  remainingQuota(): number { return 100; }
  send(m: MailMessage): void { this.sent.push(m); }
}

export const freeLock: Lock = { tryLock: () => true, release: () => undefined };

export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso) };
}
