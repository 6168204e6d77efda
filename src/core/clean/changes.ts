/**
 * The cells a clean changes, per column: rows ascending, new values and (for dates) formats.
 *
 * Sized for a million rows: a column's arrays are allocated once, the first time it changes, with
 * room for every row from there to the end (growing a million-element array by push costs four
 * times the writes themselves), and trimmed to what was used when listed. A column that never
 * changes (the common case on a re-run) allocates nothing.
 */
import type { Cell } from '../cells';

/** Changed cells of one column: grid row indices (ascending), their new values and, for dates, formats. */
export interface ColumnChange {
  col: number;
  rows: number[] | Int32Array;
  values: Cell[];
  formats: string[] | null;
}

interface ColumnCells {
  rows: Int32Array;
  values: Cell[];
  formats: string[] | null;
  length: number;
}

export class ChangeSet {
  /** Indexed by column: a Map lookup per changed cell was a measurable cost at a million rows. */
  private readonly byCol: (ColumnCells | undefined)[] = [];

  /** @param endRow one past the last grid row a change can be in. */
  constructor(private readonly endRow: number) {}

  set(col: number, row: number, value: Cell, format: string | null = null): void {
    let ch = this.byCol[col];
    if (!ch) {
      const room = Math.max(1, this.endRow - row);
      ch = { rows: new Int32Array(room), values: new Array<Cell>(room), formats: null, length: 0 };
      this.byCol[col] = ch;
    }
    const i = ch.length;
    if (i === ch.rows.length) this.grow(ch);
    ch.rows[i] = row;
    ch.values[i] = value;
    if (format !== null && !ch.formats) {
      ch.formats = new Array<string>(ch.values.length);
      for (let k = 0; k < i; k++) ch.formats[k] = '';
    }
    if (ch.formats) ch.formats[i] = format ?? '';
    ch.length = i + 1;
  }

  /**
   * All the changes of a column at once (rows ascending), for a column nothing else changes;
   * the arrays are kept, not copied.
   */
  setColumn(col: number, rows: Int32Array, values: Cell[], formats: string[] | null = null): void {
    if (this.byCol[col]) {
      for (let i = 0; i < rows.length; i++) this.set(col, rows[i] ?? 0, values[i] as Cell, formats?.[i] || null);
      return;
    }
    if (rows.length === 0) return;
    this.byCol[col] = { rows, values, formats, length: rows.length };
  }

  list(): ColumnChange[] {
    const out: ColumnChange[] = [];
    this.byCol.forEach((ch, col) => {
      if (!ch) return;
      ch.values.length = ch.length;
      if (ch.formats) ch.formats.length = ch.length;
      out.push({ col, rows: ch.rows.subarray(0, ch.length), values: ch.values, formats: ch.formats });
    });
    return out;
  }

  /** Only when a caller sets rows past endRow (or twice): doubles the room. */
  private grow(ch: ColumnCells): void {
    const size = ch.rows.length * 2;
    const rows = new Int32Array(size);
    rows.set(ch.rows);
    ch.rows = rows;
    ch.values.length = size;
    if (ch.formats) ch.formats.length = size;
  }
}
