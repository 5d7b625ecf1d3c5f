import { checkCaller, checkSetupCaller, hasActiveManager } from '../../../src/app/shared/authorize';
import type { Coordinator } from '../../../src/domain/schema/tabs';

// The rules of コーディネータ as pure functions: who passes read, write and manager, and setup's
// bootstrap (open until the desk has an active manager, then a manager's alone).
const row = (email: string, role: Coordinator['role'], active = true): Coordinator => ({ email, name: '', role, active } as Coordinator);
const TEAM = [row('boss@x.jp', 'manager'), row('jc@x.jp', 'coordinator'), row('v@x.jp', 'viewer'), row('old@x.jp', 'manager', false)];

describe('the caller rules', () => {
  it.each([
    ['boss@x.jp', 'read', true], ['boss@x.jp', 'write', true], ['boss@x.jp', 'manager', true],
    [' JC@X.JP ', 'write', true], ['jc@x.jp', 'manager', false], ['v@x.jp', 'read', true], ['v@x.jp', 'write', false],
    ['old@x.jp', 'read', false], ['nobody@x.jp', 'read', false], ['', 'read', false],
  ] as const)('%s for %s: %s', (email, rule, ok) => {
    expect(checkCaller(TEAM, email, rule).ok).toBe(ok);
  });

  it('names the reason of a refusal', () => {
    expect(checkCaller(TEAM, 'jc@x.jp', 'manager')).toEqual({ ok: false, code: 'not_manager' });
    expect(checkCaller(TEAM, 'v@x.jp', 'write')).toEqual({ ok: false, code: 'read_only' });
    expect(checkCaller(TEAM, 'old@x.jp', 'manager')).toEqual({ ok: false, code: 'inactive_user' });
    expect(checkCaller(TEAM, 'x@y.jp', 'read')).toEqual({ ok: false, code: 'unknown_user' });
    expect(checkCaller(TEAM, ' ', 'read')).toEqual({ ok: false, code: 'not_signed_in' });
  });

  it('opens setup to anyone signed in until an active manager exists, then to a manager only', () => {
    expect(checkSetupCaller(null, 'first@x.jp')).toEqual({ ok: true, bootstrap: true });
    expect(checkSetupCaller([], 'first@x.jp')).toEqual({ ok: true, bootstrap: true });
    const noManager = [row('jc@x.jp', 'coordinator'), row('old@x.jp', 'manager', false)];
    expect(hasActiveManager(noManager)).toBe(false);
    expect(checkSetupCaller(noManager, 'anyone@x.jp')).toEqual({ ok: true, bootstrap: true });
    expect(checkSetupCaller(null, '')).toEqual({ ok: false, code: 'not_signed_in' });
    expect(hasActiveManager(TEAM)).toBe(true);
    expect(checkSetupCaller(TEAM, 'boss@x.jp')).toMatchObject({ ok: true });
    for (const who of ['jc@x.jp', 'v@x.jp', 'old@x.jp', 'stranger@x.jp']) expect(checkSetupCaller(TEAM, who).ok).toBe(false);
  });
});
