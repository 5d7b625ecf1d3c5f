import type { JobStatus } from '../enums';
import { foldedKey, foldedKeyPatterns, keysMarked } from '../text/folded-key';

// The stored search key of a job (the hidden tab _仕事検索, src/app/matching/job-search-index.ts):
// 仕事ID, 仕事名 and the client's 名称 folded as a stored key (domain/text/folded-key.ts):
// `・j00042・ヤカンジュンカイ・ミドリチョウジチカイ`, the ID matched from its start only, the names
// anywhere — matchRank(query, 仕事ID, 仕事名, client's name), as the picker has always ranked.
// The status is a mark before it, so the picker's default (募集中 only) searches the unmarked keys
// alone, and past JOB_SEARCH_LIMIT matches the statuses are read in the picker's order.

/** The mark of each status, in the picker's order (list-jobs.ts ORDER): 募集中 none; 提案中 and a
 *  blank status one (they rank alike); 充足; 終了. */
export const JOB_STATUS_MARKS = ['', '提', '充', '終'] as const;
export type JobMark = (typeof JOB_STATUS_MARKS)[number];
const MARKED: readonly string[] = JOB_STATUS_MARKS.filter((m) => m !== '');

export function jobMark(status: JobStatus | null | undefined): JobMark {
  switch (status) {
    case 'open': return '';
    case 'filled': return '充';
    case 'closed': return '終';
    default: return '提';
  }
}

/** The stored key of a job's row of 仕事, `client` its client's name ('' when none is found). */
export function jobSearchKey(id: string, title: string, client: string, status: JobStatus | null | undefined): string {
  return foldedKey(jobMark(status), id, title, client);
}

/** The three searches of a folded query `key` over the keys of the statuses `marks` (null: every job). */
export function jobKeyPatterns(key: string, marks: readonly JobMark[] | null): { readonly any: string; readonly starting: string; readonly exact: string } {
  return foldedKeyPatterns(key, keysMarked(marks, MARKED));
}

/** Every key of a job with an ID (what `total` counts): a mark or none, then an ID. */
export function anyJobKeyPattern(): string {
  return `${keysMarked(null, MARKED)}[^・]`;
}
