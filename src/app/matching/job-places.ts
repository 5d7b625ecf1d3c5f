import type { CivilDate } from '../../domain/civil-date';
import type { Language } from '../../domain/enums';
import { bucketOf } from '../../domain/matching/member-index';
import type { JobMatch, JobRowHint } from '../../domain/matching/job-matches';
import { MATCHES_TAB } from '../../domain/schema/tabs';
import type { KeyValueStore, TableStore } from '../ports';
import { findRowNumbersByKey, readRowsByNumber } from '../shared/find-rows';
import { indexedJobMatches, readIndexStamps, type IndexedJobs, type IndexStamps } from './candidate-index';

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
  return readJobsPlacesAndHints(ports, ctx, jobIds, stamps).matches;
}

/** readJobsPlaces, with the jobs' row hints when the index was read (its bucket rows read and
 *  trusted, whether or not their count held): setJobStatus reads the job's row of 仕事 there. */
export function readJobsPlacesAndHints(
  ports: { readonly store: TableStore; readonly props: KeyValueStore },
  ctx: { readonly today: CivilDate; readonly lang: Language },
  jobIds: readonly string[],
  stamps?: IndexStamps,
): { readonly matches: readonly JobMatch[]; readonly hints: ReadonlyMap<string, JobRowHint> } {
  const { store } = ports;
  const wanted = [...new Set(jobIds)];
  const found = findRowNumbersByKey(store, MATCHES_TAB, 'job_id', wanted, ctx.lang);
  const buckets = new Set(wanted.map(bucketOf)).size;
  let hints: ReadonlyMap<string, JobRowHint> = new Map();
  if (wanted.length > 0 && found.length >= INDEXED_PLACES_FROM - 1 + buckets) {
    const indexed = indexedJobMatches(store, stamps ?? readIndexStamps(ports.props).stamps, ctx.today, wanted);
    hints = indexed?.hints ?? hints;
    const all = indexed ? wanted.flatMap((j) => indexed.matches.get(j) ?? []) : null;
    if (all && all.length === found.length) return { matches: all, hints };
  }
  return { matches: readRowsByNumber(store, MATCHES_TAB, found, ctx.lang).parsed.records, hints };
}

/** The most buckets the picker's search reads the candidate index for before it knows how many
 *  rows of マッチング its jobs hold: the index then costs its stamp row and one bucket row, where
 *  マッチング costs a search and at least one getValues for a job with any match; each further
 *  bucket one getValues more, which the rows found may not repay (readJobsPlaces decides then). */
export const INDEX_FIRST_BUCKETS = 1;

/**
 * The picker's search (search-jobs.ts) when its jobs fall in at most INDEX_FIRST_BUCKETS buckets:
 * their matches and row hints from the candidate index alone, trusted as a ranking trusts it
 * (indexedJobMatches: its stamps, the touched list), without the count of their rows of マッチング
 * readJobsPlaces holds it to. The places are only shown (a 成立 counts them from マッチング,
 * setJobStatus counts its rows), and the candidate list beside them trusts the index as far: a row
 * typed by hand shows once the on-edit trigger has named its job, as in that list. Null — the
 * caller reads as before — when the jobs span more buckets or the index is not trusted.
 */
export function indexedPlacesFirst(
  store: TableStore, stamps: IndexStamps, today: CivilDate, jobIds: readonly string[],
): IndexedJobs | null {
  const wanted = [...new Set(jobIds)];
  if (wanted.length === 0 || new Set(wanted.map(bucketOf)).size > INDEX_FIRST_BUCKETS) return null;
  return indexedJobMatches(store, stamps, today, wanted);
}
