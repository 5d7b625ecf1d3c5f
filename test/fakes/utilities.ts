import { guard, type Guarded } from './guard';
import { isAnyDate } from './realm';
import { formatDate } from './time-zone';

type GUtilities = GoogleAppsScript.Utilities.Utilities;
type GLogger = GoogleAppsScript.Base.Logger;

export interface UtilitiesHandles {
  /** Milliseconds the script asked Utilities.sleep for (the fake does not wait). */
  slept(): number;
}

export class UtilitiesImpl implements Pick<GUtilities, 'formatDate' | 'getUuid' | 'sleep'> {
  private _uuids = 0;
  private _slept = 0;
  constructor(private readonly _ctx: Guarded) {}

  static create(ctx: Guarded): { service: GUtilities; handles: UtilitiesHandles } {
    const impl = new UtilitiesImpl(ctx);
    return { service: guard<GUtilities>(impl, 'Utilities', ctx), handles: { slept: () => impl._slept } };
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isAnyDate(date)) throw new this._ctx.realm.Error('Invalid argument: date');
    return formatDate(date, timeZone, format, (m) => new this._ctx.realm.Error(m));
  }

  /** Version-4-shaped and deterministic, so tests can name the IDs they expect. */
  getUuid(): string {
    this._uuids += 1;
    return `00000000-0000-4000-8000-${String(this._uuids).padStart(12, '0')}`;
  }

  sleep(milliseconds: number): void { this._slept += milliseconds; }
}

/** Logger.log and console share this list, so a test can read what the script logged. */
export interface LogLine { source: 'Logger' | 'console'; level: string; text: string }

function render(args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first === 'string' && first.includes('%s')) {
    let i = 0;
    return first.replace(/%s/g, () => String(rest[i++]));
  }
  return args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
}

function safeJson(v: unknown): string {
  if (v instanceof Error || Object.prototype.toString.call(v) === '[object Error]') return String((v as Error).stack ?? v);
  try { return JSON.stringify(v) ?? String(v); } catch { return String(v); }
}

export class LoggerImpl implements Pick<GLogger, 'log' | 'getLog' | 'clear'> {
  _self!: GLogger;
  constructor(private readonly _lines: LogLine[]) {}
  static wrap(ctx: Guarded, lines: LogLine[]): GLogger {
    const impl = new LoggerImpl(lines);
    impl._self = guard<GLogger>(impl, 'Logger', ctx);
    return impl._self;
  }
  log(...args: unknown[]): GLogger { this._lines.push({ source: 'Logger', level: 'info', text: render(args) }); return this._self; }
  getLog(): string { return this._lines.filter((l) => l.source === 'Logger').map((l) => l.text).join('\n'); }
  clear(): void { for (let i = this._lines.length - 1; i >= 0; i -= 1) if (this._lines[i]?.source === 'Logger') this._lines.splice(i, 1); }
}

/** The console of Apps Script (Cloud Logging): log, info, warn, error. */
export class ConsoleImpl {
  constructor(private readonly _lines: LogLine[]) {}
  static wrap(ctx: Guarded, lines: LogLine[]): Console {
    return guard<Console>(new ConsoleImpl(lines), 'console', ctx);
  }
  log(...args: unknown[]): void { this._lines.push({ source: 'console', level: 'log', text: render(args) }); }
  info(...args: unknown[]): void { this._lines.push({ source: 'console', level: 'info', text: render(args) }); }
  warn(...args: unknown[]): void { this._lines.push({ source: 'console', level: 'warn', text: render(args) }); }
  error(...args: unknown[]): void { this._lines.push({ source: 'console', level: 'error', text: render(args) }); }
}
