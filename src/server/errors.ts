/**
 * Errors the user can act on. They carry a code and parameters; the entry module turns them
 * into translated messages with a next step. Anything else is reported as INTERNAL.
 */
import type { ErrorCode } from '../shared/api';

export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/**
 * An execution stopped at Apps Script's time limit. Apps Script does not let a script catch
 * that; code that swallows failures of tidy-up writes must let it through all the same. (Errors
 * may come from another realm, so this checks the message, not the class.)
 */
export function isExecutionKill(e: unknown): boolean {
  return /Exceeded maximum execution time/.test(messageOf(e));
}

/** An error's message, from any realm (or the thrown value as text). */
function messageOf(e: unknown): string {
  return e !== null && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
}

/** Sheets refuses a write into a range protected against this user (permanently: retrying will not help). */
export function isProtectionRefusal(e: unknown): boolean {
  return /protected cell or object/i.test(messageOf(e));
}

/** Runs a write to `sheetName`; a protection refusal becomes a clear PROTECTED error. */
export function writingTo<T>(sheetName: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isProtectionRefusal(e)) throw new UserError('PROTECTED', { sheet: sheetName });
    throw e;
  }
}
