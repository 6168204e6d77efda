/**
 * The undo backup: the original values (and number formats) of every rectangle a clean is about
 * to write, kept in a hidden tab before the first write.
 *
 * Two slots (column ranges) take turns in the tab, and the meta cell A1 names the committed one.
 * A new backup is written into the free slot and committed by one write of A1, so a run cut off
 * while backing up leaves the previous backup intact, and a run cut off after committing can
 * still be undone. Within a slot the patches are stacked top to bottom, so the backup costs about
 * the cells it keeps (side by side, every patch would take the tallest one's height).
 */
import { Cell, isDate } from '../core/cells';
import { hashString } from '../core/table';
import { BACKUP_TAB } from '../core/contract';
import { Patch, ensureSize, ensureTab, findSheetById, readFormats, writePatch } from './sheets';
import { toWritable } from '../core/cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface PatchMeta {
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** Backup row (1-based) of the patch's first row; its values start at the slot's first column. */
  brow: number;
  fmt: boolean;
}

export interface BackupMeta {
  id: string;
  sheetId: number;
  sheetName: string;
  at: string;
  slotStart: number;
  slotWidth: number;
  rows: number;
  patches: PatchMeta[];
}

/** Columns one patch takes in the backup: values, formats where they change, a row hash. */
function patchWidth(p: Patch): number {
  return p.originals[0].length * (p.formats ? 2 : 1) + 1;
}

/** Columns a backup of these patches needs (the widest patch; they are stacked). */
export function backupWidth(patches: readonly Patch[]): number {
  return patches.reduce((w, p) => Math.max(w, patchWidth(p)), 0);
}

function backupRows(patches: readonly Patch[]): number {
  return patches.reduce((h, p) => h + p.originals.length, 0);
}

/**
 * A row's content as a short hash. Undo restores a row only while it still holds what the clean
 * wrote: after staff sort, insert rows or edit, restoring by position would scramble the log.
 */
export function rowHash(row: readonly Cell[]): string {
  let h = 0x811c9dc5;
  for (const v of row) h = hashString(isDate(v) ? 't' + v.getTime() : typeof v + ':' + String(v), h);
  return h.toString(36);
}

/** Cells the backup tab would grow by to hold these patches next to the current backup. */
export function backupGrowth(ss: Spreadsheet, tabs: Record<string, number>, patches: readonly Patch[]): number {
  const width = backupWidth(patches);
  const rows = 1 + backupRows(patches);
  const existing = tabs[BACKUP_TAB] !== undefined ? findSheetById(ss, tabs[BACKUP_TAB]) : ss.getSheetByName(BACKUP_TAB);
  const current = existing ? readMeta(existing) : null;
  const needCols = 1 + (current ? current.slotWidth : 0) + width;
  const maxRows = existing ? existing.getMaxRows() : 1000;
  const maxCols = existing ? existing.getMaxColumns() : 26;
  const base = existing ? 0 : 1000 * 26;
  return base + Math.max(rows, maxRows) * Math.max(needCols, maxCols) - maxRows * maxCols;
}

function readMeta(sheet: GoogleAppsScript.Spreadsheet.Sheet): BackupMeta | null {
  const raw = sheet.getRange(1, 1).getValue();
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    return JSON.parse(raw) as BackupMeta;
  } catch (e) {
    return null;
  }
}

export function currentBackup(ss: Spreadsheet, tabs: Record<string, number>): BackupMeta | null {
  const sheet = tabs[BACKUP_TAB] !== undefined ? findSheetById(ss, tabs[BACKUP_TAB]) : ss.getSheetByName(BACKUP_TAB);
  return sheet ? readMeta(sheet) : null;
}

/** Writes the originals of `patches` into the free slot and commits it. */
export function saveBackup(ss: Spreadsheet, tabs: Record<string, number>, sheet: GoogleAppsScript.Spreadsheet.Sheet, patches: readonly Patch[]): BackupMeta {
  const tab = ensureTab(ss, tabs, BACKUP_TAB, { hidden: true });
  const previous = readMeta(tab);
  const width = backupWidth(patches);
  const rows = backupRows(patches);
  // Slot 2…: before the previous slot when it fits there, else after it.
  let slotStart = 2;
  if (previous && slotStart + width > previous.slotStart) slotStart = previous.slotStart + previous.slotWidth;
  ensureSize(tab, rows + 1, slotStart + width - 1);
  const metas: PatchMeta[] = [];
  let brow = 2;
  for (const p of patches) {
    const cols = p.originals[0].length;
    const h = p.originals.length;
    // One write per patch: originals, their formats (when dates change them), the row hash.
    const block = p.originals.map((r, i) => {
      const line: Cell[] = r.map((v) => toWritable(v));
      if (p.originalFormats) for (const f of p.originalFormats[i]) line.push(toWritable(f));
      line.push(toWritable(rowHash(p.values[i])));
      return line;
    });
    tab.getRange(brow, slotStart, h, block[0].length).setValues(block);
    metas.push({ row: p.row, col: p.col, rows: h, cols, brow, fmt: !!p.originalFormats });
    brow += h;
  }
  const meta: BackupMeta = {
    id: Utilities.getUuid(),
    sheetId: sheet.getSheetId(),
    sheetName: sheet.getName(),
    at: new Date().toISOString(),
    slotStart,
    slotWidth: width,
    rows,
    patches: metas,
  };
  tab.getRange(1, 1).setValue("'" + JSON.stringify(meta));
  if (previous && previous.slotWidth > 0 && previous.rows > 0) {
    // The old slot is garbage now; clearing it is tidiness, not correctness.
    try {
      tab.getRange(2, previous.slotStart, previous.rows, previous.slotWidth).clearContent();
    } catch (e) {
      // Left for the next backup to overwrite.
    }
  }
  return meta;
}

/** Reads a committed backup back into patches (originals, and the hashes of what was written). */
export function loadBackupPatches(ss: Spreadsheet, tabs: Record<string, number>, meta: BackupMeta): (Patch & { written: string[] })[] {
  const tab = ensureTab(ss, tabs, BACKUP_TAB, { hidden: true });
  const block = meta.rows > 0 && meta.slotWidth > 0 ? (tab.getRange(2, meta.slotStart, meta.rows, meta.slotWidth).getValues() as Cell[][]) : [];
  return meta.patches.map((pm) => {
    const originals: Cell[][] = [];
    const formats: string[][] | null = pm.fmt ? [] : null;
    const written: string[] = [];
    const hashAt = pm.cols * (pm.fmt ? 2 : 1);
    for (let i = 0; i < pm.rows; i++) {
      const line = block[pm.brow - 2 + i];
      originals.push(line.slice(0, pm.cols));
      if (formats) formats.push(line.slice(pm.cols, 2 * pm.cols).map(String));
      written.push(String(line[hashAt]));
    }
    return { row: pm.row, col: pm.col, values: originals, originals, formats, originalFormats: formats, current: formats ?? [], group: 0, written };
  });
}

/**
 * Restores the committed backup into its sheet, then retires it (one level of undo). A row is
 * restored only while it still holds what the clean wrote; rows staff sorted, moved or edited
 * since are left as they are and counted.
 */
export function restoreBackup(ss: Spreadsheet, tabs: Record<string, number>, meta: BackupMeta): { cells: number; rowsSkipped: number } {
  const target = findSheetById(ss, meta.sheetId);
  if (!target) throw new Error('sheet ' + meta.sheetName + ' no longer exists');
  const patches = loadBackupPatches(ss, tabs, meta);
  let cells = 0;
  let rowsSkipped = 0;
  for (const p of patches) {
    const cols = p.originals[0].length;
    const now = target.getRange(p.row + 1, p.col + 1, p.originals.length, cols).getValues() as Cell[][];
    const keep = now.map((row, i) => rowHash(row) === p.written[i]);
    // Text is written as the target cells' formats require (see cells.toWritable).
    const current = p.originalFormats ?? readFormats(target, p.row, p.col, p.originals.length, cols);
    for (let i = 0; i < keep.length; ) {
      if (!keep[i]) {
        rowsSkipped++;
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < keep.length && keep[j + 1]) j++;
      const slice = <T>(a: T[] | null): T[] | null => (a ? a.slice(i, j + 1) : null);
      const originals = p.originals.slice(i, j + 1);
      writePatch(target, { row: p.row + i, col: p.col, values: originals, originals, formats: slice(p.formats), originalFormats: slice(p.originalFormats), current: current.slice(i, j + 1), group: 0 }, true);
      cells += originals.length * cols;
      i = j + 1;
    }
  }
  const tab = ensureTab(ss, tabs, BACKUP_TAB, { hidden: true });
  tab.getRange(1, 1).setValue('');
  return { cells, rowsSkipped };
}
