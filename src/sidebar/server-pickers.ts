import type { ClientOption, JobOption } from '../app/shared/api-types';
import type { Strings } from './i18n';
import type { PickOption, PickSearch } from './picker';
import { callServer } from './script-run';

// The client and job pickers at a large center (past 設定 提供先一覧の上限 / 仕事一覧の上限): the
// bootstrap carries no list, and the picker asks the server as the person types (picker.ts waits
// for two characters and a pause), as the member picker does (member-options.ts).

export const clientPick = (c: ClientOption): PickOption => ({ id: c.id, text: c.name });
export const jobPick = (j: Pick<JobOption, 'id' | 'title'>): PickOption => ({ id: j.id, text: j.title });

/** searchClients as a picker's search; `seen` hears each client answered (a panel's name list). */
export function clientSearch(t: Strings, seen: (c: ClientOption) => void = () => undefined): PickSearch {
  return (query) => callServer('searchClients', t.unreachable, query).then((out) => out.clients.map((c) => { seen(c); return clientPick(c); }));
}

/** listJobs with a query (every status: an entry may name a filled job) as a picker's search. */
export function jobSearch(t: Strings, seen: (j: JobOption) => void = () => undefined): PickSearch {
  return (query) => callServer('listJobs', t.unreachable, { query, include_all: true }).then((out) => out.jobs.map((j) => { seen(j); return jobPick(j); }));
}
