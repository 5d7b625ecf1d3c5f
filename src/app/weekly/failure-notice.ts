import type { Language } from '../../domain/enums';
import type { Period } from '../../domain/weekly/week-period';
import { escapeHtml } from '../../domain/text/escape-html';
import type { Mailer } from '../ports';

// When the weekly run fails, the managers get a short mail saying so: add-on triggers send no
// failure mail of their own, so without it a broken Monday would pass unnoticed. The mail names
// the kind of failure and the week, never data from the sheet beyond tab and column names.
export type WeeklyFailureKind = 'read_failed' | 'workbook_invalid' | 'compute_failed' | 'send_failed' | 'write_failed';

const TEXT: Record<Language, { subject: (center: string) => string; kinds: Record<WeeklyFailureKind, string>; body: (week: string, kind: string) => string; next: string }> = {
  ja: {
    subject: (c) => `【${c}】週次サマリーを作成できませんでした`,
    kinds: {
      read_failed: 'スプレッドシートを読み込めませんでした',
      workbook_invalid: '必要なシートまたは列がありません',
      compute_failed: '集計中にエラーが発生しました',
      send_failed: '週次メールを送信できませんでした',
      write_failed: '週次KPIシートに書き込めませんでした',
    },
    body: (week, kind) => `対象週: ${week}\n内容: ${kind}`,
    next: 'スプレッドシートを開き、メニュー「生きがい就労」から週次サマリーを再送信してください。解決しない場合は実行ログをご確認ください。',
  },
  en: {
    subject: (c) => `[${c}] The weekly summary could not be made`,
    kinds: {
      read_failed: 'the spreadsheet could not be read',
      workbook_invalid: 'a required tab or column is missing',
      compute_failed: 'an error occurred while computing the figures',
      send_failed: 'the weekly mail could not be sent',
      write_failed: 'the WeeklyKPI tab could not be written',
    },
    body: (week, kind) => `Week: ${week}\nWhat happened: ${kind}`,
    next: 'Open the spreadsheet and send the weekly summary again from the add-on menu. If that fails too, see the execution log.',
  },
};

export function sendFailureNotice(input: {
  mailer: Mailer;
  managers: readonly string[];
  centerName: string;
  language: Language;
  week: Period | null;
  kind: WeeklyFailureKind;
  /** Safe detail lines (missing tab or column names), never cell contents. */
  details: readonly string[];
}): boolean {
  const t = TEXT[input.language];
  if (input.managers.length === 0 || input.mailer.remainingQuota() < input.managers.length) return false;
  const center = input.centerName.trim() || (input.language === 'ja' ? 'シルバー人材センター' : 'Center');
  const week = input.week ? `${input.week.from} – ${input.week.to}` : '—';
  const text = [t.body(week, `${t.kinds[input.kind]} (${input.kind})`), ...input.details.map((d) => `- ${d}`), '', t.next].join('\n');
  const html = `<div style="font-family:sans-serif;font-size:14px;line-height:1.6;max-width:600px;">${text.split('\n').map((l) => escapeHtml(l)).join('<br>')}</div>`;
  input.mailer.send({ to: input.managers, subject: t.subject(center), text, html, senderName: center });
  return true;
}
