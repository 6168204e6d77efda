import fc from 'fast-check';
import type { Cell, Grid } from '../../src/core/cells';
import { asTable, cellAt, rowOf, rowsOf, tableOfGrid } from '../../src/core/columns';

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>('', ' ', '5', 'Informasi', 'informasi'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -3, max: 8 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.integer({ min: 0, max: 3 }).map((d) => new Date(Date.UTC(2023, 0, 1 + d))),
);

describe('tableOfGrid', () => {
  test('every cell reads back as the grid holds it; a missing cell reads as blank', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 5 }), { maxLength: 12 }), (grid: Grid) => {
        const table = tableOfGrid(grid);
        expect(table.rowCount).toBe(grid.length);
        const width = Math.max(0, ...grid.map((r) => r.length));
        expect(table.columns).toHaveLength(width);
        for (let r = 0; r < grid.length; r++) {
          for (let c = 0; c < width + 1; c++) {
            const want = grid[r]?.[c] ?? '';
            const got = cellAt(table, r, c);
            if (want instanceof Date) expect((got as Date).getTime()).toBe(want.getTime());
            else expect(Object.is(got, want) || (got === 0 && want === 0)).toBe(true);
          }
        }
        for (const column of table.columns) expect(column.values[0]).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  test('the number 5, the text "5" and true are three values; two Dates of one instant are one', () => {
    const grid: Grid = [['5'], [5], [true], [new Date(1000)], [new Date(1000)], ['5'], ['']];
    const column = tableOfGrid(grid).columns[0];
    expect(column?.values).toHaveLength(5);
    expect(Array.from(column?.codes ?? [])).toEqual([1, 2, 3, 4, 4, 1, 0]);
  });

  test('a column of more distinct values than are interned still reads back whole', () => {
    const n = 70000;
    const grid: Grid = Array.from({ length: n }, (_, r) => [`P${r % 69000}`, r % 3 ? 'Informasi' : 'JMO']);
    const table = tableOfGrid(grid);
    for (const r of [0, 1, 65535, 65536, 68999, 69000, n - 1]) {
      expect(cellAt(table, r, 0)).toBe(`P${r % 69000}`);
      expect(cellAt(table, r, 1)).toBe(r % 3 ? 'Informasi' : 'JMO');
    }
    // The small column stays a dictionary of its two values (and the blank).
    expect(table.columns[1]?.values).toHaveLength(3);
  });
});

describe('rows of a table', () => {
  const grid: Grid = [['No', 'Tanggal'], [1], [2, '01/02/2023', 'extra']];
  const table = tableOfGrid(grid);
  test('rowsOf pads short rows to the table width and stops at its end', () => {
    expect(rowsOf(table, 1, 10)).toEqual([[1, '', ''], [2, '01/02/2023', 'extra']]);
    expect(rowOf(table, 0)).toEqual(['No', 'Tanggal', '']);
    expect(rowOf(table, 5)).toEqual([]);
  });
  test('asTable encodes a grid and passes a table through', () => {
    expect(asTable(table)).toBe(table);
    expect(cellAt(asTable(grid), 2, 1)).toBe('01/02/2023');
  });
});
