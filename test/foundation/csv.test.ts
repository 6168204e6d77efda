import fc from 'fast-check';
import { readCsv } from '../../tools/runner/csv';

describe('the CSV reader', () => {
  test.each([
    ['a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['a,"b,c",d\r\n"x ""y""",,z', [['a', 'b,c', 'd'], ['x "y"', '', 'z']]],
    ['"multi\nline",2\n3,', [['multi\nline', '2'], ['3', '']]],
    ['\uFEFFa,b\n\n', [['a', 'b']]],
    ['a,b\n\nc,d\n', [['a', 'b'], [''], ['c', 'd']]],
    ['x,"",y\n', [['x', '', 'y']]],
  ])('%j', (text, rows) => expect(readCsv(text)).toEqual(rows));

  test('numbers as a Sheets import reads them, text stays text', () => {
    expect(readCsv('n,x,y\n 42 ,1.5,-3\n007,12a,1.\n-,3.25 ,99999999999999999', { numbers: true })).toEqual([
      ['n', 'x', 'y'],
      [42, 1.5, -3],
      [7, '12a', '1.'],
      ['-', 3.25, 99999999999999999],
    ]);
  });

  test('round-trips any grid of strings (property)', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', ',', '"', '\n', '""', ' a ', 'Senin, 22 Mei 2023'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 20 }), (grid) => {
        const width = grid[0].length;
        const rows = grid.map((r) => [...r, '', '', '', ''].slice(0, width)).filter((r) => r.some((c) => c !== ''));
        if (rows.length === 0) return;
        const text = rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? '"' + c.replace(/"/g, '""') + '"' : c)).join(',')).join('\n');
        expect(readCsv(text)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  test('repeated values of a column share one string instance', () => {
    const rows = readCsv('a,b\nInformasi,x1\nInformasi,x2\n');
    expect(rows[1][0]).toBe(rows[2][0]);
  });
});
