import { civilDateTimeIn } from '../../domain/civil-date';
import type { Language } from '../../domain/enums';
import { parseTable } from '../../domain/parse/parse-table';
import { COORDINATORS_TAB, SETTINGS_TAB, tabNames, type Coordinator } from '../../domain/schema/tabs';
import { parseSettings, type Settings } from '../../domain/settings';
import { authorize, type Access } from './authorize';
import type { Clock, KeyValueStore, Lock, TableStore, UserIdentity } from '../ports';
import { ApiError } from './api-error';
import { FigureChanges } from './figure-changes';
import { cachedTable, coordinatorsKey, SETTINGS_KEY, type DeskCache } from './desk-cache';

/** The ports every sidebar call needs; the Google entry and the local dev server each supply them. */
export interface SidebarPorts {
  readonly store: TableStore;
  readonly lock: Lock;
  readonly clock: Clock;
  readonly user: UserIdentity;
  readonly props: KeyValueStore;
  /** 設定 and コーディネータ for a few minutes (desk-cache.ts); absent: read fresh on every call. */
  readonly cache?: DeskCache | null;
}

/** Who is calling and in which center: worked out once at the start of each call. */
export interface CallContext {
  readonly settings: Settings;
  readonly lang: Language;
  readonly email: string;
  readonly coordinator: Coordinator;
  readonly canWrite: boolean;
  /** `YYYY-MM-DDTHH:MM:SS` now, in the center's zone. */
  readonly now: string;
  /** `YYYY-MM-DD` today, in the center's zone. */
  readonly today: string;
  /** What this run's writes changed that the stored 今週 figures count (figure-changes.ts); the
   *  write boundary of a sidebar call stores it. Absent: nothing is recorded (a test's context). */
  readonly figures?: FigureChanges;
}

/** Reads 設定 (language, time zone): one small read, or none when `cache` holds it. The language
 *  is needed even to refuse. */
export function readSettings(store: TableStore, cache?: DeskCache | null): Settings {
  return parseSettings(cachedTable(cache, SETTINGS_KEY, () => store.read(tabNames(SETTINGS_TAB)))).settings;
}

/** Checks the caller against コーディネータ: one small read, or none when the desk cache holds it
 *  (at most DESK_CACHE_TTL_SECONDS old, dropped when the tab is edited: a coordinator switched off
 *  loses access when the desk's on-edit trigger runs, and within the TTL in any case). A refusal
 *  from the cache is final. Throws ApiError when refused. */
export function openContext(ports: SidebarPorts, settings: Settings, access: Access): CallContext {
  const raw = cachedTable(ports.cache, coordinatorsKey('ja'), () => ports.store.read(tabNames(COORDINATORS_TAB)));
  const coordinators = raw ? parseTable(COORDINATORS_TAB, raw).records : [];
  const email = ports.user.email();
  const verdict = authorize(coordinators, email, access);
  if (!verdict.ok) throw new ApiError(verdict.code, { email });
  const now = civilDateTimeIn(ports.clock.now(), settings.timeZone);
  return {
    settings, lang: settings.language, email: verdict.coordinator.email.trim(), coordinator: verdict.coordinator,
    canWrite: verdict.canWrite, now, today: now.slice(0, 10), figures: new FigureChanges(ports.props, now.slice(0, 10)),
  };
}
