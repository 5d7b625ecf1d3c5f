import type { TableStore } from '../ports';

/** The reads a TableStore may have besides read/header (read-part.ts reads a store without them whole). */
export type OptionalReads = Pick<TableStore, 'readColumns' | 'readTail' | 'findRows' | 'readFrom' | 'matchRows' | 'readRows' | 'readTop'>;

/**
 * A wrapping store's optional reads: `inner`'s own, each called on `inner` with every argument as
 * it came, and only those `inner` has. One place, and rest parameters rather than named ones: two
 * wrappers once listed the arguments each, and the one written beside a new parameter (findRows'
 * and readRows' `largeCells`) dropped it, so the candidate index read the packed buckets between
 * its rows again (test/app/matching/candidate-index-rows.test.ts).
 */
export function forwardedReads(inner: TableStore): OptionalReads {
  const { readColumns, readTail, findRows, readFrom, matchRows, readRows, readTop } = inner;
  return {
    ...(readColumns ? { readColumns: (...args) => readColumns.apply(inner, args) } : {}),
    ...(readTail ? { readTail: (...args) => readTail.apply(inner, args) } : {}),
    ...(findRows ? { findRows: (...args) => findRows.apply(inner, args) } : {}),
    ...(readFrom ? { readFrom: (...args) => readFrom.apply(inner, args) } : {}),
    ...(matchRows ? { matchRows: (...args) => matchRows.apply(inner, args) } : {}),
    ...(readRows ? { readRows: (...args) => readRows.apply(inner, args) } : {}),
    ...(readTop ? { readTop: (...args) => readTop.apply(inner, args) } : {}),
  };
}
