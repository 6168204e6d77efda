/**
 * Runs a bundle the way Apps Script does: a bare global scope holding only the
 * service globals (no require/module/process/Buffer), and entry points called
 * with arguments that went through google.script.run's serialisation.
 */
import * as vm from 'vm';
import type { Emulator } from './emulator';
import { AuthModeName, isDate, Realm, TRIGGER_QUOTA_MESSAGE } from './runtime';

const owners = new WeakMap<vm.Context, Emulator>();

/**
 * Creates the context, points the emulator's value factory at the context's
 * own Date/Array/Error/Object (so `instanceof Date` works inside the script),
 * and evaluates `code` as "Code.js".
 *
 * Note: from here on, values the emulator returns (even to host code) are
 * created in that context's realm.
 */
export function runInContext(code: string, emu: Emulator): vm.Context {
  const ctx = vm.createContext({});
  emu.rt.realm = vm.runInContext('({ Date: Date, Array: Array, Error: Error, Object: Object })', ctx) as Realm;
  const g = emu.globals();
  for (const name of Object.keys(g)) {
    Object.defineProperty(ctx, name, { value: g[name], writable: true, configurable: true, enumerable: false });
  }
  // Date.now() inside the script reads the emulator's clock, so time budgets see simulated
  // service latency and waits (new Date() still reads the real clock, for timestamps).
  const clock = emu.clock;
  (vm.runInContext('Date', ctx) as DateConstructor).now = () => clock.now();
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  owners.set(ctx, emu);
  return ctx;
}

/** JSON-like value that can cross google.script.run. */
export type Transferable = null | boolean | number | string | Transferable[] | { [key: string]: Transferable };

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  // Plain objects of *any* realm: their prototype is some realm's Object.prototype.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Copies a value the way google.script.run serialises arguments and return
 * values: primitives, arrays and plain objects only. Dates, functions and
 * other objects are rejected (Apps Script fails the call), undefined inside
 * arrays becomes null, undefined object properties are dropped, and
 * non-finite numbers become null.
 */
export function scriptRunClone(value: unknown, path = 'value', seen: Set<object> = new Set()): Transferable | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'function':
      throw new Error(`google.script.run cannot transfer a function (at ${path})`);
    case 'bigint':
    case 'symbol':
      throw new Error(`google.script.run cannot transfer a ${typeof value} (at ${path})`);
  }
  const obj = value as object;
  if (isDate(obj)) throw new Error(`google.script.run cannot transfer a Date (at ${path}); send a string or number`);
  if (seen.has(obj)) throw new Error(`google.script.run cannot transfer a circular structure (at ${path})`);
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      return obj.map((item, i) => {
        const c = scriptRunClone(item, `${path}[${i}]`, seen);
        return c === undefined ? null : c;
      });
    }
    if (!isPlainObject(obj)) {
      throw new Error(`google.script.run cannot transfer this object (at ${path}); only plain objects and arrays`);
    }
    const out: { [key: string]: Transferable } = {};
    for (const key of Object.keys(obj)) {
      const c = scriptRunClone((obj as Record<string, unknown>)[key], `${path}.${key}`, seen);
      if (c !== undefined) out[key] = c;
    }
    return out;
  } finally {
    seen.delete(obj);
  }
}

/**
 * Calls a top-level function of the bundle as google.script.run would: one
 * fresh execution (locks released and faults cleared at the end), arguments
 * and result passed through scriptRunClone. Arguments are rebuilt inside the
 * context's realm so the script sees its own Array/Object.
 */
export function callEntry(ctx: vm.Context, name: string, ...args: unknown[]): Transferable | undefined {
  const emu = owners.get(ctx);
  if (!emu) throw new Error('callEntry: context was not created by runInContext');
  // Any is unavoidable at the vm boundary: the context's globals are untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const fn = (ctx as any)[name];
  if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
  const parse = vm.runInContext('JSON.parse', ctx) as (s: string) => unknown;
  const realmArgs = args.map((a, i) => {
    const c = scriptRunClone(a, `args[${i}]`);
    return c === undefined ? undefined : parse(JSON.stringify(c));
  });
  emu.beginExecution('editor');
  try {
    return scriptRunClone(fn(...realmArgs), 'result');
  } finally {
    emu.endExecution();
  }
}

/** The emulator a context was created for. */
export function emulatorOf(ctx: vm.Context): Emulator | undefined {
  return owners.get(ctx);
}

/**
 * Runs a simple trigger or menu entry (e.g. onOpen) in a chosen auth mode, as Apps Script does:
 * the function receives an event object `{ authMode, ...event }` built in the script's realm. In
 * AuthMode.NONE (onOpen before the add-on is used in the document) every service that needs
 * authorization throws "You do not have permission to call ..."; building the add-on menu works.
 * The return value is passed back as is (simple triggers do not go through google.script.run).
 */
export function callEntryAs(
  ctx: vm.Context,
  name: string,
  opts: { authMode: AuthModeName; event?: Record<string, Transferable>; user?: string },
): unknown {
  const emu = owners.get(ctx);
  if (!emu) throw new Error('callEntryAs: context was not created by runInContext');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const fn = (ctx as any)[name];
  if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
  const parse = vm.runInContext('JSON.parse', ctx) as (s: string) => unknown;
  const event = parse(JSON.stringify({ ...(opts.event ?? {}), authMode: opts.authMode }));
  emu.beginExecution('editor', opts.user, null, opts.authMode);
  try {
    return fn(event);
  } finally {
    emu.endExecution();
  }
}

/**
 * Fires an installed trigger as Apps Script does: a trigger execution for the trigger's user, tied to
 * its document, with no active spreadsheet, in AuthMode.FULL. Its virtual runtime counts against the
 * user's daily trigger quota; a user already past the quota gets no run (the quota error is thrown
 * before the handler starts), and a run that crosses it fails at its next service call.
 */
export function runTrigger(ctx: vm.Context, triggerId: string): unknown {
  const emu = owners.get(ctx);
  if (!emu) throw new Error('runTrigger: context was not created by runInContext');
  const record = emu.triggers.find((t) => t.id === triggerId);
  if (!record) throw new Error(`No trigger ${triggerId}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const fn = (ctx as any)[record.handler];
  if (typeof fn !== 'function') throw new Error(`Script function not found: ${record.handler}`);
  if (emu.triggerRuntimeMs(record.user) >= emu.triggerRuntimeLimitMs) throw emu.rt.error(TRIGGER_QUOTA_MESSAGE);
  const previous = emu._active;
  emu.setActive(null);
  emu.beginExecution('trigger', record.user, record.spreadsheetId);
  const parse = vm.runInContext('JSON.parse', ctx) as (s: string) => unknown;
  try {
    return fn(parse(JSON.stringify({ authMode: 'FULL', triggerUid: record.id })));
  } finally {
    emu.endExecution();
    emu.setActive(previous);
  }
}
