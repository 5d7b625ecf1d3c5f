import { guard, type Guarded } from './guard';

type GLockService = GoogleAppsScript.Lock.LockService;
type GLock = GoogleAppsScript.Lock.Lock;

export type LockKind = 'script' | 'document' | 'user';
const ELSEWHERE = Symbol('another execution');

/** Who holds each lock: a handle of this execution, "another execution", or nobody. */
class LockSlot {
  holder: LockImpl | typeof ELSEWHERE | null = null;
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

// Each getScriptLock() handle stands for one execution, so two handles contend as two runs would.
// No time passes: tryLock(ms) answers at once what it would answer after ms. A lock taken in an
// execution the fakes run (Executions.run: the bundle harness runs each call so) is freed when it
// ends, released or not, as Apps Script frees it when the script terminates.
class LockImpl implements Pick<GLock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(private readonly _ctx: Guarded, private readonly _slot: LockSlot) {}

  tryLock(_timeoutInMillis: number): boolean {
    if (this._slot.holder !== null && this._slot.holder !== this) return false;
    if (this._slot.holder !== this) this._ctx.executions?.atEnd(() => this.releaseLock());
    this._slot.holder = this;
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new this._ctx.realm.Error(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    if (this._slot.holder === this) this._slot.holder = null;
  }

  hasLock(): boolean {
    return this._slot.holder === this;
  }
}

export interface LockHandles {
  /** Makes another execution hold the lock (tryLock answers false, waitLock throws). */
  holdElsewhere(kind: LockKind): void;
  releaseElsewhere(kind: LockKind): void;
  isHeld(kind: LockKind): boolean;
}

export class LockServiceImpl implements Pick<GLockService, 'getScriptLock' | 'getDocumentLock' | 'getUserLock'> {
  private readonly _slots: Record<LockKind, LockSlot> = { script: new LockSlot(), document: new LockSlot(), user: new LockSlot() };

  constructor(private readonly _ctx: Guarded, private readonly _bound: boolean) {}

  static create(ctx: Guarded, bound: boolean): { service: GLockService; handles: LockHandles } {
    const impl = new LockServiceImpl(ctx, bound);
    const handles: LockHandles = {
      holdElsewhere: (kind) => { impl._slots[kind].holder = ELSEWHERE; },
      releaseElsewhere: (kind) => { if (impl._slots[kind].holder === ELSEWHERE) impl._slots[kind].holder = null; },
      isHeld: (kind) => impl._slots[kind].holder !== null,
    };
    return { service: guard<GLockService>(impl, 'LockService', ctx), handles };
  }

  private _lock(kind: LockKind): GLock {
    return guard<GLock>(new LockImpl(this._ctx, this._slots[kind]), 'Lock', this._ctx);
  }

  getScriptLock(): GLock { return this._lock('script'); }
  /** Null in a script that is not bound to a document, as in Apps Script. */
  getDocumentLock(): GLock { return (this._bound ? this._lock('document') : null) as GLock; }
  getUserLock(): GLock { return this._lock('user'); }
}
