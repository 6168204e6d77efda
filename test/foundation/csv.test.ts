import fc from 'fast-check';
import { detectSeparator, readCsv } from '../../tools/runner/csv';

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
      ['007', '12a', '1.'],
      ['-', 3.25, '99999999999999999'],
    ]);
  });

  test('identifiers with a leading zero or too many digits stay text; 0 and 0.5 are numbers', () => {
    const [, row] = readCsv('kpj,nik,hp,nol,setengah,neg\n0012345678,3201234567890001,081234567890,0,0.5,-0.25\n', { numbers: true });
    expect(row).toEqual(['0012345678', '3201234567890001', '081234567890', 0, 0.5, -0.25]);
    // Quoted fields are numbers too (as Sheets imports them), identifiers still text.
    expect(readCsv('a,b\n"42","0812"\n', { numbers: true })[1]).toEqual([42, '0812']);
  });

  test.each([
    ['a;b;c\n1;2;3', ';'],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['a,b,c', ','],
    ['"x;y;z",b,c\n', ','],
    ['\uFEFFTanggal;Nama, lengkap;Usia\r\n', ';'],
    ['single', ','],
  ])('detects the separator of %j', (text, sep) => expect(detectSeparator(text)).toBe(sep));

  test('an Indonesian Excel export: BOM, `;`, CRLF, decimal commas, quoted fields, leading zeros', () => {
    const text =
      '\uFEFFTanggal;Nama;Usia;Biaya;KPJ;Catatan\r\n' +
      '22/05/2023;Budi;35;12,5;0812345;"a; b"\r\n' +
      '23/05/2023;Siti;41;-3,25;"00123";"kata ""kutip"""\r\n';
    expect(readCsv(text, { numbers: true })).toEqual([
      ['Tanggal', 'Nama', 'Usia', 'Biaya', 'KPJ', 'Catatan'],
      ['22/05/2023', 'Budi', 35, 12.5, '0812345', 'a; b'],
      ['23/05/2023', 'Siti', 41, -3.25, '00123', 'kata "kutip"'],
    ]);
  });

  test('with `,` between fields a point is the decimal mark and 12,5 is two fields', () => {
    expect(readCsv('a,b,c\n12,5,1.5\n', { numbers: true })).toEqual([['a', 'b', 'c'], [12, 5, 1.5]]);
    // With `;` a point does not make a number (1.234 is a thousand in Indonesian).
    expect(readCsv('a;b\n1.234;7\n', { numbers: true })).toEqual([['a', 'b'], ['1.234', 7]]);
  });

  test('tab-separated text (pasted from a spreadsheet)', () => {
    expect(readCsv('Tanggal\tLayanan\r\n2023-05-22\tInformasi, umum\r\n', { numbers: true })).toEqual([
      ['Tanggal', 'Layanan'],
      ['2023-05-22', 'Informasi, umum'],
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
        expect(readCsv(text, { separator: ',' })).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  test('repeated values of a column share one string instance', () => {
    const rows = readCsv('a,b\nInformasi,x1\nInformasi,x2\n');
    expect(rows[1][0]).toBe(rows[2][0]);
  });
});
