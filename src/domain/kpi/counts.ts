// Every split of the report has every code as a key, zero included (cli.md), so a split starts
// as all zeros and is only ever incremented.
export function zeroCounts<C extends string>(codes: readonly C[]): Record<C, number> {
  const counts = {} as Record<C, number>;
  for (const c of codes) counts[c] = 0;
  return counts;
}

/** A split keyed by free text (coordinator e-mails): keys appear as they are met, sorted at the end. */
export function sortedKeys(counts: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) out[key] = counts.get(key) ?? 0;
  return out;
}

export function bump(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}
