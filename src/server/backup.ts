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
import { UndoEntry, UndoIndex, backupLines, backupRows, backupWidth, nextSeq, parseIndex, parseLines, placeBlock, retain, rowHash, undoTarget } from '../core/undo';
import { Patch, ensureSize, ensureTab, findSheetById, readFormats, writePatch } from './sheets';
import { toWritable } from '../core/cells';
import { isExecutionKill } from './errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function backupSheet(ss: Spreadsheet, tabs: Record<string, number>): Sheet | null {
  return tabs[BACKUP_TAB] !== undefined ? findSheetById(ss, tabs[BACKUP_TAB]) : null;
}

function readIndex(sheet: Sheet | null): UndoIndex {
  return sheet ? parseIndex(sheet.getRange(1, 1).getValue() as Cell) : { v: 2, entries: [] };
}

function writeIndex(sheet: Sheet, index: UndoIndex): void {
  sheet.getRange(1, 1).setValue(toWritable(JSON.stringify(index)));
}

/** The undo history, as recorded (any order). */
export function undoHistory(ss: Spreadsheet, tabs: Record<string, number>): UndoEntry[] {
  return readIndex(backupSheet(ss, tabs)).entries;
}

/** True when the history holds entry `id` for sheet `sheetId` (a continuing run's backup). */
export function hasBackupEntry(ss: Spreadsheet, tabs: Record<string, number>, id: string, sheetId: number): boolean {
  return undoHistory(ss, tabs).some((e) => e.id === id && e.sheetId === sheetId);
}

/** Cells the backup tab would grow by to hold an entry for these patches. */
export function backupGrowth(ss: Spreadsheet, tabs: Record<string, number>, patches: readonly Omit<Patch, 'formats' | 'originalFormats' | 'current'>[]): number {
  const asBacked = patches.map((p) => ({ row: p.row, col: p.col, originals: p.originals, values: p.values, originalFormats: null }));
  // Formats double the width of a date patch at most: count them as if every patch had them.
  const width = 1 + backupWidth(asBacked) * 2;
  const rows = 1 + backupRows(asBacked);
  const existing = backupSheet(ss, tabs);
  const maxRows = existing ? existing.getMaxRows() : 1000;
  const maxCols = existing ? existing.getMaxColumns() : 26;
  const base = existing ? 0 : 1000 * 26;
  return base + (maxRows + rows) * Math.max(width, maxCols) - maxRows * maxCols;
}

/** Writes a new entry with the originals of `patches` and commits it in the index. */
export function saveBackup(ss: Spreadsheet, tabs: Record<string, number>, sheet: Sheet, patches: readonly Patch[], kind: UndoEntry['kind']): UndoEntry {
  const tab = ensureTab(ss, tabs, BACKUP_TAB, { hidden: true });
  const index = readIndex(tab);
  const lines = backupLines(patches);
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
    sheetRows: new Set(lines.map((l) => l[0])).size,
  };
  const { keep, evict } = retain(index.entries, entry);
  entry.row = placeBlock(keep.filter((e) => e !== entry), lines.length);
  ensureSize(tab, entry.row + lines.length - 1, 1 + width);
  for (let i = 0; i < lines.length; i += MAX_ROWS_PER_CALL) {
    const part = lines.slice(i, i + MAX_ROWS_PER_CALL).map((l) => l.map((v) => toWritable(v)));
    tab.getRange(entry.row + i, 2, part.length, width).setValues(part);
  }
  writeIndex(tab, { v: 2, entries: keep });
  for (const e of evict) clearBlock(tab, e);
  return entry;
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
 * its sheet, then removes it from the history and clears its rows. A row is restored only while
 * it still holds what the run wrote; rows staff sorted, moved or edited since are left as they
 * are and counted.
 */
export function restoreBackup(ss: Spreadsheet, tabs: Record<string, number>, id?: string): { entry: UndoEntry; cells: number; rowsSkipped: number } | null {
  const tab = backupSheet(ss, tabs);
  const index = readIndex(tab);
  const entry = undoTarget(index.entries, id);
  if (!tab || !entry) return null;
  const target = findSheetById(ss, entry.sheetId);
  if (!target) return null;
  const block = entry.rows > 0 ? (tab.getRange(entry.row, 2, entry.rows, entry.width).getValues() as Cell[][]) : [];
  let cells = 0;
  let rowsSkipped = 0;
  // Lines of one rectangle are consecutive rows of the same column and width: restore runs of them.
  const lines = parseLines(block);
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1].col === lines[i].col && lines[j + 1].originals.length === lines[i].originals.length && lines[j + 1].row === lines[j].row + 1 && !!lines[j + 1].formats === !!lines[i].formats) j++;
    const run = lines.slice(i, j + 1);
    const first = run[0];
    const cols = first.originals.length;
    const now = target.getRange(first.row + 1, first.col + 1, run.length, cols).getValues() as Cell[][];
    const formats = first.formats ? run.map((l) => l.formats as string[]) : null;
    const current = formats ?? readFormats(target, first.row, first.col, run.length, cols);
    for (let a = 0; a < run.length; ) {
      if (rowHash(now[a]) !== run[a].written) {
        rowsSkipped++;
        a++;
        continue;
      }
      let b = a;
      while (b + 1 < run.length && rowHash(now[b + 1]) === run[b + 1].written) b++;
      const originals = run.slice(a, b + 1).map((l) => l.originals);
      const fm = formats ? formats.slice(a, b + 1) : null;
      writePatch(target, { row: first.row + a, col: first.col, values: originals, originals, formats: fm, originalFormats: fm, current: current.slice(a, b + 1), group: 0 }, true);
      cells += originals.length * cols;
      a = b + 1;
    }
    i = j + 1;
  }
  writeIndex(tab, { v: 2, entries: index.entries.filter((e) => e.id !== entry.id) });
  clearBlock(tab, entry);
  return { entry, cells, rowsSkipped };
}
