import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { CallLog, installFakes, type FakeHandles, type FakeOptions, type Realm } from '../fakes';
import { repoRoot } from '../fakes/repo-root';

// Runs the built dist/Code.js the way Apps Script does: one script evaluated in a fresh realm
// that has the ECMAScript built-ins and the Google services, and none of Node's or the browser's
// extras. Tests then call its top-level functions as Apps Script would (menus, triggers,
// google.script.run with JSON-shaped arguments).

export const REPO = repoRoot();
export const BUNDLE_PATH = join(REPO, 'dist', 'Code.js');

/** Globals a V8 or Node realm may offer that Apps Script's V8 runtime does not. */
export const ABSENT_IN_APPS_SCRIPT = ['URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'setTimeout', 'setInterval',
  'clearTimeout', 'clearInterval', 'setImmediate', 'queueMicrotask', 'structuredClone', 'require', 'process', 'Buffer',
  'module', 'exports', 'global', 'fetch', 'atob', 'btoa'] as const;

export type BundleFunction = (...args: unknown[]) => unknown;

export interface LoadOptions extends FakeOptions {
  /** false: load with no Apps Script globals at all (default true). */
  fakes?: boolean;
  /** Another bundle file (default dist/Code.js). */
  bundlePath?: string;
  /** Freezes the bundle's clock: `new Date()` and `Date.now()` answer this instant until setNow. */
  now?: Date | string;
  /** Runs in the realm just before the bundle is evaluated (a test's own probe). */
  beforeEvaluate?: (context: vm.Context) => void;
}

export interface LoadedBundle {
  /** The bundle's top-level functions by name (throws for a name the bundle does not define). */
  readonly ctx: Readonly<Record<string, BundleFunction>>;
  /** Calls a top-level function of the bundle by name. */
  call(name: string, ...args: unknown[]): unknown;
  /** Names of the top-level functions the bundle declared. */
  readonly functionNames: string[];
  /** The fakes' handles (null when loaded without fakes). */
  readonly fakes: FakeHandles | null;
  readonly log: CallLog;
  /** The calls the bundle made while it was being evaluated (must be none). */
  readonly loadCalls: number;
  /** The vm context, for a test that must look inside (`vm.runInContext('typeof URL', context)`). */
  readonly context: vm.Context;
  readonly source: string;
  /** Moves the frozen clock (only with the `now` option). */
  setNow(now: Date | string): void;
}

/** Makes sure dist/Code.js exists, building it once if it does not (tests normally run after `npm run build`). */
export function ensureBuilt(path = BUNDLE_PATH): void {
  if (!existsSync(path)) execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, stdio: 'pipe' });
}

/** A fresh realm with only the ECMAScript built-ins (V8 adds a no-op `console`; it goes too). */
export function bareContext(): vm.Context {
  const context = vm.createContext({});
  const names = [...ABSENT_IN_APPS_SCRIPT, 'console'];
  vm.runInContext(`for (const n of ${JSON.stringify(names)}) { delete globalThis[n]; }`, context);
  return context;
}

export function loadBundle(options: LoadOptions = {}): LoadedBundle {
  const path = options.bundlePath ?? BUNDLE_PATH;
  ensureBuilt(path);
  const source = readFileSync(path, 'utf8');
  const context = bareContext();
  const sandbox = context as Record<string, unknown>;
  let frozen = options.now === undefined ? null : instant(options.now);
  if (frozen !== null) freezeClock(context, () => frozen as number);
  const before = new Set(Object.getOwnPropertyNames(sandbox));
  const realm = vm.runInContext('({ Date: Date, Error: Error })', context) as Realm;
  const log = options.log ?? new CallLog();
  const isGlobalFunction = (name: string): boolean => /^[A-Za-z_$][\w$]*$/.test(name) && typeof sandbox[name] === 'function';
  const fakes = options.fakes === false ? null : installFakes(sandbox, {
    console: true, ...options, log, realm, functionExists: options.functionExists ?? isGlobalFunction,
    // The fakes keep the bundle's time: a TTL runs out when setNow moves the frozen clock past it.
    clock: options.clock ?? (() => frozen ?? Date.now()),
  });
  const fakeNames = new Set(Object.keys(fakes?.globals ?? {}));
  log.reset();
  options.beforeEvaluate?.(context);
  vm.runInContext(source, context, { filename: 'Code.js' });
  const loadCalls = log.total();
  const functionNames = Object.getOwnPropertyNames(sandbox)
    .filter((n) => !before.has(n) && !fakeNames.has(n) && typeof sandbox[n] === 'function').sort();

  // Each call is one execution, as Apps Script runs each menu item, trigger and google.script.run
  // call: what it leaves for its end (the locks it holds: test/fakes/executions.ts `run`) happens
  // when it returns.
  const fn = (name: string): BundleFunction => {
    if (!functionNames.includes(name)) throw new Error(`the bundle has no top-level function ${name}`);
    const f = sandbox[name] as BundleFunction;
    return fakes ? (...args) => fakes.executions.run(() => f(...args)) : f;
  };
  const ctx = new Proxy({} as Record<string, BundleFunction>, {
    get: (_t, prop) => (typeof prop === 'string' ? fn(prop) : undefined),
  });
  const setNow = (now: Date | string): void => {
    if (frozen === null) throw new Error('setNow needs loadBundle({ now })');
    frozen = instant(now);
  };
  return { ctx, call: (name, ...args) => fn(name)(...args), functionNames, fakes, log, loadCalls, context, source, setNow };
}

function instant(d: Date | string): number {
  const ms = typeof d === 'string' ? Date.parse(d) : d.getTime();
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${String(d)}`);
  return ms;
}

/** Replaces the realm's Date with one whose "now" is `now()`. Dates made any other way, and
 *  the Dates the fakes hand out, are still `instanceof Date` (they share one prototype). */
function freezeClock(context: vm.Context, now: () => number): void {
  const install = vm.runInContext(`(function (now) {
    const RealDate = Date;
    function FrozenDate(...args) {
      if (!new.target) return new RealDate(now()).toString();
      return args.length === 0 ? new RealDate(now()) : new RealDate(...args);
    }
    FrozenDate.prototype = RealDate.prototype;
    FrozenDate.now = () => now();
    FrozenDate.UTC = RealDate.UTC;
    FrozenDate.parse = RealDate.parse;
    Object.defineProperty(globalThis, 'Date', { value: FrozenDate, writable: true, configurable: true, enumerable: false });
  })`, context) as (now: () => number) => void;
  install(now);
}

/** What google.script.run lets through, as JSON does: throws on the values it refuses (Date,
 *  functions, Map/Set and other class instances), as the real bridge fails the call. */
export function jsonRoundTrip<T>(value: T): T {
  check(value, '$');
  const text = JSON.stringify(value);
  return (text === undefined ? null : JSON.parse(text)) as T;
}

function check(v: unknown, at: string): void {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || v === undefined) return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`google.script.run cannot pass ${String(v)} at ${at}`);
    return;
  }
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
    throw new Error(`google.script.run cannot pass a ${typeof v} at ${at}`);
  }
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Date]') throw new Error(`google.script.run cannot pass a Date at ${at} (send an ISO string)`);
  if (Array.isArray(v)) { v.forEach((x, i) => check(x, `${at}[${i}]`)); return; }
  const proto = Object.getPrototypeOf(v) as object | null;
  // A plain object of any realm: its prototype is Object.prototype of that realm (whose own prototype is null), or null.
  if (proto !== null && Object.getPrototypeOf(proto) !== null) {
    throw new Error(`google.script.run cannot pass ${tag} at ${at}`);
  }
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) check(x, `${at}.${k}`);
}
