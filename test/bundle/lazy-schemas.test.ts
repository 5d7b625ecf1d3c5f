import vm from 'node:vm';
import { loadBundle } from './harness';
import { clockEvent } from './trigger-events';

// Apps Script evaluates all of dist/Code.js again for every google.script.run call and trigger
// (bench/README.md, start-up). The ~480 zod schemas of the server calls used to be built during
// that evaluation, about a third of it; now each is built the first time a call parses with it
// (src/domain/lazy-schema.ts). zod calls its global post-processor once for every schema it
// builds (zod/v4/core: `globalThis.__zod_globalConfig.postProcessor`), which counts them here.

interface ZodProbe { built: number }

function withProbe(): { probe: ZodProbe; bundle: ReturnType<typeof loadBundle> } {
  const probe: ZodProbe = { built: 0 };
  const bundle = loadBundle({
    now: '2025-03-10T00:00:00Z',
    beforeEvaluate: (context: vm.Context) => {
      (context as Record<string, unknown>).__zod_globalConfig = { postProcessor: () => { probe.built += 1; } };
    },
  });
  return { probe, bundle };
}

describe('the bundle builds its zod schemas on first use, not while it is evaluated', () => {
  test('evaluating dist/Code.js builds no schema at all', () => {
    const { probe, bundle } = withProbe();
    expect(bundle.loadCalls).toBe(0);
    // Counting works: with the schemas built at load it counted 484 (a check that can fail).
    if (probe.built > 0) {
      throw new Error(`${probe.built} zod schema(s) built while dist/Code.js is evaluated: write a module-level schema as ` +
        '`export const X = lazySchema(() => z.strictObject({ ... }))` (src/domain/lazy-schema.ts), and a schema in a table the same way');
    }
  });

  test('a call builds the schemas it parses with, once: the second call builds none', () => {
    const { probe, bundle } = withProbe();
    // A forged time-driven event (no such trigger is installed): the handler parses it with the
    // clock trigger's event schema, then refuses it — no sheet is read.
    const forged = clockEvent('not-installed');
    const first = bundle.call('weeklySummaryTrigger', forged);
    expect(first).toMatchObject({ ok: false });
    const afterFirst = probe.built;
    expect(afterFirst).toBeGreaterThan(0);
    bundle.call('weeklySummaryTrigger', forged);
    expect(probe.built).toBe(afterFirst);
  });
});
