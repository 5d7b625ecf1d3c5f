import { loadBundle, type LoadedBundle } from './harness';
import { fyBoundaryTables } from '../app/weekly/fixture';
import { clockEvent, installTrigger } from './trigger-events';

// The weekly mail's survey section (src/domain/mail/weekly-survey-section.ts) through dist/Code.js
// and the fakes: each survey open in the week — answers on or before its last day and on or after
// its first — with its rate against 対象数 at the week's end and its answers of the week; a survey
// answered only long before is left out. Only the time column of a response tab is read.
// The week: Monday 2016-03-28 .. Sunday 2016-04-03 (the trigger fires Monday 04-04 08:00 Tokyo).
function world(): { bundle: LoadedBundle; weekly: string } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: '2016-04-03T23:00:00Z', activeUserEmail: 'boss@center.example' });
  const ss = bundle.fakes!.spreadsheet;
  const tab = (name: string, rows: unknown[][]): void => {
    const width = Math.max(...rows.map((r) => r.length));
    ss.insertSheet(name).getRange(1, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => {
      const c = r[i] ?? '';
      return typeof c === 'object' && c !== null ? (c as { date: string }).date : c;
    })));
  };
  for (const t of fyBoundaryTables()) tab(t.name, [t.header, ...t.rows]);
  // 会員アンケート: 03-20 before the week, 03-29 and 04-02 in it, 04-04 after it → 3 by the week's
  // end of 10 asked = 30.0%, 2 this week. 講座の感想: answered in February only → not open.
  tab('フォームの回答 1', [['タイムスタンプ', '年代', 'ご意見'], ['2016/03/20 10:00:00', '70代', '山田 花子 090-1234-5678'],
    ['2016/03/29 10:00:00', '60代', 'とても良かった'], ['2016/04/02 15:00:00', '70代', ''], ['2016/04/04 07:00:00', '70代', 'hanako@example.jp']]);
  tab('フォームの回答 2', [['タイムスタンプ', '満足度'], ['2016/02/10 10:00:00', 4]]);
  tab('アンケート', [['シート', '名称', '対象数', '集計軸'], ['フォームの回答 1', '会員アンケート', 10, ''], ['フォームの回答 2', '講座の感想', '', '']]);
  return { bundle, weekly: installTrigger(bundle, 'weeklySummaryTrigger') };
}

describe('the weekly mail\'s survey section', () => {
  it('shows each survey open in the week with its rate and the week\'s answers, counts only', () => {
    const { bundle, weekly } = world();
    const run = bundle.log.measure(() => bundle.call('weeklySummaryTrigger', clockEvent(weekly)) as { status: string });
    expect(run.result.status).toBe('sent');
    const mail = bundle.fakes!.mail.sent[0]!;
    expect(mail.body).toContain('■ アンケート\n  会員アンケート: 回答率 30.0%・今週の回答 2件（累計 3件）');
    expect(mail.htmlBody).toContain('会員アンケート');
    expect(mail.body).not.toContain('講座の感想');
    for (const words of ['山田', '090-1234-5678', 'とても良かった', 'hanako@example.jp', '70代']) {
      expect(mail.body).not.toContain(words);
      expect(mail.htmlBody).not.toContain(words);
    }
    // アンケート (1), then of each response tab its header and its time column (2 each), on
    // top of the weekly's own reads (below: the same desk without アンケート).
    const without = world();
    without.bundle.fakes!.spreadsheet.deleteSheet(without.bundle.fakes!.spreadsheet.getSheetByName('アンケート')!);
    without.bundle.log.reset();
    const base = without.bundle.log.measure(() => without.bundle.call('weeklySummaryTrigger', clockEvent(without.weekly)));
    expect(run.calls.byMethod['Range.getValues']).toBe((base.calls.byMethod['Range.getValues'] ?? 0) + 1 + 2 * 2);
    expect(without.bundle.fakes!.mail.sent[0]!.body).not.toContain('■ アンケート');
  });
});
