import { ACTIVITY_KIND, AREA, JOB_ENGAGEMENT, MATCH_STATUS, ROLE, SECTOR, type Enumeration, type Language } from '../domain/enums';
import type { HeadlineKey, MatchAction } from '../app/shared/api-types';

// Every word the sidebar shows, in Japanese (default) and English. Enumeration labels come from
// the domain's tables so the sidebar says exactly what the sheet says.
export interface Strings {
  readonly title: string;
  readonly loading: string;
  readonly unreachable: string;
  readonly readOnly: string;
  readonly problems: (n: number) => string;
  /** An aside after a name: full-width brackets in Japanese, a space and ASCII ones in English. */
  readonly paren: (text: string) => string;
  /** Items of a short list, joined as the language writes them (、 or a comma). */
  readonly list: (items: readonly string[]) => string;
  readonly tabs: { readonly activity: string; readonly develop: string; readonly matching: string; readonly week: string };
  readonly activity: {
    readonly date: string; readonly area: string; readonly kind: string; readonly none: string;
    readonly member: string; readonly client: string; readonly job: string; readonly pickHint: string;
    readonly minutes: string; readonly outcome: string; readonly notes: string; readonly save: string;
    readonly saving: string; readonly saved: (id: string) => string; readonly recent: string; readonly noRecent: string;
    readonly notFound: (what: string, text: string) => string; readonly minutesShort: (n: number) => string;
    readonly areaKind: (area: string, kind: string) => string;
  };
  readonly matching: {
    readonly job: string; readonly show: string; readonly searching: string; readonly candidates: (n: number) => string;
    readonly none: string; readonly score: string; readonly status: string; readonly actions: Readonly<Record<MatchAction, string>>;
    readonly done: (member: string, status: string) => string; readonly mosaic: string; readonly slot: string;
    readonly backup: string; readonly uncovered: string; readonly covered: string; readonly allCovered: string;
    readonly recorded: string; readonly excluded: string; readonly pickJob: string;
  };
  readonly develop: {
    readonly newClient: string; readonly name: string; readonly sector: string; readonly district: string;
    readonly contact: string; readonly phone: string; readonly saveClient: string; readonly clientSaved: (id: string, name: string) => string;
    readonly newJob: string; readonly client: string; readonly title: string; readonly category: string; readonly engagement: string;
    readonly slots: string; readonly slotsHint: string; readonly headcount: string; readonly social: string; readonly startOn: string;
    readonly saveJob: string; readonly jobSaved: (id: string, title: string) => string; readonly required: (what: string) => string;
  };
  readonly week: {
    readonly period: (from: string, to: string) => string; readonly previous: (from: string, to: string) => string;
    readonly refresh: string; readonly figures: Readonly<Record<HeadlineKey, string>>; readonly change: (d: number) => string;
    readonly thisWeek: string; readonly lastWeek: string;
  };
}

const JA: Strings = {
  title: '生きがい就労',
  loading: '読み込み中…',
  unreachable: 'サーバーにつながりませんでした。通信を確認して、もう一度お試しください。',
  readOnly: '閲覧の役割のため、記録はできません。',
  problems: (n) => `シートの問題 ${n}件（ikigai check で確認できます）`,
  paren: (text) => `（${text}）`,
  list: (items) => items.join('、'),
  tabs: { activity: '活動記録', develop: '開拓', matching: 'マッチング', week: '今週' },
  activity: {
    date: '日付', area: '分野', kind: '種別', none: '（なし）', member: '会員', client: '提供先', job: '仕事',
    pickHint: 'IDかフリガナで検索', minutes: '所要時間（分）', outcome: '結果', notes: 'メモ', save: '保存する',
    saving: '保存中…', saved: (id) => `保存しました（${id}）`, recent: '最近の記録', noRecent: 'まだ記録はありません。',
    notFound: (what, text) => `${what}「${text}」が見つかりません。候補から選んでください。`, minutesShort: (n) => `${n}分`, areaKind: (area, kind) => (kind ? `${area}・${kind}` : area),
  },
  matching: {
    job: '仕事を選ぶ', show: '候補を表示', searching: '候補を探しています…', candidates: (n) => `候補 ${n}人（適合度の高い順）`,
    none: '条件に合う会員がいません。', score: '適合度', status: '状態',
    actions: { propose: '提案', interview: '面接', place: '成立', decline: '辞退', reject: '不成立', end: '終了' },
    done: (member, status) => `${member} を「${status}」にしました`, mosaic: 'モザイク編成（誰がどの枠を担当するか）',
    slot: '枠', backup: '控え', uncovered: '未充足', covered: '担当', allCovered: 'すべての枠を担当できます。',
    recorded: 'この仕事のマッチング', excluded: '対象外の会員', pickJob: '仕事を選んでください。',
  },
  develop: {
    newClient: '新しい提供先', name: '名称', sector: '業種', district: '地区', contact: '担当者', phone: '電話',
    saveClient: '提供先を登録', clientSaved: (id, name) => `${name} を提供先 ${id} として登録しました`,
    newJob: '新しい仕事', client: '提供先', title: '仕事名', category: '職種', engagement: '契約形態',
    slots: '勤務枠', slotsHint: '必要な曜日と午前・午後にチェック', headcount: '必要人数（各枠）', social: '社会貢献の仕事', startOn: '開始日',
    saveJob: '仕事を登録', jobSaved: (id, title) => `${title} を仕事 ${id} として登録しました（マッチングで選べます）`,
    required: (what) => `${what}を入力してください。`,
  },
  week: {
    period: (from, to) => `今週 ${from}〜${to}`, previous: (from, to) => `先週 ${from}〜${to} との比較`, refresh: '更新',
    thisWeek: '今週', lastWeek: '先週比',
    figures: {
      members_enrolled: '会員数', new_members: '新規入会者数', placed_members: '就労者数（成立）', working_members: '就業実人員',
      jobs_developed: '新規開拓件数', activities: '活動件数', activity_minutes: '活動時間（分）', open_jobs: '募集中の仕事',
      follow_ups_due: '要フォロー', waiting_members: '待機会員',
    },
    change: (d) => (d > 0 ? `▲${d}` : d < 0 ? `▼${-d}` : '±0'),
  },
};

const EN: Strings = {
  title: 'Ikigai Desk',
  loading: 'Loading…',
  unreachable: 'Could not reach the server. Check the connection and try again.',
  readOnly: 'You are a viewer: you can read but not record.',
  problems: (n) => `${n} problems in the sheets (see ikigai check)`,
  paren: (text) => ` (${text})`,
  list: (items) => items.join(', '),
  tabs: { activity: 'Activity', develop: 'Develop', matching: 'Matching', week: 'This week' },
  activity: {
    date: 'Date', area: 'Area', kind: 'Kind', none: '(none)', member: 'Member', client: 'Client', job: 'Job',
    pickHint: 'Search by ID or kana', minutes: 'Minutes', outcome: 'Outcome', notes: 'Notes', save: 'Save',
    saving: 'Saving…', saved: (id) => `Saved (${id})`, recent: 'Recent entries', noRecent: 'Nothing recorded yet.',
    notFound: (what, text) => `${what} "${text}" was not found. Pick one from the list.`, minutesShort: (n) => `${n}\u00a0min`, areaKind: (area, kind) => (kind ? `${area}, ${kind}` : area),
  },
  matching: {
    job: 'Job', show: 'Show candidates', searching: 'Looking for candidates…', candidates: (n) => `${n} candidates (best first)`,
    none: 'No member fits this job.', score: 'Fit', status: 'Status',
    actions: { propose: 'Propose', interview: 'Interview', place: 'Place', decline: 'Declined', reject: 'Rejected', end: 'End' },
    done: (member, status) => `${member}: ${status}`, mosaic: 'Mosaic team (who covers which slot)',
    slot: 'Slot', backup: 'Backup', uncovered: 'Uncovered', covered: 'Covers', allCovered: 'Every slot can be covered.',
    recorded: 'Matches for this job', excluded: 'Members left out', pickJob: 'Pick a job.',
  },
  develop: {
    newClient: 'New client', name: 'Name', sector: 'Sector', district: 'District', contact: 'Contact person', phone: 'Phone',
    saveClient: 'Register client', clientSaved: (id, name) => `${name} registered as client ${id}`,
    newJob: 'New job', client: 'Client', title: 'Job title', category: 'Category', engagement: 'Engagement',
    slots: 'Slots', slotsHint: 'Tick the days and half days needed', headcount: 'People per slot', social: 'Social contribution', startOn: 'Start date',
    saveJob: 'Register job', jobSaved: (id, title) => `${title} registered as job ${id} (ready in Matching)`,
    required: (what) => `Please enter the ${what.toLowerCase()}.`,
  },
  week: {
    period: (from, to) => `This week ${from} – ${to}`, previous: (from, to) => `compared with ${from} – ${to}`, refresh: 'Refresh',
    thisWeek: 'This week', lastWeek: 'vs last week',
    figures: {
      members_enrolled: 'Members', new_members: 'New members', placed_members: 'Placed members', working_members: 'Members working',
      jobs_developed: 'Jobs developed', activities: 'Activities', activity_minutes: 'Activity minutes', open_jobs: 'Open jobs',
      follow_ups_due: 'Follow-ups due', waiting_members: 'Waiting members',
    },
    change: (d) => (d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '±0'),
  },
};

export function stringsFor(lang: Language): Strings {
  return lang === 'en' ? EN : JA;
}

/** An enumeration's label for people: Japanese label, or the English code made readable. */
export function label<C extends string>(e: Enumeration<C>, code: C, lang: Language): string {
  return lang === 'ja' ? e.ja[code] : code.replace(/_/g, ' ');
}

export const ENUMS = { AREA, ACTIVITY_KIND, MATCH_STATUS, ROLE, SECTOR, JOB_ENGAGEMENT };
