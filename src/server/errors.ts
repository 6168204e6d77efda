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
