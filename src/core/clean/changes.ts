/**
 * The cells a clean changes, per column: rows ascending, new values and (for dates) formats.
 *
 * Two shapes. A column whose cells are set one by one (the birth date, which each row may refuse)
 * is listed: its values in an array. A column decided a column at a time (a cleaned column, a
 * derived one) is coded: its new values are a dictionary and a code per grid row the plan
 * already holds, so a million changed cells cost the row list and nothing else — no array of a
 * million values is made just to be read once by the writer (fresh memory is what a million rows
 * cost). Read either through changeValue / changeFormat.
 */
import type { Cell } from '../cells';

/** Changed cells of one column whose values are listed: values[k] is row rows[k]'s new value. */
export interface ListedChange {
  col: number;
  /** Grid row indices, ascending. */
  rows: number[] | Int32Array;
  values: Cell[];
  /** Number formats per change ('' = none), when any has one. */
  formats: string[] | null;
}

/** Changed cells of one column whose values are coded: row rows[k]'s new value is dict[codes[rows[k] - offset]]. */
export interface CodedChange {
  col: number;
  /** Grid row indices, ascending. */
  rows: Int32Array;
  /** A code per grid row from `offset` on (rows the change does not list are never read). */
  codes: ArrayLike<number>;
  offset: number;
  dict: readonly (Cell | undefined)[];
  /** The number format of each dict value ('' = none), when any has one. */
  dictFormats: readonly string[] | null;
}

export type ColumnChange = ListedChange | CodedChange;

function isCoded(ch: ColumnChange): ch is CodedChange {
  return (ch as CodedChange).dict !== undefined;
}

/** The new value of a column's k-th change. */
export function changeValue(ch: ColumnChange, k: number): Cell {
  if (!isCoded(ch)) return ch.values[k] as Cell;
  return ch.dict[ch.codes[(ch.rows[k] ?? 0) - ch.offset] ?? 0] as Cell;
}

/** The number format of a column's k-th change ('' = none). */
export function changeFormat(ch: ColumnChange, k: number): string {
  if (!isCoded(ch)) return ch.formats?.[k] ?? '';
  if (!ch.dictFormats) return '';
  return ch.dictFormats[ch.codes[(ch.rows[k] ?? 0) - ch.offset] ?? 0] ?? '';
}

/** Whether any change of the column carries a number format. */
export function hasFormats(ch: ColumnChange): boolean {
  return isCoded(ch) ? ch.dictFormats !== null : ch.formats !== null;
}

/** A column's new values as an array (tests and small tools; the writer reads changeValue). */
export function changeValues(ch: ColumnChange): Cell[] {
  const out: Cell[] = new Array<Cell>(ch.rows.length);
  for (let k = 0; k < ch.rows.length; k++) out[k] = changeValue(ch, k);
  return out;
}

/**
 * The values of a column decided a row at a time, as codes into a dictionary that grows as values
 * are met (code 0 is ''). Codes start as bytes and widen (to two bytes, then four) each time a
 * dictionary outgrows them: six derived columns of a million rows are a few megabytes, not six arrays of pointers.
 */
export class CodedCells {
  readonly dict: Cell[] = [''];
  private readonly index = new Map<Cell, number>([['', 0]]);
  codes: Uint8Array | Uint16Array | Uint32Array;

  constructor(size: number) {
    this.codes = new Uint8Array(size);
  }

  /** The last value asked for and its code: neighbouring rows often share a value (a note). */
  private last: Cell = '';
  private lastCode = 0;

  /** The code of a value, given one the first time it is met. */
  codeOf(v: Cell): number {
    if (v === this.last) return this.lastCode;
    let c = this.index.get(v);
    if (c === undefined) {
      c = this.dict.length;
      this.dict.push(v);
      this.index.set(v, c);
      // One byte a row, then two, then four: each width is a fresh array as long as the column.
      if (c === 256 && this.codes instanceof Uint8Array) this.codes = Uint16Array.from(this.codes);
      else if (c === 65536 && this.codes instanceof Uint16Array) this.codes = Uint32Array.from(this.codes);
    }
    this.last = v;
    this.lastCode = c;
    return c;
  }

  /** The code of a value already met, or -1. */
  find(v: Cell): number {
    return this.index.get(v) ?? -1;
  }
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
  private readonly coded: (CodedChange | undefined)[] = [];

  /** @param endRow one past the last grid row a change can be in. */
  constructor(private readonly endRow: number) {}

  set(col: number, row: number, value: Cell, format: string | null = null): void {
    const already = this.coded[col];
    if (already) {
      // A column decided whole and then cell by cell (never in the cleaner): listed from here on.
      this.coded[col] = undefined;
      for (let k = 0; k < already.rows.length; k++) this.set(col, already.rows[k] ?? 0, changeValue(already, k), changeFormat(already, k) || null);
    }
    let ch = this.byCol[col];
    if (!ch) {
      const room = Math.max(1, this.endRow - row);
      ch = { rows: new Int32Array(room), values: new Array<Cell>(room), formats: null, length: 0 };
      this.byCol[col] = ch;
    }
    const i = ch.length;
    // The writer walks each column's rows with a cursor: a row out of order would be skipped, its
    // change silently lost. No caller does that; one that did fails here, loudly.
    if (i > 0 && (ch.rows[i - 1] ?? -1) >= row) throw new Error(`ChangeSet: rows out of order (${col}:${row})`);
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
   * All the changes of a column at once (rows ascending), coded: kept as they are, not copied.
   * A column that already has cells set one by one takes these the same way.
   */
  setCoded(change: CodedChange): void {
    if (this.byCol[change.col] || this.coded[change.col]) {
      for (let k = 0; k < change.rows.length; k++) this.set(change.col, change.rows[k] ?? 0, changeValue(change, k), changeFormat(change, k) || null);
      return;
    }
    if (change.rows.length === 0) return;
    this.coded[change.col] = change;
  }

  /** Every changed column, in column order. */
  list(): ColumnChange[] {
    const out: ColumnChange[] = [];
    const width = Math.max(this.byCol.length, this.coded.length);
    for (let col = 0; col < width; col++) {
      const coded = this.coded[col];
      if (coded) {
        out.push(coded);
        continue;
      }
      const ch = this.byCol[col];
      if (!ch) continue;
      ch.values.length = ch.length;
      if (ch.formats) ch.formats.length = ch.length;
      out.push({ col, rows: ch.rows.subarray(0, ch.length), values: ch.values, formats: ch.formats });
    }
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
