/**
 * Cell values as Apps Script's Range.getValues() returns them: string, number, boolean or Date,
 * with "" for an empty cell. The core works on plain 2-D arrays of these.
 */
export type Cell = string | number | boolean | Date;
export type Grid = Cell[][];

export function isBlank(v: unknown): boolean {
  if (typeof v === 'string') {
    if (v.length === 0) return true;
    // Most cells start with a letter or digit: not blank, without trimming a copy. Only a first
    // character that may be whitespace (as String.prototype.trim sees it) needs the full test.
    const first = v.charCodeAt(0);
    if (first > 32 && first < 0xa0) return false;
    return v.trim() === '';
  }
  return v === null || v === undefined;
}

export function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** A cell as text for notes and problem lists (dates in ISO form; never HTML). */
export function cellText(v: Cell): string {
  if (isDate(v)) return isNaN(v.getTime()) ? '' : v.toISOString();
  return v === null || v === undefined ? '' : String(v);
}

/**
 * Text written with setValues is parsed by Sheets as if typed: '=…' becomes a formula, '+62…'
 * a number or formula, '20-27' may become a date. A leading apostrophe makes Sheets keep the
 * text literally (and getValues returns it without the apostrophe), so every string that could
 * be re-interpreted gets one. Plain words are left alone so the formula bar stays clean.
 */
export function literalText(s: string): string {
  if (s === '') return s;
  if (/^[=+\-@'\t\r\n]/.test(s) || /\d/.test(s) || /^\s*(true|false)\s*$/i.test(s)) return "'" + s;
  return s;
}

/** The number format that makes Sheets keep typed text as it is (no formulas, no numbers). */
export const PLAIN_TEXT_FORMAT = '@';

/**
 * Prepares a value for setValues. In a plain-text cell a string lands as it is (an apostrophe
 * there would be kept as a character); elsewhere strings that Sheets would re-interpret get the
 * apostrophe. Other types pass through.
 */
export function toWritable(v: Cell, format = ''): Cell {
  if (typeof v !== 'string') return v;
  return capText(format === PLAIN_TEXT_FORMAT ? v : literalText(v));
}

/** Sheets refuses a cell of more than 50,000 characters (the whole write fails). */
export const MAX_CELL_CHARS = 50000;

/** Text cut to what one cell holds, marked with an ellipsis where it was cut. */
export function capText(s: string, max = MAX_CELL_CHARS): string {
  return s.length > max ? s.slice(0, max - 1) + '\u2026' : s;
}

/**
 * The element at an index the caller has proved in range (a loop bound, a length checked just
 * before). Under noUncheckedIndexedAccess an index reads as `T | undefined`; this names the proof
 * at the call and throws rather than let an undefined travel on if the proof is ever wrong. Only
 * for arrays whose elements are never undefined.
 */
export function inRange<T>(xs: ArrayLike<T>, i: number): T {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`index ${i} outside 0..${xs.length - 1}`);
  return x;
}
