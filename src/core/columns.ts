/**
 * A log held column by column, each column dictionary-encoded: its values, and per row the code
 * of the row's value. A million cells of two hundred distinct dates are a million small integers
 * and two hundred values, so the cleaner parses each value once and every later pass over the
 * rows is an array lookup (the grid of row arrays Sheets returns costs a few hundred bytes a row).
 *
 * Two producers: tableOfGrid (the adapter's getValues grid, encoded once) and the runner's CSV
 * reader, which encodes straight from the file's bytes without building rows at all.
 */
import { Cell, Grid } from './cells';

/** One column: `values[codes[r]]` is row r's cell. */
export interface CodedColumn {
  /**
   * The column's values; values[0] is '' (a blank or missing cell is code 0). Equal codes are
   * equal values; a producer may give one value more than one code (a column with too many
   * distinct values to intern), so code equality is the only thing a reader may rely on.
   */
  readonly values: readonly Cell[];
  /** Per row of the table, the index of its value in `values`. */
  readonly codes: Uint32Array;
}

export interface ColumnTable {
  readonly rowCount: number;
  /** Column c of the sheet; a row shorter than the widest row reads as '' past its end. */
  readonly columns: readonly CodedColumn[];
}

/** The value of row r, column c ('' past the table's columns). */
export function cellAt(table: ColumnTable, r: number, c: number): Cell {
  const column = table.columns[c];
  if (!column) return '';
  return column.values[column.codes[r] ?? 0] ?? '';
}

/** Rows [from, to) as row arrays of the table's width (for what reads a few rows whole). */
export function rowsOf(table: ColumnTable, from: number, to: number): Grid {
  const out: Grid = [];
  const end = Math.min(to, table.rowCount);
  for (let r = Math.max(0, from); r < end; r++) {
    const row: Cell[] = new Array<Cell>(table.columns.length);
    for (let c = 0; c < table.columns.length; c++) row[c] = cellAt(table, r, c);
    out.push(row);
  }
  return out;
}

/** Row r as an array of the table's width. */
export function rowOf(table: ColumnTable, r: number): Cell[] {
  return rowsOf(table, r, r + 1)[0] ?? [];
}

/**
 * A column stops interning once it has this many distinct values (names, KPJ numbers, a running
 * number): looking each of a million unique values up in a Map costs more than it saves, so from
 * then on each new cell gets a code of its own.
 */
const INTERN_LIMIT = 65536;

/**
 * A getValues grid, encoded column by column. Text, numbers, booleans and dates keep apart (the
 * number 5 and the text "5" are two values, as they are two different cells).
 */
export function tableOfGrid(grid: Grid): ColumnTable {
  let width = 0;
  for (const row of grid) if (row.length > width) width = row.length;
  const columns: CodedColumn[] = [];
  for (let c = 0; c < width; c++) columns.push(encodeGridColumn(grid, c));
  return { rowCount: grid.length, columns };
}

function encodeGridColumn(grid: Grid, c: number): CodedColumn {
  const n = grid.length;
  const values: Cell[] = [''];
  // One map per type: the number 5 and the text "5" are two values; a Date is keyed by its instant.
  const byText = new Map<string, number>([['', 0]]);
  const byNumber = new Map<number, number>();
  const byInstant = new Map<number, number>();
  const byBoolean = new Map<boolean, number>();
  const mapOf = (v: Cell): Map<string, number> | Map<number, number> | Map<boolean, number> =>
    typeof v === 'string' ? byText : typeof v === 'number' ? byNumber : typeof v === 'boolean' ? byBoolean : byInstant;
  const keyOf = (v: Cell): string | number | boolean => (typeof v === 'object' ? v.getTime() : v);
  const codes = new Uint32Array(n);
  let interning = true;
  for (let r = 0; r < n; r++) {
    const v = grid[r]?.[c];
    if (v === undefined || v === '') continue;
    let code: number | undefined;
    if (interning) code = typeof v === 'string' ? byText.get(v) : (mapOf(v) as Map<unknown, number>).get(keyOf(v));
    if (code === undefined) {
      code = values.length;
      values.push(v);
      if (interning) {
        (mapOf(v) as Map<unknown, number>).set(keyOf(v), code);
        interning = values.length < INTERN_LIMIT;
      }
    }
    codes[r] = code;
  }
  return { values, codes };
}

/** A table as it is, a grid encoded. */
export function asTable(input: Grid | ColumnTable): ColumnTable {
  return Array.isArray(input) ? tableOfGrid(input) : input;
}
