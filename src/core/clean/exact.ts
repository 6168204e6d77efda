/**
 * Exact duplicate rows, a column at a time.
 *
 * Each row's key is a 53-bit hash of its per-column key parts (keys.ts), mixed one column at a
 * time over typed arrays. Duplicates are then found by sorting the hashes: a log of a million
 * visits has almost no equal hashes, so only those few rows are looked at again, and no
 * million-entry hash table is probed at random (which cost more than everything else per row).
 */

/** Per data row, the 53-bit hash of its key, built up column by column. */
export class RowHashes {
  private readonly h1: Uint32Array;
  private readonly h2: Uint32Array;

  constructor(readonly size: number) {
    this.h1 = new Uint32Array(size).fill(0x811c9dc5);
    this.h2 = new Uint32Array(size).fill(0x9e3779b9);
  }

  /** Mixes column c's key part of row i in (columns in order, once each). */
  mix(i: number, c: number, part: number): void {
    this.h1[i] = Math.imul((this.h1[i] ?? 0) ^ part, 0x01000193) >>> 0;
    this.h2[i] = Math.imul(((this.h2[i] ?? 0) ^ part) + c, 0x5bd1e995) >>> 0;
  }

  /** The hash of row i (53 bits, exact in a double). */
  of(i: number): number {
    return (this.h1[i] ?? 0) * 2097152 + ((this.h2[i] ?? 0) >>> 11);
  }
}

/**
 * Per data row, the earlier data row it repeats exactly, or -1. Only rows marked in `eligible`
 * take part (a row without a visit is never a duplicate). `sameKey` confirms a hash hit: a row
 * whose hash matches but whose key does not is not a duplicate, and does not become the first of
 * its hash either.
 */
export function exactRepeats(hashes: RowHashes, eligible: Uint8Array, sameKey: (a: number, b: number) => boolean): Int32Array {
  const n = hashes.size;
  const repeats = new Int32Array(n).fill(-1);
  const all = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (eligible[i]) all[m++] = hashes.of(i);
  const sorted = all.subarray(0, m).sort();
  const shared = new Set<number>();
  for (let j = 1; j < m; j++) if (sorted[j] === sorted[j - 1]) shared.add(sorted[j] ?? 0);
  if (shared.size === 0) return repeats;
  const first = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (!eligible[i]) continue;
    const hash = hashes.of(i);
    if (!shared.has(hash)) continue;
    const earlier = first.get(hash);
    if (earlier === undefined) first.set(hash, i);
    else if (sameKey(earlier, i)) repeats[i] = earlier;
  }
  return repeats;
}
