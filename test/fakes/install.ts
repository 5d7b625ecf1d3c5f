import { join } from 'node:path';
import { CacheServiceImpl, type CacheHandles } from './cache-service';
import { CHART_TYPE } from './charts';
import { CallLog } from './call-log';
import { Executions } from './executions';
import { FormAppImpl, type FormAppOptions, type FormHandles } from './form-app';
import type { Guarded } from './guard';
import { HtmlServiceImpl } from './html-service';
import { repoRoot } from './repo-root';
import { LockServiceImpl, type LockHandles } from './lock-service';
import { MailAppImpl, type MailHandles } from './mail-app';
import { PropertiesServiceImpl, type PropertiesHandles } from './properties-service';
import { HOST_REALM, type Realm } from './realm';
import { ScriptAppImpl, type TriggerHandles } from './script-app';
import { SessionImpl, type SessionOptions } from './session';
import { SpreadsheetImpl, type Toast } from './spreadsheet';
import { SpreadsheetAppImpl } from './spreadsheet-app';
import { emptyUiRecord, type UiRecord } from './ui';
import { ConsoleImpl, LoggerImpl, UtilitiesImpl, type LogLine, type UtilitiesHandles } from './utilities';

export interface FakeOptions {
  /** The spreadsheet's time zone (default Asia/Tokyo). */
  timeZone?: string;
  /** The script's time zone, Session.getScriptTimeZone (default: the spreadsheet's). */
  scriptTimeZone?: string;
  spreadsheetName?: string;
  spreadsheetId?: string;
  /** Name of the sheet every new spreadsheet starts with (default シート1, as for a Japanese user). */
  firstSheet?: string;
  locale?: string;
  /** Session.getActiveUser().getEmail(); '' models a user Google does not name. */
  activeUserEmail?: string;
  effectiveUserEmail?: string;
  mailQuota?: number;
  /** false: a standalone script (no active spreadsheet, no document lock or properties). */
  bound?: boolean;
  /** Constructors of the realm the script runs in (a node:vm context's own Date and Error). */
  realm?: Realm;
  /** Where createHtmlOutputFromFile reads <name>.html (default: the repository's dist/). */
  distDir?: string;
  /** Also install a recording `console` (default false: jest's console stays). */
  console?: boolean;
  /** Whether a trigger handler name is a global function of the script (default: any name). */
  functionExists?: (name: string) => boolean;
  /** An existing CallLog to record into. */
  log?: CallLog;
  /** Now, in milliseconds since the epoch, for the fakes that keep time (CacheService's TTL);
   *  default Date.now. The bundle harness passes its frozen clock. */
  clock?: () => number;
  /** How FormApp makes forms: unpublished (default) or legacy; whether the domain wants a sign-in. */
  forms?: FormAppOptions;
}

/** What a test holds to build state and to assert on what the script did. */
export interface FakeHandles {
  readonly log: CallLog;
  /** The active spreadsheet (calls on it are counted like the script's). */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly ui: UiRecord;
  readonly toasts: readonly Toast[];
  readonly mail: MailHandles;
  readonly locks: LockHandles;
  readonly properties: PropertiesHandles;
  /** CacheService: what the document cache holds, and Google's early eviction. */
  readonly cache: CacheHandles;
  readonly triggers: TriggerHandles;
  /** Every form the script created through FormApp, as plain data. */
  readonly forms: FormHandles;
  readonly utilities: UtilitiesHandles;
  /** Name the running execution to make writes wait for a flush, a read or the run's end. */
  readonly executions: Executions;
  readonly logs: LogLine[];
  /** Who runs the next call: another person at the same spreadsheet (google.script.run and a
   *  menu run as the person using it; effective user = active user unless given). */
  actAs(activeUserEmail: string, effectiveUserEmail?: string): void;
  /** The globals as installed, for tests that call them directly. */
  readonly globals: Readonly<Record<string, unknown>>;
  /** Puts back whatever the global object held before. */
  uninstall(): void;
}

export const GLOBAL_NAMES = ['SpreadsheetApp', 'HtmlService', 'LockService', 'PropertiesService', 'MailApp',
  'Session', 'ScriptApp', 'Utilities', 'Logger', 'FormApp', 'CacheService'] as const;


export function installFakes(target: object, options: FakeOptions = {}): FakeHandles {
  const log = options.log ?? new CallLog();
  const executions = new Executions();
  const ctx: Guarded = { log, realm: options.realm ?? HOST_REALM, executions };
  const timeZone = options.timeZone ?? 'Asia/Tokyo';
  const bound = options.bound ?? true;
  const sheetImpl = SpreadsheetImpl.create(ctx, {
    timeZone, id: options.spreadsheetId ?? 'fake-spreadsheet-id', name: options.spreadsheetName ?? '生きがい就労デスク',
    locale: options.locale ?? 'ja', firstSheet: options.firstSheet ?? 'シート1',
    // The script writes as its effective user (the person at the sidebar, or a trigger's owner).
    editor: () => session.effectiveUserEmail,
  });
  const ui = emptyUiRecord();
  const logs: LogLine[] = [];
  const mail = MailAppImpl.create(ctx, options.mailQuota ?? 100);
  const locks = LockServiceImpl.create(ctx, bound);
  const properties = PropertiesServiceImpl.create(ctx, bound);
  const session: SessionOptions = {
    activeUserEmail: options.activeUserEmail ?? 'staff@example.org',
    effectiveUserEmail: options.effectiveUserEmail ?? options.activeUserEmail ?? 'staff@example.org',
    scriptTimeZone: options.scriptTimeZone ?? timeZone, locale: options.locale ?? 'ja',
  };
  const cache = CacheServiceImpl.create(ctx, bound, options.clock ?? (() => Date.now()), () => session.effectiveUserEmail);
  const triggers = ScriptAppImpl.create(ctx, options.functionExists ?? (() => true), 'fake-script-id', () => session.effectiveUserEmail);
  const utilities = UtilitiesImpl.create(ctx);
  // A form sent to the active spreadsheet gets its response tab there, as in Forms.
  const forms = FormAppImpl.create(ctx, [{
    id: sheetImpl.getId(), addResponseSheet: (url, questions) => { sheetImpl._addResponseSheet(url, questions); },
  }], options.forms);

  const globals: Record<string, unknown> = {
    SpreadsheetApp: SpreadsheetAppImpl.wrap(ctx, bound ? sheetImpl._self : null, ui),
    HtmlService: HtmlServiceImpl.wrap(ctx, options.distDir ?? join(repoRoot(), 'dist')),
    LockService: locks.service,
    PropertiesService: properties.service,
    MailApp: mail.service,
    Session: SessionImpl.wrap(ctx, session),
    ScriptApp: triggers.service,
    Utilities: utilities.service,
    Logger: LoggerImpl.wrap(ctx, logs),
    FormApp: forms.service,
    CacheService: cache.service,
    // Charts.ChartType for Sheet.newChart().setChartType (test/fakes/charts.ts).
    Charts: Object.freeze({ ChartType: CHART_TYPE }),
  };
  if (options.console) globals.console = ConsoleImpl.wrap(ctx, logs);

  const before = new Map<string, PropertyDescriptor | undefined>();
  for (const [name, value] of Object.entries(globals)) {
    before.set(name, Object.getOwnPropertyDescriptor(target, name));
    Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
  }

  return {
    log, spreadsheet: sheetImpl._self, ui, toasts: sheetImpl._toasts, mail: mail.handles, locks: locks.handles,
    properties: properties.handles, cache: cache.handles, triggers: triggers.handles, forms: forms.handles, utilities: utilities.handles, executions, logs, globals,
    actAs(active, effective) {
      session.activeUserEmail = active;
      session.effectiveUserEmail = effective ?? active;
    },
    uninstall() {
      for (const [name, d] of before) {
        if (d) Object.defineProperty(target, name, d);
        else Reflect.deleteProperty(target, name);
      }
    },
  };
}
