// A zod schema built the first time it is used, not when the bundle is evaluated. Apps Script
// evaluates the whole of dist/Code.js again for every google.script.run call and every trigger
// (bench/README.md, "start-up"), and building the ~480 schemas of the server calls at load was
// about a third of that evaluation — for a call that parses one or two of them. Wrapping a
// module-level schema as `lazySchema(() => z.strictObject({...}))` keeps its name and its type:
// every use (safeParse, `_zod`, being a field of another schema, `instanceof`) builds it once and
// then goes straight to it. A schema built inside another lazy one is built with it, on demand.

/** `build()` on first use; the same schema (and type) to every caller after that. */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | null = null;
  const real = (): T => (built ??= build());
  const handler: ProxyHandler<T> = {
    get: (_target, key) => Reflect.get(real(), key),
    set: (_target, key, value: unknown) => Reflect.set(real(), key, value),
    has: (_target, key) => Reflect.has(real(), key),
    // zod's `instanceof` reads `_zod.traits` (get above); a prototype check sees the schema's own.
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  };
  // The stand-in is an empty object until first use; it is typed as the schema it stands for,
  // which every access above forwards to (a Proxy's target type is its type).
  const standIn = {} as T;
  return new Proxy(standIn, handler);
}
