/**
 * The undo history: before a clean writes, the originals of every rectangle it is about to
 * write go into the hidden backup tab as one entry; the index cell A1 commits it. A run cut off
 * while backing up leaves the history as it was (the index was not yet rewritten), and one cut
 * off after committing can still be undone. The layout, what is kept and which entry an undo
 * may restore are decided in core/undo.ts; this module only moves the cells.
 */
import { Cell } from '../core/cells';
import { BACKUP_TAB } from '../core/contract';
import { MAX_ROWS_PER_CALL } from '../core/rectangles';
import { BACKUP_LAYOUT, BackupLine, DamagedBackup, UndoEntry, UndoIndex, backupLines, backupRows, backupWidth, nextSeq, parseIndex, parseLines, placeBlock, restorePlan, retain, stillAsPlanned, undoIndex, undoTarget } from '../core/undo';
import { Patch, ensureSize, ensureTab, findOwnTab, findSheetById, readFormats, readValues, writePatch } from './sheets';
import { toWritable } from '../core/cells';
import { isExecutionKill } from './errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function backupSheet(ss: Spreadsheet, tabs: Record<string, number>): Sheet | null {
  return findOwnTab(ss, tabs, BACKUP_TAB);
}

function readIndex(sheet: Sheet | null): UndoIndex {
  return sheet ? parseIndex(sheet.getRange(1, 1).getValue() as Cell) : undoIndex();
}

function writeIndex(sheet: Sheet, entries: UndoEntry[]): void {
  sheet.getRange(1, 1).setValue(toWritable(JSON.stringify(undoIndex(entries))));
}

/** The undo history, as recorded (any order). */
export function undoHistory(ss: Spreadsheet, tabs: Record<string, number>): UndoEntry[] {
  return readIndex(backupSheet(ss, tabs)).entries;
}

/** Characters a backed-up cell's number format takes in a line, at most (as JSON, with its comma). */
const FORMAT_CHARS = 40;

/** Cells the backup tab would grow by to hold an entry for these patches. */
export function backupGrowth(ss: Spreadsheet, tabs: Record<string, number>, patches: readonly Omit<Patch, 'formats' | 'originalFormats' | 'current'>[]): number {
  const asBacked = patches.map((p) => ({ row: p.row, col: p.col, originals: p.originals, values: p.values, originalFormats: null }));
  // Formats are not read yet: each backed-up cell is counted with room for one.
  const width = 1 + backupWidth(asBacked, FORMAT_CHARS);
  const rows = 1 + backupRows(asBacked);
  const existing = backupSheet(ss, tabs);
  const maxRows = existing ? existing.getMaxRows() : 1000;
  const maxCols = existing ? existing.getMaxColumns() : 26;
  const base = existing ? 0 : 1000 * 26;
  return base + (maxRows + rows) * Math.max(width, maxCols) - maxRows * maxCols;
}

/**
 * Writes a new entry with the originals of `patches` and commits it in the index, with the runs
 * it pushes out of the history (`evicted`) left out. Their rows are not touched: the new block is
 * placed clear of every entry listed so far, so a run that fails and rolls back can list them
 * again (dropBackupEntry), and one that succeeds clears them (clearBlocks).
 */
export function saveBackup(
  ss: Spreadsheet,
  tabs: Record<string, number>,
  sheet: Sheet,
  patches: readonly Patch[],
  kind: UndoEntry['kind'],
  grid: readonly (readonly Cell[])[],
  identityWidth: number,
  runId: string,
): { entry: UndoEntry; evicted: UndoEntry[] } {
  const tab = ensureTab(ss, tabs, BACKUP_TAB, { hidden: true });
  const index = readIndex(tab);
  const lines = backupLines(patches, grid, identityWidth);
  const width = lines[0]?.length ?? 0;
  const entry: UndoEntry = {
    id: Utilities.getUuid(),
    sheetId: sheet.getSheetId(),
    sheetName: sheet.getName(),
    at: new Date().toISOString(),
    kind,
    seq: nextSeq(index.entries),
    row: 0,
    rows: lines.length,
    width,
    sheetRows: lines.length,
    identityWidth,
    runId,
    layout: BACKUP_LAYOUT,
  };
  const { keep, evict } = retain(index.entries, entry);
  entry.row = placeBlock(index.entries, lines.length);
  ensureSize(tab, entry.row + lines.length - 1, 1 + width);
  for (let i = 0; i < lines.length; i += MAX_ROWS_PER_CALL) {
    const part = lines.slice(i, i + MAX_ROWS_PER_CALL).map((l) => l.map((v) => toWritable(v)));
    tab.getRange(entry.row + i, 2, part.length, width).setValues(part);
  }
  writeIndex(tab, keep);
  return { entry, evicted: evict };
}

/**
 * Removes an entry from the history (a run that failed and rolled back has nothing to undo) and
 * lists again the runs its save evicted: the failed run cost no one their undo.
 */
export function dropBackupEntry(ss: Spreadsheet, tabs: Record<string, number>, id: string, evicted: UndoEntry[]): void {
  const tab = backupSheet(ss, tabs);
  const index = readIndex(tab);
  const entry = index.entries.find((e) => e.id === id);
  if (!tab || !entry) return;
  writeIndex(tab, [...index.entries.filter((e) => e.id !== id), ...evicted]);
  clearBlock(tab, entry);
}

/** Empties the rows of entries the history no longer lists (the runs a finished run evicted). */
export function clearBlocks(ss: Spreadsheet, tabs: Record<string, number>, entries: UndoEntry[]): void {
  const tab = backupSheet(ss, tabs);
  if (tab) for (const e of entries) clearBlock(tab, e);
}

/** Empties an entry's rows (tidiness: the index no longer names them). */
function clearBlock(tab: Sheet, e: UndoEntry): void {
  if (e.rows <= 0 || e.width <= 0) return;
  try {
    tab.getRange(e.row, 2, e.rows, e.width).clearContent();
  } catch (err) {
    // Left for a later entry to overwrite.
    if (isExecutionKill(err)) throw err;
  }
}

/**
 * Restores one entry (the newest, or the one asked for if it is the newest of its sheet) into
 * its sheet, then removes it from the history and clears its rows. What is written back is
 * decided cell by cell in core/undo.ts (restorePlan): rows staff sorted, moved or inserted are
 * skipped, cells staff edited since keep the edit.
 */
export function restoreBackup(ss: Spreadsheet, tabs: Record<string, number>, id?: string): { entry: UndoEntry; cells: number; rowsSkipped: number; cellsKept: number } | null {
  const tab = backupSheet(ss, tabs);
  const index = readIndex(tab);
  const entry = undoTarget(index.entries, id);
  if (!tab || !entry) return null;
  const target = findSheetById(ss, entry.sheetId);
  if (!target) return null;
  const block = entry.rows > 0 ? readValues(tab, entry.row - 1, 1, entry.rows, entry.width) : [];
  let lines: BackupLine[];
  try {
    lines = parseLines(block, entry.layout ?? null);
  } catch (e) {
    // A block that does not read back (damaged, or a newer add-on's layout) is never guessed at.
    if (e instanceof DamagedBackup) return null;
    throw e;
  }
  const identityWidth = entry.identityWidth ?? 0;
  // The rows as they are now, read once over the span the entry touches.
  let first = Infinity;
  let last = -1;
  let width = identityWidth;
  for (const l of lines) {
    first = Math.min(first, l.row);
    last = Math.max(last, l.row);
    width = Math.max(width, l.col + l.originals.length);
  }
  const height = Math.min(last, target.getMaxRows() - 1) - first + 1;
  const now = lines.length > 0 && height > 0 ? readValues(target, first, 0, height, Math.min(width, target.getMaxColumns())) : [];
  const plan = restorePlan(lines, (row) => now[row - first] ?? [], identityWidth);
  let cells = plan.cellsRestored;
  let rowsSkipped = plan.rowsSkipped;
  for (const w of plan.writes) {
    // Staff may insert, delete or edit rows while undo runs: each rectangle's rows are read again
    // just before it is written, and only rows still as planned are restored.
    const cols = w.values[0]?.length ?? 0;
    // Formats first (they decide how text is written), then the check, then the write: the
    // window between what was checked and what is written is as short as Sheets allows.
    const currentFormats = w.formats ?? readFormats(target, w.row, w.col, w.values.length, cols);
    const readWidth = Math.min(Math.max(identityWidth, w.col + cols), target.getMaxColumns());
    const rows = readValues(target, w.row, 0, w.values.length, readWidth);
    const ok = w.guards.map((g, i) => stillAsPlanned(rows[i] ?? [], g, w.col, identityWidth));
    for (let a = 0; a < ok.length; ) {
      if (!ok[a]) {
        rowsSkipped++;
        cells -= cols;
        a++;
        continue;
      }
      let b = a;
      while (b + 1 < ok.length && ok[b + 1]) b++;
      const values = w.values.slice(a, b + 1);
      const formats = w.formats ? w.formats.slice(a, b + 1) : null;
      const current = formats ?? currentFormats.slice(a, b + 1);
      writePatch(target, { row: w.row + a, col: w.col, values, originals: values, formats, originalFormats: formats, current, group: 0 }, true, true);
      a = b + 1;
    }
  }
  writeIndex(tab, index.entries.filter((e) => e.id !== entry.id));
  clearBlock(tab, entry);
  return { entry, cells, rowsSkipped, cellsKept: plan.cellsKept };
}
