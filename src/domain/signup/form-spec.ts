import { AGE_BAND, type Language } from '../enums';

// The sign-up form, described as data: the FormApp adapter turns this into items, and the
// submit handler reads answers back by the same titles. Plain, kind words: the people filling
// it in are in their sixties and seventies, often on a phone.
export const SIGNUP_QUESTION_KEYS = ['name', 'kana', 'phone', 'email', 'age_band', 'gender', 'source', 'session', 'consent'] as const;
export type SignupQuestionKey = (typeof SIGNUP_QUESTION_KEYS)[number];

export interface SignupQuestion {
  readonly key: SignupQuestionKey;
  readonly kind: 'text' | 'choice' | 'checkbox';
  readonly title: string;
  readonly help: string;
  readonly required: boolean;
  readonly choices?: readonly string[];
}

export interface SignupFormSpec {
  readonly title: string;
  readonly description: string;
  readonly confirmation: string;
  readonly closedMessage: string;
  readonly questions: readonly SignupQuestion[];
}

interface Texts {
  title: (center: string) => string;
  description: string;
  confirmation: string;
  closed: string;
  q: Record<SignupQuestionKey, { title: string; help: string }>;
  gender: readonly string[];
  source: readonly string[];
  consentChoice: string;
}

const TEXTS: Readonly<Record<Language, Texts>> = {
  ja: {
    title: (c) => `${c ? `${c} ` : ''}入会説明会・セミナー 参加申込`,
    description: 'ご関心をお寄せいただき、ありがとうございます。\nわかる範囲でご記入ください。3分ほどで終わります。\nメールアドレスをお書きいただくと、確認のメールをお送りします。',
    confirmation: 'お申し込みを受け付けました。当日お会いできるのを楽しみにしています。',
    closed: 'ただいま受付中の回はありません。次の回が決まりましたら、こちらでご案内します。お電話でのお問い合わせもお待ちしています。',
    q: {
      name: { title: '氏名', help: '例: 山田 花子' },
      kana: { title: 'フリガナ', help: '例: ヤマダ ハナコ' },
      phone: { title: '電話', help: '日中につながる番号をお書きください。' },
      email: { title: 'メール', help: 'お持ちの方のみ（なくても大丈夫です）。' },
      age_band: { title: '年代', help: '' },
      gender: { title: '性別', help: 'お答えにならなくてもかまいません。' },
      source: { title: 'きっかけ', help: 'この会を何で知りましたか。' },
      session: { title: '参加する回', help: 'ご都合のよい回をひとつお選びください。' },
      consent: { title: '個人情報の利用', help: 'いただいた情報は、この会のご案内と入会のお手続きにだけ使います。' },
    },
    gender: ['男性', '女性', 'その他', '答えない'],
    source: ['広報誌・チラシ', '市のホームページ', '家族・知人から', 'センターの窓口', 'その他'],
    consentChoice: '個人情報の利用に同意します',
  },
  en: {
    title: (c) => `${c ? `${c}: ` : ''}sign up for an information session or seminar`,
    description: 'Thank you for your interest.\nPlease fill in what you can; it takes about three minutes.\nIf you give an e-mail address, we will send you a confirmation.',
    confirmation: 'Thank you, you are signed up. We look forward to meeting you.',
    closed: 'There is no session open for sign-up just now. New dates will be announced here; you are also welcome to call us.',
    q: {
      name: { title: 'Name', help: 'e.g. Hanako Yamada' },
      kana: { title: 'Name reading (kana)', help: 'e.g. ヤマダ ハナコ' },
      phone: { title: 'Phone', help: 'A number where we can reach you in the daytime.' },
      email: { title: 'E-mail', help: 'Only if you have one.' },
      age_band: { title: 'Age', help: '' },
      gender: { title: 'Gender', help: 'You may leave this out.' },
      source: { title: 'How did you hear about us?', help: '' },
      session: { title: 'Session', help: 'Please choose one session.' },
      consent: { title: 'Personal data', help: 'We use what you tell us only for this session and for joining the center.' },
    },
    gender: ['male', 'female', 'other', 'prefer not to say'],
    source: ['Newsletter or leaflet', 'City website', 'Family or friends', 'At the center', 'Other'],
    consentChoice: 'I agree to the use of my personal data',
  },
};

export function signupFormSpec(lang: Language, centerName: string, sessionChoices: readonly string[]): SignupFormSpec {
  const t = TEXTS[lang];
  const q = (key: SignupQuestionKey, kind: SignupQuestion['kind'], required: boolean, choices?: readonly string[]): SignupQuestion =>
    ({ key, kind, title: t.q[key].title, help: t.q[key].help, required, ...(choices ? { choices } : {}) });
  const ageBands = AGE_BAND.codes.map((c) => (lang === 'ja' ? AGE_BAND.ja[c] : c));
  return {
    title: t.title(centerName),
    description: t.description,
    confirmation: t.confirmation,
    closedMessage: t.closed,
    questions: [
      q('name', 'text', true), q('kana', 'text', false), q('phone', 'text', true), q('email', 'text', false),
      q('age_band', 'choice', true, ageBands), q('gender', 'choice', false, t.gender), q('source', 'choice', false, t.source),
      q('session', 'choice', true, sessionChoices), q('consent', 'checkbox', true, [t.consentChoice]),
    ],
  };
}

export function closedMessage(lang: Language): string {
  return TEXTS[lang].closed;
}

/** The question a title belongs to, in either language (Forms names the response columns by title). */
export function questionKeyOf(title: string): SignupQuestionKey | null {
  const fold = (s: string): string => s.normalize('NFKC').trim().toLowerCase();
  const wanted = fold(title);
  for (const lang of ['ja', 'en'] as const) {
    for (const key of SIGNUP_QUESTION_KEYS) if (fold(TEXTS[lang].q[key].title) === wanted) return key;
  }
  return null;
}

/** The gender answer as a code: the form's words in either language, or workbook labels. */
export function genderOfAnswer(text: string): 'male' | 'female' | 'other' | 'unknown' | null {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (t === '') return null;
  const codes = ['male', 'female', 'other', 'unknown'] as const;
  for (const lang of ['ja', 'en'] as const) {
    const i = TEXTS[lang].gender.findIndex((g) => g.toLowerCase() === t);
    if (i >= 0) return codes[i] ?? null;
  }
  const ja: Record<string, (typeof codes)[number]> = { 男性: 'male', 女性: 'female', その他: 'other', 未回答: 'unknown' };
  return ja[t] ?? ((codes as readonly string[]).includes(t) ? (t as (typeof codes)[number]) : null);
}
