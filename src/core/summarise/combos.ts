/**
 * The distinct combinations of a visit table's text fields (service, channel, age group,
 * generation, topic), found in one pass over the rows with an open-addressing hash on their
 * dictionary codes. A log of a million visits repeats a few thousand combinations: every count
 * that does not involve the day is then taken once per combination (with its number of rows)
 * instead of once per row, and the counts that do involve the day read one code per row.
 *
 * Combinations are numbered in the order of their first row, so counting them in number order
 * meets every key in the order a row-by-row count would first meet it.
 */
import { VISIT_FIELDS, VisitField, VisitTable } from '../table';

export interface Combos {
  /** Number of distinct combinations. */
  size: number;
  /** The combination of each row. */
  ofRow: Int32Array;
  /** Rows per combination. */
  rows: Int32Array;
  /** Each field's dictionary code per combination. */
  fields: Record<VisitField, Int32Array>;
  /** First and last day of the rows (Infinity, −Infinity when there are none). */
  minDay: number;
  maxDay: number;
}

/** Golden-ratio multiplicative hashing of the five codes (32-bit). */
function hash5(s: number, c: number, a: number, g: number, t: number): number {
  let h = Math.imul(s, 0x9e3779b1);
  h = Math.imul(h ^ c, 0x85ebca6b) ^ (h >>> 13);
  h = Math.imul(h ^ a, 0xc2b2ae35) ^ (h >>> 16);
  h = Math.imul(h ^ g, 0x27d4eb2f) ^ (h >>> 15);
  h = Math.imul(h ^ t, 0x165667b1);
  return h ^ (h >>> 16);
}

const grown = (a: Int32Array, size: number): Int32Array<ArrayBuffer> => {
  const next = new Int32Array(size);
  next.set(a);
  return next;
};

export function combosOf(v: VisitTable): Combos {
  const n = v.size;
  const S = v.fields.service.data;
  const C = v.fields.channel.data;
  const A = v.fields.ageGroup.data;
  const G = v.fields.generation.data;
  const T = v.fields.topic.data;
  const day = v.day.data;
  let cap = 1024;
  let fs = new Int32Array(cap);
  let fc = new Int32Array(cap);
  let fa = new Int32Array(cap);
  let fg = new Int32Array(cap);
  let ft = new Int32Array(cap);
  let rows = new Int32Array(cap);
  // Slots hold combination number + 1 (0 = empty); the table stays at most half full.
  let slots = new Int32Array(cap * 2);
  let mask = slots.length - 1;
  const ofRow = new Int32Array(n);
  let size = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = day[i] as number;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
    const s = S[i] as number;
    const c = C[i] as number;
    const a = A[i] as number;
    const g = G[i] as number;
    const t = T[i] as number;
    let at = hash5(s, c, a, g, t) & mask;
    let k = -1;
    for (;;) {
      const slot = slots[at] as number;
      if (slot === 0) break;
      const j = slot - 1;
      if (fs[j] === s && fc[j] === c && fa[j] === a && fg[j] === g && ft[j] === t) {
        k = j;
        break;
      }
      at = (at + 1) & mask;
    }
    if (k < 0) {
      k = size++;
      if (size > cap) {
        cap *= 2;
        fs = grown(fs, cap);
        fc = grown(fc, cap);
        fa = grown(fa, cap);
        fg = grown(fg, cap);
        ft = grown(ft, cap);
        rows = grown(rows, cap);
        slots = rehash(fs, fc, fa, fg, ft, k, cap * 2);
        mask = slots.length - 1;
        at = hash5(s, c, a, g, t) & mask;
        while (slots[at] !== 0) at = (at + 1) & mask;
      }
      fs[k] = s;
      fc[k] = c;
      fa[k] = a;
      fg[k] = g;
      ft[k] = t;
      slots[at] = k + 1;
    }
    ofRow[i] = k;
    rows[k] = (rows[k] as number) + 1;
  }
  const fields = { service: fs, channel: fc, ageGroup: fa, generation: fg, topic: ft };
  for (const f of VISIT_FIELDS) fields[f] = fields[f].slice(0, size);
  return { size, ofRow, rows: rows.slice(0, size), fields, minDay, maxDay };
}

/** A fresh slot table of the given size holding combinations 0..count-1. */
function rehash(fs: Int32Array, fc: Int32Array, fa: Int32Array, fg: Int32Array, ft: Int32Array, count: number, size: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let j = 0; j < count; j++) {
    let at = hash5(fs[j] as number, fc[j] as number, fa[j] as number, fg[j] as number, ft[j] as number) & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = j + 1;
  }
  return slots;
}
