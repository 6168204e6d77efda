import { Tally, compare, numberAt, round, shares, sortRows } from '../../../src/core/summarise/tally';
import type { Cell } from '../../../src/core/cells';

describe('tally helpers', () => {
  test('Tally adds counts per composite key and keeps the parts', () => {
    const t = new Tally<[string, number]>();
    t.add(['Informasi', 1]);
    t.add(['Informasi', 1], 4);
    t.add(['Pengaduan', 1]);
    expect(t.entries()).toEqual([
      { parts: ['Informasi', 1], n: 5 },
      { parts: ['Pengaduan', 1], n: 1 },
    ]);
    expect(t.count(['Informasi', 1])).toBe(5);
    expect(t.count(['Klaim', 1])).toBe(0);
  });

  test('sortRows orders by keys, the count descending where asked; compare reads numbers as numbers', () => {
    const rows: Cell[][] = [
      ['b', 1, 'x'],
      ['a', 5, 'y'],
      ['a', 9, 'x'],
      ['a', 2, 'x'],
    ];
    sortRows(rows, [2, 0], 1, 1);
    expect(rows).toEqual([
      ['a', 9, 'x'],
      ['a', 2, 'x'],
      ['b', 1, 'x'],
      ['a', 5, 'y'],
    ]);
    expect(compare(10, 9)).toBeGreaterThan(0);
    expect(compare('10', '9')).toBeLessThan(0);
  });

  test('shares totals a group, round keeps the digits asked, numberAt reads 0 where no number is', () => {
    const totals = shares(
      [
        { parts: ['A', 'x'] as [string, string], n: 2 },
        { parts: ['A', 'y'] as [string, string], n: 3 },
        { parts: ['B', 'x'] as [string, string], n: 7 },
      ],
      (p) => p[0],
    );
    expect(Array.from(totals)).toEqual([
      ['A', 5],
      ['B', 7],
    ]);
    expect(round(2 / 3, 4)).toBe(0.6667);
    expect(numberAt(['a', 3], 1)).toBe(3);
    expect(numberAt(['a', '3'], 1)).toBe(0);
  });
});
