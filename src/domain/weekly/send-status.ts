import { codeOf, type Enumeration } from '../enums';

// What happened to a week's mail, as the 週次KPI row records it (状態 / status column).
// `sent` is what stops a second mail for the same week; the others say why none went out.
export const SEND_STATUS: Enumeration<'sent' | 'quota_short' | 'no_recipients' | 'send_failed'> = {
  name: 'send_status',
  codes: ['sent', 'quota_short', 'no_recipients', 'send_failed'],
  ja: { sent: '送信済', quota_short: '送信枠不足', no_recipients: '送信先なし', send_failed: '送信失敗' },
};

export type SendStatus = (typeof SEND_STATUS.codes)[number];

export function sendStatusOf(text: string): SendStatus | null {
  return codeOf(SEND_STATUS, text);
}
