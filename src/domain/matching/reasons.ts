import type { Language } from '../enums';
import { parseSlot, slotLabel } from '../slots';
import type { Exclusion } from './hard-rules';
import type { Reason } from './types';

// The matching engine's own messages (ja/en, same keys; a test keeps them in step). Reasons
// carry codes and language-neutral parameters (slots as English codes, lists joined by ','),
// rendered only when shown.
type Params = Readonly<Record<string, string | number>>;
type Table = Readonly<Record<string, (p: Params, lang: Language) => string>>;

function list(value: string | number | undefined, lang: Language): string {
  return String(value ?? '').split(',').filter((s) => s !== '').join(lang === 'ja' ? '、' : ', ');
}

function slots(value: string | number | undefined, lang: Language): string {
  return String(value ?? '').split(',').filter((s) => s !== '')
    .map((s) => { const slot = parseSlot(s); return slot ? slotLabel(slot, lang) : s; })
    .join(lang === 'ja' ? '・' : ', ');
}

export const REASONS_JA: Table = {
  skills_not_required: () => '必要技能の指定なし',
  skills_match: (p, l) => `技能が一致: ${list(p.skills, l)}`,
  skills_partial: (p, l) => `技能が一致: ${list(p.skills, l)}（不足: ${list(p.missing, l)}）`,
  skills_none: (p, l) => `必要技能が不足: ${list(p.missing, l)}`,
  slots_cover: (p, l) => `${slots(p.slots, l)}に対応可（${p.count}/${p.total}枠）`,
  district_same: (p) => `同じ地区（${p.district}）`,
  district_other: (p) => `別の地区（${p.district}）`,
  district_unknown: () => '地区の情報なし',
  ikigai_contribution: () => '社会貢献を重視',
  ikigai_category: (p) => `希望職種（${p.category}）`,
  ikigai_experience: () => '経験を活かせる',
  ikigai_friendship: () => '仲間と一緒に働ける',
  ikigai_learning: () => '新しい技能を学べる',
  ikigai_income: () => '収入につながる',
  fairness_few: (p) => `直近90日の就業日数が少ない（${p.days}日）`,
  fairness_many: (p) => `直近90日の就業日数（${p.days}日）`,
};

export const REASONS_EN: Table = {
  skills_not_required: () => 'no skills required',
  skills_match: (p, l) => `skills match: ${list(p.skills, l)}`,
  skills_partial: (p, l) => `skills match: ${list(p.skills, l)} (missing: ${list(p.missing, l)})`,
  skills_none: (p, l) => `missing the required skills: ${list(p.missing, l)}`,
  slots_cover: (p, l) => `can work ${slots(p.slots, l)} (${p.count}/${p.total} slots)`,
  district_same: (p) => `same district (${p.district})`,
  district_other: (p) => `other district (${p.district})`,
  district_unknown: () => 'district not known',
  ikigai_contribution: () => 'values social contribution',
  ikigai_category: (p) => `preferred kind of work (${p.category})`,
  ikigai_experience: () => 'can use their experience',
  ikigai_friendship: () => 'works alongside others',
  ikigai_learning: () => 'a chance to learn a new skill',
  ikigai_income: () => 'brings income',
  fairness_few: (p) => `few work days in the last 90 days (${p.days})`,
  fairness_many: (p) => `work days in the last 90 days: ${p.days}`,
};

export const EXCLUSIONS_JA: Readonly<Record<Exclusion, string>> = {
  not_enrolled: '在籍していない',
  no_consent: '個人情報同意なし',
  already_placed: 'この仕事に就業中',
  no_shared_slot: '就業可能枠が合わない',
  slots_full: '合う枠はすでに必要人数に達している',
  slots_busy: '該当枠は他の仕事で就業中',
  weekly_hours: '週の上限時間に達している',
  max_days_per_week: '本人の週上限日数に達している',
  monthly_days: '月の上限日数に達する',
};

export const EXCLUSIONS_EN: Readonly<Record<Exclusion, string>> = {
  not_enrolled: 'not enrolled',
  no_consent: 'no consent to personal data use',
  already_placed: 'already placed on this job',
  no_shared_slot: 'no shared availability slot',
  slots_full: 'the shared slots already have their headcount',
  slots_busy: 'the shared slots are taken by other work',
  weekly_hours: 'at the weekly hours cap',
  max_days_per_week: 'at their own days-per-week limit',
  monthly_days: 'would pass the monthly days cap',
};

export function reasonText(reason: Reason, lang: Language): string {
  const render = (lang === 'ja' ? REASONS_JA : REASONS_EN)[reason.code];
  return render ? render(reason.params, lang) : reason.code;
}

export function exclusionText(rule: Exclusion, lang: Language): string {
  return (lang === 'ja' ? EXCLUSIONS_JA : EXCLUSIONS_EN)[rule];
}
