import fc from 'fast-check';
import { RowHashes, exactRepeats } from '../../../src/core/clean/exact';

/** Row hashes of small integer rows (one part per column). */
function hashesOf(rows: number[][]): RowHashes {
  const hashes = new RowHashes(rows.length);
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) rows.forEach((row, i) => hashes.mix(i, c, row[c] ?? 0));
  return hashes;
}

describe('exactRepeats', () => {
  test('each repeated row points at the first row with its key, as a scan with a table of seen keys finds', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }), { maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 }), (rows, ok) => {
        const eligible = (i: number): boolean => ok[i] ?? true;
        const got = exactRepeats(hashesOf(rows), Uint8Array.from(rows, (_, i) => (eligible(i) ? 1 : 0)), (a, b) => String(rows[a]) === String(rows[b]));
        const first = new Map<string, number>();
        rows.forEach((row, i) => {
          if (!eligible(i)) return expect(got[i]).toBe(-1);
          const key = String(row);
          const earlier = first.get(key);
          if (earlier === undefined) first.set(key, i);
          expect(got[i]).toBe(earlier ?? -1);
        });
      }),
    );
  });

  test('a hash hit whose key differs is no duplicate, and does not take the first row\'s place', () => {
    const rows = [[1], [1], [1]];
    // Rows 0 and 1 collide in hash but differ in key; row 2 is row 0 again.
    const sameKey = (a: number, b: number): boolean => (a === 0 && b === 2) || (a === 2 && b === 0);
    expect(Array.from(exactRepeats(hashesOf(rows), new Uint8Array(3).fill(1), sameKey))).toEqual([-1, -1, 0]);
  });

  test('column order matters: (1, 2) and (2, 1) are different rows', () => {
    const hashes = hashesOf([[1, 2], [2, 1]]);
    expect(hashes.of(0)).not.toBe(hashes.of(1));
    expect(Number.isSafeInteger(hashes.of(0))).toBe(true);
  });

  test('rows sharing a first hash word but not the whole hash are told apart, as the whole hash tells them (property)', () => {
    /** Hashes given outright: a first word and the whole hash, so collisions can be made at will. */
    class GivenHashes extends RowHashes {
      constructor(private readonly words: number[], private readonly whole: number[]) {
        super(words.length);
      }
      override first(i: number): number {
        return this.words[i] ?? 0;
      }
      override of(i: number): number {
        return this.whole[i] ?? 0;
      }
    }
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 }), fc.boolean()), { maxLength: 60 }), (rows) => {
        const words = rows.map(([w]) => (w * 0x7fffffff) >>> 0);
        const whole = rows.map(([w, h]) => w * 8 + h);
        const sameKey = (a: number, b: number): boolean => rows[a]?.[2] === rows[b]?.[2];
        const eligible = Uint8Array.from(rows, ([, , , ok]) => (ok ? 1 : 0));
        const got = exactRepeats(new GivenHashes(words, whole), eligible, sameKey);
        // The rule: the first eligible row of each whole hash; a later one with that hash repeats it when its key agrees.
        const first = new Map<number, number>();
        rows.forEach((_, i) => {
          if (!eligible[i]) return expect(got[i]).toBe(-1);
          const earlier = first.get(whole[i] ?? 0);
          if (earlier === undefined) {
            first.set(whole[i] ?? 0, i);
            return expect(got[i]).toBe(-1);
          }
          expect(got[i]).toBe(sameKey(earlier, i) ? earlier : -1);
        });
      }),
    );
  });
});

