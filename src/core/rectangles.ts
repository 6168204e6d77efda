/**
 * Write planning: from a plan's per-column changes to the rectangles the adapter writes, and the
 * check that keeps an edit staff made during a run. Pure: it decides how many SpreadsheetApp
 * calls a clean costs and which cells it may touch, so it lives with the other decisions.
 */
import { Cell, Grid, inRange, isDate } from './cells';
import { type ColumnChange, changeValue } from './clean';

/** No single call moves more rows than this (Sheets' practical limit near 10M cells). */
export const MAX_ROWS_PER_CALL = 200000;
/** Unchanged rows between two changed rows beyond which a block is split in two. */
const SPLIT_GAP = 200;
/**
 * Rows per block at most. A run stops at its deadline only between blocks, and each block costs
 * a check read plus one write per column span, so this trades calls against how finely a very
 * large first clean can be continued in the next execution.
 */
const MAX_ROWS_PER_BLOCK = 10000;
/** A block with this many formula rows or fewer is cut at them (each such row its own block). */
const FORMULA_ROWS_TO_CUT = 8;

/** A rectangle to write: grid coordinates (0-based), new values, and the originals for backup and rollback. */
export interface PlainPatch {
  row: number;
  col: number;
  values: Cell[][];
  originals: Cell[][];
  /** Patches of one block of rows share a group: a run stops between groups only. */
  group: number;
}

/** Ascending rows that have any change. */
function changedRowsOf(changes: readonly ColumnChange[]): Int32Array {
  let maxRow = -1;
  for (const ch of changes) if (ch.rows.length) maxRow = Math.max(maxRow, inRange(ch.rows, ch.rows.length - 1));
  const marked = new Uint8Array(maxRow + 1);
  let count = 0;
  for (const ch of changes) {
    for (const r of ch.rows) {
      if (marked[r] === 1) continue;
      marked[r] = 1;
      count++;
    }
  }
  const rows = new Int32Array(count);
  for (let r = 0, k = 0; r <= maxRow; r++) if (marked[r]) rows[k++] = r;
  return rows;
}

/** Blocks of changed rows [first, last]: split at long gaps and at MAX_ROWS_PER_CALL rows. */
function rowBlocks(changedRows: Int32Array): [number, number][] {
  const blocks: [number, number][] = [];
  const row = (i: number): number => inRange(changedRows, i);
  let start = 0;
  while (start < changedRows.length) {
    let end = start;
    while (end + 1 < changedRows.length && row(end + 1) - row(end) <= SPLIT_GAP && row(end + 1) - row(start) < MAX_ROWS_PER_BLOCK) end++;
    blocks.push([row(start), row(end)]);
    start = end + 1;
  }
  return blocks;
}

/** Maximal runs of adjacent columns, right to left: [first, last]. */
function columnSpans(cols: number[]): [number, number][] {
  const sorted = cols.slice().sort((x, y) => x - y);
  const spans: [number, number][] = [];
  for (const c of sorted) {
    const last = spans[spans.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else spans.push([c, c]);
  }
  return spans.reverse();
}

/**
 * Groups a plan's column changes into write rectangles that cover ONLY the columns the clean
 * changes: each block of changed rows is written as one rectangle per run of adjacent changed
 * columns (a name or phone column between them is never written, so an edit staff make there
 * during the run survives). Unchanged cells inside a rectangle are written back as read; the
 * adapter checks them first (see conflictingRows). Spans go right to left: the status and note
 * land before the values they describe, so a run cut between two calls re-plans that row to the
 * same result. A span holding a formula is cut into vertical runs around the formula cells.
 */
export function patchesFor(changes: ColumnChange[], grid: Grid, formulas: Set<number>, formulaWidth: number): PlainPatch[] {
  const out: PlainPatch[] = [];
  if (changes.length === 0) return out;
  const byCol = new Map<number, ColumnChange>();
  for (const ch of changes) if (ch.rows.length) byCol.set(ch.col, ch);
  // One cursor per column, moving forward by row (blocks are visited top to bottom).
  const cursor = new Map<number, number>();
  const newValue = (c: number, r: number, old: Cell): Cell => {
    const ch = byCol.get(c);
    if (!ch) return old;
    let at = cursor.get(c) ?? 0;
    while (at < ch.rows.length && inRange(ch.rows, at) < r) at++;
    cursor.set(c, at);
    return at < ch.rows.length && ch.rows[at] === r ? changeValue(ch, at) : old;
  };
  const isFormula = (r: number, c: number): boolean => formulas.size > 0 && c < formulaWidth && formulas.has(r * formulaWidth + c);

  const rect = (ra: number, rb: number, a: number, b: number, group: number): void => {
    const values: Cell[][] = [];
    const originals: Cell[][] = [];
    let differs = false;
    for (let r = ra; r <= rb; r++) {
      const src = grid[r] ?? [];
      const val: Cell[] = new Array(b - a + 1);
      const orig: Cell[] = new Array(b - a + 1);
      for (let c = a; c <= b; c++) {
        const o = src[c] === undefined ? '' : (src[c] as Cell);
        const n = newValue(c, r, o);
        orig[c - a] = o;
        val[c - a] = n;
        if (n !== o) differs = true;
      }
      values.push(val);
      originals.push(orig);
    }
    if (differs) out.push({ row: ra, col: a, values, originals, group });
  };

  const colsIn = (r0: number, r1: number): number[] => {
    const cols: number[] = [];
    for (const [c, ch] of byCol) {
      let k = cursor.get(c) ?? 0;
      while (k < ch.rows.length && inRange(ch.rows, k) < r0) k++;
      if (k < ch.rows.length && inRange(ch.rows, k) <= r1) cols.push(c);
    }
    return cols;
  };
  // A few formula rows inside a block cut it: the rows between them are written whole, and
  // each formula row on its own, around its formula cells.
  const blocks: [number, number][] = [];
  for (const [r0, r1] of rowBlocks(changedRowsOf(changes))) {
    const cols = colsIn(r0, r1);
    const formulaRows: number[] = [];
    if (formulas.size) for (let r = r0; r <= r1 && formulaRows.length <= FORMULA_ROWS_TO_CUT; r++) if (cols.some((c) => isFormula(r, c))) formulaRows.push(r);
    if (formulaRows.length === 0 || formulaRows.length > FORMULA_ROWS_TO_CUT) {
      blocks.push([r0, r1]);
      continue;
    }
    let from = r0;
    for (const f of formulaRows) {
      if (f > from) blocks.push([from, f - 1]);
      blocks.push([f, f]);
      from = f + 1;
    }
    if (from <= r1) blocks.push([from, r1]);
  }

  let group = 0;
  for (const [r0, r1] of blocks) {
    const cols = colsIn(r0, r1);
    if (cols.length === 0) continue;
    const spans = columnSpans(cols);
    const pieces: [number, number, number, number][] = [];
    for (const [a, b] of spans) {
      let formulaInSpan = false;
      for (let c = a; c <= b && !formulaInSpan; c++) for (let r = r0; r <= r1 && !formulaInSpan; r++) formulaInSpan = isFormula(r, c);
      if (!formulaInSpan) {
        pieces.push([r0, r1, a, b]);
        continue;
      }
      for (let c = b; c >= a; c--) {
        let segStart = -1;
        for (let r = r0; r <= r1 + 1; r++) {
          const stop = r > r1 || isFormula(r, c);
          if (!stop && segStart < 0) segStart = r;
          if (stop && segStart >= 0) {
            pieces.push([segStart, r - 1, c, c]);
            segStart = -1;
          }
        }
      }
    }
    // Each column's cursor only moves down: the pieces of one column are listed top to bottom.
    for (const [ra, rb, a, b] of pieces) rect(ra, rb, a, b, group);
    group++;
  }
  return out;
}

/** Two cells hold the same value (Dates by instant). */
export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (a === b) return true;
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  const blankA = a === undefined || a === null || a === '';
  const blankB = b === undefined || b === null || b === '';
  return blankA && blankB;
}

/**
 * Rows (patch-relative) whose cells no longer hold what the run read: staff edited them between
 * the read and the write. Those rows are skipped in every patch of their group and left for the
 * next run, so an edit made during a run is never overwritten.
 */
export function conflictingRows(originals: readonly (readonly Cell[])[], current: readonly (readonly Cell[])[]): number[] {
  const out: number[] = [];
  originals.forEach((o, i) => {
    const n = current[i] ?? [];
    if (o.some((cell, k) => !sameCell(cell, n[k]))) out.push(i);
  });
  return out;
}

/**
 * After a failed write, the rows of a patch (absolute) that keep what they hold now rather than
 * get their originals back: the rows staff changed. A patch written whole: a row no longer
 * holding what was written. The patch whose write was cut off (`inFlight`: its formats may be
 * set, its values not): a row holding neither what was planned nor what was read.
 */
export function rowsLeftForStaff(p: Pick<PlainPatch, 'row' | 'values' | 'originals'>, current: readonly (readonly Cell[])[], inFlight: boolean): Set<number> {
  const unlikePlanned = conflictingRows(p.values, current);
  if (!inFlight) return new Set(unlikePlanned.map((k) => p.row + k));
  const unlikeRead = new Set(conflictingRows(p.originals, current));
  return new Set(unlikePlanned.filter((k) => unlikeRead.has(k)).map((k) => p.row + k));
}

/** A patch without the given absolute rows: the runs of rows left, as patches of their own. */
export function withoutRows<P extends PlainPatch>(p: P, skip: ReadonlySet<number>, slice: (p: P, from: number, to: number) => P): P[] {
  const out: P[] = [];
  let start = -1;
  for (let i = 0; i <= p.values.length; i++) {
    const keep = i < p.values.length && !skip.has(p.row + i);
    if (keep && start < 0) start = i;
    if (!keep && start >= 0) {
      out.push(slice(p, start, i));
      start = -1;
    }
  }
  return out;
}
