/** Public surface of the in-memory Apps Script emulator. */
export { Emulator } from './emulator';
export type { EmulatorOptions, ResolvedOptions } from './emulator';
export { ExecutionKilledError } from './errors';
export { SERVICE_FAILURE } from './runtime';
export type { Stats, Faults, ExecutionKind } from './runtime';
export { EmuSpreadsheet, CELL_LIMIT } from './spreadsheet';
export { EmuSheet } from './sheet';
export { EmuRange } from './range';
export type { ScriptValue } from './range';
export type { CellValue } from './values';
export type { EmulatorState, SpreadsheetState, SheetState, CellState, TaggedValue } from './state';
export type { TriggerRecord } from './script';
export type { UiRecord } from './ui';
export { zonedParts, zonedDate, formatDate, intlZoneClock } from './dates';
export type { ZonedParts } from './dates';
export { runInContext, callEntry, scriptRunClone, emulatorOf } from './vm';
export type { Transferable } from './vm';
export { LOCK_TIMEOUT_MESSAGE } from './lock';
