/**
 * The undo history's decisions: how a run's originals are laid out in the backup tab, which
 * entries are kept, where a new one goes, and which entry an undo may restore. The adapter
 * (server/backup.ts) only reads and writes the cells.
 *
 * Layout of the backup tab: A1 holds the index (JSON, one small record per entry); each entry
 * is a block of rows in columns B…, one row per backed-up sheet row. Since layout 3 a row is ONE
 * cell: the row's line as compact JSON (see encodeLine), continued into the next columns only
 * when a pathological line outgrows LINE_CHUNK_CHARS, so an entry costs about one cell per row
 * it restores. Entries written before (layout 2: one cell per value, padded to the widest line)
 * are still read. The index stays far below a cell's 50,000 characters.
 */
import { Cell, isDate } from './cells';
import { sameCell } from './rectangles';
import { hashString } from './table';

/** Runs kept per sheet (a run continued over several executions counts once), newest first. */
export const UNDO_ENTRIES_PER_SHEET = 5;
/** Cells the whole history may hold; the oldest entries go first when a new one needs room. */
export const UNDO_CELL_BUDGET = 1000000;
/** Entries in the index at most (all sheets together): keeps A1 small. */
export const UNDO_MAX_ENTRIES = 100;
/** Layout of the entries this version writes: one compact JSON line per sheet row. */
export const BACKUP_LAYOUT = 3;
/**
 * Characters of a line per backup cell: well under Sheets' 50,000 per cell (the apostrophe that
 * keeps the text literal takes one more). A longer line continues in the next column.
 */
export const LINE_CHUNK_CHARS = 40000;

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
  /** Columns left of the derived block when the run read the sheet: where row identities are taken. */
  identityWidth?: number;
  /** Entries of one run continued over several executions share it: undo restores them together. */
  runId?: string;
  /** BACKUP_LAYOUT for entries written as JSON lines; absent for the layout-2 entries before them. */
  layout?: number;
}

/** The entries undo restores together with `first`: the rest of its run on that sheet, newest first. */
export function sameRunEntries(entries: readonly UndoEntry[], first: UndoEntry): UndoEntry[] {
  if (!first.runId) return [];
  return newestFirst(entries).filter((e) => e.id !== first.id && e.sheetId === first.sheetId && e.runId === first.runId && e.seq < first.seq);
}

export interface UndoIndex {
  /** 3 since the JSON lines: an older add-on reading it finds no history rather than misreading one. */
  v: 3;
  entries: UndoEntry[];
}

/** The index (version 3) of these entries. */
export const undoIndex = (entries: UndoEntry[] = []): UndoIndex => ({ v: 3, entries });

/** A rectangle as the backup keeps it: the originals (and formats), plus what the run wrote. */
export interface BackedUpPatch {
  row: number;
  col: number;
  originals: Cell[][];
  originalFormats: string[][] | null;
  values: Cell[][];
}

/**
 * Reads the index cell: a version-3 index, or a version-2 one (its entries are layout 2 and are
 * still read as such). Anything else (empty, a v1 single-slot backup, damage) is an empty history.
 */
export function parseIndex(raw: Cell): UndoIndex {
  if (typeof raw !== 'string' || raw === '') return undoIndex();
  try {
    const parsed = JSON.parse(raw) as { v?: unknown; entries?: unknown };
    if (parsed && Array.isArray(parsed.entries)) {
      const entries = parsed.entries as UndoEntry[];
      // A version-2 index holds only layout-2 entries, whatever they claim.
      if (parsed.v === 2) return undoIndex(entries.map(({ layout: _l, ...e }) => e));
      if (parsed.v === 3) return undoIndex(entries);
    }
  } catch (e) {
    // A damaged index is an empty history: undo is refused rather than guessed.
  }
  return undoIndex();
}

/** A row's content as a short hash (cells in order, values and types). */
export function rowHash(row: readonly Cell[]): string {
  let h = 0x811c9dc5;
  for (const v of row) h = hashString(isDate(v) ? 't' + v.getTime() : typeof v + ':' + String(v), h);
  return h.toString(36);
}

/** Sheet row → the columns one entry writes in it. */
function writtenColumns(spans: readonly { row: number; col: number; n: number }[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const s of spans) {
    let cols = out.get(s.row);
    if (!cols) out.set(s.row, (cols = new Set()));
    for (let c = s.col; c < s.col + s.n; c++) cols.add(c);
  }
  return out;
}

/**
 * A row's identity: the hash of its cells in the first `width` columns that the run does not
 * write (a name, a KPJ number, a phone…). Undo restores a row only while the row at that position
 * still has the same identity: after staff sort the log or insert a row, position alone would put
 * one visit's originals into another's row.
 */
function identityOf(row: readonly Cell[], written: ReadonlySet<number> | undefined, width: number): string {
  const kept: Cell[] = [];
  for (let c = 0; c < width; c++) if (!written || !written.has(c)) kept.push(c < row.length && row[c] !== undefined ? (row[c] as Cell) : '');
  return rowHash(kept);
}

/** One backed-up row span: where it starts, what the run wrote, the originals and their formats. */
interface Segment {
  col: number;
  planned: readonly Cell[];
  originals: readonly Cell[];
  formats: readonly string[] | null;
}

function segmentsByRow(patches: readonly BackedUpPatch[]): Map<number, Segment[]> {
  const byRow = new Map<number, Segment[]>();
  for (const p of patches) {
    p.originals.forEach((orig, i) => {
      const r = p.row + i;
      let list = byRow.get(r);
      if (!list) byRow.set(r, (list = []));
      list.push({ col: p.col, planned: p.values[i] ?? [], originals: orig, formats: p.originalFormats ? p.originalFormats[i] ?? [] : null });
    });
  }
  return byRow;
}

/** A cell in a JSON line: a Date as {"d": its instant}, everything else as it is. */
type JsonCell = string | number | boolean | { d: number };
const encodeCell = (v: Cell): JsonCell => (isDate(v) ? { d: v.getTime() } : (v as string | number | boolean));

function decodeCell(v: unknown): Cell {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v && typeof v === 'object' && typeof (v as { d?: unknown }).d === 'number') return new Date((v as { d: number }).d);
  throw new Error('damaged backup cell');
}

/**
 * One row's line (layout 3), as compact JSON:
 *   [row, identity, [[col, written w1…wn, originals o1…on, formats f1…fn or null], …]]
 * One line per row (not per rectangle) keeps the history about as large as what it keeps: a
 * row cleaned in five column spans is one line.
 */
function encodeLine(row: number, identity: string, segs: readonly Segment[]): string {
  return JSON.stringify([row, identity, segs.map((sg) => [sg.col, sg.planned.map(encodeCell), sg.originals.map(encodeCell), sg.formats])]);
}

/** A row's segments, left to right. */
function sortedSegments(byRow: Map<number, Segment[]>, r: number): Segment[] {
  return (byRow.get(r) ?? []).slice().sort((x, y) => x.col - y.col);
}

/**
 * A line cut into cells of at most LINE_CHUNK_CHARS characters. A cut never splits a UTF-16
 * surrogate pair, and avoids whitespace at either side of it (looking back up to a thousand
 * characters), so each cell holds text Sheets keeps exactly.
 */
export function chunkLine(line: string, max = LINE_CHUNK_CHARS): string[] {
  const out: string[] = [];
  let start = 0;
  while (line.length - start > max) {
    let end = start + max;
    const floor = Math.max(start + 1, end - 1000);
    const bad = (at: number): boolean => {
      const before = line.charCodeAt(at - 1);
      return (before >= 0xd800 && before <= 0xdbff) || /\s/.test(line.charAt(at - 1)) || /\s/.test(line.charAt(at));
    };
    while (end > floor && bad(end)) end--;
    // A cut inside a surrogate pair is never taken, even past the whitespace look-back.
    const high = line.charCodeAt(end - 1);
    if (high >= 0xd800 && high <= 0xdbff) end += end - 1 > start ? -1 : 1;
    out.push(line.slice(start, end));
    start = end;
  }
  out.push(line.slice(start));
  return out;
}

/** Cells a line of this many characters takes. */
const chunksOf = (chars: number): number => Math.max(1, Math.ceil(chars / (LINE_CHUNK_CHARS - 2)));

/**
 * The rows of one entry's block (layout 3), all of the same width: one per sheet row the run
 * writes, its JSON line in the first cell (and the next ones for a line that outgrows a cell).
 * `grid` is the sheet as the run read it; `identityWidth` the columns left of the derived block.
 */
export function backupLines(patches: readonly BackedUpPatch[], grid: readonly (readonly Cell[])[] = [], identityWidth = 0): Cell[][] {
  const byRow = segmentsByRow(patches);
  const rows: string[][] = [];
  let width = 1;
  for (const r of Array.from(byRow.keys()).sort((x, y) => x - y)) {
    const segs = sortedSegments(byRow, r);
    const written = new Set<number>();
    for (const sg of segs) for (let c = sg.col; c < sg.col + sg.originals.length; c++) written.add(c);
    const cells = chunkLine(encodeLine(r, identityOf(grid[r] ?? [], written, identityWidth), segs));
    width = Math.max(width, cells.length);
    rows.push(cells);
  }
  return rows.map((cells) => {
    const padded: Cell[] = cells.slice();
    while (padded.length < width) padded.push('');
    return padded;
  });
}

/** Identities are short base-36 hashes: this many characters at most. */
const IDENTITY_CHARS = 8;

/**
 * Columns of the widest row of the block (at least one). `formatChars` is added per backed-up
 * cell for formats not known yet (the cell-limit check runs before formats are read).
 */
export function backupWidth(patches: readonly BackedUpPatch[], formatChars = 0): number {
  const byRow = segmentsByRow(patches);
  let w = 1;
  for (const r of byRow.keys()) {
    const segs = sortedSegments(byRow, r);
    const cells = segs.reduce((n, sg) => n + sg.originals.length, 0);
    w = Math.max(w, chunksOf(encodeLine(r, '0'.repeat(IDENTITY_CHARS), segs).length + cells * formatChars));
  }
  return w;
}

/** Rows of the block: one per sheet row the run writes. */
export function backupRows(patches: readonly BackedUpPatch[]): number {
  return segmentsByRow(patches).size;
}

/** One backed-up row segment, read back. */
export interface BackupLine {
  row: number;
  col: number;
  planned: Cell[];
  originals: Cell[];
  formats: string[] | null;
  identity: string;
}

/** Thrown for a block that cannot be read back as it was written: undo is refused, never guessed. */
export class DamagedBackup extends Error {}

function parseJsonLine(cells: readonly Cell[]): BackupLine[] {
  const text = cells.map((c) => (typeof c === 'string' ? c : '')).join('');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new DamagedBackup('damaged backup line');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[0] !== 'number' || typeof parsed[1] !== 'string' || !Array.isArray(parsed[2])) throw new DamagedBackup('damaged backup line');
  const row = parsed[0];
  const identity = parsed[1];
  return (parsed[2] as unknown[]).map((seg) => {
    if (!Array.isArray(seg) || seg.length !== 4 || typeof seg[0] !== 'number' || !Array.isArray(seg[1]) || !Array.isArray(seg[2]) || seg[1].length !== seg[2].length) throw new DamagedBackup('damaged backup segment');
    const formats = seg[3] === null ? null : Array.isArray(seg[3]) && seg[3].length === seg[2].length ? (seg[3] as unknown[]).map(String) : undefined;
    if (formats === undefined) throw new DamagedBackup('damaged backup formats');
    return { row, col: seg[0] as number, planned: (seg[1] as unknown[]).map(decodeCell), originals: (seg[2] as unknown[]).map(decodeCell), formats, identity };
  });
}

/** The segments of a layout-2 block: [row, identity, segments k, then per segment col, n, formats flag, written, originals, (formats)]. */
function parseLayout2(block: readonly (readonly Cell[])[]): BackupLine[] {
  const out: BackupLine[] = [];
  for (const line of block) {
    const row = Number(line[0]);
    const identity = String(line[1]);
    const k = Number(line[2]);
    let at = ROW_HEAD;
    for (let s = 0; s < k; s++) {
      const col = Number(line[at]);
      const n = Number(line[at + 1]);
      const fmt = Number(line[at + 2]) === 1;
      at += 3;
      const planned = line.slice(at, at + n) as Cell[];
      const originals = line.slice(at + n, at + 2 * n) as Cell[];
      at += 2 * n;
      const formats = fmt ? line.slice(at, at + n).map(String) : null;
      if (fmt) at += n;
      out.push({ row, col, planned, originals, formats, identity });
    }
  }
  return out;
}
const ROW_HEAD = 3;

/**
 * The segments of an entry's block, ordered by column, then row (rectangles are rebuilt column
 * by column). `layout` is the entry's: BACKUP_LAYOUT, or null for a layout-2 entry (written
 * before there was a layout field). Throws DamagedBackup for a row that does not read back, and
 * for a layout this version does not know (a newer add-on's): refused, never misread.
 */
export function parseLines(block: readonly (readonly Cell[])[], layout: number | null = BACKUP_LAYOUT): BackupLine[] {
  if (layout !== null && layout !== BACKUP_LAYOUT) throw new DamagedBackup('unknown backup layout ' + layout);
  const out = layout === BACKUP_LAYOUT ? block.flatMap(parseJsonLine) : parseLayout2(block);
  return out.sort((x, y) => x.col - y.col || x.row - y.row);
}

/** A rectangle undo writes back: originals (and their formats where the run changed them). */
export interface RestoreWrite {
  row: number;
  col: number;
  values: Cell[][];
  formats: string[][] | null;
  /** Per row: what must still hold just before the write (a row may change while undo runs). */
  guards: RowGuard[];
}

/** A row's identity and the cells a restore expects to find (what the run wrote there). */
export interface RowGuard {
  identity: string;
  written: number[];
  expected: Cell[];
}

/**
 * Whether a row still is as undo planned it: the same identity (not moved, not replaced by an
 * inserted row) and the cells about to be restored still holding what the run wrote. Checked
 * right before each write, so a row staff insert, delete or edit while undo runs is left alone.
 */
export function stillAsPlanned(now: readonly Cell[], guard: RowGuard, col: number, identityWidth: number): boolean {
  if (identityOf(now, new Set(guard.written), identityWidth) !== guard.identity) return false;
  return guard.expected.every((v, k) => same(now[col + k], v));
}

const same = sameCell;

/**
 * What undo writes, cell by cell: a cell still holding what the run wrote gets its original
 * back; a cell holding its original already is left; a cell staff changed since is kept (their
 * edit wins). Rows whose identity changed (sorted, inserted, deleted) are skipped whole.
 * `current(row)` gives the row as it is now (at least `identityWidth` and the written columns).
 * Whole lines restored in a column run are merged into one rectangle.
 */
export function restorePlan(lines: readonly BackupLine[], current: (row: number) => readonly Cell[], identityWidth: number): { writes: RestoreWrite[]; rowsSkipped: number; cellsKept: number; cellsRestored: number } {
  const written = writtenColumns(lines.map((l) => ({ row: l.row, col: l.col, n: l.originals.length })));
  const skippedRows = new Set<number>();
  const writes: RestoreWrite[] = [];
  let cellsKept = 0;
  let cellsRestored = 0;
  let open: RestoreWrite | null = null;
  const flush = (): void => {
    if (open) writes.push(open);
    open = null;
  };
  for (const l of lines) {
    const now = current(l.row);
    if (identityOf(now, written.get(l.row), identityWidth) !== l.identity) {
      skippedRows.add(l.row);
      flush();
      continue;
    }
    const n = l.originals.length;
    const restore: boolean[] = [];
    for (let k = 0; k < n; k++) {
      const v = now[l.col + k];
      // With formats backed up, a cell whose value the run left as it was may still have had its
      // format set (a date's, the derived block's): it is restored too.
      if (same(v, l.planned[k]) && (l.formats !== null || !same(v, l.originals[k]))) restore.push(true);
      else {
        if (!same(v, l.originals[k])) cellsKept++;
        restore.push(false);
      }
    }
    const all = restore.every((x) => x);
    if (all) {
      cellsRestored += n;
      const o = open as RestoreWrite | null;
      const guard = { identity: l.identity, written: Array.from(written.get(l.row) ?? []), expected: l.planned.slice() };
      if (o && o.col === l.col && o.values[0]?.length === n && o.row + o.values.length === l.row && !!o.formats === !!l.formats) {
        o.values.push(l.originals.slice());
        if (o.formats && l.formats) o.formats.push(l.formats.slice());
        o.guards.push(guard);
      } else {
        flush();
        open = { row: l.row, col: l.col, values: [l.originals.slice()], formats: l.formats ? [l.formats.slice()] : null, guards: [guard] };
      }
      continue;
    }
    flush();
    // Partly restored: one write per run of restored cells, leaving the others untouched.
    for (let k = 0; k < n; ) {
      if (!restore[k]) {
        k++;
        continue;
      }
      let e = k;
      while (e + 1 < n && restore[e + 1]) e++;
      const guard = { identity: l.identity, written: Array.from(written.get(l.row) ?? []), expected: l.planned.slice(k, e + 1) };
      writes.push({ row: l.row, col: l.col + k, values: [l.originals.slice(k, e + 1)], formats: l.formats ? [l.formats.slice(k, e + 1)] : null, guards: [guard] });
      cellsRestored += e - k + 1;
      k = e + 1;
    }
  }
  flush();
  return { writes, rowsSkipped: skippedRows.size, cellsKept, cellsRestored };
}

/**
 * The entries kept once `entry` joins the history: at most UNDO_ENTRIES_PER_SHEET per sheet and
 * UNDO_MAX_ENTRIES in all, within UNDO_CELL_BUDGET cells, dropping the oldest first. The new
 * entry is always kept (one run larger than the budget can still be undone, alone).
 */
export function retain(entries: readonly UndoEntry[], entry: UndoEntry): { keep: UndoEntry[]; evict: UndoEntry[] } {
  // Runs, not executions, are what staff undo: a run continued over several executions has one
  // entry per execution, counts once, and is kept or evicted whole (an undo of half a run would
  // leave the other half cleaned). Entries without a run id are runs of their own. The new
  // entry's run is always kept.
  const runKey = (e: UndoEntry): string => e.sheetId + '|' + (e.runId ?? e.id);
  const runs = new Map<string, UndoEntry[]>();
  for (const e of newestFirst(entries)) {
    const list = runs.get(runKey(e));
    if (list) list.push(e);
    else runs.set(runKey(e), [e]);
  }
  const current = runs.get(runKey(entry)) ?? [];
  runs.delete(runKey(entry));
  const keep: UndoEntry[] = [entry, ...current];
  const evict: UndoEntry[] = [];
  const runsPerSheet = new Map<number, number>([[entry.sheetId, 1]]);
  let cells = keep.reduce((n, e) => n + e.rows * e.width, 0);
  for (const run of runs.values()) {
    const sheetId = run[0]?.sheetId ?? -1;
    const size = run.reduce((n, e) => n + e.rows * e.width, 0);
    if ((runsPerSheet.get(sheetId) ?? 0) >= UNDO_ENTRIES_PER_SHEET || keep.length + run.length > UNDO_MAX_ENTRIES || cells + size > UNDO_CELL_BUDGET) {
      evict.push(...run);
      continue;
    }
    runsPerSheet.set(sheetId, (runsPerSheet.get(sheetId) ?? 0) + 1);
    cells += size;
    keep.push(...run);
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

/** An entry as the sidebar lists it (sheet names filled in by the caller). */
export interface HistoryItem {
  entry: UndoEntry;
  /** Sheet rows it restores: the rows of every execution of its run. */
  rows: number;
  /** The newest run of its sheet: undo goes newest-first per sheet. */
  undoable: boolean;
}

/**
 * The history as staff see it, newest first: the executions of one continued run are one item
 * (undo restores them together), and only the newest run of each sheet can be undone.
 */
export function historyView(entries: readonly UndoEntry[]): HistoryItem[] {
  const items: HistoryItem[] = [];
  const byRun = new Map<string, HistoryItem>();
  const seenSheet = new Set<number>();
  for (const e of newestFirst(entries)) {
    const key = e.runId ? e.sheetId + '|' + e.runId : '';
    const same = key ? byRun.get(key) : undefined;
    if (same) {
      same.rows += e.sheetRows;
      continue;
    }
    const item: HistoryItem = { entry: e, rows: e.sheetRows, undoable: !seenSheet.has(e.sheetId) };
    seenSheet.add(e.sheetId);
    if (key) byRun.set(key, item);
    items.push(item);
  }
  return items;
}
