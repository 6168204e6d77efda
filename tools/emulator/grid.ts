/**
 * One layer of cell data (values, formulas, formats, ...) for a sheet.
 *
 * Stored column-major: one growable JS array per column, indexed by 0-based
 * row. Add-on sheets are tall and narrow (a million rows, ~10 columns), so
 * this keeps memory to ~one array per column, makes row insertion a splice on
 * a handful of arrays, and avoids the per-cell allocation a Map keyed by
 * "r,c" would need. `undefined` means "nothing stored" everywhere.
 */
export class Grid<T> {
  private cols: (T | undefined)[][] = [];

  get(row: number, col: number): T | undefined {
    const c = this.cols[col];
    return c === undefined ? undefined : c[row];
  }

  /** Direct column access for tight loops in getValues/setValues. */
  column(col: number): (T | undefined)[] | undefined {
    return this.cols[col];
  }

  columnForWrite(col: number): (T | undefined)[] {
    let c = this.cols[col];
    if (c === undefined) {
      while (this.cols.length < col) this.cols.push([]);
      c = [];
      this.cols[col] = c;
    }
    return c;
  }

  set(row: number, col: number, v: T | undefined): void {
    if (v === undefined) {
      const c = this.cols[col];
      if (c !== undefined && row < c.length) c[row] = undefined;
      return;
    }
    const c = this.columnForWrite(col);
    if (row > c.length) padTo(c, row);
    c[row] = v;
  }

  /** True when no cell in this layer holds anything (fast path for optional layers). */
  isEmpty(): boolean {
    return this.cols.every((c) => c === undefined || c.length === 0);
  }

  clearRect(row: number, col: number, numRows: number, numCols: number): void {
    for (let j = col; j < col + numCols; j++) {
      const c = this.cols[j];
      if (c === undefined) continue;
      const end = Math.min(row + numRows, c.length);
      for (let i = row; i < end; i++) c[i] = undefined;
      if (end === c.length) trimColumn(c);
    }
  }

  clearAll(): void {
    this.cols = [];
  }

  insertRows(at: number, n: number): void {
    for (let j = 0; j < this.cols.length; j++) {
      const c = this.cols[j];
      if (c === undefined || at >= c.length) continue;
      // Not splice(at, 0, ...filler): spreading a large filler overflows the call stack.
      const moved = c.slice(at);
      c.length = at;
      padTo(c, at + n);
      for (const v of moved) c.push(v);
    }
  }

  deleteRows(at: number, n: number): void {
    for (const c of this.cols) {
      if (c !== undefined && at < c.length) c.splice(at, n);
    }
  }

  insertColumns(at: number, n: number): void {
    if (at < this.cols.length) {
      const fresh: (T | undefined)[][] = [];
      for (let i = 0; i < n; i++) fresh.push([]);
      this.cols.splice(at, 0, ...fresh);
    }
  }

  deleteColumns(at: number, n: number): void {
    if (at < this.cols.length) this.cols.splice(at, n);
  }

  /** 0-based index of the last row holding a value, or -1. */
  lastRow(): number {
    let last = -1;
    for (const c of this.cols) {
      if (c === undefined) continue;
      for (let i = c.length - 1; i > last; i--) {
        if (c[i] !== undefined) {
          last = i;
          break;
        }
      }
    }
    return last;
  }

  /** 0-based index of the last column holding a value, or -1. */
  lastColumn(): number {
    for (let j = this.cols.length - 1; j >= 0; j--) {
      const c = this.cols[j];
      if (c === undefined) continue;
      for (let i = c.length - 1; i >= 0; i--) if (c[i] !== undefined) return j;
    }
    return -1;
  }

  /** Every stored cell, for serialisation. */
  *entries(): Generator<[number, number, T]> {
    for (let j = 0; j < this.cols.length; j++) {
      const c = this.cols[j];
      if (c === undefined) continue;
      for (let i = 0; i < c.length; i++) {
        const v = c[i];
        if (v !== undefined) yield [i, j, v];
      }
    }
  }
}

/**
 * Grow with explicit undefined entries. Assigning far past the end instead
 * would turn the array into a slow dictionary-mode array in V8.
 */
export function padTo<T>(c: (T | undefined)[], length: number): void {
  while (c.length < length) c.push(undefined);
}

/** Drop trailing holes so lastRow() scans stay short after large clears. */
function trimColumn<T>(c: (T | undefined)[]): void {
  let n = c.length;
  while (n > 0 && c[n - 1] === undefined) n--;
  c.length = n;
}
