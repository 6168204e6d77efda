/**
 * A CSV reader (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF, a UTF-8
 * BOM; `,`, `;` or tab between fields) built for large logs.
 *
 * Repeated values of a column are interned without first allocating them: a field is hashed
 * straight from the characters of the file and compared in place, so a million rows of the same
 * dates, services and channels cost a few thousand strings, not millions of short-lived copies
 * for the garbage collector. A column that turns out to be unique (names) stops being interned.
 * Numbers are read from the characters too. papaparse, used before, could do neither.
 *
 * readCsvTable / readCsvTableFile read the same CSV straight from the file's bytes into a
 * ColumnTable (src/core/columns): no decoded text, no row arrays, a code per cell and a string
 * only per distinct value. readCsvTableFile reads through a 1 MB window, never the whole file.
 */

import * as fs from 'fs';
import type { Cell } from '../../src/core/cells';
import type { ColumnTable } from '../../src/core/columns';

/** A column stops being interned once it has this many distinct values. */
const INTERN_LIMIT = 50000;

export type Separator = ',' | ';' | '\t';

export interface CsvOptions {
  /** Turn plain decimal numbers into numbers, as Sheets does when it imports a CSV. */
  numbers?: boolean;
  /** The field separator; 'auto' (the default) looks at the first line (see detectSeparator). */
  separator?: Separator | 'auto';
}

/**
 * The separator of a CSV, from its first line outside quotes: the most frequent of tab, `;` and
 * `,`. Indonesian Excel writes `;` (the comma is its decimal mark); a tie or none means `,`.
 */
export function detectSeparator(text: string): Separator {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Separator = ',';
  for (const sep of ['\t', ';'] as const) if (counts[sep] > counts[best]) best = sep;
  return best;
}

/** Interned values of one column, bucketed by a hash of their characters. */
class InternTable {
  readonly buckets = new Map<number, string[]>();
  size = 0;
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Longest digit string a double holds exactly; longer ones (a 16-digit NIK) stay text. */
const MAX_EXACT_DIGITS = 15;

/**
 * The number a field spells (optional spaces, minus, digits, one decimal mark), or undefined.
 * Digit strings with a leading zero (KPJ, NIK, `0812…` phone numbers) are identifiers, not
 * numbers: they stay text, as do digit strings too long for a double.
 */
function numberAt(text: string, start: number, end: number, decimalMark: number): number | undefined {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (start === end) return undefined;
  let i = start;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  if (i === end) return undefined;
  let whole = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
    digits++;
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS) return undefined;
  const firstDigit = negative ? start + 1 : start;
  if (digits > 1 && text.charCodeAt(firstDigit) === 48) return undefined;
  if (i === end) return negative ? -whole : whole;
  if (text.charCodeAt(i) !== decimalMark || i + 1 === end) return undefined;
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) return undefined;
  }
  const fraction = text.slice(i + 1, end);
  return Number((negative ? '-' : '') + whole + '.' + fraction);
}

export function readCsv(text: string, opts: CsvOptions = {}): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const interns: (InternTable | null)[] = [];
  let row: (string | number)[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const sep = !opts.separator || opts.separator === 'auto' ? detectSeparator(text) : opts.separator;
  const sepCode = sep.charCodeAt(0);
  // With `;` between fields the comma is free to be the decimal mark (Indonesian Excel: 12,5).
  const decimalMark = sep === ';' ? 44 : 46;

  /** Adds the field text[start, end) to the row, interned or as a number where it can be. */
  const pushRange = (start: number, end: number): void => {
    if (opts.numbers) {
      const c = text.charCodeAt(start);
      if ((c >= 48 && c <= 57) || c === 45 || c === 32) {
        const num = numberAt(text, start, end, decimalMark);
        if (num !== undefined) {
          row.push(num);
          return;
        }
      }
    }
    row.push(intern(row.length, start, end, null));
  };

  /** The interned string for a range of the text (or for `value`, a field already unquoted). */
  const intern = (col: number, start: number, end: number, value: string | null): string => {
    let table = interns[col];
    if (table === undefined) table = interns[col] = new InternTable();
    if (table === null) return value ?? text.slice(start, end);
    const h = value === null ? hashRange(text, start, end) : hashRange(value, 0, value.length);
    const len = value === null ? end - start : value.length;
    let bucket = table.buckets.get(h);
    if (bucket) {
      for (const s of bucket) if (s.length === len && (value === null ? text.startsWith(s, start) : s === value)) return s;
    }
    const s = value ?? text.slice(start, end);
    if (table.size >= INTERN_LIMIT) {
      interns[col] = null;
      return s;
    }
    if (!bucket) table.buckets.set(h, (bucket = []));
    bucket.push(s);
    table.size++;
    return s;
  };

  // Lines without a quote (almost all of them) are split with native indexOf; the position of
  // the next quote is remembered so that looking for it stays linear over the whole text.
  let nextQuote = text.indexOf('"', i);
  while (i < n) {
    if (row.length === 0) {
      if (nextQuote >= 0 && nextQuote < i) nextQuote = text.indexOf('"', i);
      let lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) lineEnd = n;
      if (nextQuote < 0 || nextQuote > lineEnd) {
        const end = lineEnd > i && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        let start = i;
        for (;;) {
          const at = text.indexOf(sep, start);
          if (at < 0 || at >= end) {
            pushRange(start, end);
            break;
          }
          pushRange(start, at);
          start = at + 1;
        }
        rows.push(row);
        row = [];
        i = lineEnd + 1;
        continue;
      }
    }
    if (text.charCodeAt(i) === 34 /* " */) {
      // Quoted field: up to the closing quote; "" is a quote.
      let value = '';
      let start = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('CSV: a quoted field is not closed');
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      const num = opts.numbers ? numberAt(value, 0, value.length, decimalMark) : undefined;
      row.push(num ?? intern(row.length, 0, 0, value));
    } else {
      // Plain field: up to the next separator or line end.
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sepCode || d === 10 || d === 13) break;
        j++;
      }
      pushRange(i, j);
      i = j;
    }
    const d = i < n ? text.charCodeAt(i) : 10;
    if (d === sepCode) {
      i++;
      if (i === n) pushRange(i, i);
    } else {
      if (d === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === '')) rows.pop();
  return rows;
}

// ---------------------------------------------------------------------------------------------
// readCsvTable: the same reading, straight from the file's bytes into a ColumnTable.

/** Buffer's native slicers (on every Node Buffer; not in @types/node). */
interface NativeSlicers {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * detectSeparator over bytes src[from, n) (the first line outside quotes); null when the line
 * goes on past n and the text does not end there (`atEnd` false).
 */
function detectSeparatorBytes(src: Uint8Array, from: number, n: number, atEnd: boolean): Separator | null {
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let quoted = false;
  let i = from;
  for (; i < n; i++) {
    const b = src[i];
    if (b === 34) quoted = !quoted;
    else if (!quoted && (b === 10 || b === 13)) break;
    else if (!quoted) {
      if (b === 44) comma++;
      else if (b === 59) semi++;
      else if (b === 9) tab++;
    }
  }
  if (i === n && !atEnd) return null;
  let best: Separator = ',';
  let bestCount = comma;
  if (tab > bestCount) {
    best = '\t';
    bestCount = tab;
  }
  if (semi > bestCount) best = ';';
  return best;
}

/**
 * numberAt over bytes: the number the field src[start, end) spells, or undefined. The same rules
 * as numberAt, and for a fraction the same string handed to Number.
 */
function numberAtBytes(src: Uint8Array, start: number, end: number, decimalMark: number): number | undefined {
  while (start < end && src[start] === 32) start++;
  while (end > start && src[end - 1] === 32) end--;
  if (start === end) return undefined;
  let i = start;
  const negative = src[i] === 45;
  if (negative) i++;
  if (i === end) return undefined;
  let whole = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = src[i];
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
    digits++;
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS) return undefined;
  const firstDigit = negative ? start + 1 : start;
  if (digits > 1 && src[firstDigit] === 48) return undefined;
  if (i === end) return negative ? -whole : whole;
  if (src[i] !== decimalMark || i + 1 === end) return undefined;
  for (let j = i + 1; j < end; j++) {
    const c = src[j];
    if (c < 48 || c > 57) return undefined;
  }
  const fraction = (src as unknown as NativeSlicers).latin1Slice(i + 1, end);
  return Number((negative ? '-' : '') + whole + '.' + fraction);
}

/** Makes the value of a field seen for the first time: a number where it spells one, else text. */
class ValueMaker {
  src: Uint8Array;
  private slicers: NativeSlicers;

  constructor(
    src: Uint8Array,
    private readonly numbers: boolean,
    private readonly decimalMark: number,
  ) {
    this.src = src;
    this.slicers = this.use(src);
  }

  /** Reads the values from `src` from now on (the reader's window moved). */
  use(src: Uint8Array): NativeSlicers {
    this.src = src;
    return (this.slicers = (Buffer.isBuffer(src) ? src : Buffer.from(src.buffer, src.byteOffset, src.byteLength)) as unknown as NativeSlicers);
  }

  make(start: number, end: number): Cell {
    const src = this.src;
    if (this.numbers) {
      const c = src[start];
      if ((c >= 48 && c <= 57) || c === 45 || c === 32) {
        const num = numberAtBytes(src, start, end, this.decimalMark);
        if (num !== undefined) return num;
      }
    }
    // Mostly ASCII: latin1Slice makes a one-byte string without decoding.
    for (let i = start; i < end; i++) if (src[i] >= 0x80) return this.slicers.utf8Slice(start, end);
    return this.slicers.latin1Slice(start, end);
  }

  /** The decoded text of src[start, end). */
  text(start: number, end: number): string {
    return this.slicers.utf8Slice(start, end);
  }
}

/**
 * One column being read: its values (values[0] = '') and a code per row. Distinct values are
 * found by an open-addressing table over the file's bytes (an entry is where a value's bytes
 * are), so a repeated value costs its hash and a byte comparison, no string. After
 * INTERN_LIMIT distinct values the column is taken to be unique (names, row numbers) and
 * stops interning: every later non-blank cell just gets a value of its own.
 */
class ColumnBuilder {
  /** The values; past `size` room reserved for a column that stopped interning. */
  values: Cell[] = [''];
  size = 1;
  /** Set when the column stopped interning: reserve room for a value per row left. */
  reserveRows = false;
  codes: Uint32Array;
  /** Slot → entry index + 1 (0: free); null once the column stopped interning. */
  private slots: Int32Array | null = new Int32Array(64);
  private slotHashes = new Int32Array(64);
  /** Per entry: where its bytes are in `pool`, their length, its code. */
  private entries = new Int32Array(3 * 32);
  /** The bytes of the entries (a copy: the file is read a window at a time). */
  private pool = new Uint8Array(1024);
  private poolLength = 0;
  private count = 0;
  /** The free slot where the last find missed. */
  private missSlot = 0;
  /** Values of quoted fields with doubled quotes (their unescaped text). */
  private escaped: Map<string, number> | null = new Map();

  constructor(capacity: number) {
    this.codes = new Uint32Array(capacity);
  }

  /** The code of the bytes src[start, end) hashed to h, or -1 (then `add` the value). */
  find(src: Uint8Array, start: number, end: number, h: number): number {
    const slots = this.slots;
    if (slots === null) return -1;
    const mask = slots.length - 1;
    const len = end - start;
    const hashes = this.slotHashes;
    const entries = this.entries;
    let slot = h & mask;
    for (;;) {
      const e = slots[slot];
      if (e === 0) break;
      if (hashes[slot] === h) {
        const k = 3 * (e - 1);
        if (entries[k + 1] === len) {
          const pool = this.pool;
          let a = entries[k];
          let b = start;
          while (b < end && pool[a] === src[b]) {
            a++;
            b++;
          }
          if (b === end) return entries[k + 2];
        }
      }
      slot = (slot + 1) & mask;
    }
    this.missSlot = slot;
    return -1;
  }

  /** The code of a new value, right after find missed on its bytes. */
  add(src: Uint8Array, value: Cell, start: number, len: number, h: number): number {
    const code = this.size++;
    this.values[code] = value;
    const slots = this.slots;
    if (slots === null) return code;
    if (this.count >= INTERN_LIMIT) {
      this.reserveRows = true;
      this.slots = null;
      this.entries = this.slotHashes = new Int32Array(0);
      this.pool = new Uint8Array(0);
      return code;
    }
    const k = this.count++;
    if (3 * k >= this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    if (this.poolLength + len > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + len));
      grown.set(this.pool.subarray(0, this.poolLength));
      this.pool = grown;
    }
    const pool = this.pool;
    const at = this.poolLength;
    for (let b = 0; b < len; b++) pool[at + b] = src[start + b];
    this.poolLength += len;
    this.entries[3 * k] = at;
    this.entries[3 * k + 1] = len;
    this.entries[3 * k + 2] = code;
    slots[this.missSlot] = k + 1;
    this.slotHashes[this.missSlot] = h;
    if (this.count * 2 > slots.length) this.rehash(slots.length * 2);
    return code;
  }

  private rehash(size: number): void {
    const old = this.slots!;
    const oldHashes = this.slotHashes;
    const slots = new Int32Array(size);
    const hashes = new Int32Array(size);
    const mask = size - 1;
    for (let s = 0; s < old.length; s++) {
      const e = old[s];
      if (e === 0) continue;
      let t = oldHashes[s] & mask;
      while (slots[t] !== 0) t = (t + 1) & mask;
      slots[t] = e;
      hashes[t] = oldHashes[s];
    }
    this.slots = slots;
    this.slotHashes = hashes;
  }

  /**
   * Room for `rows` more values in one allocation (an array grown a push at a time to a
   * million values is copied over and over, and fresh memory is what costs most).
   */
  reserve(rows: number): void {
    this.reserveRows = false;
    const values = new Array<Cell>(this.size + rows);
    for (let k = 0; k < this.size; k++) values[k] = this.values[k];
    this.values = values;
  }

  /** The values, past the room reserved cut off. */
  finalValues(): Cell[] {
    if (this.values.length !== this.size) this.values.length = this.size;
    return this.values;
  }

  /** The code of a quoted field's unescaped text (non-empty, holding a quote). */
  codeOfText(value: string): number {
    const known = this.escaped?.get(value);
    if (known !== undefined) return known;
    const code = this.size++;
    this.values[code] = value;
    if (this.escaped) {
      if (this.escaped.size >= INTERN_LIMIT) this.escaped = null;
      else this.escaped.set(value, code);
    }
    return code;
  }
}

/** Column c of the table being read (made, with the columns before it, when first needed). */
function columnAt(cols: ColumnBuilder[], c: number, capacity: number): ColumnBuilder {
  while (cols.length <= c) cols.push(new ColumnBuilder(capacity));
  return cols[c];
}

/** Writes the code of the non-empty field src[start, end), hashed to h, at (row, c). */
function putField(cols: ColumnBuilder[], c: number, row: number, capacity: number, maker: ValueMaker, start: number, end: number, h: number): void {
  const col = c < cols.length ? cols[c] : columnAt(cols, c, capacity);
  let code = col.find(maker.src, start, end, h);
  if (code < 0) {
    code = col.add(maker.src, maker.make(start, end), start, end - start, h);
    if (col.reserveRows) col.reserve(capacity - row);
  }
  col.codes[row] = code;
}

/**
 * Writes at (row, c) a first field that starts with the second half of a character split by
 * readCsv (see lowSurrogate in readCsvTable): that half, then the text of src[start, end).
 */
function putSplitField(cols: ColumnBuilder[], c: number, row: number, capacity: number, maker: ValueMaker, low: number, start: number, end: number): void {
  const col = columnAt(cols, c, capacity);
  col.codes[row] = col.codeOfText(String.fromCharCode(low) + maker.text(start, end));
}

/** Room for more rows in every column; the new capacity. */
function growRows(cols: ColumnBuilder[], capacity: number): number {
  const next = Math.ceil(capacity * 1.5) + 16;
  for (const col of cols) {
    const codes = new Uint32Array(next);
    codes.set(col.codes);
    col.codes = codes;
  }
  return next;
}

/** A guess of a CSV's row count from its first lines (the reader grows past it if need be). */
function estimateRows(src: Uint8Array, from: number, n: number, total: number): number {
  const probe = Math.min(n, from + 65536);
  let lines = 0;
  for (let i = from; i < probe; i++) if (src[i] === 10) lines++;
  if (probe === total) return lines + 2;
  const perLine = (probe - from) / Math.max(1, lines);
  return Math.ceil(((total - from) / perLine) * 1.05) + 16;
}

/**
 * The bytes of the character at src[i] as a decoder reads it (an invalid sequence's maximal
 * subpart is one U+FFFD), negative for a character outside the BMP (two UTF-16 code units).
 */
function charBytes(src: Uint8Array, i: number, n: number): number {
  const b = src[i];
  if (b < 0xc2 || b > 0xf4) return 1;
  const cont = (at: number, lo = 0x80, hi = 0xbf): boolean => at < n && src[at] >= lo && src[at] <= hi;
  if (b < 0xe0) return cont(i + 1) ? 2 : 1;
  if (b < 0xf0) {
    if (!cont(i + 1, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf)) return 1;
    return cont(i + 2) ? 3 : 2;
  }
  if (!cont(i + 1, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf)) return 1;
  if (!cont(i + 2)) return 2;
  return cont(i + 3) ? -4 : 3;
}

/** Reads the next bytes of a file into buf from `at`; how many (0 at its end). */
type ReadMore = (buf: Uint8Array, at: number) => number;

/** The bytes of the text at hand: src[0, n), all of it when eof. */
class Window {
  src: Uint8Array;
  n: number;
  eof: boolean;

  constructor(
    first: Uint8Array,
    private readonly more: ReadMore | null,
  ) {
    this.src = first;
    this.n = more ? 0 : first.length;
    this.eof = !more;
  }

  /** Keeps src[keep, n), moved to the start (the window doubled if it is full), and reads on. */
  refill(keep: number): void {
    if (keep === 0 && this.n === this.src.length) {
      const grown = Buffer.allocUnsafe(this.src.length * 2);
      grown.set(this.src.subarray(0, this.n));
      this.src = grown;
    } else if (keep > 0) {
      this.src.copyWithin(0, keep, this.n);
    }
    this.n -= keep;
    while (this.n < this.src.length) {
      const got = this.more!(this.src, this.n);
      if (got === 0) {
        this.eof = true;
        break;
      }
      this.n += got;
    }
  }
}

/**
 * readCsv straight from the bytes of a UTF-8 file into a ColumnTable: for every row r and column
 * c, cellAt(table, r, c) is readCsv(text, opts)[r]?.[c] ?? '' of the decoded text (the same rows,
 * separator, numbers, quotes, CRLF and BOM handling). No row arrays and no string per cell: a
 * field is hashed from the bytes as they are scanned and looked up in its column's dictionary;
 * only a value not seen before is decoded (or parsed as a number).
 */
export function readCsvTable(bytes: Uint8Array, opts: CsvOptions = {}): ColumnTable {
  return readTable(bytes, bytes.length, null, opts);
}

/** The size of the window readCsvTableFile reads a file through (it grows for a longer row). */
const FILE_WINDOW = 1 << 20;

/**
 * readCsvTable of a file, read a window at a time: the same table without ever holding the
 * whole file (a 93 MB log is 93 MB less memory, and fresh memory is slow to touch).
 * `windowBytes` is for tests (a tiny window puts rows across window ends).
 */
export function readCsvTableFile(file: string, opts: CsvOptions = {}, windowBytes = FILE_WINDOW): ColumnTable {
  const fd = fs.openSync(file, 'r');
  try {
    const total = fs.fstatSync(fd).size;
    const more: ReadMore = (buf, at) => fs.readSync(fd, buf, at, buf.length - at, null);
    return readTable(Buffer.allocUnsafe(Math.max(8, windowBytes)), total, more, opts);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The reader. `more` null: `first` is the whole text. Otherwise `first` is an empty window that
 * `more` fills; a row that runs past the window's end is read again once the window is moved on
 * (its fields forgotten; values it added to a dictionary stay, unused), so every row is read
 * from bytes that hold it whole, with the few bytes after it that readCsv may look at.
 */
function readTable(first: Uint8Array, total: number, more: ReadMore | null, opts: CsvOptions): ColumnTable {
  // The window's bytes are src[0, n); eof: the text ends at n. (Locals, not a closure's: the
  // scan below reads them for every byte.)
  const win = new Window(first, more);
  let src = win.src;
  let n = win.n;
  let eof = win.eof;
  if (more) {
    win.refill(0);
    src = win.src;
    n = win.n;
    eof = win.eof;
  }
  let i = n >= 3 && src[0] === 0xef && src[1] === 0xbb && src[2] === 0xbf ? 3 : 0;
  let sep: Separator;
  if (!opts.separator || opts.separator === 'auto') {
    let found = detectSeparatorBytes(src, i, n, eof);
    while (found === null) {
      win.refill(0);
      src = win.src;
      n = win.n;
      eof = win.eof;
      found = detectSeparatorBytes(src, i, n, eof);
    }
    sep = found;
  } else sep = opts.separator;
  const sepCode = sep.charCodeAt(0);
  // With `;` between fields the comma is the decimal mark (as in readCsv).
  const maker = new ValueMaker(src, !!opts.numbers, sep === ';' ? 44 : 46);
  const cols: ColumnBuilder[] = [];
  let capacity = estimateRows(src, i, n, total);
  /** The row being read, its fields so far, whether one is non-blank. */
  let row = 0;
  let width = 0;
  let nonBlank = false;
  /** Rows up to the last non-blank one (readCsv drops blank rows at the end), the widest. */
  let keptRows = 0;
  let keptWidth = 0;
  let widest = 0;
  /**
   * readCsv skips one UTF-16 unit after a closing quote that is not followed by a separator
   * or line end; when that is the first half of a character outside the BMP, its second half
   * begins the next row (a plain field, never a number). Non-zero: that half, still to write.
   */
  let lowSurrogate = 0;

  rows: for (;;) {
    if (i >= n) {
      if (eof) break;
      win.refill(i);
      src = win.src;
      n = win.n;
      eof = win.eof;
      maker.use(src);
      i = 0;
      continue;
    }
    // A row starts as readCsv's line without a quote: split at separators up to the LF, a CR
    // right before the LF (or the end) dropped, other CRs kept in the field. A quote on the
    // line makes it a row of readCsv's general path: from the field with the quote on, or from
    // the row's start when a CR came before (the general path ends a row at a CR).
    const rowStart = i;
    const rowLow = lowSurrogate;
    let fieldStart = i;
    let h = FNV_OFFSET;
    let crAt = -1;
    let crHash = 0;
    let j = i;
    let quote = false;
    for (; j < n; j++) {
      const b = src[j];
      if (b === sepCode) {
        if (lowSurrogate !== 0) {
          putSplitField(cols, width, row, capacity, maker, lowSurrogate, fieldStart, j);
          lowSurrogate = 0;
          nonBlank = true;
        } else if (j > fieldStart) {
          putField(cols, width, row, capacity, maker, fieldStart, j, h);
          nonBlank = true;
        }
        width++;
        h = FNV_OFFSET;
        fieldStart = j + 1;
        continue;
      }
      if (b <= 34) {
        // (Most bytes are letters and digits: one comparison lets them through.)
        if (b === 10) break;
        if (b === 34) {
          quote = true;
          break;
        }
        if (b === 13) {
          crAt = j;
          crHash = h;
        }
      }
      h = Math.imul(h ^ b, FNV_PRIME);
    }
    let again = !eof && j >= n;
    if (!quote && !again) {
      let end = j;
      if (crAt === j - 1 && j > rowStart) {
        end = j - 1;
        h = crHash;
      }
      if (lowSurrogate !== 0) {
        putSplitField(cols, width, row, capacity, maker, lowSurrogate, fieldStart, end);
        lowSurrogate = 0;
        nonBlank = true;
      } else if (end > fieldStart) {
        putField(cols, width, row, capacity, maker, fieldStart, end, h);
        nonBlank = true;
      }
      width++;
      if (width > widest) widest = width;
      row++;
      if (nonBlank) {
        keptRows = row;
        keptWidth = widest;
        nonBlank = false;
      }
      width = 0;
      if (row >= capacity) capacity = growRows(cols, capacity);
      i = j + 1;
      continue;
    }
    if (!again) {
      if (crAt >= 0) {
        // Read the row again from its start, its fields so far forgotten.
        for (let c = 0; c < width && c < cols.length; c++) cols[c].codes[row] = 0;
        width = 0;
        nonBlank = false;
        lowSurrogate = rowLow;
        i = rowStart;
      } else {
        i = fieldStart;
      }
      // The general path, field by field, until the row ends. Past a field, readCsv looks at
      // up to four more bytes (a CRLF, a character after a closing quote): unless the text
      // ends, they must be in the window.
      for (;;) {
        if (src[i] === 34 && lowSurrogate === 0) {
          // Quoted field: up to the closing quote; "" is a quote.
          const start = ++i;
          let q = start;
          h = FNV_OFFSET;
          while (q < n && src[q] !== 34) {
            h = Math.imul(h ^ src[q], FNV_PRIME);
            q++;
          }
          if (!eof && q + 5 >= n) {
            again = true;
            break;
          }
          if (q >= n) throw new Error('CSV: a quoted field is not closed');
          if (q + 1 >= n || src[q + 1] !== 34) {
            if (q > start) {
              putField(cols, width, row, capacity, maker, start, q, h);
              nonBlank = true;
            }
            i = q + 1;
          } else {
            // Doubled quotes (rare): the unescaped text, interned as text.
            let value = maker.text(start, q + 1);
            let from = q + 2;
            for (;;) {
              q = from;
              while (q < n && src[q] !== 34) q++;
              if (!eof && q + 5 >= n) {
                again = true;
                break;
              }
              if (q >= n) throw new Error('CSV: a quoted field is not closed');
              if (q + 1 < n && src[q + 1] === 34) {
                value += maker.text(from, q + 1);
                from = q + 2;
                continue;
              }
              value += maker.text(from, q);
              i = q + 1;
              break;
            }
            if (again) break;
            // (Text with a quote in it never spells a number.)
            const col = columnAt(cols, width, capacity);
            col.codes[row] = col.codeOfText(value);
            nonBlank = true;
          }
        } else {
          // Plain field: up to the next separator or line end.
          h = FNV_OFFSET;
          j = i;
          while (j < n) {
            const b = src[j];
            if (b === sepCode || b === 10 || b === 13) break;
            h = Math.imul(h ^ b, FNV_PRIME);
            j++;
          }
          if (!eof && j + 5 >= n) {
            again = true;
            break;
          }
          if (lowSurrogate !== 0) {
            putSplitField(cols, width, row, capacity, maker, lowSurrogate, i, j);
            lowSurrogate = 0;
            nonBlank = true;
          } else if (j > i) {
            putField(cols, width, row, capacity, maker, i, j, h);
            nonBlank = true;
          }
          i = j;
        }
        width++;
        const d = i < n ? src[i] : 10;
        if (d === sepCode) {
          i++;
          if (i === n) {
            width++; // readCsv's empty last field after a final separator
            break;
          }
        } else {
          if (d === 13 && i + 1 < n && src[i + 1] === 10) i++;
          if (d === 13 || d === 10 || i >= n) i++;
          else {
            // Whatever follows a closing quote ends the row and is skipped: one character of
            // the text (one UTF-16 unit of it).
            const len = charBytes(src, i, n);
            if (len < 0) {
              const cp = ((src[i] & 7) << 18) | ((src[i + 1] & 63) << 12) | ((src[i + 2] & 63) << 6) | (src[i + 3] & 63);
              lowSurrogate = 0xdc00 + ((cp - 0x10000) & 0x3ff);
              i += 4;
            } else i += len;
          }
          if (width > widest) widest = width;
          row++;
          if (nonBlank) {
            keptRows = row;
            keptWidth = widest;
            nonBlank = false;
          }
          width = 0;
          if (row >= capacity) capacity = growRows(cols, capacity);
          break;
        }
      }
      if (!again) continue;
    }
    // The row runs past the window: forget it, move the window on, read it again.
    for (let c = 0; c < width && c < cols.length; c++) cols[c].codes[row] = 0;
    width = 0;
    nonBlank = false;
    lowSurrogate = rowLow;
    win.refill(rowStart);
    src = win.src;
    n = win.n;
    eof = win.eof;
    maker.use(src);
    i = 0;
    continue rows;
  }
  if (lowSurrogate !== 0) {
    // The text ended with a split character: its second half is a row.
    putSplitField(cols, 0, row, capacity, maker, lowSurrogate, n, n);
    width = 1;
    nonBlank = true;
  }
  if (width > 0) {
    // The last row, ended by the end of the text after a separator.
    if (width > widest) widest = width;
    row++;
    if (nonBlank) {
      keptRows = row;
      keptWidth = widest;
    }
  }
  const columns = [];
  for (let c = 0; c < keptWidth; c++) {
    const col = columnAt(cols, c, capacity);
    // A view of the rows read (the pages past them, never written, cost no memory).
    columns.push({ values: col.finalValues(), codes: col.codes.length === keptRows ? col.codes : col.codes.subarray(0, keptRows) });
  }
  return { rowCount: keptRows, columns };
}
