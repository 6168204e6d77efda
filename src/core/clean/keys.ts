/**
 * A row's exact duplicate key: per column a typed key part (so the text "1" and the number 1
 * stay different), and 32-bit hashes of those parts that avoid building the text in the common
 * cases. Rows are compared by a 53-bit hash of their parts, and confirmed part by part on a hit.
 */
import { Cell, isDate } from '../cells';
import { hashString } from '../table';

/** A typed key part, so the text "1" and the number 1 stay different. */
export function keyOf(v: Cell): string {
  if (isDate(v)) return 't' + v.getTime();
  switch (typeof v) {
    case 'number':
      return 'n' + v;
    case 'boolean':
      return 'b' + v;
    case 'string':
      return 's' + v;
    default:
      return '';
  }
}

/** A 32-bit hash of a whole number without building its text. */
export function hashNumber(v: number): number {
  if (!Number.isInteger(v)) return hashString(keyOf(v));
  let h = Math.imul((v | 0) ^ 0x27d4eb2d, 0x165667b1);
  h = Math.imul(h ^ ((v / 4294967296) | 0), 0x85ebca6b);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Hash of keyOf(v) without building the string for the common text and number cases. */
export function hashKey(v: Cell): number {
  if (typeof v === 'string') return hashString(v, 0x2b1c9dc5);
  if (typeof v === 'number') return hashNumber(v);
  return hashString(keyOf(v));
}

/** A key part and its hash, for a value the cleaner keys by its cleaned form. */
export function plainKey(key: string): { key: string; hash: number } {
  return { key, hash: hashString(key) };
}
