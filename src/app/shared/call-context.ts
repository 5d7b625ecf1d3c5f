import { civilDateTimeIn } from '../../domain/civil-date';
import type { Language } from '../../domain/enums';
import { parseTable } from '../../domain/parse/parse-table';
import { COORDINATORS_TAB, SETTINGS_TAB, tabNames, type Coordinator } from '../../domain/schema/tabs';
import { parseSettings, type Settings } from '../../domain/settings';
import { authorize, type Access } from './authorize';
import type { Clock, KeyValueStore, Lock, TableStore, UserIdentity } from '../ports';
import { ApiError } from './api-error';

/** The ports every sidebar call needs; the Google entry and the local dev server each supply them. */
export interface SidebarPorts {
  readonly store: TableStore;
  readonly lock: Lock;
  readonly clock: Clock;
  readonly user: UserIdentity;
  readonly props: KeyValueStore;
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
}

/** Reads 設定 (language, time zone): one small read. The language is needed even to refuse. */
export function readSettings(store: TableStore): Settings {
  return parseSettings(store.read(tabNames(SETTINGS_TAB))).settings;
}

/** Checks the caller against コーディネータ (one small read, fresh on every call so that a
 *  coordinator switched off in the sheet loses access at once). Throws ApiError when refused. */
export function openContext(ports: SidebarPorts, settings: Settings, access: Access): CallContext {
  const raw = ports.store.read(tabNames(COORDINATORS_TAB));
  const coordinators = raw ? parseTable(COORDINATORS_TAB, raw).records : [];
  const email = ports.user.email();
  const verdict = authorize(coordinators, email, access);
  if (!verdict.ok) throw new ApiError(verdict.code, { email });
  const now = civilDateTimeIn(ports.clock.now(), settings.timeZone);
  return {
    settings, lang: settings.language, email: verdict.coordinator.email.trim(), coordinator: verdict.coordinator,
    canWrite: verdict.canWrite, now, today: now.slice(0, 10),
  };
}
