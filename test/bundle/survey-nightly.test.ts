import { writeFileSync } from 'node:fs';
import vm from 'node:vm';
import { loadBundle, type LoadedBundle } from './harness';
import { clockEvent, triggerUidOf } from './trigger-events';

// The nightly survey run through dist/Code.js and the fakes (forms.md "The nightly survey run"):
// 初期設定 installs its trigger once; a night with new answers sends one survey mail per survey to
// the active coordinators and managers (not viewers, not the inactive), a night without sends
// none and writes nothing, a second firing the same night sends nothing, a busy lock sends
// nothing and says so, a short quota sends nothing and the next night catches up. The answers
// carry names, phone numbers, e-mail addresses and free text; the mails carry none of them.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
const KANRI = 'kanri@kashiwa-silver.example';
const JC = 'jc1@kashiwa-silver.example';
const VIEWER = 'etsuran@kashiwa-silver.example';
const GONE = 'old@kashiwa-silver.example';

// What the public wrote that must never reach a mail: names, phones, addresses, free text.
const PLANTED = ['山田 花子', '山田', '090-1234-5678', '0471002000', '04-7100-2000', 'hanako.yamada@example.jp', 'taro@example.com',
  'とても良かった', '連絡ください', '送迎をもう少し早く', '鈴木 一郎', '鈴木'];

interface World { bundle: LoadedBundle; ss: GSpreadsheet; responses: GSheet; second: GSheet }

function makeForm(bundle: LoadedBundle, title: string): string {
  return vm.runInContext(`(() => {
    const f = FormApp.create(${JSON.stringify(title)});
    f.addMultipleChoiceItem().setTitle('年代').setChoiceValues(['60代', '70代', '80代以上']).showOtherOption(true);
    f.addCheckboxItem().setTitle('よかった点').setChoiceValues(['内容', '講師', '会場']);
    f.addScaleItem().setTitle('満足度').setBounds(1, 5);
    f.addTextItem().setTitle('お名前（任意）');
    f.addTextItem().setTitle('連絡先（任意）');
    f.addParagraphTextItem().setTitle('ご意見');
    f.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActiveSpreadsheet().getId());
    return f.getId();
  })()`, bundle.context) as string;
}

function world(): World {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: '2026-05-10T20:00:00Z', activeUserEmail: KANRI });
  const ss = bundle.fakes!.spreadsheet;
  const tab = (name: string, rows: unknown[][]): void => {
    const width = Math.max(...rows.map((r) => r.length));
    ss.insertSheet(name).getRange(1, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
  };
  tab('設定', [['項目', '値'], ['センター名', '柏市シルバー人材センター'], ['言語', 'ja']]);
  tab('コーディネータ', [['メール', '氏名', '役割', '有効'], [KANRI, '管理 太郎', '管理者', true], [JC, '相談 次郎', 'コーディネータ', true],
    [VIEWER, '閲覧 三郎', '閲覧', true], [GONE, '元 四郎', 'コーディネータ', false]]);
  makeForm(bundle, '講座アンケート');
  const responses = ss.getSheets().find((s) => s.getFormUrl() !== null)!;
  makeForm(bundle, '会員満足度調査');
  const second = ss.getSheets().filter((s) => s.getFormUrl() !== null).find((s) => s.getName() !== responses.getName())!;
  const answers = [
    ['2026/05/01 10:00:00', '70代', '内容, 講師', 5, '', '', 'とても良かった'],
    ['2026/05/01 10:05:00', '70代', '内容', 4, '山田 花子', '090-1234-5678', '山田 花子 090-1234-5678 に連絡ください'],
    ['2026/05/01 10:09:00', '60代', '会場', 3, '山田 花子', 'hanako.yamada@example.jp', '送迎をもう少し早く'],
    // The "other" box of 年代, used for a phone number; an address in the scale's place.
    ['2026/05/01 10:12:00', '04-7100-2000', '講師', 4, '鈴木 一郎', '0471002000', 'taro@example.com まで'],
  ];
  for (const a of answers) responses.appendRow(a);
  second.appendRow(['2026/05/02 09:00:00', '80代以上', '会場', 2, '鈴木 一郎', 'taro@example.com', '送迎をもう少し早く']);
  tab('アンケート', [['シート', '名称', '対象数', '集計軸', 'フォームID', '選択式の設問'],
    [responses.getName(), '講座アンケート', 10, '年代', '', ''], [second.getName(), '会員満足度調査', 916, '', '', '']]);
  bundle.log.reset();
  return { bundle, ss, responses, second };
}

const json = <T>(v: unknown): T => JSON.parse(JSON.stringify(v)) as T;
interface Night { surveys: number; tallied: boolean; mailed: { sheet: string; recipients: number; sizeBytes: number }[]; quotaShort: string[]; busy?: true }

function night(bundle: LoadedBundle, at: string): Night {
  bundle.setNow(at);
  return json<Night>(bundle.call('tallyAllSurveys', clockEvent(triggerUidOf(bundle, 'tallyAllSurveys'), new Date(at))));
}

function setUp(bundle: LoadedBundle): void {
  bundle.call('runSetup');
  bundle.log.reset();
}

describe('the nightly survey run, through the bundle', () => {
  it('is installed by 初期設定 once: a second run adds no second trigger', () => {
    const { bundle } = world();
    bundle.call('runSetup');
    bundle.call('runSetup');
    const survey = bundle.fakes!.triggers.installed().filter((t) => t.handler === 'tallyAllSurveys');
    expect(survey).toHaveLength(1);
  });

  it('a night with new answers sends one mail per survey to the active coordinators and managers, with no name, phone, address or free text', () => {
    const { bundle, ss } = world();
    setUp(bundle);
    const sent = bundle.fakes!.mail.sent;
    const measured = bundle.log.measure(() => night(bundle, '2026-05-10T20:00:00Z')); // 05:00 on 5/11 in Tokyo
    // eslint-disable-next-line no-console
    console.log(`nightly survey run (2 surveys, both new): ${JSON.stringify(measured.calls)}`);
    expect(measured.result).toMatchObject({ surveys: 2, tallied: true, quotaShort: [] });
    // The budget: 設定, アンケート, each response tab, アンケート集計 and コーディネータ read once each
    // (no read per row or per survey beyond its own tab), one write of アンケート集計's owned
    // columns, the quota asked once for both surveys, the marks read and written once each, a
    // mail per survey. FormApp per survey form (its items: forms.md "Surveys").
    // The same night rebuilds the candidate index under its own lock (matching.md "The candidate
    // index"): 設定 again, 会員's, 仕事's and マッチング's columns (5 getValues here) and _候補索引 read
    // back (setup built it: 1 getValues), nothing written (no member moved since setup made it the
    // same day; a changed index is one setValues) and its flush; its two stamps (the full one and the
    // members hand edits named: index-hand-edits.ts) in one getProperties.
    // Then the 今週 headline's nightly recount (its own lock: 3 getValues, the figures' property read
    // and written, a flush: src/app/weekly, nightlyHeadline), and 継続支援's stored list (its own
    // lock: 2 getValues here, one replace of _継続支援, a flush: src/app/follow-ups; and its hand-edit
    // stamps — the full one, the one the last rebuild saw, the members named — in one
    // getProperties, so that the first listing after the night reads the list alone:
    // follow-ups/follow-hand-edits.ts).
    // Last, the member picker's keys (its own lock: 会員's ID…フリガナ columns and _会員検索 itself
    // compared, 2 getValues; the stamp read twice and set; nothing written when the keys are the
    // same — here setup's empty tab and no member; a flush: src/app/members/member-search-index.ts).
    // And the job picker's keys, the same way (its own lock: 仕事's and 業務提供先's columns and
    // _仕事検索 compared, 2 getValues here; nothing written; a flush: src/app/matching/job-search-index.ts).
    expect(measured.calls.byMethod).toMatchObject({
      'Range.getValues': 6 + 5 + 1 + 3 + 2 + 2 + 2, 'Range.setValues': 1 + 0 + 1, 'MailApp.getRemainingDailyQuota': 1, 'MailApp.sendEmail': 2,
      // setProperties: the headline's, and _継続支援's bound (follow-ups/list-bound.ts: the sheet row
      // the list reaches, so listFollowUps asks no size question), set at the release of the list's
      // lock when it is not what was kept — here none was; a night that finds it the same writes none.
      'Properties.getProperties': 1 + 1 + 1 + 1, 'Properties.setProperties': 1 + 1, 'SpreadsheetApp.flush': 1 + 1 + 1 + 1 + 1 + 1,
    });
    // The index rebuild's round trips: its lock (2), 5 getValues, one setValues, a flush and the rest,
    // and hiding the new _候補索引 (SheetsTableStore hides a tab named with a leading _ it creates);
    // the follow-up list's likewise.
    expect(measured.calls.roundTrips).toBeLessThanOrEqual(18 + 12 + 7 + 11 + 8 + 8);
    expect(sent).toHaveLength(2);
    for (const m of sent) {
      // Staff who act on it: the manager and the active coordinator; not the viewer or the inactive one.
      expect(m.to.split(',').map((s) => s.trim()).sort()).toEqual([JC, KANRI].sort());
      for (const words of PLANTED) {
        expect(m.body).not.toContain(words);
        expect(m.htmlBody ?? '').not.toContain(words);
        expect(m.subject).not.toContain(words);
      }
      expect(m.htmlBody).not.toMatch(/<(script|style|img|svg)\b/i);
    }
    const first = sent.find((m) => m.subject.includes('講座アンケート'))!;
    expect(first.subject).toBe('【柏市シルバー人材センター】アンケート集計 講座アンケート（回答 4件）');
    // 4 answers of 10 asked: 40.0%; 年代 70代 2 (50.0%), 60代 1, the phone in the "other" box counted without its words.
    expect(first.body).toContain('回答率: 40.0%');
    expect(first.body).toContain('70代: 2 (50.0%)');
    expect(first.body).toContain('（その他の回答）: 1 (25.0%)');
    // 満足度 5, 4, 3, 4 → mean 4, median 4; the three text questions: their number of answers only.
    expect(first.body).toContain('平均 4・中央値 4');
    expect(first.body).toContain('自由記述の回答 4件');
    expect(first.body).toContain('自由記述の回答 3件');
    // The cross-tab by 年代 (よかった点 among the 70代: 内容 2, 講師 1).
    expect(first.body).toContain('70代 (2): 内容 2, 講師 1');
    expect(first.htmlBody).toContain('「年代」別');
    expect(first.body).toContain('このアンケートの最初の集計メールです');
    // アンケート集計 written, for both surveys.
    const tally = ss.getSheetByName('アンケート集計')!.getDataRange().getValues();
    expect(tally.filter((r) => r[2] === '回答率').map((r) => [r[0], r[5], r[7]])).toEqual([['講座アンケート', 4, 10], ['会員満足度調査', 1, 916]]);
    if (process.env.SURVEY_MAIL_OUT) writeFileSync(process.env.SURVEY_MAIL_OUT, first.htmlBody ?? '');
    const kb = sent.map((m) => ((Buffer.byteLength(m.htmlBody ?? '') + Buffer.byteLength(m.body)) / 1024).toFixed(1));
    // eslint-disable-next-line no-console
    console.log(`survey mail size (HTML + text), KB: ${kb.join(', ')}`);
    // Gmail clips a message over 102 KB.
    for (const m of sent) expect(Buffer.byteLength(m.htmlBody ?? '') + Buffer.byteLength(m.body)).toBeLessThan(30 * 1024);
  });

  it('sends nothing a second time the same night (a double firing), nor on a night without new answers, and writes nothing then', () => {
    const { bundle } = world();
    setUp(bundle);
    night(bundle, '2026-05-10T20:00:00Z');
    expect(bundle.fakes!.mail.sent).toHaveLength(2);
    expect(night(bundle, '2026-05-10T20:00:30Z').mailed).toEqual([]);
    bundle.log.reset();
    const props = bundle.fakes!.properties.document;
    const marksBefore = Object.entries(props.getProperties()).filter(([k]) => k !== 'ikigai.headline.v1');
    const quiet = bundle.log.measure(() => night(bundle, '2026-05-11T20:00:00Z'));
    // eslint-disable-next-line no-console
    console.log(`nightly survey run (no new answers): ${JSON.stringify(quiet.calls)}`);
    expect(quiet.result).toMatchObject({ tallied: false, mailed: [] });
    // 設定, アンケート and the two response tabs; the trigger check; the marks. Then the candidate
    // index's nightly rebuild (5 getValues, and the tab itself, compared: a new day's stamp, so it is
    // written again — its lock, one setValues, a flush), and the follow-up list's (2 getValues; a
    // new day is its row of counts, so written again too).
    // The member picker's keys: 会員's columns and _会員検索 compared (2 getValues), the same, so
    // nothing written and the stamp only set for the new day; the job picker's keys likewise (2 getValues).
    expect(quiet.calls.byMethod['Range.getValues']).toBe(4 + 6 + 3 + 2 + 2 + 2);
    // The headline's recount: its lock, 3 getValues, its property read and written (one setProperties at the release), a flush;
    // the keys': their lock, 2 getValues, the stamp read twice and set, a flush.
    expect(quiet.calls.roundTrips).toBeLessThanOrEqual(11 + 10 + 8 + 11 + 8 + 8);
    expect(bundle.fakes!.mail.sent).toHaveLength(2);
    // Nothing written by the survey run, no quota asked, no form opened: the tabs read, the marks
    // read. The setValues are the candidate index's tab and the follow-up list, rebuilt every night.
    for (const call of ['Sheet.appendRow', 'MailApp.getRemainingDailyQuota', 'FormApp.openByUrl', 'FormApp.openById']) {
      expect(bundle.log.count(call)).toBe(0);
    }
    // The one setProperties is the headline's recount (set under its lock, written at the release:
    // src/gas/document-properties.ts); the survey marks are as they were.
    expect(bundle.log.count('Properties.setProperties')).toBe(1);
    // The pickers' keys (members and jobs) are stamped with the day they were last rebuilt (a setProperty
    // of their own: the stamp is read back by the rebuild, shared/folded-key-tab.ts), nothing else.
    const stamps = new Set(['ikigai.headline.v1', 'ikigai.memberSearch', 'ikigai.jobSearch']);
    expect(Object.entries(props.getProperties()).filter(([k]) => !stamps.has(k))).toEqual(marksBefore.filter(([k]) => !stamps.has(k)));
    expect(bundle.log.count('Range.setValues')).toBe(2);
  });

  it('mails a survey again the night after it gets a new answer, saying how many are new; the other survey not', () => {
    const { bundle, responses } = world();
    setUp(bundle);
    night(bundle, '2026-05-10T20:00:00Z');
    responses.appendRow(['2026/05/11 12:00:00', '80代以上', '内容', 5, '', '', 'とても良かった']);
    const r = night(bundle, '2026-05-11T20:00:00Z');
    expect(r.mailed.map((m) => m.sheet)).toEqual([responses.getName()]);
    const last = bundle.fakes!.mail.sent[2]!;
    expect(last.subject).toContain('講座アンケート（回答 5件）');
    expect(last.body).toContain('前回の集計メールから 新しい回答 1件');
    expect(last.body).toContain('回答率: 50.0%');
    expect(last.body).not.toContain('とても良かった');
  });

  it('mails at most once a day per survey: answers that come after the night\'s mail wait for the next day', () => {
    const { bundle, responses } = world();
    setUp(bundle);
    night(bundle, '2026-05-10T20:00:00Z'); // 5/11 05:00 Tokyo
    responses.appendRow(['2026/05/11 06:00:00', '70代', '内容', 5, '', '', '']);
    // The same day in Tokyo (a second trigger, or a manager's rerun): tallied, not mailed.
    expect(night(bundle, '2026-05-11T03:00:00Z')).toMatchObject({ tallied: true, mailed: [] });
    expect(night(bundle, '2026-05-11T20:00:00Z').mailed).toHaveLength(1);
  });

  it('a busy lock sends nothing and says so; the next night sends what is due', () => {
    const { bundle } = world();
    setUp(bundle);
    bundle.fakes!.locks.holdElsewhere('script');
    expect(night(bundle, '2026-05-10T20:00:00Z')).toEqual({ busy: true, sent: 0 });
    expect(bundle.fakes!.mail.sent).toHaveLength(0);
    bundle.fakes!.locks.releaseElsewhere('script');
    expect(night(bundle, '2026-05-11T20:00:00Z').mailed).toHaveLength(2);
  });

  it('asks the quota first: short of it, no survey goes (the weekly summary\'s recipients kept), and the next night catches up', () => {
    const { bundle } = world();
    setUp(bundle);
    // 2 recipients a mail, 2 kept for the weekly: 5 covers one survey, not two.
    bundle.fakes!.mail.setQuota(5);
    const short = night(bundle, '2026-05-10T20:00:00Z');
    expect(short.mailed).toHaveLength(1);
    expect(short.quotaShort).toHaveLength(1);
    bundle.fakes!.mail.setQuota(100);
    const next = night(bundle, '2026-05-11T20:00:00Z');
    expect(next.mailed.map((m) => m.sheet)).toEqual(short.quotaShort);
  });

  it('by hand from the menu it only tallies: no mail', () => {
    const { bundle } = world();
    setUp(bundle);
    expect(bundle.call('tallyAllSurveys')).toMatchObject({ surveys: 2 });
    expect(bundle.fakes!.mail.sent).toHaveLength(0);
  });

  it('writes only アンケート集計\'s own columns at night: a center\'s formula column beside them survives, an answer starting with = never becomes a formula', () => {
    const { bundle, ss, responses } = world();
    setUp(bundle);
    night(bundle, '2026-05-10T20:00:00Z');
    const tab = ss.getSheetByName('アンケート集計')!;
    const own = tab.getLastColumn();
    tab.getRange(1, own + 1).setValue('メモ');
    tab.getRange(2, own + 1).setValue('=LEN(A2)');
    // A new answer whose "other" box starts with = (counted without its words) brings the next night.
    responses.appendRow(['2026/05/11 12:00:00', '=HYPERLINK("http://x")', '内容', 5, '', '', '']);
    expect(night(bundle, '2026-05-11T20:00:00Z')).toMatchObject({ tallied: true });
    expect(tab.getRange(2, own + 1).getFormulas()[0]![0]).toBe('=LEN(A2)');
    const cells = tab.getDataRange().getValues().flat().map(String);
    expect(cells.some((c) => c.startsWith('=HYPERLINK'))).toBe(false);
    expect(tab.getRange(1, 1, tab.getLastRow(), own).getFormulas().flat().every((f) => f === '')).toBe(true);
  });
});
