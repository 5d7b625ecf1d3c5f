import fc from 'fast-check';
import * as z from 'zod/mini';
import { lazySchema } from '../../src/domain/lazy-schema';

// A lazy schema must be indistinguishable from the schema it builds, except for when it is built.
describe('lazySchema', () => {
  const eagerId = z.string().check(z.trim(), z.minLength(1), z.maxLength(5));
  const eager = z.strictObject({ id: eagerId, tags: z.optional(z.array(z.enum(['a', 'b']))), n: z.optional(z.int()) });

  test('builds nothing until first used, then once', () => {
    let builds = 0;
    const lazy = lazySchema(() => { builds += 1; return z.string(); });
    expect(builds).toBe(0);
    expect(lazy.safeParse('x').success).toBe(true);
    expect(lazy.safeParse(1).success).toBe(false);
    expect(builds).toBe(1);
  });

  test('parses every value as the eager schema does, also as a field of another schema and inside optional/array', () => {
    const lazyId = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(5)));
    const lazy = lazySchema(() => z.strictObject({ id: lazyId, tags: z.optional(z.array(z.enum(['a', 'b']))), n: z.optional(z.int()) }));
    const wrapped = z.optional(lazy);
    const value = fc.oneof(
      fc.record({ id: fc.oneof(fc.string(), fc.integer()), tags: fc.option(fc.array(fc.constantFrom('a', 'b', 'c')), { nil: undefined }), n: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }) }, { requiredKeys: [] }),
      fc.anything(),
    );
    fc.assert(fc.property(value, (v) => {
      const a = eager.safeParse(v);
      const b = lazy.safeParse(v);
      expect(b.success).toBe(a.success);
      if (a.success && b.success) expect(b.data).toEqual(a.data);
      else expect(b.error?.issues).toEqual(a.error?.issues);
      expect(wrapped.safeParse(v).success).toBe(z.optional(eager).safeParse(v).success);
    }), { numRuns: 300 });
  });

  test('is an instance of its schema class, and optional() sees it as required', () => {
    const lazy = lazySchema(() => z.string());
    expect(lazy instanceof z.ZodMiniString).toBe(true);
    expect(z.strictObject({ s: lazy }).safeParse({}).success).toBe(false);
    expect(z.strictObject({ s: z.optional(lazy) }).safeParse({}).success).toBe(true);
  });
});
