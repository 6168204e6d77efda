/**
 * All SpreadsheetApp reads and writes of the add-on, batched.
 *
 * Every call is a round trip to Google's servers, so a sheet is read in a few large getValues
 * calls (at most MAX_ROWS_PER_CALL rows each), and written as one setValues per block of adjacent
 * changed columns. Text is written as literal text (see cells.literalText), and formula cells are
 * never written.
 */
import { Cell, Grid, toWritable } from '../core/cells';
import type { ColumnChange } from '../core/clean';
import { ColumnType, FORMAT_OF_TYPE } from '../core/contract';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** No single call moves more rows than this (Sheets' practical limit near 10M cells). */
export const MAX_ROWS_PER_CALL = 200000;
export const CELL_LIMIT = 10000000;
/** Unchanged rows between two changes beyond which a write span is split in two. */
const SPLIT_GAP = 5000;
/** Rows with formulas a span may have before it is cut by columns rather than by rows. */
const FORMULA_ROWS_BY_ROW = 8;

export function readGrid(sheet: Sheet): Grid {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) return [];
  if (lastRow <= MAX_ROWS_PER_CALL) return sheet.getRange(1, 1, lastRow, lastCol).getValues() as Grid;
  const grid: Grid = [];
  for (let r = 1; r <= lastRow; r += MAX_ROWS_PER_CALL) {
    const n = Math.min(MAX_ROWS_PER_CALL, lastRow - r + 1);
    const part = sheet.getRange(r, 1, n, lastCol).getValues() as Grid;
    for (const row of part) grid.push(row);
  }
  return grid;
}

/** Positions (row * width + col, 0-based) of formula cells: they are read, never written. */
export function readFormulaCells(sheet: Sheet, rows: number, width: number): Set<number> {
  const found = new Set<number>();
  for (let r = 1; r <= rows; r += MAX_ROWS_PER_CALL) {
    const n = Math.min(MAX_ROWS_PER_CALL, rows - r + 1);
    const part = sheet.getRange(r, 1, n, width).getFormulas();
    for (let i = 0; i < part.length; i++) {
      const row = part[i];
      for (let c = 0; c < row.length; c++) if (row[c] !== '') found.add((r - 1 + i) * width + c);
    }
  }
  return found;
}

/** A rectangle to write: grid coordinates (0-based), new values, originals for backup and rollback. */
export interface Patch {
  row: number;
  col: number;
  values: Cell[][];
  originals: Cell[][];
  /** Number formats to set, for rectangles whose cells change type (dates). Same shape as values. */
  formats: string[][] | null;
  originalFormats: string[][] | null;
  /** Formats on the sheet before the write: they decide how text must be written. */
  current: string[][];
  /** Patches of one row (split around its formula cells) share a group: a run stops between groups only. */
  group: number;
}

export type PlainPatch = Pick<Patch, 'row' | 'col' | 'values' | 'originals' | 'group'>;

/**
 * Groups a plan's column changes into write rectangles. Rows with changes form spans (split at
 * long gaps and at MAX_ROWS_PER_CALL rows); each span is written as ONE rectangle over the
 * columns it changes, unchanged cells inside written back as they are. So every row's changes —
 * values, status and note — land in the same call: a run stopped at its deadline or cut off
 * leaves each row either as it was or fully cleaned, and re-planning it gives the same result.
 * A row holding a formula inside the rectangle is written on its own, around the formula cells.
 */
export function patchesFor(changes: ColumnChange[], grid: Grid, formulas: Set<number>, formulaWidth: number): PlainPatch[] {
  const out: PlainPatch[] = [];
  if (changes.length === 0) return out;
  // Rows with any change, ascending (each column's list is already ascending).
  let maxRow = 0;
  for (const ch of changes) if (ch.rows.length) maxRow = Math.max(maxRow, ch.rows[ch.rows.length - 1]);
  const marked = new Uint8Array(maxRow + 1);
  let count = 0;
  for (const ch of changes) for (let i = 0; i < ch.rows.length; i++) if (!marked[ch.rows[i]]++) count++;
  const changedRows = new Int32Array(count);
  for (let r = 0, k = 0; r <= maxRow; r++) if (marked[r]) changedRows[k++] = r;

  const colPos = new Map<number, number>();
  changes.forEach((ch, k) => colPos.set(ch.col, k));
  // Two cursors per column, both moving forward by row: one finds a span's columns, one reads values.
  const spanCursor = changes.map(() => 0);
  const cursor = changes.map(() => 0);
  const advance = (cur: number[], k: number, r: number): number => {
    const rows = changes[k].rows;
    while (cur[k] < rows.length && rows[cur[k]] < r) cur[k]++;
    return cur[k];
  };
  const hasFormula = (r: number, c0: number, c1: number): boolean => {
    if (formulas.size === 0) return false;
    for (let c = c0; c <= c1 && c < formulaWidth; c++) if (formulas.has(r * formulaWidth + c)) return true;
    return false;
  };
  let group = 0;
  const rect = (ra: number, rb: number, a: number, b: number): void => {
    const ks: number[] = [];
    for (let c = a; c <= b; c++) ks.push(colPos.get(c) ?? -1);
    const values: Cell[][] = [];
    const originals: Cell[][] = [];
    let differs = false;
    for (let r = ra; r <= rb; r++) {
      const src = grid[r] ?? [];
      const orig: Cell[] = new Array(b - a + 1);
      const val: Cell[] = new Array(b - a + 1);
      for (let c = a; c <= b; c++) {
        const o = src[c] === undefined ? '' : src[c];
        let n = o;
        const k = ks[c - a];
        if (k >= 0 && marked[r]) {
          const at = advance(cursor, k, r);
          if (at < changes[k].rows.length && changes[k].rows[at] === r) n = changes[k].values[at];
        }
        orig[c - a] = o;
        val[c - a] = n;
        if (n !== o) differs = true;
      }
      values.push(val);
      originals.push(orig);
    }
    if (differs) out.push({ row: ra, col: a, values, originals, group });
  };

  let start = 0;
  while (start < changedRows.length) {
    let end = start;
    while (end + 1 < changedRows.length && changedRows[end + 1] - changedRows[end] <= SPLIT_GAP && changedRows[end + 1] - changedRows[start] < MAX_ROWS_PER_CALL) end++;
    const r0 = changedRows[start];
    const r1 = changedRows[end];
    let c0 = Infinity;
    let c1 = -Infinity;
    for (let k = 0; k < changes.length; k++) {
      const at = advance(spanCursor, k, r0);
      if (at < changes[k].rows.length && changes[k].rows[at] <= r1) {
        c0 = Math.min(c0, changes[k].col);
        c1 = Math.max(c1, changes[k].col);
      }
    }
    // A formula column (a DATEDIF age on every row, say) would cut the span into one piece per
    // row: past a few formula rows, cut by columns instead — rectangles between formula columns,
    // and vertical runs of typed cells inside them — all one group, right to left.
    let formulaRows = 0;
    if (formulas.size) for (let r = r0; r <= r1 && formulaRows <= FORMULA_ROWS_BY_ROW; r++) if (marked[r] && hasFormula(r, c0, c1)) formulaRows++;
    if (formulaRows > FORMULA_ROWS_BY_ROW) {
      const formulaCol = (c: number): boolean => {
        if (c >= formulaWidth) return false;
        for (let r = r0; r <= r1; r++) if (formulas.has(r * formulaWidth + c)) return true;
        return false;
      };
      let runEnd = -1;
      for (let c = c1; c >= c0 - 1; c--) {
        const blocked = c < c0 || formulaCol(c);
        if (!blocked && runEnd < 0) runEnd = c;
        if (blocked && runEnd >= 0) {
          rect(r0, r1, c + 1, runEnd);
          runEnd = -1;
        }
        if (c >= c0 && blocked) {
          let segStart = -1;
          for (let r = r0; r <= r1 + 1; r++) {
            const stop = r > r1 || formulas.has(r * formulaWidth + c);
            if (!stop && segStart < 0) segStart = r;
            if (stop && segStart >= 0) {
              rect(segStart, r - 1, c, c);
              segStart = -1;
            }
          }
        }
      }
      group++;
      start = end + 1;
      continue;
    }
    let spanStart = r0;
    for (let r = r0; r <= r1 + 1; r++) {
      if (r <= r1 && !hasFormula(r, c0, c1)) continue;
      if (r > spanStart) {
        rect(spanStart, r - 1, c0, c1);
        group++;
      }
      if (r <= r1 && marked[r]) {
        // Right to left: the status and note (rightmost) land before the values they describe,
        // so a run stopped between the pieces re-plans this row to the same result.
        let runEnd = -1;
        for (let c = c1; c >= c0 - 1; c--) {
          const blocked = c < c0 || (c < formulaWidth && formulas.has(r * formulaWidth + c));
          if (!blocked && runEnd < 0) runEnd = c;
          if (blocked && runEnd >= 0) {
            rect(r, r, c + 1, runEnd);
            runEnd = -1;
          }
        }
        group++;
      }
      spanStart = r + 1;
    }
    start = end + 1;
  }
  return out;
}

/** Reads the current number formats of a rectangle (for dates we write, and their backup). */
export function readFormats(sheet: Sheet, row: number, col: number, rows: number, cols: number): string[][] {
  return sheet.getRange(row + 1, col + 1, rows, cols).getNumberFormats();
}

/** Writes a patch (or, for rollback and undo, its originals) with formats first. */
export function writePatch(sheet: Sheet, p: Patch, useOriginals = false): void {
  const values = useOriginals ? p.originals : p.values;
  const formats = useOriginals ? p.originalFormats : p.formats;
  const effective = formats ?? p.current;
  const range = sheet.getRange(p.row + 1, p.col + 1, values.length, values[0].length);
  if (formats) range.setNumberFormats(formats);
  range.setValues(values.map((row, i) => row.map((v, k) => toWritable(v, effective[i][k]))));
}

/** Grows a sheet's grid so that (rows × cols) fits. */
export function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** Cells in the whole spreadsheet, as Sheets counts them against its limit (the grid, not content). */
export function spreadsheetCells(ss: Spreadsheet): number {
  let n = 0;
  for (const sheet of ss.getSheets()) n += sheet.getMaxRows() * sheet.getMaxColumns();
  return n;
}

/**
 * Sheet id → sheet, built once per spreadsheet object per execution: every look-up would
 * otherwise cost getSheets() plus a getSheetId() per tab. Tabs the add-on inserts are added;
 * tabs are never deleted by the add-on.
 */
let sheetIndex = new WeakMap<Spreadsheet, Map<number, Sheet>>();

/** Called at the start of every entry point: Apps Script gives each execution fresh globals. */
export function startExecution(): void {
  sheetIndex = new WeakMap();
}

function indexOf(ss: Spreadsheet): Map<number, Sheet> {
  let index = sheetIndex.get(ss);
  if (!index) {
    index = new Map();
    for (const sheet of ss.getSheets()) index.set(sheet.getSheetId(), sheet);
    sheetIndex.set(ss, index);
  }
  return index;
}

export function findSheetById(ss: Spreadsheet, sheetId: number): Sheet | null {
  const hit = indexOf(ss).get(sheetId);
  if (hit) return hit;
  // A tab added by the user during this execution's lifetime (rare): look again.
  sheetIndex.delete(ss);
  return indexOf(ss).get(sheetId) ?? null;
}

/**
 * Finds an add-on tab by its recorded sheet id (it may have been renamed), else by name, else
 * creates it. Looker Studio binds to the id, so a tab is never deleted and recreated.
 */
export function ensureTab(ss: Spreadsheet, tabs: Record<string, number>, name: string, opts: { hidden?: boolean } = {}): Sheet {
  let sheet = tabs[name] !== undefined ? findSheetById(ss, tabs[name]) : null;
  if (!sheet) sheet = ss.getSheetByName(name);
  if (!sheet) {
    // insertSheet makes the new tab active; staff stay on the sheet they were working on.
    const previous = ss.getActiveSheet();
    sheet = ss.insertSheet(name, ss.getNumSheets());
    if (previous) ss.setActiveSheet(previous);
    if (opts.hidden) sheet.hideSheet();
    indexOf(ss).set(sheet.getSheetId(), sheet);
  }
  tabs[name] = sheet.getSheetId();
  return sheet;
}

/**
 * Rewrites a tab in place: header and rows in ONE setValues that also blanks stale rows below,
 * so a failure leaves either the old or the new content, never a mix. Formats go first (they
 * do not change content) so new dates and percents display right the moment they land.
 */
export function writeTable(sheet: Sheet, headers: string[], rows: Cell[][], types: ColumnType[] | null): void {
  const width = headers.length;
  const oldHeight = sheet.getLastRow();
  const newHeight = rows.length + 1;
  const height = Math.max(oldHeight, newHeight);
  ensureSize(sheet, height, width);
  if (types && rows.length > 0) {
    // Plain-text columns ('@') keep what we write as it is; dates, counts and shares get theirs.
    const formatRow = types.map((t) => FORMAT_OF_TYPE[t]);
    const formats: string[][] = [];
    for (let i = 0; i < rows.length; i++) formats.push(formatRow);
    sheet.getRange(2, 1, rows.length, width).setNumberFormats(formats);
  }
  const formatOf = types ? types.map((t) => FORMAT_OF_TYPE[t]) : [];
  const values: Cell[][] = [headers.map((h) => toWritable(h))];
  for (const row of rows) values.push(row.map((v, k) => toWritable(v, formatOf[k])));
  const blank = new Array<Cell>(width).fill('');
  for (let i = newHeight; i < height; i++) values.push(blank);
  sheet.getRange(1, 1, height, width).setValues(values);
}

/** One-time presentation of a fresh tab: bold frozen header and readable widths. */
export function styleTable(sheet: Sheet, headers: string[], widths: number[]): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, headers.length).setFontWeight('bold');
  widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
}

/** A tab's content as written: header row plus data rows (for reading kamus back). */
export function readTable(sheet: Sheet): Grid {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) return [];
  return sheet.getRange(1, 1, lastRow, lastCol).getValues() as Grid;
}
