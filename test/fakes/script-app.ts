import { guard, type Guarded } from './guard';
import { EVENT_TYPE, TRIGGER_SOURCE, WEEKDAY } from './enums';

type GScriptApp = GoogleAppsScript.Script.ScriptApp;
type GTrigger = GoogleAppsScript.Script.Trigger;
type GTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type GClock = GoogleAppsScript.Script.ClockTriggerBuilder;
type GSheetTrigger = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

/** An installed trigger as plain data, for assertions. */
export interface InstalledTrigger {
  uniqueId: string;
  handler: string;
  eventType: keyof typeof EVENT_TYPE;
  source: keyof typeof TRIGGER_SOURCE;
  sourceId: string;
  weekDay?: string;
  atHour?: number;
  nearMinute?: number;
  everyDays?: number;
  everyHours?: number;
  everyWeeks?: number;
  /** A one-off trigger: runs once, at least this many milliseconds after it was made. Apps Script
   *  leaves it in the project's list after it fires (and counts it in the 20) until deleted. */
  afterMs?: number;
  timeZone?: string;
}

export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/** Apps Script allows 20 triggers per user per script. */
export const MAX_TRIGGERS = 20;

interface Registry {
  /** `owner`: the user who installed it (a trigger belongs to one user and runs as them). */
  triggers: { spec: InstalledTrigger; self: GTrigger; owner: string }[];
  nextId: number;
}

class TriggerImpl implements Pick<GTrigger, 'getHandlerFunction' | 'getEventType' | 'getUniqueId' | 'getTriggerSource' | 'getTriggerSourceId'> {
  constructor(private readonly _spec: InstalledTrigger) {}
  getHandlerFunction(): string { return this._spec.handler; }
  getEventType(): GoogleAppsScript.Script.EventType { return EVENT_TYPE[this._spec.eventType] as unknown as GoogleAppsScript.Script.EventType; }
  getUniqueId(): string { return this._spec.uniqueId; }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource { return TRIGGER_SOURCE[this._spec.source] as unknown as GoogleAppsScript.Script.TriggerSource; }
  getTriggerSourceId(): string { return this._spec.sourceId; }
}

class Installer {
  constructor(readonly ctx: Guarded, readonly registry: Registry, readonly functionExists: (name: string) => boolean, readonly scriptId: string,
    readonly user: () => string) {}

  install(spec: Omit<InstalledTrigger, 'uniqueId'>): GTrigger {
    const owner = this.user();
    if (this.registry.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS) throw new this.ctx.realm.Error(TOO_MANY_TRIGGERS);
    // Apps Script would install it and fail at every run; the fake says so at once.
    if (!this.functionExists(spec.handler)) throw new this.ctx.realm.Error(`fake: trigger handler ${spec.handler} is not a global function of the script`);
    const full: InstalledTrigger = { ...spec, uniqueId: String(1000 + this.registry.nextId++) };
    const self = guard<GTrigger>(new TriggerImpl(full), 'Trigger', this.ctx);
    this.registry.triggers.push({ spec: full, self, owner });
    return self;
  }
}

class ClockTriggerBuilderImpl implements Pick<GClock, 'onWeekDay' | 'atHour' | 'nearMinute' | 'everyDays' | 'everyHours' | 'everyWeeks' | 'after' | 'inTimezone' | 'create'> {
  _self!: GClock;
  private readonly _spec: Omit<InstalledTrigger, 'uniqueId'>;
  constructor(private readonly _installer: Installer, handler: string) {
    this._spec = { handler, eventType: 'CLOCK', source: 'CLOCK', sourceId: '' };
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): GClock { this._spec.weekDay = String(day); return this._self; }
  atHour(hour: number): GClock {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new this._installer.ctx.realm.Error(`Invalid argument: hour`);
    this._spec.atHour = hour;
    return this._self;
  }
  nearMinute(minute: number): GClock { this._spec.nearMinute = minute; return this._self; }
  everyDays(n: number): GClock { this._spec.everyDays = n; return this._self; }
  everyHours(n: number): GClock { this._spec.everyHours = n; return this._self; }
  everyWeeks(n: number): GClock { this._spec.everyWeeks = n; return this._self; }
  after(durationMilliseconds: number): GClock {
    if (!Number.isInteger(durationMilliseconds) || durationMilliseconds < 0) throw new this._installer.ctx.realm.Error('Invalid argument: durationMilliseconds');
    this._spec.afterMs = durationMilliseconds;
    return this._self;
  }
  inTimezone(timezone: string): GClock { this._spec.timeZone = timezone; return this._self; }
  create(): GTrigger {
    const s = this._spec;
    const schedules = [s.weekDay !== undefined || s.everyWeeks !== undefined, s.everyDays !== undefined, s.everyHours !== undefined, s.afterMs !== undefined].filter(Boolean).length;
    if (schedules !== 1) throw new this._installer.ctx.realm.Error('fake: a clock trigger needs exactly one of onWeekDay/everyWeeks, everyDays, everyHours, after');
    if (s.afterMs !== undefined && s.atHour !== undefined) throw new this._installer.ctx.realm.Error('fake: atHour cannot be combined with after');
    if (s.everyHours !== undefined && s.atHour !== undefined) throw new this._installer.ctx.realm.Error('fake: atHour cannot be combined with everyHours');
    return this._installer.install({ ...s });
  }
}

class SpreadsheetTriggerBuilderImpl implements Pick<GSheetTrigger, 'onFormSubmit' | 'onEdit' | 'onOpen' | 'onChange' | 'create'> {
  _self!: GSheetTrigger;
  private _event: InstalledTrigger['eventType'] | null = null;
  constructor(private readonly _installer: Installer, private readonly _handler: string, private readonly _sourceId: string) {}
  onFormSubmit(): GSheetTrigger { this._event = 'ON_FORM_SUBMIT'; return this._self; }
  onEdit(): GSheetTrigger { this._event = 'ON_EDIT'; return this._self; }
  onOpen(): GSheetTrigger { this._event = 'ON_OPEN'; return this._self; }
  onChange(): GSheetTrigger { this._event = 'ON_CHANGE'; return this._self; }
  create(): GTrigger {
    if (this._event === null) throw new this._installer.ctx.realm.Error('fake: a spreadsheet trigger needs an event (onFormSubmit, onEdit, …)');
    return this._installer.install({ handler: this._handler, eventType: this._event, source: 'SPREADSHEETS', sourceId: this._sourceId });
  }
}

class TriggerBuilderImpl implements Pick<GTriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  constructor(private readonly _installer: Installer, private readonly _handler: string) {}
  timeBased(): GClock {
    const impl = new ClockTriggerBuilderImpl(this._installer, this._handler);
    impl._self = guard<GClock>(impl, 'ClockTriggerBuilder', this._installer.ctx);
    return impl._self;
  }
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GSheetTrigger {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    const impl = new SpreadsheetTriggerBuilderImpl(this._installer, this._handler, id);
    impl._self = guard<GSheetTrigger>(impl, 'SpreadsheetTriggerBuilder', this._installer.ctx);
    return impl._self;
  }
}

export interface TriggerHandles {
  /** Every installed trigger, whoever installed it. */
  installed(): InstalledTrigger[];
  /** The triggers `user` installed (and runs as). */
  installedBy(user: string): InstalledTrigger[];
}

export class ScriptAppImpl implements Pick<GScriptApp, 'newTrigger' | 'getProjectTriggers' | 'deleteTrigger' | 'getScriptId'> {
  readonly WeekDay = WEEKDAY as unknown as typeof GoogleAppsScript.Base.Weekday;
  readonly EventType = EVENT_TYPE as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly TriggerSource = TRIGGER_SOURCE as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  private readonly _installer: Installer;

  constructor(ctx: Guarded, private readonly _registry: Registry, functionExists: (name: string) => boolean, scriptId: string,
    private readonly _user: () => string) {
    this._installer = new Installer(ctx, _registry, functionExists, scriptId, _user);
  }

  /** `user`: who is running the script now (the effective user: the one a call or trigger runs as). */
  static create(ctx: Guarded, functionExists: (name: string) => boolean, scriptId: string, user: () => string = () => ''): { service: GScriptApp; handles: TriggerHandles } {
    const registry: Registry = { triggers: [], nextId: 0 };
    const impl = new ScriptAppImpl(ctx, registry, functionExists, scriptId, user);
    return { service: guard<GScriptApp>(impl, 'ScriptApp', ctx), handles: {
      installed: () => registry.triggers.map((t) => ({ ...t.spec })),
      installedBy: (user) => registry.triggers.filter((t) => t.owner === user).map((t) => ({ ...t.spec })),
    } };
  }

  newTrigger(functionName: string): GTriggerBuilder {
    return guard<GTriggerBuilder>(new TriggerBuilderImpl(this._installer, functionName), 'TriggerBuilder', this._installer.ctx);
  }
  /** As in Apps Script: the project's triggers of the current user only. Another user's call
   *  (google.script.run runs as whoever calls) never sees the installer's triggers. */
  getProjectTriggers(): GTrigger[] {
    const user = this._user();
    return this._registry.triggers.filter((t) => t.owner === user).map((t) => t.self);
  }
  deleteTrigger(trigger: GTrigger): void {
    // By identity, not through trigger.getUniqueId(), so the fake's own bookkeeping is not counted.
    this._registry.triggers = this._registry.triggers.filter((t) => t.self !== trigger);
  }
  getScriptId(): string { return this._installer.scriptId; }
}
