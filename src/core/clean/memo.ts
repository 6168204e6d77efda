/**
 * Dictionary encoding of one column: each distinct raw value gets a small integer code the first
 * time it is seen; its outcome (parsed, canonicalised, its change and note) is worked out the
 * first time it is asked for, once. A column of a million cells becomes an Int32Array of codes
 * plus a table of a few hundred distinct values and outcomes, so every pass over the rows after
 * the first is an array lookup.
 */
import type { Cell } from '../cells';
import type { CodedColumn } from '../columns';

/** Past this many distinct values a column's codes are copied, not adopted (see ValueCodes.adopt). */
const MAX_ADOPTED_VALUES = 1 << 16;

export class ValueCodes<T> {
  /** The raw value of each code, in first-seen order. */
  readonly values: Cell[] = [];
  private readonly outcomes: (T | undefined)[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byNumber = new Map<number, number>();
  /** Date cells are keyed by their instant. */
  private readonly byInstant = new Map<number, number>();
  private readonly byBoolean = new Map<boolean, number>();

  private compute: ((v: Cell) => T) | null;

  /**
   * @param compute the outcome of a raw value, called at most once per distinct value; it may be
   * given later (define), when what it needs is learnt from the codes themselves.
   */
  constructor(compute?: (v: Cell) => T) {
    this.compute = compute ?? null;
  }

  /** Sets how outcomes are worked out (before the first is asked for). */
  define(compute: (v: Cell) => T): this {
    this.compute = compute;
    return this;
  }

  /** The code of a raw value (a missing cell reads as ''). */
  code(v: Cell | undefined): number {
    if (v === undefined) v = '';
    if (typeof v === 'string') return this.codeIn(this.byText, v, v);
    if (typeof v === 'number') return this.codeIn(this.byNumber, v, v);
    if (typeof v === 'boolean') return this.codeIn(this.byBoolean, v, v);
    return this.codeIn(this.byInstant, v.getTime(), v);
  }

  /** The outcome of a code this table gave out, worked out on first use. */
  of(code: number): T {
    let o = this.outcomes[code];
    if (o === undefined) {
      if (code < 0 || code >= this.values.length) throw new RangeError(`no value has code ${code}`);
      if (!this.compute) throw new Error('outcomes asked for before they were defined');
      o = this.outcomes[code] = this.compute(this.values[code] as Cell);
    }
    return o;
  }

  /** The outcome of a code if it has been worked out, else undefined (never works one out). */
  peek(code: number): T | undefined {
    return this.outcomes[code];
  }

  /** The outcome of data row i, given the codes encode() made. */
  outcomeAt(codes: Int32Array, i: number): T {
    const code = codes[i];
    if (code === undefined) throw new RangeError(`no row ${i} among ${codes.length}`);
    return this.of(code);
  }

  /**
   * Codes of a table column's rows from..rowCount-1: each of the column's own codes is looked up
   * here once, so a million rows cost a typed-array lookup each.
   */
  encodeColumn(column: CodedColumn | undefined, from: number, rowCount: number): Int32Array {
    const adopted = column ? this.adopt(column, from, rowCount) : null;
    if (adopted) return adopted;
    const codes = new Int32Array(Math.max(0, rowCount - from));
    if (!column) {
      codes.fill(this.code(''));
      return codes;
    }
    const own = column.codes;
    const values = column.values;
    // mine[source] is this table's code + 1 for the column's code `source` (0: not met yet). The
    // loop is a typed-array read and write per row; a row past the column's codes reads code 0.
    const mine = new Int32Array(values.length);
    const end = Math.min(rowCount, own.length);
    let i = 0;
    for (let r = from; r < end; r++, i++) {
      const source = own[r] as number;
      let code = mine[source] as number;
      // (undefined past the values, were a producer to break the contract: looked up each time, as before.)
      if (!(code > 0)) code = mine[source] = this.code(values[source]) + 1;
      codes[i] = code - 1;
    }
    for (let r = Math.max(from, end); r < rowCount; r++, i++) {
      let code = mine[0] as number;
      if (code === 0) code = mine[0] = this.code(values[0]) + 1;
      codes[i] = code - 1;
    }
    return codes;
  }

  /**
   * The column's own codes, viewed as this table's without a copy, when that gives codes in the
   * order encoding would: this table has given out none yet, the column's codes reach every row,
   * its values are distinct as this table keys them (a producer may give one value two codes), and
   * the data rows meet their values in code order ('' aside, which whatever reads the values
   * ignores). A header, or a value no data row holds, then has a code of its own here, so what
   * lists the values lists usedValues. A column of a million rows costs a read of its codes, not
   * a fresh array of a million (fresh memory is the slowest thing a run touches). Otherwise the
   * codes are copied as before.
   */
  private adopt(column: CodedColumn, from: number, rowCount: number): Int32Array | null {
    const own = column.codes;
    const values = column.values;
    if (this.values.length > 0 || from > rowCount || own.length < rowCount || values.length > MAX_ADOPTED_VALUES) return null;
    const seen = new Uint8Array(values.length);
    let last = 0;
    for (let r = from; r < rowCount; r++) {
      const code = own[r] as number;
      if (code > last) {
        // A code past the values (a producer breaking the contract) is read as the copy reads it.
        if (code >= values.length) return null;
        last = code;
        seen[code] = 1;
      } else if (seen[code] === 0 && code !== 0) {
        return null;
      }
    }
    for (let k = 0; k < values.length; k++) {
      if (this.code(values[k]) !== k) {
        this.forget();
        return null;
      }
    }
    return new Int32Array(own.buffer, own.byteOffset + from * Int32Array.BYTES_PER_ELEMENT, rowCount - from);
  }

  /** The values `codes` use, in code order (first-seen order), each once. */
  usedValues(codes: Int32Array): Cell[] {
    const used = new Uint8Array(this.values.length);
    for (let i = 0; i < codes.length; i++) used[codes[i] as number] = 1;
    return this.values.filter((_, k) => used[k] === 1);
  }

  /** Back to a table that has given out no code (before any outcome was worked out). */
  private forget(): void {
    this.values.length = 0;
    this.byText.clear();
    this.byNumber.clear();
    this.byInstant.clear();
    this.byBoolean.clear();
  }

  /** The distinct text values among `codes`, with how many rows hold each, in first-seen order. */
  textCounts(codes: Int32Array): Map<string, number> {
    const perCode = new Int32Array(this.values.length);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] ?? 0;
      perCode[c] = (perCode[c] ?? 0) + 1;
    }
    const out = new Map<string, number>();
    for (let c = 0; c < this.values.length; c++) {
      const v = this.values[c];
      if (typeof v === 'string' && (perCode[c] ?? 0) > 0) out.set(v, perCode[c] ?? 0);
    }
    return out;
  }

  private codeIn<K>(map: Map<K, number>, key: K, v: Cell): number {
    let c = map.get(key);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(v);
      map.set(key, c);
    }
    return c;
  }
}
