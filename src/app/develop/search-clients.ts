import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { matchRank, searchKey } from '../../domain/text/search-key';
import type { TableStore } from '../ports';
import type { CallContext } from '../shared/call-context';
import type { SearchClientsOutput } from '../shared/api-types';
import { loadWorkbookPart } from '../shared/read-part';
import { CLIENT_SEARCH_READS } from '../sidebar/read-plans';

// The client picker at a center past 設定 提供先一覧の上限 (500 clients): the person types and the
// server answers the best matches, so the sidebar never carries every client. One read of two
// columns of 業務提供先 (ID, name: 5,000 cells at 2,500 clients); forgiving as the member search
// (full- and half-width, hiragana for katakana, spaces: domain/text/search-key.ts).

/** What the client picker types: an ID's start, or part of a name. */
export const SEARCH_CLIENTS_INPUT = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(40)));

/** Clients a search answers (≈ 1 KB). */
export const CLIENT_SEARCH_LIMIT = 20;

export function searchClients(store: TableStore, ctx: Pick<CallContext, 'settings'>, query: string): SearchClientsOutput {
  const key = searchKey(query);
  if (key === '') return { clients: [], more: false };
  const { clients } = loadWorkbookPart(store, CLIENT_SEARCH_READS, ctx.settings);
  const found = clients.flatMap((c, order) => {
    const rank = matchRank(key, c.client_id, '', c.name);
    return rank === null ? [] : [{ client: { id: c.client_id, name: c.name }, rank, order }];
  });
  found.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return { clients: found.slice(0, CLIENT_SEARCH_LIMIT).map((f) => f.client), more: found.length > CLIENT_SEARCH_LIMIT };
}
