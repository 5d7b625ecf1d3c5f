// How a tab is found by name (workbook.md, General rules): a tab's name is compared after
// trimming white space at both ends (ASCII spaces, tabs, the full-width space U+3000, no-break
// spaces: what String.prototype.trim removes), and otherwise exactly. `会員 ` and `　Members` are
// the tabs 会員 and Members; `ｍｅｍｂｅｒｓ` is not. Every TableStore looks tabs up through here, so
// the in-memory store, the .xlsx file and Google Sheets agree on which tab is which.

/**
 * The real name (as it stands in the workbook) of the tab that `wanted` asks for: the first name
 * of `wanted`, in order, that some tab of `existingNames` matches once both are trimmed; of the
 * tabs matching that name, the first in `existingNames`. Null when none matches.
 * Writes go to the answer, so a tab named `会員 ` is written as `会員 `, never beside it.
 */
export function findTab(existingNames: readonly string[], wanted: readonly string[]): string | null {
  for (const name of wanted) {
    const key = name.trim();
    for (const existing of existingNames) if (existing.trim() === key) return existing;
  }
  return null;
}

/**
 * Every tab of `existingNames` that `wanted` matches (trimmed as findTab does), the one findTab
 * answers first, then the others in the order findTab would have tried them. More than one means
 * the workbook holds two tabs for one table (`会員` and `Members`, or `会員` and `会員 `).
 */
export function matchingTabs(existingNames: readonly string[], wanted: readonly string[]): string[] {
  const found: string[] = [];
  for (const name of wanted) {
    const key = name.trim();
    for (const existing of existingNames) if (existing.trim() === key && !found.includes(existing)) found.push(existing);
  }
  return found;
}
