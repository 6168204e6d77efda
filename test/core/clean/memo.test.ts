import fc from 'fast-check';
import { ValueCodes } from '../../../src/core/clean/memo';
import type { Cell, Grid } from '../../../src/core/cells';

describe('ValueCodes: a column dictionary-encoded, each distinct value worked out once', () => {
  test('equal values share a code; text "1", the number 1, true and a date at an instant stay apart', () => {
    const codes = new ValueCodes<string>((v) => typeof v);
    const d1 = new Date(Date.UTC(2024, 0, 1));
    const d2 = new Date(Date.UTC(2024, 0, 1));
    const values: (Cell | undefined)[] = ['1', 1, true, d1, '1', 1, true, d2, undefined, ''];
    expect(values.map((v) => codes.code(v))).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 4, 4]);
    expect(codes.values).toEqual(['1', 1, true, d1, '']);
  });

  test('an outcome is computed once per distinct value, only when first asked for, in the order asked', () => {
    const seen: Cell[] = [];
    const codes = new ValueCodes<string>((v) => {
      seen.push(v);
      return String(v).toUpperCase();
    });
    const grid: Grid = [['h'], ['a'], ['b'], ['a'], ['b'], ['c']];
    const column = codes.encode(grid, 1, 0);
    expect(Array.from(column)).toEqual([0, 1, 0, 1, 2]);
    expect(seen).toEqual([]);
    expect(codes.outcomeAt(column, 4)).toBe('C');
    expect(codes.outcomeAt(column, 0)).toBe('A');
    expect(codes.get('a')).toBe('A');
    expect(seen).toEqual(['c', 'a']);
    expect(() => codes.outcomeAt(column, 5)).toThrow(RangeError);
  });

  test('define sets the outcome later; asking before that fails loudly', () => {
    const codes = new ValueCodes<number>();
    codes.code('x');
    expect(() => codes.of(0)).toThrow(/before they were defined/);
    codes.define((v) => String(v).length);
    expect(codes.of(0)).toBe(1);
  });

  test('textCounts: the distinct text values with their row counts, first-seen order, other types left out', () => {
    const codes = new ValueCodes<null>(() => null);
    const grid: Grid = [['Layanan'], ['Info'], [5], ['Klaim'], ['Info'], [''], ['Info']];
    const column = codes.encode(grid, 1, 0);
    expect(Array.from(codes.textCounts(column))).toEqual([
      ['Info', 3],
      ['Klaim', 1],
      ['', 1],
    ]);
  });

  test('encodeColumn gives the codes, and the table the values in the order, a row-by-row encode gives (rows past the codes read as code 0)', () => {
    const cell = fc.oneof(fc.constantFrom<Cell>('', 'a', 'b', 'A', 1, 2, true), fc.string({ maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(20), { maxLength: 40 }), fc.nat(5), fc.nat(8), (vals, raw, from, extra) => {
        const values: Cell[] = ['', ...vals];
        const own = Uint32Array.from(raw, (k) => k % values.length);
        const rowCount = own.length + (extra % 3 === 0 ? 0 : extra);
        const fast = new ValueCodes<null>();
        const codes = fast.encodeColumn({ values, codes: own }, from, rowCount);
        const slow = new ValueCodes<null>();
        const expected: number[] = [];
        for (let r = from; r < rowCount; r++) expected.push(slow.code(values[own[r] ?? 0]));
        expect(Array.from(codes)).toEqual(expected);
        expect(fast.values).toEqual(slow.values);
      }),
      { numRuns: 500 },
    );
  });
});
