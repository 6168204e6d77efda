import fc from 'fast-check';
import { ValueCodes } from '../../../src/core/clean/memo';
import type { Cell, Grid } from '../../../src/core/cells';
import { tableOfGrid } from '../../../src/core/columns';

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
    const column = codes.encodeColumn(tableOfGrid(grid).columns[0], 1, grid.length);
    expect(Array.from(column, (c) => codes.values[c])).toEqual(['a', 'b', 'a', 'b', 'c']);
    expect(seen).toEqual([]);
    expect(codes.outcomeAt(column, 4)).toBe('C');
    expect(codes.outcomeAt(column, 0)).toBe('A');
    expect(codes.of(codes.code('a'))).toBe('A');
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

  test('textCounts: the distinct text values of the data rows with their row counts, first-seen order (blank aside), the header and other types left out', () => {
    const codes = new ValueCodes<null>(() => null);
    const grid: Grid = [['Layanan'], ['Info'], [5], ['Klaim'], ['Info'], [''], ['Info']];
    const column = codes.encodeColumn(tableOfGrid(grid).columns[0], 1, grid.length);
    const counts = codes.textCounts(column);
    expect(Array.from(counts).filter(([v]) => v !== '')).toEqual([
      ['Info', 3],
      ['Klaim', 1],
    ]);
    expect(counts.get('')).toBe(1);
    expect(counts.has('Layanan')).toBe(false);
  });

  test('encodeColumn: each row reads its own value, equal values share a code, and the values the rows use come in first-seen order (rows past the codes read as code 0)', () => {
    const cell = fc.oneof(fc.constantFrom<Cell>('', 'a', 'b', 'A', 1, 2, true), fc.string({ maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(20), { maxLength: 40 }), fc.nat(5), fc.nat(8), fc.boolean(), (vals, raw, from, extra, ordered) => {
        const values: Cell[] = ['', ...vals];
        // Half the runs give codes in first-seen order, as a dictionary-encoding producer does (then the codes are adopted).
        let own = Uint32Array.from(raw, (k) => k % values.length);
        if (ordered) own = Uint32Array.from(raw, (_, i) => Math.min(i, values.length - 1));
        const rowCount = own.length + (extra % 3 === 0 ? 0 : extra);
        const fast = new ValueCodes<null>();
        const codes = fast.encodeColumn({ values, codes: own }, from, rowCount);
        const slow = new ValueCodes<null>();
        const expected: number[] = [];
        for (let r = from; r < rowCount; r++) expected.push(slow.code(values[own[r] ?? 0]));
        expect(codes.length).toBe(expected.length);
        for (let i = 0; i < codes.length; i++) {
          expect(fast.values[codes[i] ?? -1]).toEqual(slow.values[expected[i] ?? -1]);
          for (let j = 0; j < i; j++) expect(codes[i] === codes[j]).toBe(expected[i] === expected[j]);
        }
        const nonBlank = (xs: Cell[]) => xs.filter((v) => v !== '');
        expect(nonBlank(fast.usedValues(codes))).toEqual(nonBlank(slow.values));
      }),
      { numRuns: 500 },
    );
  });

  test('encodeColumn adopts a dictionary-encoded column\'s codes without a copy, and copies a column that holds a value twice or meets its values out of order', () => {
    const rows = Uint32Array.from([0, 1, 2, 2, 0, 1, 3, 2]);
    const header = Uint32Array.from([4, 1, 2, 1, 3]);
    const adopted = new ValueCodes<null>();
    const codes = adopted.encodeColumn({ values: ['', 'Info', 'Klaim', 'JMO'], codes: rows }, 0, rows.length);
    expect(codes.buffer).toBe(rows.buffer);
    expect(Array.from(codes)).toEqual(Array.from(rows));
    // A header's value has a code of its own but is not among the values the data rows use.
    const withHeader = new ValueCodes<null>();
    const data = withHeader.encodeColumn({ values: ['', 'Info', 'Klaim', 'JMO', 'Layanan'], codes: header }, 1, header.length);
    expect(data.buffer).toBe(header.buffer);
    expect(withHeader.usedValues(data)).toEqual(['Info', 'Klaim', 'JMO']);
    // The number 5 twice (" 5" and "5" read as the same number): copied, one code for both.
    const twice = new ValueCodes<null>();
    const copied = twice.encodeColumn({ values: ['', 5, 5], codes: Uint32Array.from([1, 2, 1]) }, 0, 3);
    expect(copied.buffer).not.toBe(rows.buffer);
    expect(Array.from(copied)).toEqual([0, 0, 0]);
    expect(twice.values).toEqual([5]);
    // Met out of order: copied, numbered in first-seen order.
    const late = new ValueCodes<null>();
    const own = Uint32Array.from([2, 1, 2]);
    const renumbered = late.encodeColumn({ values: ['', 'a', 'b'], codes: own }, 0, 3);
    expect(renumbered.buffer).not.toBe(own.buffer);
    expect(late.values).toEqual(['b', 'a']);
    // A code past the values (a producer breaking the contract): copied, the cell read as blank.
    const past = new ValueCodes<null>();
    const broken = Uint32Array.from([1, 5]);
    const read = past.encodeColumn({ values: ['', 'a'], codes: broken }, 0, 2);
    expect(read.buffer).not.toBe(broken.buffer);
    expect(Array.from(read, (c) => past.values[c])).toEqual(['a', '']);
  });
});
