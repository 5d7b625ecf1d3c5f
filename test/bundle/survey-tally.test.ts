import vm from 'node:vm';
import { loadBundle, type LoadedBundle } from './harness';

// アンケートを集計 through dist/Code.js with the fakes: a survey made in Google Forms (created
// through the fake FormApp as a person or script would, linked to the spreadsheet, so Forms adds
// its response tab), answers in that tab, and the tally reading the form's item types through
// FormApp to know which questions are choices. The red team's case is the point: free text with
// a name and a phone number, in a question with few distinct answers, must never reach
// アンケート集計; nor any answer that looks like a phone or an address.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const MANAGER = 'kanri@kashiwa-silver.example';

interface World { bundle: LoadedBundle; ss: GSpreadsheet; formId: string; tab: string }

function world(surveyRow: (formId: string, tab: string) => unknown[], surveyHeader = ['シート', '名称', '対象数', '集計軸', 'フォームID', '選択式の設問']): World {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: '2026-05-10T01:00:00Z', activeUserEmail: MANAGER });
  const ss = bundle.fakes!.spreadsheet;
  const tab = (name: string, rows: unknown[][]): void => {
    const width = Math.max(...rows.map((r) => r.length));
    ss.insertSheet(name).getRange(1, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
  };
  tab('設定', [['項目', '値'], ['センター名', '柏市シルバー人材センター'], ['言語', 'ja']]);
  tab('コーディネータ', [['メール', '氏名', '役割', '有効'], [MANAGER, '管理', '管理者', true]]);
  // The survey, made in Forms: a single choice with an "other" box, a checkbox, a 1–5 scale, a
  // short text and a paragraph.
  const formId = vm.runInContext(`(() => {
    const f = FormApp.create('講座アンケート');
    f.addMultipleChoiceItem().setTitle('年代').setChoiceValues(['60代', '70代', '80代以上']).showOtherOption(true);
    f.addCheckboxItem().setTitle('よかった点').setChoiceValues(['内容', '講師', '会場']);
    f.addScaleItem().setTitle('満足度').setBounds(1, 5);
    f.addTextItem().setTitle('お名前（任意）');
    f.addParagraphTextItem().setTitle('ご意見');
    f.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActiveSpreadsheet().getId());
    return f.getId();
  })()`, bundle.context) as string;
  const responses = ss.getSheets().find((s) => s.getFormUrl() !== null)!;
  const answers = [
    ['2026/05/01 10:00:00', '70代', '内容, 講師', 5, '', 'とても良かった'],
    ['2026/05/01 10:05:00', '70代', '内容', 4, '山田 花子', '山田 花子 090-1234-5678 に連絡ください'],
    ['2026/05/01 10:09:00', '60代', '会場', 3, '山田 花子', '山田 花子 090-1234-5678 に連絡ください'],
    // The "other" box of 年代, used for a phone number.
    ['2026/05/01 10:12:00', '090-9876-5432', '講師', 4, '', 'とても良かった'],
  ];
  for (const a of answers) responses.appendRow(a);
  tab('アンケート', [surveyHeader, surveyRow(formId, responses.getName())]);
  bundle.log.reset();
  return { bundle, ss, formId, tab: responses.getName() };
}

function tallyCells(ss: GSpreadsheet): string {
  return ss.getSheetByName('アンケート集計')!.getDataRange().getValues().flat().map(String).join('|');
}

describe('アンケートを集計 with a Google Form', () => {
  it('reads the form\'s item types: choices, ticked boxes and the scale are counted, text questions only counted, no name or phone copied', () => {
    const { bundle, ss } = world((_id, tab) => [tab, '講座アンケート', 10, '年代', '', '']);
    const result = bundle.call('tallyAllSurveys') as { surveys: number; problems: string[] };
    expect(result).toMatchObject({ surveys: 1, problems: [] });
    const rows = ss.getSheetByName('アンケート集計')!.getDataRange().getValues();
    const of = (q: string): unknown[][] => rows.filter((r) => r[1] === q);
    // 年代: 70代 rows 1, 2 = 2; 60代 row 3 = 1; the other box (a phone) = 1, without its words.
    expect(of('年代').filter((r) => r[3] === '').map((r) => [r[2], r[6], r[7]])).toEqual([
      ['単一選択', '', ''], ['単一選択', '70代', 2], ['単一選択', '60代', 1], ['単一選択', '（その他の回答）', 1],
    ]);
    // よかった点: 内容 rows 1, 2; 講師 rows 1, 4; 会場 row 3.
    expect(of('よかった点').filter((r) => r[3] === '' && r[6] !== '').map((r) => [r[6], r[7]])).toEqual([['内容', 2], ['講師', 2], ['会場', 1]]);
    // 満足度: 5, 4, 3, 4 → mean 4, median 4.
    expect(of('満足度')[0]?.slice(9)).toEqual([4, 4]);
    // The two text questions: one row each, the count of answers, nothing else.
    expect(of('お名前（任意）').map((r) => [r[2], r[5], r[6]])).toEqual([['自由記述', 2, '']]);
    expect(of('ご意見').map((r) => [r[2], r[5], r[6]])).toEqual([['自由記述', 4, '']]);
    const all = tallyCells(ss);
    for (const words of ['山田', '090', '連絡', 'とても良かった']) expect(all).not.toContain(words);
  });

  it('uses the row\'s フォームID when it names the form', () => {
    const { bundle, ss } = world((id, tab) => [tab, '講座アンケート', '', '', id, '']);
    bundle.call('tallyAllSurveys');
    expect(tallyCells(ss)).toContain('70代');
    expect(bundle.log.count('FormApp.openById')).toBe(1);
  });

  it('warns and copies nothing of a survey whose form cannot be opened, unless the row names choice questions', () => {
    const { bundle, ss } = world((_id, tab) => [tab, '講座アンケート', '', '', '1NoSuchForm000000000000000', 'よかった点']);
    const result = bundle.call('tallyAllSurveys') as { problems: string[] };
    expect(result.problems.join()).toContain('フォームを開けません');
    const all = tallyCells(ss);
    expect(all).not.toContain('70代');
    expect(all).toContain('内容');
    expect(all).not.toContain('山田');
  });
});

describe('アンケートを集計 without a form', () => {
  it('counts every question of a pasted tab as free text, unless アンケート names it (the red team\'s case: few distinct answers, a name and a phone)', () => {
    const { bundle, ss } = world(() => ['貼り付け', '紙のアンケート', '', '', '', '']);
    ss.insertSheet('貼り付け').getRange(1, 1, 5, 3).setValues([
      ['タイムスタンプ', '参加の感想', 'ご連絡先'],
      ['2026/05/01', 'よかった', '山田 花子 090-1234-5678'], ['2026/05/01', 'よかった', '山田 花子 090-1234-5678'],
      ['2026/05/02', 'ふつう', 'なし'], ['2026/05/02', 'ふつう', 'なし'],
    ]);
    bundle.call('tallyAllSurveys');
    let all = tallyCells(ss);
    expect(all).not.toContain('山田');
    expect(all).not.toContain('よかった');
    // Named in 選択式の設問: 参加の感想 copied; ご連絡先 named too, but its phone answers stay out.
    ss.getSheetByName('アンケート')!.getRange('F2').setValue('参加の感想\nご連絡先');
    bundle.call('tallyAllSurveys');
    all = tallyCells(ss);
    expect(all).toContain('よかった');
    expect(all).toContain('なし');
    expect(all).not.toContain('山田');
    expect(all).not.toContain('090');
  });
});
