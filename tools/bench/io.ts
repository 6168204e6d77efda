/**
 * Issue #12's I/O figures for one Clean & Summarize of the real bundle on the emulator: what the
 * run reads and writes, against what it had to read and what it derived.
 *
 *   used_log_cells  the logs' used ranges (last row × last column) when the run starts
 *   small_tab_cells the add-on's small tabs a run reads, as their used ranges when it starts: the
 *                   state tab, kamus and info_ringkasan, plus the undo index cell (A1 of the
 *                   backup tab); all absent on a first run
 *   read_ratio      cells_read / (used_log_cells + small_tab_cells)
 *   derived_cells   the log cells the clean changed (a cleaned value, or a cell of the derived
 *                   block, its header included: every cell whose value differs after the run)
 *                   + the tables the run wrote, each as its used range after the run (header
 *                   included): every tab of the add-on but the state and backup tabs, so the
 *                   ds_ tabs, masalah_data, info_ringkasan, wawasan, dasbor and kamus
 *   write_ratio     cells_written / derived_cells (the backup, the state and formats count as
 *                   written, not as derived)
 */
import type { EmuSheet, EmuSpreadsheet, Emulator, ScriptValue } from '../emulator';
import { BACKUP_TAB } from '../../src/core/contract';

/** The state tab's name (src/server/state.ts STATE_TAB; not imported: that module reads Apps Script globals). */
const STATE_TAB = '_pola_state';
/** Small tabs a run reads whole. The bench's workbooks hold no staff tab of these names. */
const SMALL_TABS = [STATE_TAB, 'kamus', 'info_ringkasan'];

export function usedCells(s: EmuSheet): number {
  return s.getLastRow() * s.getLastColumn();
}

export function usedGrid(s: EmuSheet): ScriptValue[][] {
  return s.getLastRow() > 0 && s.getLastColumn() > 0 ? s.getRange(1, 1, s.getLastRow(), s.getLastColumn()).getValues() : [];
}

export function smallTabCells(ss: EmuSpreadsheet): number {
  let n = 0;
  for (const s of ss.getSheets()) {
    if (SMALL_TABS.includes(s.getName())) n += usedCells(s);
    else if (s.getName() === BACKUP_TAB) n += 1;
  }
  return n;
}

const isDateValue = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function same(a: ScriptValue | undefined, b: ScriptValue | undefined): boolean {
  const x = a ?? '';
  const y = b ?? '';
  if (isDateValue(x) && isDateValue(y)) return x.getTime() === y.getTime();
  return x === y;
}

/** Cells whose value differs between two grids of one sheet (a cell beyond a grid is blank). */
export function changedCells(before: ScriptValue[][], after: ScriptValue[][]): number {
  let n = 0;
  const rows = Math.max(before.length, after.length);
  for (let r = 0; r < rows; r++) {
    const a = before[r] ?? [];
    const b = after[r] ?? [];
    const cols = Math.max(a.length, b.length);
    for (let c = 0; c < cols; c++) if (!same(a[c], b[c])) n++;
  }
  return n;
}

/** The tables a run wrote: every tab but the logs, the state and the backup, as used ranges. */
export function tableCells(ss: EmuSpreadsheet, logNames: ReadonlySet<string>): number {
  let n = 0;
  for (const s of ss.getSheets()) if (!logNames.has(s.getName()) && s.getName() !== STATE_TAB && s.getName() !== BACKUP_TAB) n += usedCells(s);
  return n;
}

export const ratio = (a: number, b: number): number => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0);

/**
 * Runs `fn` and attributes the emulator's cell counters to the service method that moved them
 * (e.g. "Range.getValues": the logs' read and the re-check before each write;
 * "Range.getNumberFormats": the formats under the dates written and the format-sensitive text).
 */
export function cellsByMethod(emu: Emulator, fn: () => void): Record<string, { read: number; written: number }> {
  const rt = emu.rt;
  const out: Record<string, { read: number; written: number }> = {};
  let key = '';
  let r0 = 0;
  let w0 = 0;
  const settle = (): void => {
    if (!key) return;
    const dr = rt.stats.cellsRead - r0;
    const dw = rt.stats.cellsWritten - w0;
    if (dr === 0 && dw === 0) return;
    const e = (out[key] ??= { read: 0, written: 0 });
    e.read += dr;
    e.written += dw;
  };
  const enter = rt.enter.bind(rt);
  rt.enter = (k: string, mutating: boolean): void => {
    settle();
    key = k;
    r0 = rt.stats.cellsRead;
    w0 = rt.stats.cellsWritten;
    enter(k, mutating);
  };
  try {
    fn();
  } finally {
    settle();
    rt.enter = enter;
  }
  return out;
}
