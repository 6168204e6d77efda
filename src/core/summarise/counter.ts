/**
 * Counts of integer keys (the mixed-radix codes of a combination of fields). A small key space is
 * counted in a typed array, a large one in a Map; either way keys come back in the order they
 * were first seen, so what is built from them does not depend on which store was used.
 */

/** Key spaces up to this many keys are counted in an Int32Array (16 MB at most). */
export const DENSE_KEY_LIMIT = 1 << 22;

export class KeyCounter {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  /** Keys in first-seen order (dense store only; a Map keeps its own). */
  private readonly order: number[] = [];

  /** @param space one more than the largest key that will be added. */
  constructor(space: number, denseLimit = DENSE_KEY_LIMIT) {
    const dense = space <= denseLimit;
    this.dense = dense ? new Int32Array(Math.max(1, space)) : null;
    this.sparse = dense ? null : new Map();
  }

  add(key: number, n = 1): void {
    const dense = this.dense;
    if (dense) {
      if (dense[key] === 0) this.order.push(key);
      dense[key] = (dense[key] ?? 0) + n;
    } else {
      const sparse = this.sparse as Map<number, number>;
      sparse.set(key, (sparse.get(key) ?? 0) + n);
    }
  }

  /** Every counted key with its count, in first-seen order. */
  forEach(fn: (key: number, count: number) => void): void {
    const dense = this.dense;
    if (dense) for (const k of this.order) fn(k, dense[k] ?? 0);
    else (this.sparse as Map<number, number>).forEach((count, key) => fn(key, count));
  }
}
