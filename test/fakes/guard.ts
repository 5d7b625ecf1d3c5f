import type { CallLog } from './call-log';
import type { Executions } from './executions';
import type { Realm } from './realm';

// Wraps a fake's implementation in a Proxy that (1) records every method call as
// "Service.method" in the CallLog and (2) throws "not implemented in fake: Service.method" for any
// method the fake does not have, so a test never passes by silently calling nothing.
// Members whose name starts with `_` are the fake's own plumbing and are not reachable through it.

// Properties that test tooling (jest's matchers and printers, promises, util.inspect) probes on any
// object; answering `undefined` keeps those tools working without pretending the method exists.
const PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'constructor',
  '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '_isMockFunction', 'inspect', 'length']);

export interface Guarded {
  readonly log: CallLog;
  readonly realm: Realm;
  /** When writes become visible (test/fakes/executions.ts); absent: at once. */
  readonly executions?: Executions;
}

export function notImplemented(realm: Realm, name: string): Error {
  return new realm.Error(`not implemented in fake: ${name}`);
}

export function guard<T>(impl: object, service: string, ctx: Guarded): T {
  const wrappers = new Map<string, (...args: unknown[]) => unknown>();
  const proxy = new Proxy(impl, {
    get(target, prop) {
      if (typeof prop === 'symbol') return Reflect.get(target, prop);
      const value: unknown = prop.startsWith('_') ? undefined : Reflect.get(target, prop);
      if (typeof value === 'function') {
        let w = wrappers.get(prop);
        if (!w) {
          const fn = value as (...args: unknown[]) => unknown;
          const name = `${service}.${prop}`;
          w = (...args: unknown[]) => ctx.log.call(name, () => fn.apply(target, args));
          wrappers.set(prop, w);
        }
        return w;
      }
      if (value !== undefined) return value;
      if (PROBES.has(prop)) return undefined;
      return () => { throw notImplemented(ctx.realm, `${service}.${prop}`); };
    },
    set(_target, prop) {
      throw notImplemented(ctx.realm, `${service}.${String(prop)} (assignment)`);
    },
  });
  return proxy as T;
}
