/**
 * Rectangles of cells (0-based, inclusive start, counts) and how they move when rows or columns
 * are inserted or deleted. Merges and protected ranges both follow their cells this way.
 */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}

export type Axis = 'rows' | 'columns';

function span(r: Rect, axis: Axis): [number, number] {
  return axis === 'rows' ? [r.row, r.numRows] : [r.col, r.numCols];
}

function withSpan(r: Rect, axis: Axis, start: number, count: number): Rect {
  return axis === 'rows' ? { ...r, row: start, numRows: count } : { ...r, col: start, numCols: count };
}

/** True when inserting `n` lines after 0-based position `after` (n lines land at after..) splits the rect. */
export function insertionSplits(r: Rect, axis: Axis, after: number): boolean {
  const [start, count] = span(r, axis);
  return start < after && after < start + count;
}

/** The rect after `n` lines are inserted at 0-based position `at`: shifted, or grown when the insert falls inside. */
export function afterInsert(r: Rect, axis: Axis, at: number, n: number): Rect {
  const [start, count] = span(r, axis);
  if (at <= start) return withSpan(r, axis, start + n, count);
  if (at < start + count) return withSpan(r, axis, start, count + n);
  return r;
}

/** The rect after lines at..at+n-1 are deleted; null when nothing of it remains. */
export function afterDelete(r: Rect, axis: Axis, at: number, n: number): Rect | null {
  const [start, count] = span(r, axis);
  const end = start + count;
  const delEnd = at + n;
  if (delEnd <= start) return withSpan(r, axis, start - n, count);
  if (at >= end) return r;
  const kept = count - (Math.min(end, delEnd) - Math.max(start, at));
  if (kept <= 0) return null;
  return withSpan(r, axis, Math.min(start, at), kept);
}

export function overlapsLines(r: Rect, axis: Axis, at: number, n: number): boolean {
  const [start, count] = span(r, axis);
  return at < start + count && start < at + n;
}
