import { WEEKDAYS_JA } from '../slots';
import type { MessageTable, ProblemTexts, SessionCounts, TabNames } from './texts';

// The Japanese catalog: every sentence and label the add-in shows a person, by the part of the
// add-in that shows it. Japanese is the default language and this file defines the keys: en.ts
// is typed against it (a missing or extra key is a type error) and a test walks both, key by key.
// Each part is its own export, so a bundle keeps only the parts it reads (the sidebar's page
// carries no menu or refusal texts, the server none of the sidebar's): read them through
// catalog.ts. Mail bodies (domain/mail, domain/signup/signup-mail.ts), the sign-up form's
// questions and the command line's usage texts keep their own tables beside their code.

/** Data problems: a cell or tab that does not keep workbook.md's contract. */
export const problems: ProblemTexts = {
  // The reader's own reason (p.detail) is JavaScript's wording: shown only with DEBUG=ikigai.
  not_a_workbook: () => `ワークブック（.xlsx）として読めません。Excel で開けるか確かめて、.xlsx 形式で保存し直してください`,
  file_not_found: (p) => `ファイルがありません（${p.path}）`,
  missing_tab: (p) => `シート「${p.tab}」がありません（英語名 ${p.en} も可）`,
  missing_header: (p) => `列「${p.header}」がありません（英語名 ${p.en} も可）`,
  duplicate_header: (p) => `列「${p.header}」が2回あります`,
  required: (p) => `「${p.header}」は必須です`,
  bad_date: (p) => `「${p.value}」は日付として読めません（例: 2015-04-01）`,
  bad_timestamp: (p) => `「${p.value}」は日時として読めません（例: 2015-04-01 09:30）`,
  bad_time: (p) => `「${p.value}」は時刻として読めません（例: 13:30）`,
  bad_number: (p) => `「${p.value}」は数値として読めません`,
  bad_integer: (p) => `「${p.value}」は整数として読めません`,
  out_of_range: (p) => `「${p.value}」は範囲外です（${p.min}〜${p.max}）`,
  bad_boolean: (p) => `「${p.value}」は はい/いいえ として読めません（TRUE/FALSE、はい/いいえ、1/0）`,
  bad_enum: (p) => `「${p.value}」は「${p.header}」に使えません（使える値: ${p.allowed}）`,
  bad_slot: (p) => `「${p.value}」は就業枠として読めません（例: 月AM、火PM）`,
  duplicate_id: (p) => `ID「${p.id}」が重複しています（${p.other} と同じ）`,
  missing_reference: (p) => `${p.header}「${p.id}」は「${p.target}」にありません`,
  placed_without_date: () => `状態が成立・終了のときは成立日が必要です`,
  ended_before_placed: (p) => `終了日 ${p.ended} が成立日 ${p.placed} より前です`,
  left_before_joined: (p) => `退会日 ${p.left} が入会日 ${p.joined} より前です`,
  bad_setting: (p) => `設定「${p.key}」の値「${p.value}」が正しくありません（${p.expected}）`,
  error_value: (p) => `エラー値 ${p.value} が入っています（式を直すか、値を入れてください）`,
  not_finite: (p) => `「${p.value}」は値として使えません（数の計算に失敗した結果です）`,
  duplicate_tab: (p) => `シート「${p.tab}」と「${p.other}」が両方あります。どちらか一方にしてください（今は「${p.tab}」を読んでいます）`,
  unpriced_work: (p) => `仕事「${p.job}」に単価がないため、就業実績の ${p.rows} 行（最初は ${p.first}）が 0 円になります（単価を入れるか、行に金額を入れてください）`,
  unknown_skill: (p) => `（警告）技能「${p.skill}」は「${p.vocabulary}」シートにありません（技能か同義語に加えると、マッチングで同じ技能として比べられます）`,
  survey_form_unreadable: (p) => `アンケート「${p.tab}」のフォームを開けません（削除されたか、共有されていません）。選択式の設問が分からないため、選択式の設問 の列に挙げた設問のほかは件数だけを集計しました`,
  unknown_question: (p) => `選択式の設問「${p.question}」はシート「${p.tab}」の設問にありません`,
};

/** The spreadsheet's 生きがい就労 menu (onOpen), caption by the function it runs. */
export const menu = {
  title: '生きがい就労',
  items: {
    showSidebar: 'サイドバーを開く', runSetup: '初期設定', sendWeeklySummaryNow: '週次サマリーを今すぐ送信',
    syncSignupForm: '申込フォームを更新', recheckSignups: '申込を再確認', tallyAllSurveys: 'アンケートを集計',
    recheckWorkReports: '就業報告を再確認', closeLastMonth: '月次締め（先月）', reopenLastClose: '月次締めを再開（最後に締めた月）', writeAnnualStats: '年度統計を書き出す（前年度）',
    printClosedStatements: '配分金明細を印刷（締めた月）', rebuildCandidateIndex: '候補索引を作り直す',
  },
  /** 候補索引を作り直す's toast: how many members the index now holds. */
  indexRebuilt: (members: number) => `候補索引を作り直しました（会員 ${members} 人）。`,
};

/** What more than one menu run says. */
export const common = {
  /** Another run holds the script lock: this one changed nothing. */
  anotherRun: '別の処理が実行中です。しばらくしてからもう一度お試しください',
};

/** 初期設定's toast, alert and the dialog's answer. */
export const setup = {
  done: (tabs: number, tabsWithColumns: number, triggers: number) => `初期設定: シート ${tabs} 枚を作成、列を追加したシート ${tabsWithColumns} 枚、トリガー ${triggers} 件を設定しました。`,
  unchanged: 'すでに設定済みです。何も変更していません。',
  /** The menu run's alert: what was set up stays. */
  failed: '初期設定を完了できませんでした。もう一度お試しください（設定済みの内容は消えていません）。',
  /** The dialog's answer (shown under its button). */
  failedInDialog: '初期設定を完了できませんでした。もう一度お試しください。',
};

/** The first-run dialog of 初期設定 (src/setup-dialog/dialog-html.ts). */
export const dialog = {
  title: '生きがい就労デスク 初期設定', center: 'センター名', language: '言語', day: '週次メールの曜日', hour: '週次メールの時刻',
  run: '設定して始める', running: '設定しています…', done: '完了しました', required: 'センター名を入れてください',
  /** Whole day names, Monday first: a lone 水 is easy to misread in a list of seven. */
  days: ['月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日', '日曜日'],
};

/** The weekly summary's menu toasts: the trigger installed, and what a send did. `week` is the
 *  week's range and a colon (`2015/04/06〜04/12: `), or '' when the run never got to a week. */
export const weekly = {
  /** `weekday` 0 = Monday. */
  installed: (weekday: number, hour: number, zone: string) => `週次サマリーを毎週${WEEKDAYS_JA[weekday] ?? ''}曜 ${hour}時（${zone}）に送るよう設定しました`,
  sent: (week: string, recipients: number) => `${week}週次サマリーを ${recipients} 件の宛先に送信しました`,
  alreadySent: (week: string) => `${week}送信済みです`,
  quotaShort: (week: string, quota: number, needed: number) => `${week}本日のメール送信枠が足りないため送信しませんでした（残り ${quota}、必要 ${needed}）`,
  noRecipients: (week: string) => `${week}送信先がありません。設定「週次メール送信先」かコーディネータの「有効」を確認してください`,
  failed: (week: string, failure: string) => `${week}送信できませんでした（${failure}）。管理者に通知しました`,
  error: '送信できませんでした。実行ログを確認してください',
};

/** `ikigai weekly`'s lines on the command line: what it wrote, where the mail went, what the send
 *  did. `week` is `2015-04-06..2015-04-12`. */
export const weeklyCommand = {
  wrote: (tab: string, file: string) => `${tab} を書き込みました: ${file}`,
  unchanged: (tab: string) => `${tab} は変更なし（ファイルは書き換えていません）`,
  mailSaved: (path: string) => `メールを保存しました: ${path}`,
  sent: (week: string, recipients: number) => `${week}: ${recipients} 件の宛先に送信`,
  alreadySent: (week: string) => `${week}: この週のメールは送信済みのため送りません（再送は --resend）`,
  quotaShort: (week: string, quota: number, needed: number) => `${week}: 送信枠が足りないため送りません（残り ${quota}、必要 ${needed}）`,
  noRecipients: (week: string) => `${week}: 送信先がありません（設定「週次メール送信先」または有効なコーディネータ）`,
  failed: (week: string, failure: string) => `${week}: 失敗しました: ${failure}`,
  problems: (n: number) => `データの問題が ${n} 件あります（その行は集計に入っていません）`,
};

/** Why a call was not done, by code (the sidebar's ApiErrorCode and the refusals of
 *  shared/guarded-call.ts): each says what to do next; the detail goes to the log only. */
export const errors = {
  not_signed_in: () => 'Googleアカウントのメールアドレスが取得できません。スプレッドシートと同じアカウントでログインし直してください。',
  unknown_user: (p) => `${p.email} は「コーディネータ」シートに登録されていません。管理者に登録を依頼してください。`,
  inactive_user: (p) => `${p.email} は「コーディネータ」シートで有効になっていません。管理者に確認してください。`,
  read_only: () => '閲覧の役割では記録できません（見ることはできます）。記録が必要なら管理者に役割の変更を依頼してください。',
  not_manager: () => 'この操作は「コーディネータ」シートで役割が「管理者」になっている方だけが行えます。管理者に依頼してください。',
  not_a_trigger: () => 'この関数はインストール済みのトリガーからだけ実行されます。何も変更していません。',
  not_signup_form: () => 'この回答は申込フォームの回答シートのものではないため、取り込みませんでした。',
  not_work_report_form: () => 'この回答は就業報告フォームの回答シートのものではないため、取り込みませんでした。',
  busy: () => 'ほかの人が保存中です。数秒待ってからもう一度押してください。',
  bad_input: (p) => `入力を確認してください: ${p.detail}`,
  not_found: (p) => `${p.what}「${p.id}」が見つかりません。シートを確認してください。`,
  bad_transition: (p) => `状態「${p.from}」から「${p.to}」には変更できません。`,
  duplicate_match: (p) => `会員 ${p.member} はこの仕事にすでに提案されています（${p.match}）。`,
  bad_workbook: (p) => `シートに問題があり読み込めません: ${p.detail}`,
  internal: () => '予期しないエラーが起きました。もう一度試しても直らない場合は管理者に連絡してください。',
  already_member: (p) => `申込 ${p.id} の方はすでに会員 ${p.member} として登録されています。`,
  not_attended: (p) => `申込 ${p.id} の方は出席になっていません。先に「出席」にチェックを入れてください。`,
  registration_cancelled: (p) => `申込 ${p.id} は取消済みです。参加される場合は新しく申し込んでください。`,
  slots_full: (p) => `仕事 ${p.job} の ${p.slots} はすでに必要人数に達しているため、成立にできません。ほかの枠の候補を選ぶか、必要人数を見直してください。`,
  job_full: (p) => `仕事 ${p.job} はすでに必要人数（${p.headcount}名）に達しているため、成立にできません。`,
  no_shared_slot: (p) => `会員 ${p.member} の就業可能枠は仕事 ${p.job} の勤務枠（${p.slots}）と重なりません。就業可能枠を確かめてください。`,
  job_closed: (p) => `仕事 ${p.job} は「終了」です。続ける場合は先に再開してください。`,
  empty_activity: () => '記録する内容がありません。会員・提供先・仕事・所要時間・結果かメモのどれか一つは入れてください。',
  not_yours: (p) => `${p.what}「${p.id}」はほかの担当者の記録です。直せるのは記録した本人か管理者だけです。`,
  activity_withdrawn: (p) => `活動 ${p.id} は取消済みです。必要なら新しく記録してください。`,
  activity_too_old: (p) => `活動 ${p.id} は最近の ${p.rows} 件の中にないため、サイドバーからは直せません。シートで直接直してください。`,
  undo_not_today: (p) => `マッチング ${p.match} の成立日は ${p.placed_on} です。成立の取り消しは成立した当日だけできます。終わった就業は「終了」にしてください。`,
  leave_before_join: (p) => `退会日 ${p.date} が入会日 ${p.joined_on} より前です。日付を確かめてください。`,
  birth_after_join: (p) => `生年月日 ${p.birth_date} が入会日 ${p.joined_on} より後です。日付を確かめてください。`,
  no_change: () => '変更する項目がありません。',
  member_left: (p) => `会員 ${p.member} は ${p.date} に退会しているため、成立にできません。`,
  month_closed: (p) => `${p.months} は月次締め済みのため記録・変更できません。必要なら管理者が月次締めを再開してください。`,
  not_placed: (p) => `会員 ${p.member} は ${p.dates} に仕事 ${p.job} で成立していません。マッチングの成立日・終了日を確かめてください。`,
  work_exists: (p) => `会員 ${p.member} の仕事 ${p.job} の ${p.dates} はすでに記録されています。直す場合はシート「就業実績」で直してください。`,
} satisfies MessageTable;

/** The survey mail (src/domain/mail/survey-*.ts): a survey's tally as the nightly run mails it to
 *  coordinators and managers, and the weekly mail's short survey section. Figures come in as
 *  text, already formatted. */
export const surveyMail = {
  defaultCenter: 'シルバー人材センター',
  title: 'アンケート集計',
  subject: (center: string, survey: string, responses: string) => `【${center}】アンケート集計 ${survey}（回答 ${responses}件）`,
  asOf: (day: string) => `${day} 時点`,
  intro: (survey: string) => `アンケート「${survey}」に新しい回答がありました。集計は次のとおりです（アンケート集計 シートと同じ数字です）。`,
  responseRate: '回答率',
  responses: (n: string) => `回答 ${n}件`,
  ofTarget: (n: string, target: string) => `${n} / 対象 ${target}人`,
  noTarget: (n: string) => `回答 ${n}件（アンケート シートの 対象数 が空のため回答率は出していません）`,
  newSince: (n: string) => `前回の集計メールから 新しい回答 ${n}件`,
  firstMail: 'このアンケートの最初の集計メールです',
  kinds: { choice: '単一選択', multi: '複数選択（割合は回答者に対して）', scale: '数値', text: '自由記述' },
  answers: (n: string) => `回答 ${n}件`,
  /** Between a question's kind and its count. */
  separator: '・',
  meanMedian: (mean: string, median: string) => `平均 ${mean}・中央値 ${median}`,
  freeText: (n: string) => `自由記述の回答 ${n}件（内容はメールに載せません。シートで読んでください）`,
  crossTab: (by: string) => `「${by}」別`,
  group: '回答者',
  noQuestions: '集計する設問がありません。',
  footer: 'このメールは 生きがい就労デスク が、新しい回答のあったアンケートについて毎晩（1日に1通まで）送ります。氏名・電話・メールアドレス・自由記述の内容は載せません。',
  weeklySection: 'アンケート',
  weeklyLine: (rate: string, week: string, total: string) => `${rate}・今週の回答 ${week}件（累計 ${total}件）`,
  weeklyRate: (rate: string) => `回答率 ${rate}`,
  weeklyNoTarget: '回答率 —',
};

/** Words that go into those sentences. */
export const words = {
  /** What was not found (errors.not_found's `what`). */
  things: { job: '仕事', member: '会員', client: '提供先', match: 'マッチング', registration: '申込', event: 'イベント', activity: '活動', work: '就業実績' },
  /** A match that is not open yet (errors.bad_transition's `from`). */
  noStatus: 'なし',
  /** errors.bad_workbook's detail when a tab the call needs is missing. */
  missingTab: (tab: TabNames) => `シート「${tab.ja}」がありません`,
  /** errors.bad_workbook's detail when a column the call writes is missing (初期設定 adds it). */
  missingColumn: (tab: string, header: string) => `シート「${tab}」に列「${header}」がありません（初期設定をもう一度実行すると追加されます）`,
  /** One full slot in errors.slots_full: 月AM（2/2名）. */
  fullSlot: (slot: string, filled: number, headcount: number) => `${slot}（${filled}/${headcount}名）`,
  /** Items of a list inside a sentence. */
  list: (items: readonly string[]) => items.join('、'),
  /** Why a field of a call was refused (errors.bad_input's detail: `field (why)`), by kind. */
  inputIssues: {
    type: '形式が違います', too_big: '大きすぎるか長すぎます', too_small: '小さすぎるか短すぎます',
    value: '選べる値ではありません', format: '書き方が違います', keys: '知らない項目です', other: '読み取れません',
  },
  /** Why a member is on the 継続支援 worklist (listFollowUps), by reason. */
  followUp: {
    placed_1w: (job: string, placedOn: string) => `就業1週間（${job}、${placedOn} 成立）`,
    placed_1m: (job: string, placedOn: string) => `就業1か月（${job}、${placedOn} 成立）`,
    placed_3m: (job: string, placedOn: string) => `就業3か月（${job}、${placedOn} 成立）`,
    /** `years`: the wait in whole years from a year on (kpi/wait-span.ts), else null; `fromJoining`:
     *  counted from the join day (no placement ended since). */
    waiting: (since: string, days: number, years: number | null, fromJoining: boolean) => (years === null ? `仕事を待って ${days}日（${since} から）`
      : fromJoining ? `入会から${years}年以上（${since} 入会）` : `仕事を待って ${years}年以上（${since} から）`),
    no_contact: (last: string | null, days: number, years: number | null) => {
      const span = years === null ? ` ${days}日` : `${years}年以上`;
      return last ? `最後の連絡から${span}（${last}）` : `連絡の記録なし（入会から${span}）`;
    },
  },
};

/** Every word the sidebar shows (src/sidebar). Enumeration labels come from the domain's tables
 *  (src/sidebar/i18n.ts label), so the sidebar says exactly what the sheet says. */
export const sidebar = {
  title: '生きがい就労',
  loading: '読み込み中…',
  unreachable: 'サーバーにつながりませんでした。通信を確認して、もう一度お試しください。',
  readOnly: '閲覧の役割のため、記録はできません。',
  problems: (n: number) => `シートの問題 ${n}件（ikigai check で確認できます）`,
  /** An aside after a name: full-width brackets in Japanese, a space and ASCII ones in English. */
  paren: (text: string) => `（${text}）`,
  /** Items of a short list, joined as the language writes them (、 or a comma). */
  list: (items: readonly string[]) => items.join('、'),
  tabs: { activity: '活動記録', develop: '開拓', matching: 'マッチング', week: '今週', events: 'イベント', followUps: '継続支援', work: '就業実績', members: '会員' },
  /** The pickers' hints, one per kind of record, and the list of members who share a name. */
  pick: {
    member: 'ID・氏名・フリガナで検索', client: 'IDか名称で検索', job: 'IDか仕事名で検索',
    sameName: (n: number) => `同じ名前の会員が ${n}人います。選んでください:`,
    age: (n: number) => `${n}歳`,
    detail: (parts: readonly string[]) => parts.join('・'),
  },
  activity: {
    date: '日付', area: '分野', kind: '種別', none: '（なし）', member: '会員', client: '提供先', job: '仕事',
    minutes: '所要時間（分）', outcome: '結果', notes: 'メモ', save: '保存する',
    saving: '保存中…', saved: (id: string) => `保存しました（${id}）`, recent: '最近の記録', noRecent: 'まだ記録はありません。',
    notFound: (what: string, text: string) => `${what}「${text}」が見つかりません。候補から選んでください。`,
    minutesShort: (n: number) => `${n}分`,
    areaKind: (area: string, kind: string) => (kind ? `${area}・${kind}` : area),
    /** Checked before the call: the server's rule (errors.empty_activity), said for the form. */
    empty: '記録する内容がありません。会員・提供先・仕事を選ぶか、所要時間（1分以上）・結果・メモのどれかを入れてください。',
    /** Corrections and withdrawals (取消) of one's own recent entries. */
    correct: '訂正', correctOf: (id: string) => `訂正（${id}）`, correcting: (id: string) => `${id} を訂正しています`,
    saveCorrection: '訂正を保存', stopCorrecting: '訂正をやめる', corrected: (id: string) => `${id} を訂正しました`,
    unchanged: '変更された項目がありません。',
    withdraw: '取消', withdrawOf: (id: string) => `取消（${id}）`, confirmWithdraw: '取消を確定', confirmWithdrawOf: (id: string) => `取消を確定（${id}）`,
    keep: 'やめる', withdrawQuestion: 'この記録を取り消しますか？ シートには「取消」として残り、集計には入りません。',
    withdrawn: (id: string) => `${id} を取り消しました`, withdrawnBadge: '取消',
  },
  matching: {
    job: '仕事を選ぶ', show: '候補を表示', searching: '候補を探しています…',
    showAll: '充足・終了も表示', loadingJobs: '仕事を読み込んでいます…',
    /** The job picker of a large center: a search box above the list (listJobs with a query). */
    findJob: '仕事を探す', findJobHint: 'ID・仕事名・提供先名で検索（2文字以上）',
    jobListCut: '仕事が多いため一覧にしません。「仕事を探す」に入力してください',
    jobsFound: (n: number, more: boolean) => (n === 0 ? '該当する仕事がありません' : more ? `上位 ${n}件を表示（さらに入力して絞り込めます）` : `${n}件`),
    /** One job of the picker: six jobs called 夜間巡回 are told apart by client, slots and places left. */
    jobOption: (id: string, title: string, client: string, slots: string, left: number, status: string) =>
      `${id} ${title}・${client || '提供先なし'}・${slots}・${status === '' ? '' : `${status}・`}あと${left}名`,
    client: '提供先', state: '状態', slotsLine: (slots: string, headcount: number) => `${slots}（各${headcount}名）`,
    placesLeft: (n: number) => `あと ${n}名`, noSlots: '勤務枠なし',
    close: '終了', reopen: '再開', jobChanged: (id: string, status: string) => `仕事 ${id} を「${status}」にしました`,
    candidates: (shown: number, qualified: number) => (qualified === 0 ? '候補 0人' : `上位 ${shown}人 / ${qualified}人（適合度の高い順）`),
    age: (n: number) => `${n}歳`, phone: '電話', recentWork: (days: number) => `最近90日の就業 ${days}日`,
    none: '条件に合う会員がいません。', score: '適合度', status: '状態',
    /** The buttons, by MatchAction. */
    actions: { propose: '提案', interview: '面接', place: '成立', decline: '辞退', reject: '不成立', end: '終了', undo_place: '取り消す' },
    /** 成立 is asked once more in the card itself (not window.confirm, which Sheets' sidebar blocks). */
    confirmPlace: (who: string) => `${who} さんを成立にしますか？`, confirm: '成立にする', keep: 'やめる',
    done: (member: string, status: string) => `${member} を「${status}」にしました`, mosaic: 'モザイク編成（誰がどの枠を担当するか）',
    slot: '枠', team: '担当', backup: '控え', uncovered: '未充足', covered: '担当', allCovered: 'すべての枠を担当できます。',
    noTeam: '編成できる会員がいません。',
    proposeTeam: 'この編成で提案', proposing: '提案しています…',
    teamProposed: (ids: string) => `提案しました: ${ids}`, teamSkipped: '提案しなかった会員',
    teamStale: 'この編成は変更前のものです（候補の状態が変わりました）。提案する前に編成を更新してください。', refreshTeam: '編成を更新',
    recorded: 'この仕事のマッチング', excluded: '対象外の会員', pickJob: '仕事を選んでください。',
  },
  develop: {
    newClient: '新しい提供先', name: '名称', sector: '業種', district: '地区', contact: '担当者', phone: '電話',
    saveClient: '提供先を登録', clientSaved: (id: string, name: string) => `${name} を提供先 ${id} として登録しました`,
    newJob: '新しい仕事', client: '提供先', title: '仕事名', category: '職種', engagement: '契約形態',
    slots: '勤務枠', slotsHint: '必要な曜日と午前・午後にチェック', headcount: '必要人数（各枠）', social: '社会貢献の仕事', startOn: '開始日',
    requiredSkills: '必要技能', otherSkill: 'ほかの技能', otherHint: '複数あるときは「、」で区切ります',
    jobDistrict: '地区', jobDistrictHint: '空欄なら提供先の地区になります', pay: '報酬', payHint: '例: 時給1100円',
    saveJob: '仕事を登録', jobSaved: (id: string, title: string) => `${title} を仕事 ${id} として登録しました（マッチングで選べます）`,
    required: (what: string) => `${what}を入力してください。`,
  },
  week: {
    period: (from: string, to: string) => `今週 ${from}〜${to}`, previous: (from: string, to: string) => `先週 ${from}〜${to} との比較`, refresh: '更新',
    thisWeek: '今週', lastWeek: '先週比',
    /** The headline figures, by HeadlineKey. */
    figures: {
      members_enrolled: '会員数', new_members: '新規入会者数', placed_members: '就労者数（成立）', working_members: '就業中（成立）',
      jobs_developed: '新規開拓件数', activities: '活動件数', activity_minutes: '活動時間（分）', open_jobs: '募集中の仕事',
      follow_ups_due: '要フォロー', waiting_members: '待機会員',
    },
    /** The way to the 継続支援 panel, named as the panel (its count is not the 要フォロー KPI's). */
    openFollowUps: '継続支援を開く（今日連絡する人の一覧）',
    followUpsNote: '要フォロー（週次の指標）は、成立から14〜60日たち、その後に継続支援の記録がない就業の数です。継続支援の一覧（成立1週・1か月・3か月、仕事を待っている会員、連絡が途絶えている会員）とは数え方が違います。',
    change: (d: number) => (d > 0 ? `▲${d}` : d < 0 ? `▼${-d}` : '±0'),
    /** The mark of a figure counted at the last recount (the stored figures), and what it means:
     *  `time` HH:MM today, or the day and time when the figures are not today's. */
    asOfMark: '※',
    asOfNote: (time: string, today: boolean) => (today
      ? `※ は ${time} 時点の集計です（その後の記録は夜間の集計で反映されます）。`
      : `すべて ${time} 時点の集計です（夜間の集計がまだ動いていません。その後の記録は反映されていません）。`),
  },
  /** The 会員 panel: register a member at the window, open one and edit, 退会. */
  members: {
    find: '会員を開く', open: '開く', newMember: '新しい会員', opening: '読み込み中…',
    newTitle: '新しい会員の登録', editTitle: (id: string, name: string) => `${id} ${name}`,
    left: (date: string, reason: string) => `${date} 退会${reason ? `（${reason}）` : ''}`,
    joinRoute: '入会経路', joinedOn: '入会日', name: '氏名', kana: 'フリガナ', kanaHint: 'ひらがなでも入力できます',
    gender: '性別', birthDate: '生年月日', district: '地区', phone: '電話', email: 'メール',
    skills: '技能', categories: '希望職種', otherSkill: 'ほかの技能', otherCategory: 'ほかの職種', otherHint: '複数あるときは「、」で区切ります',
    availability: '就業可能枠', availabilityHint: '働ける曜日と午前・午後にチェック', maxDays: '週上限日数', motivations: '生きがい志向',
    consent: '個人情報の利用に同意あり',
    consentHint: '同意がないと、この会員は仕事の候補に出ません（マッチングの対象外）。',
    notes: 'メモ', none: '（選ぶ）',
    register: '会員を登録', save: '変更を保存', saving: '保存中…',
    created: (id: string, name: string) => `${name} さんを会員 ${id} として登録しました`,
    saved: (id: string, fields: readonly string[]) => `${id} を保存しました（${fields.join('、')}）`,
    noChange: '変更はありません。',
    opened: (id: string, name: string) => `${id} ${name} を開きました`,
    completeProfile: (id: string) => `会員 ${id} を開きました。技能・就業可能枠・地区・生年月日を入力して保存してください。`,
    notFound: (text: string) => `会員「${text}」が見つかりません。候補から選んでください。`,
    required: (what: string) => `${what}を入力してください。`,
    badEmail: 'メールアドレスの形ではありません（例: taro@example.jp）。',
    badDate: '日付を入力してください（例: 2025-04-01）。',
    birthAfterJoin: '生年月日が入会日より後になっています。',
    maxDaysRange: '週上限日数は 1〜7 の整数で入力してください。',
    leaveTitle: '退会', leaveDate: '退会日', leaveReason: '退会理由', leave: '退会の手続きへ',
    leaveWillEnd: (items: readonly string[]) => `退会日に次の就業・マッチングを終了します: ${items.join('、')}`,
    leaveNothing: 'この会員に進行中の就業・マッチングはありません。',
    leaveMatch: (match: string, job: string, status: string) => `${match}（仕事 ${job}・${status}）`,
    leaveConfirm: '退会を確定', leaveKeep: 'やめる', leaving: '退会の処理中…',
    leaveDone: (id: string, date: string) => `${id} を ${date} 付で退会にしました。`,
    leaveEnded: (items: readonly string[]) => `終了した就業: ${items.join('、')}`,
    leaveDeclined: (items: readonly string[]) => `辞退にしたマッチング: ${items.join('、')}`,
    leaveReopened: (jobs: readonly string[]) => `募集中に戻った仕事: ${jobs.join('、')}`,
    alreadyLeft: (date: string) => `${date} に退会済みです。日付か理由を直す場合はもう一度手続きしてください。`,
    /** The fields by their contract name, for "saved (…)" and the messages next to a field. */
    fields: {
      name: '氏名', kana: 'フリガナ', gender: '性別', birth_date: '生年月日', joined_on: '入会日', join_route: '入会経路', district: '地区',
      phone: '電話', email: 'メール', skills: '技能', preferred_categories: '希望職種', availability: '就業可能枠',
      max_days_per_week: '週上限日数', motivations: '生きがい志向', consent: '個人情報同意', notes: 'メモ',
    },
  },
  /** The イベント panel: at the door of an orientation or a seminar. */
  events: {
    session: '回を選ぶ',
    noSessions: '最近と今後のイベントはありません。',
    today: '本日',
    counts: (s: SessionCounts) => `確定 ${s.confirmed}${s.capacity !== null ? ` / 定員 ${s.capacity}` : ''}・待ち ${s.waitlisted}・出席 ${s.attended}`,
    people: (n: number) => `申込 ${n}人`,
    nobody: 'この回の申込はまだありません。',
    attended: '出席',
    join: '入会',
    joining: '登録中…',
    joined: (who: string, member: string) => `${who} さんを会員 ${member} として登録しました`,
    member: (id: string) => `会員 ${id}`,
    openMember: (id: string) => `会員 ${id} を開く`,
    cancel: '取消',
    confirmCancel: '取消を確定',
    keep: 'やめる',
    cancelled: (id: string, promoted: string | null) => `${id} を取り消しました${promoted ? `。キャンセル待ちの ${promoted} が確定になりました` : ''}`,
    checkedIn: (who: string, on: boolean) => (on ? `${who} さん 出席` : `${who} さんの出席を取り消しました`),
    saving: '保存中…',
    cancelledSession: '（中止）',
    phoneTitle: '電話・当日の受付',
    name: '氏名', phone: '電話', email: 'メール',
    consent: '個人情報の利用に同意をいただいた',
    walkIn: '当日参加（出席にする）',
    take: '受け付ける',
    taken: (outcome: string, id: string | null) => `${id ?? ''} ${({ confirmed: '確定しました', waitlisted: 'キャンセル待ちになりました', needs_review: '要確認として受け付けました', duplicate_person: 'この方はすでに申込済みです', skipped_duplicate: 'すでに受付済みです' } as Record<string, string>)[outcome] ?? outcome}`.trim(),
  },
  /** 継続支援: who to call today, each logged as a follow-up in one click. */
  followUps: {
    intro: (today: string) => `${today} に連絡する人`,
    loading: '読み込み中…', refresh: '更新',
    /** Group headings, by FollowUpReason. */
    groups: { placed_1w: '成立から1週間', placed_1m: '成立から1か月', placed_3m: '成立から3か月', waiting: '仕事を待っている会員', no_contact: '連絡が途絶えている会員' },
    count: (shown: number, total: number) => (total > shown ? `${total}人（うち${shown}人を表示）` : `${shown}人`),
    nobody: '今日連絡が必要な人はいません。',
    lastContact: (date: string) => `最後の連絡 ${date}`,
    noPhone: '電話番号の登録なし',
    call: (who: string) => `${who} さんに電話`,
    addNote: '結果・メモを添える',
    outcome: '結果', notes: 'メモ',
    done: 'フォロー済み', doneOf: (who: string) => `フォロー済み（${who}）`,
    saving: '保存中…',
    logged: (who: string, id: string) => `${who} さんのフォローを記録しました（${id}）。一覧から外しました`,
    allDone: 'このグループは全員済みです。',
    /** The stored list was rebuilt before today: a milestone reached since is not in it yet. */
    stale: (builtOn: string) => `この一覧は ${builtOn} に作り直したものです（毎晩作り直します）。今日の分は「作り直す」で。`,
    capped: (cap: number) => `人数が多いため、グループごとに上位${cap}人まで保存しています（人数は作り直した時点）。`,
    rebuild: '作り直す', rebuilding: '作り直し中…', rebuilt: '一覧を作り直しました。',
  },
  /** The 就業実績 panel: a member's work for a day or a month at once, and the client's 確認. */
  work: {
    member: '会員', month: '月', show: '表示', job: '仕事（成立中）', noPlacement: 'この月に成立している仕事がありません。',
    days: '日ごとの時間', hoursOf: (day: string) => `${day} の時間`, weekdays: ['日', '月', '火', '水', '木', '金', '土'],
    day: (date: string, weekday: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}（${weekday}）`,
    recorded: (hours: number) => `記録済み ${hours}時間`,
    save: 'まとめて保存', saving: '保存中…', nothing: '時間を入れた日がありません。',
    saved: (n: number) => `${n}日分を保存しました`,
    closed: (month: string) => `${month} は月次締め済みです（記録・確認はできません）。`,
    rows: (month: string) => `${month} の就業実績`, noRows: 'この月の記録はまだありません。',
    hours: (h: number) => `${h}時間`, amount: (yen: number) => `${yen.toLocaleString('ja-JP')}円`,
    confirm: (date: string) => `確認（${date}）`, confirmAll: 'すべて確認', confirmed: (n: number) => `${n}件を確認にしました`, unconfirmed: (n: number) => `${n}件の確認を外しました`,
    overDays: (month: string, days: number, cap: number) => `注意: ${month} の就業日数 ${days}日は月上限 ${cap}日を超えています`,
    overHours: (monday: string, hours: number, cap: number) => `注意: ${monday} からの週 ${hours}時間は週上限 ${cap}時間を超えています`,
    pickMember: '会員を選んでください。',
  },
};

/** The 年度統計 tab (src/app/work/write-annual-stats.ts): its 区分 and 項目 cells, as a federation's
 *  yearly form names them; engagements and sectors use their enumeration labels. */
export const stats = {
  sections: {
    members: '会員数（年度末現在）', workers: '就業実人員', person_days_engagement: '就業延人員（契約形態別）',
    person_days_sector: '就業延人員（業種別）', contract_amount: '契約金額（円）', employment_rate: '就業率（%）',
  },
  ageBands: {
    under_60: '60歳未満', '60_64': '60〜64歳', '65_69': '65〜69歳', '70_74': '70〜74歳', '75_79': '75〜79歳',
    '80_84': '80〜84歳', '85_plus': '85歳以上', unknown: '年齢不明',
  },
  total: '計',
  sectorUnknown: '業種不明',
  allocation: '請負・委任（配分金＋事務費）',
  dispatch: '派遣（賃金）',
  written: (year: number, tab: string, lines: number, changed: number) => `${year}年度の年度統計をシート「${tab}」に書きました（${lines} 行、変わったセル ${changed}）`,
  unchanged: (year: number, tab: string) => `${year}年度の年度統計はシート「${tab}」の内容と同じです（書き換えていません）`,
};

/** The monthly close (menu 月次締め, 締めを再開 and `ikigai pay`): what a close, a reopening or a
 *  refusal says. `where` is the tab (menu) or the file (command line) it was recorded in. */
export const workClose = {
  closed: (month: string, where: string) => `${month} を締めました（月次締めに記録: ${where}）`,
  closedSummary: (members: number, amount: string, billed: string, wages: string) => `配分金 ${members} 人 ${amount} 円、請求 ${billed} 円、派遣賃金 ${wages} 円`,
  unchanged: (month: string) => `${month} は締め済みで、金額に変わりはありません（何も書き換えていません）`,
  reclosed: (month: string, where: string) => `${month} は締め済みでしたが、行が変わっていたため締め直しました（${where}）`,
  preview: (month: string) => `${month} は締めていません（--preview）`,
  reopened: (month: string, where: string) => `${month} を再開しました（${where}）。就業実績の行をまた受け付けます`,
  notClosed: (month: string) => `${month} は締められていません`,
  noneClosed: '締めた月がありません。再開するものはありません',
  problems: (count: number, first: string) => `データに問題が ${count} 件あるため締めませんでした（最初: ${first}）。直してからもう一度締めてください`,
  statsProblems: (count: number, first: string) => `データに問題が ${count} 件あるため年度統計を書きませんでした（最初: ${first}）`,
  busy: 'ほかの処理がファイルを使用中です',
  wrote: (n: number, dir: string) => `${n} 件の明細を書きました: ${dir}`,
  unclosed: (months: string) => `締めていない月があります（就業実績から計算しました）: ${months}`,
  printTitle: (month: string) => `配分金明細 ${month}`,
  printButton: '印刷',
  printMembers: '印刷する会員',
  printRange: (first: number, last: number, total: number) => `${first}〜${last} 人目（全 ${total} 人）`,
  printHint: (pages: number) => `${pages} 人分の明細（1 人 1 ページ、A4）。「印刷」で印刷画面が開きます。PDF にするには送信先で「PDF に保存」を選びます`,
  printLoading: '読み込み中…',
  printNoneClosed: '締めた月がありません。先に「月次締め（先月）」を実行してください',
  printNobody: (month: string) => `${month} に配分金のある会員はいません`,
  printProblems: (count: number, first: string) => `データに問題が ${count} 件あるため明細を作りませんでした（最初: ${first}）`,
};

/** Menu 就業報告を再確認's toast (src/entry/work-report.ts). */
export const workReportRecheck = {
  done: (recorded: number, rows: number, kept: number) => (recorded + kept === 0
    ? '就業報告はフォームの回答とそろっています。'
    : `フォームの回答を取り込みました: 就業実績に ${recorded} 件（${rows} 行）、要確認として就業報告に ${kept} 件。`),
  noForm: '就業報告フォームの回答シートが見つかりません。初期設定でフォームを作成してください。',
};
