/**
 * The undo history's decisions: how a run's originals are laid out in the backup tab, which
 * entries are kept, where a new one goes, and which entry an undo may restore. The adapter
 * (server/backup.ts) only reads and writes the cells.
 *
 * Layout of the backup tab: A1 holds the index (JSON, one small record per entry); each entry
 * is a block of rows in columns B… with one line per backed-up row:
 *   [sheet row (0-based), column (0-based), cells n, has formats (0/1), hash of what was written,
 *    v1 … vn, (f1 … fn)]
 * so an entry is self-describing and the index stays far below a cell's 50,000 characters.
 */
import { Cell, isDate } from './cells';
import { hashString } from './table';

/** Runs kept per sheet, newest first. */
export const UNDO_ENTRIES_PER_SHEET = 5;
/** Cells the whole history may hold; the oldest entries go first when a new one needs room. */
export const UNDO_CELL_BUDGET = 1000000;
/** Entries in the index at most (all sheets together): keeps A1 small. */
export const UNDO_MAX_ENTRIES = 100;
/** Leading columns of a backup line before the values. */
const LINE_HEAD = 5;

export interface UndoEntry {
  id: string;
  sheetId: number;
  sheetName: string;
  /** ISO instant of the run. */
  at: string;
  kind: 'clean' | 'nightly';
  /** Order of the runs: higher is newer (instants can tie within a millisecond). */
  seq: number;
  /** First backup-tab row of the block (1-based) and its height and width (columns from B). */
  row: number;
  rows: number;
  width: number;
  /** Sheet rows the entry would restore. */
  sheetRows: number;
}

export interface UndoIndex {
  v: 2;
  entries: UndoEntry[];
}

/** A rectangle as the backup keeps it: the originals (and formats), plus what the run wrote. */
export interface BackedUpPatch {
  row: number;
  col: number;
  originals: Cell[][];
  originalFormats: string[][] | null;
  values: Cell[][];
}

/** A row's content as a short hash: undo restores a row only while it still holds what the run wrote. */
export function rowHash(row: readonly Cell[]): string {
  let h = 0x811c9dc5;
  for (const v of row) h = hashString(isDate(v) ? 't' + v.getTime() : typeof v + ':' + String(v), h);
  return h.toString(36);
}

/** Reads the index cell; anything else (empty, a v1 single-slot backup, damage) is an empty history. */
export function parseIndex(raw: Cell): UndoIndex {
  if (typeof raw !== 'string' || raw === '') return { v: 2, entries: [] };
  try {
    const parsed = JSON.parse(raw) as Partial<UndoIndex>;
    if (parsed && parsed.v === 2 && Array.isArray(parsed.entries)) return { v: 2, entries: parsed.entries };
  } catch (e) {
    // A damaged index is an empty history: undo is refused rather than guessed.
  }
  return { v: 2, entries: [] };
}

/** The lines of one entry (see the layout above), all of the same width. */
export function backupLines(patches: readonly BackedUpPatch[]): Cell[][] {
  const width = backupWidth(patches);
  const lines: Cell[][] = [];
  for (const p of patches) {
    const n = p.originals[0]?.length ?? 0;
    p.originals.forEach((orig, i) => {
      const line: Cell[] = [p.row + i, p.col, n, p.originalFormats ? 1 : 0, rowHash(p.values[i] ?? [])];
      for (const v of orig) line.push(v);
      if (p.originalFormats) for (const f of p.originalFormats[i] ?? []) line.push(f);
      while (line.length < width) line.push('');
      lines.push(line);
    });
  }
  return lines;
}

export function backupWidth(patches: readonly BackedUpPatch[]): number {
  let w = LINE_HEAD;
  for (const p of patches) w = Math.max(w, LINE_HEAD + (p.originals[0]?.length ?? 0) * (p.originalFormats ? 2 : 1));
  return w;
}

export function backupRows(patches: readonly BackedUpPatch[]): number {
  return patches.reduce((h, p) => h + p.originals.length, 0);
}

/** One backed-up row, read back. */
export interface BackupLine {
  row: number;
  col: number;
  originals: Cell[];
  formats: string[] | null;
  written: string;
}

export function parseLines(block: readonly (readonly Cell[])[]): BackupLine[] {
  return block.map((line) => {
    const n = Number(line[2]);
    const fmt = Number(line[3]) === 1;
    return {
      row: Number(line[0]),
      col: Number(line[1]),
      originals: line.slice(LINE_HEAD, LINE_HEAD + n) as Cell[],
      formats: fmt ? line.slice(LINE_HEAD + n, LINE_HEAD + 2 * n).map(String) : null,
      written: String(line[4]),
    };
  });
}

/**
 * The entries kept once `entry` joins the history: at most UNDO_ENTRIES_PER_SHEET per sheet and
 * UNDO_MAX_ENTRIES in all, within UNDO_CELL_BUDGET cells, dropping the oldest first. The new
 * entry is always kept (one run larger than the budget can still be undone, alone).
 */
export function retain(entries: readonly UndoEntry[], entry: UndoEntry): { keep: UndoEntry[]; evict: UndoEntry[] } {
  const ordered = newestFirst(entries);
  const keep: UndoEntry[] = [entry];
  const evict: UndoEntry[] = [];
  const perSheet = new Map<number, number>([[entry.sheetId, 1]]);
  let cells = entry.rows * entry.width;
  for (const e of ordered) {
    const n = perSheet.get(e.sheetId) ?? 0;
    const size = e.rows * e.width;
    if (n >= UNDO_ENTRIES_PER_SHEET || keep.length >= UNDO_MAX_ENTRIES || cells + size > UNDO_CELL_BUDGET) {
      evict.push(e);
      continue;
    }
    perSheet.set(e.sheetId, n + 1);
    cells += size;
    keep.push(e);
  }
  return { keep: keep.reverse(), evict };
}

/** The first backup row (≥ 2) where `rows` rows fit between the blocks of the kept entries. */
export function placeBlock(kept: readonly UndoEntry[], rows: number): number {
  const blocks = kept.slice().sort((a, b) => a.row - b.row);
  let row = 2;
  for (const b of blocks) {
    if (b.row - row >= rows) return row;
    row = Math.max(row, b.row + b.rows);
  }
  return row;
}

/** Entries newest first (what the sidebar lists). */
export function newestFirst(entries: readonly UndoEntry[]): UndoEntry[] {
  return entries.slice().sort((a, b) => b.seq - a.seq);
}

/** The sequence number of the next entry. */
export function nextSeq(entries: readonly UndoEntry[]): number {
  return entries.reduce((m, e) => Math.max(m, e.seq), 0) + 1;
}

/**
 * The entry an undo restores: the one asked for, which must be the newest of its sheet (undo
 * goes newest-first, or an older restore would be overwritten by a newer one's originals), or
 * else the newest overall. Null when there is none or the one asked for is not undoable now.
 */
export function undoTarget(entries: readonly UndoEntry[], id?: string): UndoEntry | null {
  const ordered = newestFirst(entries);
  if (id === undefined || id === '') return ordered[0] ?? null;
  const asked = ordered.find((e) => e.id === id);
  if (!asked) return null;
  const newestOfSheet = ordered.find((e) => e.sheetId === asked.sheetId);
  return newestOfSheet === asked ? asked : null;
}
