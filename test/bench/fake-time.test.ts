import { CallLog } from '../fakes/call-log';
import { guard, type Guarded } from '../fakes/guard';
import { HOST_REALM } from '../fakes/realm';

// The bench takes the fakes' own time off a call's (bench/measure-bundle.ts, "our code through the
// bundle, fakes subtracted"): the CallLog times each outermost call into a fake. These pin that it
// counts as before, times only when asked, and does not time a fake's inner calls twice.
describe('the call log’s fake time', () => {
  // The fakes "work" by moving a clock of the test's own, so the sums are exact on any machine.
  let now = 0;
  const busy = (ms: number): void => { now += ms; };
  const timedLog = (): CallLog => { const log = new CallLog(); log.wallClock = () => now; log.timing = true; return log; };

  function fakes(log: CallLog) {
    const ctx: Guarded = { log, realm: HOST_REALM };
    const inner = guard<{ work(): number }>({ work: () => { busy(50); return 1; } }, 'Inner', ctx);
    const outer = guard<{ work(): number }>({ work: () => { busy(5); return inner.work() + 1; } }, 'Outer', ctx);
    return { inner, outer };
  }

  test('counts every call, nested ones too, and times nothing unless timing is on', () => {
    const log = new CallLog();
    const { outer } = fakes(log);
    expect(outer.work()).toBe(2);
    expect(log.snapshot().byMethod).toEqual({ 'Inner.work': 1, 'Outer.work': 1 });
    expect(log.fakeTime()).toEqual({ wallMs: 0, cpuMs: 0 });
  });

  test('with timing, sums the outermost calls only: an inner call is inside its caller', () => {
    const log = timedLog();
    const { outer, inner } = fakes(log);
    outer.work();
    const once = log.fakeTime().wallMs;
    // 55 ms of work (outer 5 + inner 50); the inner call timed again would make it 105 ms.
    expect(once).toBe(55);
    inner.work();
    expect(log.fakeTime().wallMs).toBe(105);
    expect(log.fakeTime().cpuMs).toBeGreaterThanOrEqual(0);
    expect(log.snapshot().total).toBe(3);
    log.reset();
    expect(log.fakeTime()).toEqual({ wallMs: 0, cpuMs: 0 });
  });

  test('a fake that throws still ends its timing, and the next call is timed again', () => {
    const log = timedLog();
    const ctx: Guarded = { log, realm: HOST_REALM };
    const lock = guard<{ waitLock(): void; work(): void }>({ waitLock: () => { throw new Error('Lock timeout'); }, work: () => busy(3) }, 'Lock', ctx);
    expect(() => lock.waitLock()).toThrow('Lock timeout');
    lock.work();
    expect(log.fakeTime().wallMs).toBe(3);
  });
});
