/**
 * Write planning: from a plan's per-column changes to the rectangles the adapter writes. Pure:
 * it decides how many SpreadsheetApp calls a clean costs, so it lives with the other decisions.
 */
import type { Cell, Grid } from './cells';
import type { ColumnChange } from './clean';

/** No single call moves more rows than this (Sheets' practical limit near 10M cells). */
export const MAX_ROWS_PER_CALL = 200000;
/** Unchanged rows between two changes beyond which a write span is split in two. */
const SPLIT_GAP = 5000;
/** Rows with formulas a span may have before it is cut by columns rather than by rows. */
const FORMULA_ROWS_BY_ROW = 8;

/** A rectangle to write: grid coordinates (0-based), new values, and the originals for backup and rollback. */
export interface PlainPatch {
  row: number;
  col: number;
  values: Cell[][];
  originals: Cell[][];
  /** Patches of one row (split around its formula cells) share a group: a run stops between groups only. */
  group: number;
}

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

