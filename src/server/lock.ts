/**
 * One writer per document at a time.
 *
 * Every run that writes holds the document lock. A time-driven trigger with no active document
 * gets no document lock (LockService.getDocumentLock() is null there), so runs also take a lease
 * recorded in the state tab; the lease is claimed while holding the best lock available (the
 * document lock, else this user's lock), and every run checks it. A second run waits briefly,
 * then reports BUSY and changes nothing.
 */
import { DocState, readState, readStateChecked, stateRows, writeState } from './state';
import { UserError, isExecutionKill } from './errors';

/** How long a second run waits for the first before reporting BUSY. */
export const WAIT_MS = 10000;
/** A lease outlives a killed execution by at most this long (executions end at 6 minutes). */
export const LEASE_MS = 7 * 60 * 1000;

export interface RunContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  state: DocState;
  owner: string;
  /** The state as last written in this run, so saves that change nothing cost no round trip. */
  written: string;
}

const fingerprintOf = (state: DocState): string => JSON.stringify(stateRows(state));

function newOwner(): string {
  return Utilities.getUuid();
}

/**
 * Runs `fn` as the document's only writer. The state read under the lock is passed in; the
 * caller saves it with saveState. The lease is always released, also when `fn` throws.
 */
export function withRunLock<T>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, fn: (ctx: RunContext) => T, opts: { usedBefore?: boolean } = {}): T {
  const docLock = LockService.getDocumentLock();
  const lock = docLock ?? LockService.getUserLock();
  if (!lock.tryLock(WAIT_MS)) throw new UserError('BUSY');
  const owner = newOwner();
  let state: DocState;
  try {
    const read = readStateChecked(ss, opts.usedBefore);
    // Without a trustworthy state a run would rebuild every summary from nothing: write nothing.
    if (read.problem) throw new UserError('STATE_UNREADABLE');
    state = read.state;
    const now = Date.now();
    // A lease whose run recorded its outcome (finished) is free even if its release was lost.
    // A lease ends at most LEASE_MS after it was taken: one reaching further (a hand-edited
    // state, a clock moved back) is not a lease this add-on wrote, and is ignored.
    const lease = state.lease;
    if (lease && lease.owner !== owner && lease.until > now && lease.until - now <= LEASE_MS && !lease.finished) throw new UserError('BUSY');
    state.lease = { owner, until: now + LEASE_MS };
    writeState(ss, state);
    SpreadsheetApp.flush();
  } finally {
    // Without the document lock (trigger context) the lease alone guards the run, so the user
    // lock is released at once; with it, the document lock is held for the whole run.
    if (!docLock) lock.releaseLock();
  }
  const ctx: RunContext = { ss, state, owner, written: fingerprintOf(state) };
  try {
    const result = fn(ctx);
    // The outcome is on record (with the lease marked finished) before the lease is released:
    // if the release write fails, the work is done, the caller hears so, and the next run may
    // take over the finished lease at once instead of waiting out LEASE_MS.
    markFinished(ctx);
    return result;
  } finally {
    releaseLease(ss, owner, state);
    if (docLock) docLock.releaseLock();
  }
}

/** Marks this run's lease finished in the state (a no-op write when the outcome save already did). */
export function markFinished(ctx: RunContext): void {
  if (ctx.state.lease && ctx.state.lease.owner === ctx.owner) ctx.state.lease = { ...ctx.state.lease, finished: true };
  saveState(ctx);
}

/** Gives the lease back; a failure here is swallowed (the lease is finished or expires). */
function releaseLease(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, owner: string, state: DocState): void {
  try {
    const latest = readState(ss);
    if (latest.lease && latest.lease.owner === owner) {
      state.lease = null;
      writeState(ss, { ...state, lease: null });
    }
    SpreadsheetApp.flush();
  } catch (e) {
    // Nothing to undo: the run's writes and outcome stand; the lease is finished or times out.
    // An execution killed at its time limit cannot be caught in Apps Script: let that through.
    if (isExecutionKill(e)) throw e;
  }
}

export function saveState(ctx: RunContext): void {
  const now = fingerprintOf(ctx.state);
  if (now === ctx.written) return;
  writeState(ctx.ss, ctx.state);
  ctx.written = now;
}
