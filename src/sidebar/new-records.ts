import type { ActivityView, ClientOption, JobFill, JobOption, MemberOption } from '../app/shared/api-types';

// Records one panel creates that other panels list: each panel builds its pick lists once from
// the bootstrap (which is read-only and shared), so a client or job registered in 開拓 reaches
// マッチング and 活動記録 through here instead of a second bootstrap call; a follow-up logged in
// 継続支援 reaches 活動記録's recent entries the same way, and a member registered in 会員 the pickers.
// A job's fill changed by another panel (a 退会 in 会員 frees its places) reaches マッチング as `fill`.
interface Added {
  readonly client: ClientOption;
  readonly job: JobOption;
  readonly activity: ActivityView;
  readonly member: MemberOption;
  readonly fill: JobFill;
}

type Listener<K extends keyof Added> = (record: Added[K]) => void;

const listeners: { [K in keyof Added]: Listener<K>[] } = { client: [], job: [], activity: [], member: [], fill: [] };

/** Tells every panel listening that `record` now exists. */
export function announce<K extends keyof Added>(kind: K, record: Added[K]): void {
  for (const listener of listeners[kind] as Listener<K>[]) listener(record);
}

/** Calls `listener` for each `kind` record created from now on. */
export function onAdded<K extends keyof Added>(kind: K, listener: Listener<K>): void {
  (listeners[kind] as Listener<K>[]).push(listener);
}
