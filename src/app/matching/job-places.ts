import type { CivilDate } from '../../domain/civil-date';
import type { Language } from '../../domain/enums';
import { bucketOf } from '../../domain/matching/member-index';
import type { JobMatch } from '../../domain/matching/job-matches';
import { MATCHES_TAB } from '../../domain/schema/tabs';
import type { KeyValueStore, TableStore } from '../ports';
import { findRowNumbersByKey, readRowsByNumber } from '../shared/find-rows';
import { indexedJobMatches, readIndexStamps, type IndexStamps } from './candidate-index';

// The matches a call needs for some jobs' places (setJobStatus, the job picker's search): from the
// candidate index's 仕事 cells when they are trusted, else from マッチング's rows by 仕事ID.

/** Rows of マッチング found from which one job's 仕事 cell of the candidate index is read instead:
 *  the index costs three round trips for one job (its stamps, its stamp row, the job's bucket
 *  row), a row of マッチング one getValues when it lies far from the others. Each further bucket
 *  the jobs fall in costs one getValues more, so as many rows more are needed. */
export const INDEXED_PLACES_FROM = 3;

/**
 * The jobs' matches for their places: their rows of マッチング found by 仕事ID (one search on the
 * server: their sheet rows, nothing read yet); when the index pays (INDEXED_PLACES_FROM rows, one
 * more a further bucket), the jobs' 仕事 cells of the candidate index if it can be trusted as a
 * ranking trusts it (candidate-index.ts indexedJobMatches) and holds as many matches as rows were
 * found, else those rows read. Nothing here places anyone: a 成立 counts the places from マッチング
 * itself (change-match-status.ts); what this decides is 充足 or 募集中 on 再開, and the places
 * shown. The count is of all the jobs asked together (one search finds their rows, not whose they
 * are): a stale index that gained a match of one job and lost one of another would pass it, which
 * the index's stamps are there to catch first. `stamps`: the index's stamps when the caller read
 * them with its own properties (readIndexStamps), else read here when the index pays.
 */
export function readJobsPlaces(
  ports: { readonly store: TableStore; readonly props: KeyValueStore },
  ctx: { readonly today: CivilDate; readonly lang: Language },
  jobIds: readonly string[],
  stamps?: IndexStamps,
): readonly JobMatch[] {
  const { store } = ports;
  const wanted = [...new Set(jobIds)];
  const found = findRowNumbersByKey(store, MATCHES_TAB, 'job_id', wanted, ctx.lang);
  const buckets = new Set(wanted.map(bucketOf)).size;
  if (wanted.length > 0 && found.length >= INDEXED_PLACES_FROM - 1 + buckets) {
    const indexed = indexedJobMatches(store, stamps ?? readIndexStamps(ports.props).stamps, ctx.today, wanted);
    const all = indexed ? wanted.flatMap((j) => indexed.get(j) ?? []) : null;
    if (all && all.length === found.length) return all;
  }
  return readRowsByNumber(store, MATCHES_TAB, found, ctx.lang).parsed.records;
}
