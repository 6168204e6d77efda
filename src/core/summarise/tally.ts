/**
 * Small helpers the tab builders share: counts by a composite key of reported values, shares of
 * a group, row ordering, rounding.
 */
import type { Cell } from '../cells';

export const round = (x: number, digits = 6): number => {
  const f = Math.pow(10, digits);
  return Math.round(x * f) / f;
};

/** Counts by a composite key; keys keep the parts so rows can be rebuilt. */
export class Tally<K extends Cell[]> {
  readonly map = new Map<string, { parts: K; n: number }>();
  add(parts: K, n = 1): void {
    const key = parts.join('\u241f');
    const hit = this.map.get(key);
    if (hit) hit.n += n;
    else this.map.set(key, { parts, n });
  }
  entries(): { parts: K; n: number }[] {
    return Array.from(this.map.values());
  }
  /** The count of a key built as add() builds it (0 when never added). */
  count(parts: K): number {
    return this.map.get(parts.join('\u241f'))?.n ?? 0;
  }
}

/** Numbers by value, anything else by its text. */
export function compare(a: Cell | undefined, b: Cell | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Orders rows by the given key columns, then by count (descending) where `countCol` is set. */
export function sortRows(rows: Cell[][], keyCols: number[], countCol = -1, countAfter = keyCols.length): void {
  rows.sort((a, b) => {
    for (let i = 0; i < keyCols.length; i++) {
      if (i === countAfter && countCol >= 0) {
        const d = numberAt(b, countCol) - numberAt(a, countCol);
        if (d !== 0) return d;
      }
      const k = keyCols[i] ?? 0;
      const d = compare(a[k], b[k]);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** The number in a row's column (0 when the cell holds none). */
export function numberAt(row: readonly Cell[], col: number): number {
  const v = row[col];
  return typeof v === 'number' ? v : 0;
}

/** Total count per group of entries. */
export function shares<K extends Cell[]>(entries: readonly { parts: K; n: number }[], groupOf: (parts: K) => string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const e of entries) totals.set(groupOf(e.parts), (totals.get(groupOf(e.parts)) ?? 0) + e.n);
  return totals;
}
