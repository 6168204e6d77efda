/**
 * Shared machinery every emulated service uses: call counting, fault
 * injection, the virtual clock, execution identity and the "realm" in which
 * values handed to script code are created.
 */
import { ExecutionKilledError } from './errors';

/** Message Apps Script uses when a Spreadsheet write fails transiently. */
export const SERVICE_FAILURE = 'Service Spreadsheets failed while accessing document';

export interface Stats {
  calls: Record<string, number>;
  totalCalls: number;
  cellsRead: number;
  cellsWritten: number;
}

export interface Faults {
  failWriteAt?: number;
  cutOffAfterCalls?: number;
}

export type ExecutionKind = 'editor' | 'trigger';

/** ScriptApp.AuthMode names. Only NONE restricts anything in the emulator. */
export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

export interface Execution {
  id: number;
  kind: ExecutionKind;
  user: string;
  alive: boolean;
  /** For an add-on's trigger execution: the document the trigger belongs to (it may not be active). */
  document?: string | null;
  authMode: AuthModeName;
  /** Virtual time the execution began, for the daily trigger-runtime quota. */
  startedAt: number;
  /** Set once the execution ran past the daily trigger-runtime quota: every later call fails too. */
  overQuota?: boolean;
}

/** Apps Script's message when a user's triggers have used up the day's runtime. */
export const TRIGGER_QUOTA_MESSAGE = 'Service using too much computer time for one day';
/** "Triggers total runtime" for consumer accounts: 90 min / day (6 h for Workspace). */
export const TRIGGER_RUNTIME_PER_DAY_MS = 90 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Calls an execution in AuthMode.NONE may make: the add-on menu, and services that need no
 * authorization. Everything else throws "You do not have permission to call ...".
 */
const ALLOWED_IN_NONE = /^(?:SpreadsheetApp\.getUi|Ui\.createAddonMenu|Ui\.createMenu|Menu\..*|Logger\..*|Utilities\..*|HtmlService\..*|HtmlOutput\..*|Session\.getActiveUserLocale|Session\.getScriptTimeZone|Session\.getTimeZone)$/;

/**
 * Per-user trigger runtime. Quotas "reset 24 h after the first request", so each user's window
 * opens at the first trigger execution and closes 24 h later.
 */
export class TriggerRuntimeLedger {
  private readonly byUser = new Map<string, { windowStart: number; usedMs: number }>();

  constructor(public limitMs: number = TRIGGER_RUNTIME_PER_DAY_MS) {}

  /** Milliseconds used by `user`'s trigger executions in the window that contains `now`. */
  used(user: string, now: number): number {
    const entry = this.byUser.get(user);
    return entry && now < entry.windowStart + DAY_MS ? entry.usedMs : 0;
  }

  record(user: string, startedAt: number, endedAt: number): void {
    let entry = this.byUser.get(user);
    if (!entry || startedAt >= entry.windowStart + DAY_MS) {
      entry = { windowStart: startedAt, usedMs: 0 };
      this.byUser.set(user, entry);
    }
    entry.usedMs += Math.max(0, endedAt - startedAt);
  }
}

/**
 * Constructors of the JavaScript realm that runs the script. A bundle run in a
 * node:vm context has its own Date/Array/Error; values created with the host's
 * constructors would fail `instanceof Date` checks inside the script, which
 * real Apps Script code relies on. runInContext() swaps these in.
 */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
}

export const hostRealm: Realm = { Date, Array, Error, Object };

export class VirtualClock {
  private t: number;
  private realStart = Date.now();
  /** When true, real elapsed time also passes (the runner, the preview); tests keep it false. */
  private followReal = false;
  /** Simulated service latency, added by the runtime on every call. */
  private simulated = 0;
  constructor(start: number = Date.now()) {
    this.t = start;
  }
  now(): number {
    return this.t + this.simulated + (this.followReal ? Date.now() - this.realStart : 0);
  }
  advance(ms: number): void {
    if (ms > 0) this.t += ms;
  }
  /** Used by fromState so a restored emulator continues the same timeline. */
  set(ms: number): void {
    this.t = ms - this.simulated;
    this.realStart = Date.now();
  }
  followRealTime(on: boolean): void {
    this.t = this.now() - this.simulated;
    this.realStart = Date.now();
    this.followReal = on;
  }
  /** Called by the runtime: time a service round trip would take in Apps Script. */
  addLatency(ms: number): void {
    if (ms > 0) this.simulated += ms;
  }
}

/**
 * How long Apps Script's services take, for time-budget tests and the benchmark's estimate.
 * Defaults are zero; the runner sets figures in the range Tanaike measured (tens of ms per call,
 * ~85 s to read 10M cells).
 */
export interface Latency {
  perCallMs: number;
  perCellMs: number;
}

export class Runtime {
  stats: Stats = { calls: {}, totalCalls: 0, cellsRead: 0, cellsWritten: 0 };
  /** Cells written per sheet id (values and formulas), since the last resetStats. */
  cellsWrittenBySheet: Record<number, number> = {};
  /** A second execution to run inside this one, at its n-th service call (concurrency tests). */
  private interleave: { afterCalls: number; run: () => void; seen: number } | null = null;
  realm: Realm = hostRealm;
  readonly clock: VirtualClock;
  latency: Latency = { perCallMs: 0, perCellMs: 0 };
  private cellsSeen = 0;
  private faults: Faults = {};
  /** Mutating calls / all calls seen since the faults were injected. */
  private writesSinceFault = 0;
  private callsSinceFault = 0;
  private killed = false;

  readonly triggerRuntime = new TriggerRuntimeLedger();
  executions = new Map<number, Execution>();
  current!: Execution;
  private nextExecutionId = 1;

  constructor(readonly defaultUser: string, clockStart?: number) {
    this.clock = new VirtualClock(clockStart);
  }

  /**
   * Entry hook for every public service method. Counts the call, then applies
   * the injected faults *before* the method body runs, so a failed write is
   * guaranteed to change nothing.
   */
  noteSheetWrite(sheetId: number, cells: number): void {
    this.cellsWrittenBySheet[sheetId] = (this.cellsWrittenBySheet[sheetId] ?? 0) + cells;
  }

  /** Runs `run` (another execution) when the current one reaches its n-th call from now. */
  setInterleave(afterCalls: number, run: () => void): void {
    this.interleave = { afterCalls, run, seen: 0 };
  }

  enter(key: string, mutating: boolean): void {
    if (this.killed) throw new ExecutionKilledError();
    const ex = this.current;
    if (ex.authMode === 'NONE' && !ALLOWED_IN_NONE.test(key)) throw this.error(`You do not have permission to call ${key}`);
    if (ex.kind === 'trigger') this.checkTriggerQuota(ex);
    if (this.interleave && ++this.interleave.seen >= this.interleave.afterCalls) {
      const { run } = this.interleave;
      this.interleave = null;
      const current = this.current;
      try {
        run();
      } finally {
        this.current = current;
      }
    }
    if (this.faults.cutOffAfterCalls !== undefined) {
      this.callsSinceFault++;
      if (this.callsSinceFault > this.faults.cutOffAfterCalls) {
        this.killed = true;
        throw new ExecutionKilledError();
      }
    }
    this.stats.calls[key] = (this.stats.calls[key] || 0) + 1;
    this.stats.totalCalls++;
    if (this.latency.perCallMs > 0 || this.latency.perCellMs > 0) {
      const cells = this.stats.cellsRead + this.stats.cellsWritten;
      this.clock.addLatency(this.latency.perCallMs + Math.max(0, cells - this.cellsSeen) * this.latency.perCellMs);
      this.cellsSeen = cells;
    }
    if (mutating && this.faults.failWriteAt !== undefined) {
      this.writesSinceFault++;
      if (this.writesSinceFault === this.faults.failWriteAt) throw this.error(SERVICE_FAILURE);
    }
  }

  injectFault(f: Faults): void {
    this.faults = { ...this.faults, ...f };
    if (f.failWriteAt !== undefined) this.writesSinceFault = 0;
    if (f.cutOffAfterCalls !== undefined) this.callsSinceFault = 0;
  }

  clearFaults(): void {
    this.faults = {};
    this.killed = false;
    this.writesSinceFault = 0;
    this.callsSinceFault = 0;
  }

  resetStats(): void {
    this.cellsSeen = 0;
    this.cellsWrittenBySheet = {};
    this.stats = { calls: {}, totalCalls: 0, cellsRead: 0, cellsWritten: 0 };
  }

  /** Fails a trigger execution once its user's triggers have run past the daily quota. */
  private checkTriggerQuota(ex: Execution): void {
    const now = this.clock.now();
    if (!ex.overQuota && this.triggerRuntime.used(ex.user, now) + (now - ex.startedAt) <= this.triggerRuntime.limitMs) return;
    ex.overQuota = true;
    throw this.error(TRIGGER_QUOTA_MESSAGE);
  }

  /** Ends an execution's accounting: a trigger's virtual runtime counts against its user's day. */
  finishExecution(ex: Execution): void {
    ex.alive = false;
    if (ex.kind === 'trigger') this.triggerRuntime.record(ex.user, ex.startedAt, this.clock.now());
  }

  beginExecution(kind: ExecutionKind, user: string, document: string | null = null, authMode: AuthModeName = 'FULL'): Execution {
    const ex: Execution = { id: this.nextExecutionId++, kind, user, alive: true, document, authMode, startedAt: this.clock.now() };
    this.executions.set(ex.id, ex);
    this.current = ex;
    return ex;
  }

  /** Apps Script-style exception, created in the script's realm. */
  error(message: string): Error {
    const e = new this.realm.Error(message);
    // V8 Apps Script reports service failures as "Exception: ...".
    e.name = 'Exception';
    return e;
  }

  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  array<T>(length = 0): T[] {
    return new this.realm.Array<T>(length);
  }

  object<T extends object>(): T {
    return new this.realm.Object() as T;
  }
}

/** Anything that carries the runtime can be instrumented. */
export interface HasRuntime {
  readonly rt: Runtime;
}

/**
 * Wraps every public prototype method of a service class so that calling it
 * goes through Runtime.enter(). Doing it once per class (instead of a line in
 * each method) makes it impossible to forget counting a method. Methods whose
 * names start with "_" are internal and emulator-only, so they are skipped;
 * internal code must call those, not the public wrappers, to avoid double
 * counting.
 */
export function instrument(
  cls: { prototype: object },
  className: string,
  mutating: readonly string[] = [],
  skip: readonly string[] = [],
): void {
  const proto = cls.prototype as Record<string, unknown>;
  const mutatingSet = new Set(mutating);
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_') || skip.includes(name)) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const original = desc.value as (...args: unknown[]) => unknown;
    const key = `${className}.${name}`;
    const isMutating = mutatingSet.has(name);
    const wrapped = function (this: HasRuntime, ...args: unknown[]): unknown {
      this.rt.enter(key, isMutating);
      return original.apply(this, args);
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(proto, name, { ...desc, value: wrapped });
  }
}

/** Cross-realm type checks: `instanceof Date` fails for dates made in a vm context. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
