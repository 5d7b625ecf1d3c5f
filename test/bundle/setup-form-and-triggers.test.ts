import type { FormAppOptions } from '../fakes/form-app';
import { loadBundle, type LoadedBundle } from './harness';
import { clockEvent } from './trigger-events';

// 初期設定 through dist/Code.js, on the two things a center cannot see from the spreadsheet:
// (1) whether the public can answer the sign-up form — a form a script creates after Google's
// Forms change starts unpublished, so setup publishes it where Google allows and says so, or says
// what the manager must click; (2) whose the triggers are — Apps Script triggers belong to the
// person who installed them and getProjectTriggers lists only the caller's, so a second manager
// would install a second set. Setup records the installer, refuses another account while that
// owner is an active manager (naming them), and lets a manager take over once the owner is not.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KANRI = 'kanri@kashiwa-silver.example';
const JIMU = 'jimu@kashiwa-silver.example';
// The desk cache's edit and change triggers too (src/entry/cache-triggers.ts).
const HANDLERS = ['onDeskChange', 'onDeskEdit', 'onSignupFormSubmit', 'onWorkReportSubmit', 'sendEventReminders', 'tallyAllSurveys', 'weeklySummaryTrigger'];

function world(forms: FormAppOptions = {}, session = true): { bundle: LoadedBundle; ss: GSpreadsheet } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now: '2015-03-20T01:00:00Z', activeUserEmail: KANRI, forms });
  const ss = bundle.fakes!.spreadsheet;
  ss.insertSheet('設定').getRange(1, 1, 3, 2).setValues([['項目', '値'], ['センター名', '柏市シルバー人材センター'], ['言語', 'ja']]);
  ss.insertSheet('コーディネータ').getRange(1, 1, 3, 4).setValues([
    ['メール', '氏名', '役割', '有効'], [KANRI, '管理 太郎', '管理者', true], [JIMU, '事務 花子', '管理者', true],
  ]);
  // One open session, so the form has a choice and takes answers.
  const events = [['イベントID', '種別', '名称', '開催日', '開始時刻', '会場', '定員', '状態'],
    ['E001', '入会説明会', '', '2015-04-10', "'10:00", '柏市センター会議室', 25, '受付中']];
  if (session) ss.insertSheet('イベント').getRange(1, 1, 2, 8).setValues(events);
  bundle.log.reset();
  return { bundle, ss };
}

const setup = (bundle: LoadedBundle): string => (JSON.parse(JSON.stringify(bundle.call('runSetup'))) as { message: string }).message;
const form = (bundle: LoadedBundle) => [...bundle.fakes!.forms.forms.values()][0]!;
const handlersOf = (bundle: LoadedBundle, user: string): string[] => bundle.fakes!.triggers.installedBy(user).map((t) => t.handler).sort();

describe('初期設定 and the sign-up form', () => {
  it('publishes the new form (Forms made it unpublished), so it takes answers, and says so with its address', () => {
    const { bundle } = world();
    const message = setup(bundle);
    expect(form(bundle)).toMatchObject({ published: true, accepting: true, requireLogin: false });
    expect(message).toContain(`申込フォームを公開しました: https://docs.google.com/forms/d/e/${form(bundle).id}/viewform`);
    expect(message).not.toContain('締め切って');
    // Run again: already published, nothing published again.
    bundle.log.reset();
    expect(setup(bundle)).toContain('申込フォームは公開済みです');
    expect(bundle.log.count('Form.setPublished')).toBe(0);
  });

  it('publishes a form with no session to offer yet, and says it stays closed until one opens', () => {
    const { bundle } = world({}, false);
    const message = setup(bundle);
    expect(form(bundle)).toMatchObject({ published: true, accepting: false });
    expect(message).toContain('申込フォームを公開しました');
    expect(message).toContain('受付中で空きのある回がないため、いまは回答を締め切っています');
  });

  it('publishes again a form someone unpublished, when setup runs', () => {
    const { bundle } = world();
    setup(bundle);
    const id = form(bundle).id;
    // Unpublish through the fake's own API, as a person in the Forms editor would.
    const f = (bundle.context as unknown as { FormApp: { openById(id: string): { setPublished(v: boolean): void } } }).FormApp.openById(id);
    f.setPublished(false);
    expect(form(bundle).published).toBe(false);
    expect(setup(bundle)).toContain('申込フォームを公開しました');
    expect(form(bundle)).toMatchObject({ published: true, accepting: true });
  });

  it('leaves a legacy form (no publishing model) as it is and says it takes answers', () => {
    const { bundle } = world({ publishing: 'legacy' });
    expect(setup(bundle)).toContain('申込フォームは公開されています（公開の設定がない以前の形式のフォームです）');
    expect(form(bundle)).toMatchObject({ published: null, accepting: true });
  });

  it('turns off a Workspace domain\'s sign-in where allowed, and says to check the responders', () => {
    const { bundle } = world({ signIn: 'domain' });
    const message = setup(bundle);
    expect(form(bundle).requireLogin).toBe(false);
    expect(message).toContain('回答に必要だった Google へのログインを不要にしました。');
    expect(message).toContain('リンクを知っているすべてのユーザー');
  });

  it('says what the manager must click when the domain keeps the sign-in', () => {
    const { bundle } = world({ signIn: 'domain_locked' });
    const message = setup(bundle);
    expect(form(bundle).requireLogin).toBe(true);
    expect(message).toContain(`フォームの編集画面（https://docs.google.com/forms/d/${form(bundle).id}/edit）の［設定］→［回答］`);
  });
});

describe('初期設定 and whose the triggers are', () => {
  it('records the manager who installed them and says so', () => {
    const { bundle } = world();
    expect(setup(bundle)).toContain(`トリガーは ${KANRI} のアカウントで動きます（2015-03-20 10:00 に設定）。`);
    expect(handlersOf(bundle, KANRI)).toEqual(HANDLERS);
  });

  it('refuses a second set from another manager\'s account, naming whose they are', () => {
    const { bundle } = world();
    setup(bundle);
    bundle.fakes!.actAs(JIMU);
    bundle.log.reset();
    const message = setup(bundle);
    expect(handlersOf(bundle, JIMU)).toEqual([]);
    expect(bundle.fakes!.triggers.installed()).toHaveLength(HANDLERS.length);
    expect(bundle.log.count('ScriptApp.newTrigger')).toBe(0);
    expect(message).toContain(`トリガーは ${KANRI} が 2015-03-20 10:00 に設定済みのため、このアカウントでは設定しませんでした`);
    expect(message).toContain(`${KANRI} で初期設定を実行してください`);
    // The menu's 申込フォームを作成 obeys the same rule.
    bundle.call('createSignupForm');
    expect(handlersOf(bundle, JIMU)).toEqual([]);
  });

  it('lets a manager take the set over once the owner is no longer an active manager', () => {
    const { bundle, ss } = world();
    setup(bundle);
    ss.getSheetByName('コーディネータ')!.getRange('D2').setValue(false);
    bundle.fakes!.actAs(JIMU);
    bundle.setNow('2015-04-01T00:30:00Z');
    const message = setup(bundle);
    expect(handlersOf(bundle, JIMU)).toEqual(HANDLERS);
    expect(message).toContain(`これまでのトリガーの持ち主 ${KANRI} は有効な管理者ではないため、このアカウントで設定し直しました。`);
    expect(message).toContain(`トリガーは ${JIMU} のアカウントで動きます（2015-04-01 09:30 に設定）。`);
    // The old owner's triggers still exist under their account (nobody else can delete them),
    // and still fire: they no longer do the desk's work, so nothing is sent twice.
    const uidOf = (user: string): string => bundle.fakes!.triggers.installedBy(user).find((t) => t.handler === 'weeklySummaryTrigger')!.uniqueId;
    bundle.fakes!.actAs(KANRI);
    expect(bundle.call('weeklySummaryTrigger', clockEvent(uidOf(KANRI)))).toMatchObject({ ok: false, code: 'not_a_trigger' });
    bundle.fakes!.actAs(JIMU);
    expect(bundle.call('weeklySummaryTrigger', clockEvent(uidOf(JIMU)))).not.toMatchObject({ ok: false });
    // And now the first manager, back or not, is the other account.
    ss.getSheetByName('コーディネータ')!.getRange('D2').setValue(true);
    bundle.fakes!.actAs(KANRI);
    expect(setup(bundle)).toContain(`トリガーは ${JIMU} が 2015-04-01 09:30 に設定済みのため`);
  });

  it('ends the weekly mail with a note when the owner of the triggers is no longer an active manager (no address in it)', () => {
    const { bundle, ss } = world();
    setup(bundle);
    const weeklyUid = bundle.fakes!.triggers.installedBy(KANRI).find((t) => t.handler === 'weeklySummaryTrigger')!.uniqueId;
    const note = 'このメールを送るトリガーの持ち主は、もう有効な管理者ではありません。管理者の方が「生きがい就労 → 初期設定」を実行してください';
    // While the owner is an active manager: no note.
    bundle.setNow('2015-03-23T00:00:00Z');
    expect(bundle.call('weeklySummaryTrigger', clockEvent(weeklyUid, new Date('2015-03-23T00:00:00Z')))).toMatchObject({ status: 'sent' });
    expect(bundle.fakes!.mail.sent[0]?.body).not.toContain(note);
    // The owner leaves the managers: their trigger still runs (it is theirs) and the mail says so.
    ss.getSheetByName('コーディネータ')!.getRange('D2').setValue(false);
    bundle.setNow('2015-03-30T00:00:00Z');
    expect(bundle.call('weeklySummaryTrigger', clockEvent(weeklyUid, new Date('2015-03-30T00:00:00Z')))).toMatchObject({ status: 'sent' });
    const mail = bundle.fakes!.mail.sent[1]!;
    expect(mail.body).toContain(note);
    expect(mail.htmlBody).toContain('このメールを送るトリガーの持ち主は');
    expect(mail.to).toBe(JIMU);
    expect(`${mail.body}${mail.htmlBody}`).not.toContain(KANRI);
  });

  it('adopts a set installed before owners were recorded', () => {
    const { bundle } = world();
    setup(bundle);
    // An older desk: triggers, no record.
    const props = (bundle.context as unknown as { PropertiesService: GoogleAppsScript.Properties.PropertiesService }).PropertiesService;
    props.getDocumentProperties().deleteProperty('ikigai.triggers.owner');
    expect(setup(bundle)).toContain(`トリガーは ${KANRI} のアカウントで動きます`);
    expect(props.getDocumentProperties().getProperty('ikigai.triggers.owner')).toContain(KANRI);
  });
});
