/**
 * LockService. Locks are owned by an *execution* (see Runtime.beginExecution),
 * so two simulated executions contend exactly as two concurrent Apps Script
 * runs would. Waiting never really sleeps: the holder cannot release while
 * this single-threaded emulator "waits", so a contended wait always runs to
 * its timeout and the virtual clock advances by that amount.
 */
import { instrument, Runtime } from './runtime';

/** What LockService needs from the emulator, passed in rather than imported. */
export interface LockContext {
  readonly rt: Runtime;
  /** Id of the active document, null in a time-driven trigger. */
  activeDocumentId(): string | null;
  /** Lock resource key -> id of the execution holding it. */
  readonly lockHolders: Map<string, number>;
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** Max wait Apps Script allows (5 minutes). */
const MAX_WAIT_MS = 300000;

export class Lock {
  constructor(
    readonly rt: Runtime,
    /** Resource key: "document:<id>", "script" or "user:<email>". */
    private readonly key: string,
    private readonly holders: Map<string, number>,
    /** Execution that obtained this Lock object. */
    private readonly owner: number,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    return this._acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this._acquire(timeoutInMillis)) throw this.rt.error(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    if (this.holders.get(this.key) === this.owner) this.holders.delete(this.key);
  }

  hasLock(): boolean {
    return this.holders.get(this.key) === this.owner;
  }

  private _acquire(timeout: number): boolean {
    const holder = this.holders.get(this.key);
    if (holder === undefined || holder === this.owner) {
      this.holders.set(this.key, this.owner);
      return true;
    }
    this.rt.clock.advance(Math.min(Math.max(0, timeout), MAX_WAIT_MS));
    return false;
  }
}
instrument(Lock, 'Lock');

export class LockServiceImpl {
  readonly rt: Runtime;

  constructor(private readonly ctx: LockContext) {
    this.rt = ctx.rt;
  }

  /** null when there is no containing document (time-driven trigger of an add-on). */
  getDocumentLock(): Lock | null {
    const id = this.ctx.activeDocumentId();
    return id !== null ? this._lock(`document:${id}`) : null;
  }

  getScriptLock(): Lock {
    return this._lock('script');
  }

  getUserLock(): Lock {
    return this._lock(`user:${this.rt.current.user}`);
  }

  private _lock(key: string): Lock {
    return new Lock(this.rt, key, this.ctx.lockHolders, this.rt.current.id);
  }
}
instrument(LockServiceImpl, 'LockService');
