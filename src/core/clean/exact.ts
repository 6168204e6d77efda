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

  /** The first 32-bit word of row i's hash (its high bits). */
  first(i: number): number {
    return this.h1[i] ?? 0;
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
 *
 * Bit sets first keep only the rows whose first hash word may be shared; each of those is one
 * number, its word (as many of its bits as fit) above its index, so one native sort puts rows of
 * equal words side by side in row order, and only those groups are looked at again (no set of a
 * million hashes, no number boxed per row).
 */
export function exactRepeats(hashes: RowHashes, eligible: Uint8Array, sameKey: (a: number, b: number) => boolean): Int32Array {
  const n = hashes.size;
  const repeats = new Int32Array(n).fill(-1);
  const candidates = sharedWordRows(hashes, eligible);
  const m = candidates.length;
  if (m === 0) return repeats;
  // index bits b, and the hash word cut by s bits so that (32 - s) + b <= 53 (exact in a double)
  const b = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const s = Math.max(0, b - 21);
  const scale = 2 ** b;
  const keys = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const i = candidates[j] ?? 0;
    keys[j] = (hashes.first(i) >>> s) * scale + i;
  }
  const sorted = keys.sort();
  for (let j = 0; j < m; ) {
    const word = Math.floor((sorted[j] ?? 0) / scale);
    let end = j + 1;
    while (end < m && Math.floor((sorted[end] ?? 0) / scale) === word) end++;
    if (end - j > 1) repeatsIn(sorted, j, end, scale, hashes, sameKey, repeats);
    j = end;
  }
  return repeats;
}

/**
 * The eligible rows whose first hash word may be shared with another row's, ascending: two bit
 * sets over the words' low bits (seen once, seen again) keep every row that shares its whole word
 * and a few that only share the bits. A million rows of distinct visits leave a few percent to sort.
 */
function sharedWordRows(hashes: RowHashes, eligible: Uint8Array): Int32Array {
  const n = hashes.size;
  let bits = 1 << 16;
  while (bits < 16 * n && bits < 1 << 27) bits *= 2;
  const mask = bits - 1;
  const seen = new Int32Array(bits >>> 5);
  const again = new Int32Array(bits >>> 5);
  for (let i = 0; i < n; i++) {
    if (!eligible[i]) continue;
    const h = hashes.first(i) & mask;
    const w = h >>> 5;
    const bit = 1 << (h & 31);
    if ((seen[w] ?? 0) & bit) again[w] = (again[w] ?? 0) | bit;
    else seen[w] = (seen[w] ?? 0) | bit;
  }
  let count = 0;
  const isCandidate = (i: number): boolean => {
    const h = hashes.first(i) & mask;
    return eligible[i] === 1 && ((again[h >>> 5] ?? 0) & (1 << (h & 31))) !== 0;
  };
  for (let i = 0; i < n; i++) if (isCandidate(i)) count++;
  const out = new Int32Array(count);
  for (let i = 0, k = 0; i < n && k < count; i++) if (isCandidate(i)) out[k++] = i;
  return out;
}

/** Within sorted keys [from, end) (one hash word, rows ascending): the repeats by whole hash. */
function repeatsIn(sorted: Float64Array, from: number, end: number, scale: number, hashes: RowHashes, sameKey: (a: number, b: number) => boolean, repeats: Int32Array): void {
  const firsts: number[] = [];
  for (let j = from; j < end; j++) {
    const i = (sorted[j] ?? 0) % scale;
    const hash = hashes.of(i);
    let earlier = -1;
    for (const e of firsts) {
      if (hashes.of(e) === hash) {
        earlier = e;
        break;
      }
    }
    if (earlier < 0) firsts.push(i);
    else if (sameKey(earlier, i)) repeats[i] = earlier;
  }
}
