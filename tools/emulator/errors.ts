/**
 * Errors raised by the emulator itself (as opposed to the Apps Script-style
 * exceptions services throw, which are created in the script's realm; see runtime.ts).
 */

/**
 * Thrown when fault injection simulates Apps Script killing the execution
 * (time limit, quota). It is a host-realm class so harnesses can recognise it
 * with `instanceof`; once thrown, every later service call throws it again, so
 * script code cannot meaningfully carry on even if it catches the first one.
 */
export class ExecutionKilledError extends Error {
  constructor(message = 'Exceeded maximum execution time') {
    super(message);
    this.name = 'ExecutionKilledError';
  }
}
