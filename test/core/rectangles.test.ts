import fc from 'fast-check';
import { Cell, Grid } from '../../src/core/cells';
import type { ColumnChange } from '../../src/core/clean';
import { MAX_ROWS_PER_CALL, PlainPatch, conflictingRows, patchesFor, rowsLeftForStaff, sameCell, withoutRows } from '../../src/core/rectangles';

/** A grid whose every cell names its place: 'r2c3'. */
function gridOf(rows: number, cols: number): Grid {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `r${r}c${c}`));
}

function change(col: number, rowsAndValues: [number, Cell][]): ColumnChange {
  return { col, rows: rowsAndValues.map(([r]) => r), values: rowsAndValues.map(([, v]) => v), formats: null };
}

/** Where each patch goes, as [group, first row, last row, first col, last col]. */
const placesOf = (patches: PlainPatch[]): number[][] => patches.map((p) => [p.group, p.row, p.row + p.values.length - 1, p.col, p.col + (p.values[0]?.length ?? 0) - 1]);

/** The grid after writing every patch. */
function applied(grid: Grid, patches: PlainPatch[]): Grid {
  const out = grid.map((row) => row.slice());
  for (const p of patches) p.values.forEach((line, i) => line.forEach((v, k) => ((out[p.row + i] as Cell[])[p.col + k] = v)));
  return out;
}

describe('patchesFor', () => {
  test('writes only the changed columns, right to left, the unchanged cells between changed rows as read', () => {
    const grid = gridOf(4, 5);
    const changes = [change(1, [[0, 'A'], [2, 'C']]), change(3, [[1, 'B']])];
    const patches = patchesFor(changes, grid, new Set(), 0);
    expect(placesOf(patches)).toEqual([
      [0, 0, 2, 3, 3],
      [0, 0, 2, 1, 1],
    ]);
    expect(patches[0]?.values).toEqual([['r0c3'], ['B'], ['r2c3']]);
    expect(patches[1]?.values).toEqual([['A'], ['r1c1'], ['C']]);
    expect(patches[1]?.originals).toEqual([['r0c1'], ['r1c1'], ['r2c1']]);
  });

  test('adjacent changed columns are one rectangle', () => {
    const patches = patchesFor([change(2, [[1, 'x']]), change(3, [[1, 'y']])], gridOf(3, 5), new Set(), 0);
    expect(placesOf(patches)).toEqual([[0, 1, 1, 2, 3]]);
    expect(patches[0]?.values).toEqual([['x', 'y']]);
  });

  test('a long run of unchanged rows splits the block: one group each', () => {
    const grid = gridOf(600, 2);
    const patches = patchesFor([change(0, [[0, 'a'], [150, 'b'], [500, 'c']])], grid, new Set(), 0);
    expect(placesOf(patches)).toEqual([
      [0, 0, 150, 0, 0],
      [1, 500, 500, 0, 0],
    ]);
  });

  test('a row changed in 256 columns or more is still one row (no 8-bit counter wraps)', () => {
    const width = 300;
    const changes = Array.from({ length: width }, (_, c) => change(c, [[3, `new${c}`]]));
    const patches = patchesFor(changes, gridOf(5, width), new Set(), 0);
    expect(placesOf(patches)).toEqual([[0, 3, 3, 0, width - 1]]);
    expect(patches[0]?.values[0]?.[width - 1]).toBe(`new${width - 1}`);
  });

  test('changes that write what is already there make no patch', () => {
    expect(patchesFor([change(0, [[1, 'r1c0']])], gridOf(3, 2), new Set(), 0)).toEqual([]);
    expect(patchesFor([], gridOf(3, 2), new Set(), 0)).toEqual([]);
  });

  test('a formula cell is never written: the block is cut around its row, the column around the cell', () => {
    const width = 4;
    const grid = gridOf(4, width);
    const formulas = new Set([2 * width + 1]);
    const changes = [change(1, [[0, 'a0'], [1, 'a1'], [3, 'a3']]), change(2, [[0, 'b0'], [2, 'b2'], [3, 'b3']])];
    const patches = patchesFor(changes, grid, formulas, width);
    expect(placesOf(patches)).toEqual([
      [0, 0, 1, 1, 2],
      [1, 2, 2, 2, 2],
      [2, 3, 3, 1, 2],
    ]);
    expect(applied(grid, patches)[2]).toEqual(['r2c0', 'r2c1', 'b2', 'r2c3']);
  });

  test('property: writing the patches gives the grid with exactly the changes, and touches no other column or formula', () => {
    const scenario = fc
      .record({ rows: fc.integer({ min: 1, max: 400 }), cols: fc.integer({ min: 1, max: 6 }) })
      .chain(({ rows, cols }) =>
        fc.record({
          rows: fc.constant(rows),
          cols: fc.constant(cols),
          cells: fc.uniqueArray(fc.record({ r: fc.integer({ min: 0, max: rows - 1 }), c: fc.integer({ min: 0, max: cols - 1 }) }), { selector: (x) => `${x.r},${x.c}`, maxLength: 60 }),
          formulas: fc.uniqueArray(fc.record({ r: fc.integer({ min: 0, max: rows - 1 }), c: fc.integer({ min: 0, max: cols - 1 }) }), { selector: (x) => `${x.r},${x.c}`, maxLength: 6 }),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ rows, cols, cells, formulas }) => {
        const grid = gridOf(rows, cols);
        const formulaSet = new Set(formulas.map((f) => f.r * cols + f.c));
        const changed = cells.filter((x) => !formulaSet.has(x.r * cols + x.c));
        const byCol = new Map<number, [number, Cell][]>();
        for (const { r, c } of changed) byCol.set(c, [...(byCol.get(c) ?? []), [r, `new${r}.${c}`]]);
        const changes = [...byCol].map(([c, list]) => change(c, list.sort((a, b) => a[0] - b[0])));
        const patches = patchesFor(changes, grid, formulaSet, cols);

        const expected = grid.map((row) => row.slice());
        for (const { r, c } of changed) (expected[r] as Cell[])[c] = `new${r}.${c}`;
        expect(applied(grid, patches)).toEqual(expected);
        const wrongOriginals: string[] = [];
        const forbidden: string[] = [];
        for (const p of patches) {
          expect(p.values.length).toBeLessThanOrEqual(MAX_ROWS_PER_CALL);
          p.originals.forEach((line, i) =>
            line.forEach((v, k) => {
              const r = p.row + i;
              const c = p.col + k;
              if (v !== grid[r]?.[c]) wrongOriginals.push(`${r},${c}`);
              if (!byCol.has(c) || formulaSet.has(r * cols + c)) forbidden.push(`${r},${c}`);
            }),
          );
        }
        expect([wrongOriginals, forbidden]).toEqual([[], []]);
        // Groups are numbered in order, top to bottom.
        const groups = patches.map((p) => p.group);
        expect(groups).toEqual(groups.slice().sort((a, b) => a - b));
      }),
      { numRuns: 150 },
    );
  });
});

describe('sameCell and conflictingRows', () => {
  test('dates compare by instant, blanks of every kind are equal, anything else by identity', () => {
    expect(sameCell(new Date(5), new Date(5))).toBe(true);
    expect(sameCell(new Date(5), new Date(6))).toBe(false);
    expect(sameCell('', undefined)).toBe(true);
    expect(sameCell(undefined, '')).toBe(true);
    expect(sameCell(0, '')).toBe(false);
    expect(sameCell('1', 1)).toBe(false);
  });

  test('the rows staff changed between the read and the write, also rows gone short or missing', () => {
    const originals: Cell[][] = [['a', 1], ['b', new Date(0)], ['c', ''], ['d', 4], ['e', 5]];
    const current: Cell[][] = [['a', 1], ['b', new Date(0)], ['c'], ['d', 40]];
    expect(conflictingRows(originals, current)).toEqual([3, 4]);
    expect(conflictingRows(originals, originals.map((r) => r.slice()))).toEqual([]);
  });
});

test('withoutRows cuts a patch into the runs of rows left', () => {
  const p: PlainPatch = { row: 10, col: 0, values: [[0], [1], [2], [3], [4]], originals: [[0], [1], [2], [3], [4]], group: 3 };
  const slices: [number, number][] = [];
  const slice = (q: PlainPatch, from: number, to: number): PlainPatch => {
    slices.push([from, to]);
    return { ...q, row: q.row + from, values: q.values.slice(from, to), originals: q.originals.slice(from, to) };
  };
  const parts = withoutRows(p, new Set([11, 14]), slice);
  expect(slices).toEqual([
    [0, 1],
    [2, 4],
  ]);
  expect(parts.map((q) => [q.row, q.values.flat()])).toEqual([
    [10, [0]],
    [12, [2, 3]],
  ]);
  expect(withoutRows(p, new Set([10, 11, 12, 13, 14]), slice)).toEqual([]);
});

describe('rowsLeftForStaff: which rows a failed run leaves as staff made them', () => {
  // Rows 10..13 of one column: read as r0..r3, planned as n0..n3.
  const patch = { row: 10, values: [['n0'], ['n1'], ['n2'], ['n3']], originals: [['r0'], ['r1'], ['r2'], ['r3']] };

  test('a patch written whole: every row that no longer holds what was written is staff\'s', () => {
    const now = [['n0'], ['staff'], ['r2'], [' n3 ']];
    expect([...rowsLeftForStaff(patch, now, false)].sort()).toEqual([11, 12, 13]);
  });

  test('the patch cut off in its write: a row holding what was planned or what was read goes back; any other is staff\'s', () => {
    const now = [['n0'], ['staff'], ['r2'], ['']];
    expect([...rowsLeftForStaff(patch, now, true)].sort()).toEqual([11, 13]);
  });

  test('nothing changed since the write: every row goes back', () => {
    expect(rowsLeftForStaff(patch, patch.values, false).size).toBe(0);
    expect(rowsLeftForStaff(patch, patch.originals, true).size).toBe(0);
  });
});

