/**
 * The distinct combinations of a visit table's text fields (service, channel, age group,
 * generation, topic), and the distinct (day, combination) cells, found in one pass over the
 * rows with an open-addressing hash on their dictionary codes. A log of a million visits repeats
 * a few thousand combinations on a few hundred days: every count that does not involve the day
 * is then taken once per combination (with its number of rows), and every count by day once per
 * cell, instead of once per row.
 *
 * Cells and combinations are numbered in the order of their first row, so counting them in
 * number order meets every key in the order a row-by-row count would first meet it.
 */
import { VISIT_FIELDS, VisitField, VisitTable } from '../table';

export interface Combos {
  /** Number of distinct combinations. */
  size: number;
  /** Rows per combination. */
  rows: Int32Array;
  /** Each field's dictionary code per combination. */
  fields: Record<VisitField, Int32Array>;
  /**
   * The distinct (day, combination) pairs, numbered in first-row order, with their rows: every
   * count by day is taken over these, weighted by their rows.
   */
  cells: { size: number; day: Int32Array; combo: Int32Array; rows: Int32Array };
  /** First and last day of the rows (Infinity, −Infinity when there are none). */
  minDay: number;
  maxDay: number;
}

/** A column of codes or days: a visit table's (two bytes a row while its values fit) or a picked copy. */
type Codes = Int32Array | Uint16Array;

/** Multiplicative hashing of up to six small integers (32-bit). */
function hash6(d: number, s: number, c: number, a: number, g: number, t: number): number {
  let h = Math.imul(d ^ 0x5bd1e995, 0x9e3779b1);
  h = Math.imul(h ^ s, 0x85ebca6b) ^ (h >>> 13);
  h = Math.imul(h ^ c, 0xc2b2ae35) ^ (h >>> 16);
  h = Math.imul(h ^ a, 0x27d4eb2f) ^ (h >>> 15);
  h = Math.imul(h ^ g, 0x165667b1) ^ (h >>> 13);
  h = Math.imul(h ^ t, 0x9e3779b1);
  return h ^ (h >>> 16);
}

/**
 * Distinct rows of six integer columns, by open addressing: `keys` are the columns, `n` the
 * rows, `weight` what each row counts for (1 when absent). Returns the number of each row's
 * distinct tuple (first-row order), the first row and the summed weight of each tuple, and the
 * range of the first column. One loop does it all: on a cold start each loop over a million
 * rows runs unoptimised for a while, so fewer loops cost less.
 */
function distinctTuples(
  keys: readonly [Codes, Codes, Codes, Codes, Codes, Codes],
  n: number,
  weight: Int32Array | null,
): { of: Int32Array; firstRow: Int32Array; count: Int32Array; min0: number; max0: number } {
  const [K0, K1, K2, K3, K4, K5] = keys;
  // Each tuple's values are kept side by side (6 per tuple) so a probe compares against a small,
  // cache-resident array rather than the tuple's first row far back in the columns.
  let tuples = new Int32Array(1024 * 6);
  let firstRow = new Int32Array(1024);
  let count = new Int32Array(1024);
  let min0 = Infinity;
  let max0 = -Infinity;
  // Slots hold tuple number + 1 (0 = empty); the table stays at most half full.
  let slots = new Int32Array(2048);
  let mask = slots.length - 1;
  const of = new Int32Array(n);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const k0 = K0[i] as number;
    const k1 = K1[i] as number;
    const k2 = K2[i] as number;
    const k3 = K3[i] as number;
    const k4 = K4[i] as number;
    const k5 = K5[i] as number;
    if (k0 < min0) min0 = k0;
    if (k0 > max0) max0 = k0;
    let at = hash6(k0, k1, k2, k3, k4, k5) & mask;
    let j = -1;
    for (;;) {
      const slot = slots[at] as number;
      if (slot === 0) break;
      const o = (slot - 1) * 6;
      if (tuples[o] === k0 && tuples[o + 1] === k1 && tuples[o + 2] === k2 && tuples[o + 3] === k3 && tuples[o + 4] === k4 && tuples[o + 5] === k5) {
        j = slot - 1;
        break;
      }
      at = (at + 1) & mask;
    }
    if (j < 0) {
      j = size++;
      if (size > firstRow.length) {
        const cap = firstRow.length * 2;
        tuples = grown(tuples, cap * 6);
        firstRow = grown(firstRow, cap);
        count = grown(count, cap);
        slots = new Int32Array(cap * 2);
        mask = slots.length - 1;
        // Re-slot the tuples found so far.
        for (let q = 0; q < j; q++) {
          const o = q * 6;
          let b = hash6(tuples[o] as number, tuples[o + 1] as number, tuples[o + 2] as number, tuples[o + 3] as number, tuples[o + 4] as number, tuples[o + 5] as number) & mask;
          while (slots[b] !== 0) b = (b + 1) & mask;
          slots[b] = q + 1;
        }
        at = hash6(k0, k1, k2, k3, k4, k5) & mask;
        while (slots[at] !== 0) at = (at + 1) & mask;
      }
      const o = j * 6;
      tuples[o] = k0;
      tuples[o + 1] = k1;
      tuples[o + 2] = k2;
      tuples[o + 3] = k3;
      tuples[o + 4] = k4;
      tuples[o + 5] = k5;
      firstRow[j] = i;
      slots[at] = j + 1;
    }
    of[i] = j;
    count[j] = (count[j] as number) + (weight ? (weight[i] as number) : 1);
  }
  return { of, firstRow: firstRow.slice(0, size), count: count.slice(0, size), min0, max0 };
}

/** A copy of `a` in a zeroed array of `size`. */
function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(a);
  return next;
}

/** The values of `col` at the given rows. */
function pick(col: ArrayLike<number>, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = col[rows[i] as number] as number;
  return out;
}

/**
 * One pass over the rows finds the distinct (day, fields) cells; the distinct field
 * combinations are then found among the cells alone.
 */
export function combosOf(v: VisitTable): Combos {
  const n = v.size;
  const F = v.fields;
  const day = v.day.data;
  const cellsOf = distinctTuples([day, F.service.data, F.channel.data, F.ageGroup.data, F.generation.data, F.topic.data], n, null);
  const C = cellsOf.firstRow.length;
  const cellDay = pick(day, cellsOf.firstRow);
  const cellField = {} as Record<VisitField, Int32Array>;
  for (const f of VISIT_FIELDS) cellField[f] = pick(F[f].data, cellsOf.firstRow);
  // Combinations among the cells: the same search with the day column held at 0.
  const zero = new Int32Array(C);
  const combosOfCells = distinctTuples([zero, cellField.service, cellField.channel, cellField.ageGroup, cellField.generation, cellField.topic], C, cellsOf.count);
  const K = combosOfCells.firstRow.length;
  const fields = {} as Record<VisitField, Int32Array>;
  for (const f of VISIT_FIELDS) fields[f] = pick(cellField[f], combosOfCells.firstRow);
  return {
    size: K,
    rows: combosOfCells.count,
    fields,
    cells: { size: C, day: cellDay, combo: combosOfCells.of, rows: cellsOf.count },
    minDay: cellsOf.min0,
    maxDay: cellsOf.max0,
  };
}
