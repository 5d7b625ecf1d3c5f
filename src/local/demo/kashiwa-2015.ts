import type { CivilDate } from '../../domain/civil-date';

// The published figures of 柏市シルバー人材センター, fiscal year 2015 (平成27年度), from the JST
// RISTEX implementation report 「高齢者の生きがい就労システムの社会実装」 (/work/shared/seed/):
// the demo center is built so that `ikigai report --fiscal-year 2015` gives exactly these.
export const FISCAL_YEAR = 2015;
export const FY_START: CivilDate = '2015-04-01';
export const FY_END: CivilDate = '2016-03-31';

/** 会員数 H27.4.1: 1,346 (男性 1,037, 女性 309). */
export const ENROLLED_AT_START = { male: 1037, female: 309 } as const;
/** 会員数 at the end of the year: 1,623 (男性 1,233, 女性 390). The report dates it H28.3.1; the
 *  demo arranges joins and leaves so the count on 2016-03-31 is the same. */
export const ENROLLED_AT_END = { male: 1233, female: 390 } as const;
/** セカンドライフ応援窓口経由の新規会員: 63 (route 窓口). */
export const WINDOW_NEW_MEMBERS = 63;
/** 就労者数 72: 派遣 37, 有料職業紹介 9, 請負 16, 就労相談 10 (distinct members). */
export const PLACED_MEMBERS = { dispatch: 37, placement: 9, contract: 16, consultation: 10 } as const;

export interface Orientation {
  readonly date: CivilDate;
  readonly attendees: number;
  readonly venue: string;
  /** 入会説明会（女性）: the session for women at 沼南支所. */
  readonly womenOnly?: boolean;
}

const HQ = '柏市センター会議室';
const SHONAN = '柏市沼南支所';

/** 入会説明会 of the year, with the attendance the report gives (参加者). */
export const ORIENTATIONS: readonly Orientation[] = [
  { date: '2015-04-07', attendees: 37, venue: HQ },
  { date: '2015-04-21', attendees: 24, venue: HQ },
  { date: '2015-05-07', attendees: 17, venue: HQ },
  { date: '2015-05-18', attendees: 13, venue: HQ },
  { date: '2015-06-15', attendees: 34, venue: HQ },
  { date: '2015-07-15', attendees: 27, venue: HQ },
  { date: '2015-08-17', attendees: 31, venue: HQ },
  { date: '2015-08-25', attendees: 51, venue: SHONAN, womenOnly: true },
  { date: '2015-09-15', attendees: 27, venue: HQ },
  { date: '2015-10-15', attendees: 31, venue: HQ },
  { date: '2015-10-19', attendees: 30, venue: HQ },
  { date: '2015-11-16', attendees: 24, venue: HQ },
  { date: '2015-12-15', attendees: 26, venue: HQ },
  { date: '2016-01-15', attendees: 16, venue: HQ },
  { date: '2016-01-20', attendees: 9, venue: SHONAN },
  { date: '2016-02-15', attendees: 27, venue: HQ },
  { date: '2016-03-15', attendees: 32, venue: HQ },
];

// What the report does not say, the demo assumes (its own choice, stated here once):
// new members by route and gender, and resignations, chosen so that
//   male:   1,037 + 286 new − 90 resigned = 1,233
//   female:   309 + 111 new − 30 resigned =   390
// and the 397 new members split 窓口 63 (given), 説明会 230, 紹介 60, 広報 30, その他 14.
export const NEW_MEMBERS_BY_ROUTE = {
  window: { male: 48, female: 15 },
  orientation: { male: 160, female: 70 },
  referral: { male: 46, female: 14 },
  publicity: { male: 22, female: 8 },
  other: { male: 10, female: 4 },
} as const;
export const RESIGNED = { male: 90, female: 30 } as const;
/** Of the 230 who join after an orientation, 30 women come from the 8/25 session for women. */
export const WOMEN_SESSION_JOINERS = 30;

/** Next year's first sessions, open for sign-ups at the end of the season (今後の予定). */
export const NEXT_ORIENTATIONS: readonly { date: CivilDate; capacity: number }[] = [
  { date: '2016-04-07', capacity: 40 },
  { date: '2016-04-19', capacity: 40 },
];
