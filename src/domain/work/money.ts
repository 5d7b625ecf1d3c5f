// Yen as exact integers. A row's pay can have a fraction (1.5 h × ¥1,001 = ¥1,501.5), and the
// issue rounds down once per member-month, so pays are summed in micro-yen (integers: no float
// sum drifts, 0.29 h × ¥100 is 29 yen and not 28.999…) and floored to the yen at the end.
export const MICRO_PER_YEN = 1_000_000;

/** Yen (any finite number) as whole micro-yen. */
export function toMicroYen(yen: number): number {
  return Math.round(yen * MICRO_PER_YEN);
}

/** Whole yen of `micro` micro-yen, rounded down (exact: integer arithmetic only). */
export function floorYen(micro: number): number {
  const rest = micro % MICRO_PER_YEN;
  return (micro - rest) / MICRO_PER_YEN - (rest < 0 ? 1 : 0);
}

/** 事務費 = floor(pay × rate / 100), rate in percent with at most two decimals (設定 事務費率). */
export function feeOf(payYen: number, ratePercent: number): number {
  const basisPoints = Math.round(ratePercent * 100);
  const product = payYen * basisPoints;
  const rest = product % 10_000;
  return (product - rest) / 10_000;
}
