import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CsvOptions, readCsv, readCsvTable, readCsvTableFile } from '../../tools/runner/csv';
import { cellAt, ColumnTable } from '../../src/core/columns';
import type { Cell } from '../../src/core/cells';
import { synthLogCsv } from '../../tools/bench/synth';

/** A cell as compared: the number -0 spelled out, so that a diff shows it apart from 0. */
const shown = (v: Cell): Cell => (typeof v === 'number' && Object.is(v, -0) ? '(number -0)' : v);

function tableRows(table: ColumnTable): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < table.columns.length; c++) row.push(shown(cellAt(table, r, c)));
    rows.push(row);
  }
  return rows;
}

const scratch = path.join(os.tmpdir(), `csv-table-${process.pid}.csv`);
afterAll(() => fs.rmSync(scratch, { force: true }));

/** The ways to read a table: from the bytes, from a file through windows of a few sizes. */
const READERS: [string, (bytes: Buffer, opts: CsvOptions) => ColumnTable][] = [
  ['bytes', (bytes, opts) => readCsvTable(bytes, opts)],
  ...[8, 13, 64, 1 << 20].map((size): [string, (bytes: Buffer, opts: CsvOptions) => ColumnTable] => [
    `file, window ${size}`,
    (bytes, opts) => {
      fs.writeFileSync(scratch, bytes);
      return readCsvTableFile(scratch, opts, size);
    },
  ]),
];

/** readCsvTable of the bytes is readCsv of their text, cell by cell (or both fail alike). */
function expectSameAsReadCsv(bytes: Buffer, opts: CsvOptions, readers = READERS): void {
  for (const [, read] of readers) expectReadAsReadCsv(bytes, opts, read);
}

function expectReadAsReadCsv(bytes: Buffer, opts: CsvOptions, read: (bytes: Buffer, opts: CsvOptions) => ColumnTable): void {
  const text = bytes.toString('utf8');
  let expected: (string | number)[][];
  try {
    expected = readCsv(text, opts);
  } catch (e) {
    expect(() => read(bytes, opts)).toThrow((e as Error).message);
    return;
  }
  const table = read(bytes, opts);
  const width = expected.reduce((w, row) => Math.max(w, row.length), 0);
  expect(table.rowCount).toBe(expected.length);
  expect(table.columns.length).toBe(width);
  expect(tableRows(table)).toEqual(expected.map((row) => Array.from({ length: width }, (_, c) => shown(row[c] ?? ''))));
  for (const column of table.columns) {
    expect(column.values[0]).toBe('');
    expect(column.codes).toBeInstanceOf(Uint32Array);
    expect(column.codes.length).toBe(table.rowCount);
    // A blank cell is code 0 and only a blank cell is.
    let wrong = -1;
    for (let r = 0; r < table.rowCount && wrong < 0; r++) if ((column.codes[r] === 0) !== (column.values[column.codes[r]] === '')) wrong = r;
    expect(wrong).toBe(-1);
  }
}

const OPTIONS: CsvOptions[] = [
  {},
  { numbers: true },
  { separator: ';', numbers: true },
  { separator: '\t' },
  { separator: ',', numbers: true },
];

/** Pieces of messy CSV: separators, quotes, line ends, numbers as Sheets would read them, unicode. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' ') },
  {
    weight: 6,
    arbitrary: fc.constantFrom('007', '12,5', '12.5', '-3', '1e5', '0', '-0', '-', '42', ' 42 ', '1.', '3,25', '-0,5', '0.50', '99999999999999999', '123456789012345', '1234567890123456'),
  },
  { weight: 4, arbitrary: fc.constantFrom('Informasi', 'KOMPLAIN', 'José', 'é', '😀', 'Жанна', '日本', 'a"b', '\uFEFF') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.integer({ min: -100000, max: 100000 }).map(String) },
);
const csvText = fc
  .tuple(fc.boolean(), fc.array(piece, { maxLength: 60 }))
  .map(([bom, pieces]) => (bom ? '\uFEFF' : '') + pieces.join(''));

describe('readCsvTable (a CSV read from bytes, column by column)', () => {
  test.each([
    ['a,b,c\n1,2,3\n', {}],
    ['a,"b,c",d\r\n"x ""y""",,z', {}],
    ['"multi\nline",2\n3,', {}],
    ['\uFEFFa,b\n\n', {}],
    ['a,b\n\nc,d\n', {}],
    ['x,"",y\n', {}],
    ['', {}],
    ['\uFEFF', {}],
    ['\n\n,,\n', {}],
    ['a,b,c\n1\n', {}],
    ['a\rb,c\n', {}],
    ['a\rb,"c"\n', {}],
    ['"a"x,b\n', {}],
    ['a,b\r', {}],
    ['a,b,', {}],
    ['a,"b",', {}],
    ['a,"unclosed\n', {}],
    ['Informasi123456789012345\n\t""', { separator: '\t' }],
    ['abcdefgh\r', {}],
    // readCsv skips one UTF-16 unit after a closing quote: a whole é, half of an emoji.
    ['"a"é,b\n', {}],
    ['"a"😀b,c\n"d"😀', {}],
    ['"a"😀"b",c\r\nx\n', {}],
    ['"a"😀\rz,"q"\n', {}],
    ['"a"😀,\n', { numbers: true }],
    ['n,x,y\n 42 ,1.5,-3\n007,12a,1.\n-,3.25 ,99999999999999999', { numbers: true }],
    ['a;b\n12,5;-0,25\n1.234;"7"\n', { numbers: true }],
    ['a,b\n-0,0\n', { numbers: true }],
    ['\uFEFFTanggal;Nama;Usia;Biaya;KPJ;Catatan\r\n22/05/2023;Budi;35;12,5;0812345;"a; b"\r\n23/05/2023;Siti;41;-3,25;"00123";"kata ""kutip"""\r\n', { numbers: true }],
    ['Tanggal\tLayanan\r\n2023-05-22\tInformasi, umum\r\n', { numbers: true }],
  ] as [string, CsvOptions][])('%j %j reads as readCsv does', (text, opts) => expectSameAsReadCsv(Buffer.from(text), opts));

  test('the same cells as readCsv for any messy text, with and without numbers (property)', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(...OPTIONS), (text, opts) => expectSameAsReadCsv(Buffer.from(text), opts, READERS.slice(0, 1))),
      { numRuns: 3000 },
    );
  });

  test('a file read through a small window: rows across the window ends read the same (property)', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(...OPTIONS), (text, opts) => expectSameAsReadCsv(Buffer.from(text), opts, READERS.slice(1, 3))),
      { numRuns: 800 },
    );
  });

  test('bytes that are not valid UTF-8 decode as the whole text decodes (property)', () => {
    const byte = fc.constantFrom(0x2c, 0x3b, 0x22, 0x0a, 0x0d, 0x61, 0x31, 0x30, 0x2d, 0x20, 0xc3, 0xa9, 0xe2, 0x80, 0xff, 0xef, 0xbb, 0xbf, 0xf0, 0x9f);
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), fc.constantFrom(...OPTIONS), (bytes, opts) => expectSameAsReadCsv(Buffer.from(bytes), opts)),
      { numRuns: 2000 },
    );
  });

  test('a Uint8Array that is not a Buffer reads the same', () => {
    const text = 'No,Nama\n1,José\n2,"Siti ""S"""\n';
    const buf = Buffer.from(text);
    const view = new Uint8Array(buf.byteLength + 4);
    view.set(buf, 2);
    const table = readCsvTable(view.subarray(2, 2 + buf.byteLength), { numbers: true });
    expect(tableRows(table)).toEqual(readCsv(text, { numbers: true }));
  });

  test('a repeated value is one value of its column; a unique column stops interning and stays right', () => {
    const lines = ['Nama,Layanan,No'];
    for (let i = 0; i < 70000; i++) lines.push(`Orang ${i % 60000},${['Informasi', 'Klaim JHT', 'Komplain'][i % 3]},${i}`);
    const text = lines.join('\n') + '\n';
    const table = readCsvTable(Buffer.from(text), { numbers: true });
    expect(table.rowCount).toBe(70001);
    expect(table.columns[1].values).toHaveLength(5); // '', the header, three services
    expect(table.columns[1].codes[1]).toBe(table.columns[1].codes[4]);
    // Names repeat after 60000 rows, past the point where the column stopped interning.
    expect(cellAt(table, 60001, 0)).toBe('Orang 0');
    expect(cellAt(table, 70000, 0)).toBe('Orang 9999');
    expect(cellAt(table, 70000, 2)).toBe(69999);
    expect(tableRows(table)).toEqual(readCsv(text, { numbers: true }));
  });

  test('a unique column keeps its layout: the first 50000 distinct values interned, then a value per cell', () => {
    const lines = ['Nama,No,Layanan'];
    for (let i = 0; i < 70000; i++) lines.push(`Orang ${i % 60000},${i % 60000 === 7 ? '' : 100000 + (i % 60000)},${i % 5 === 0 ? '"Klaim, JHT"' : 'Informasi'}`);
    const bytes = Buffer.from(lines.join('\r\n') + '\r\n');
    const table = readCsvTable(bytes, { numbers: true });
    const [names, numbers, services] = table.columns;
    // '', the header and names interned up to 50000 values, then from row 50000 on a value per
    // cell: every cell so far was new, so row r is code r + 1, a name seen again a new code too.
    expect(names.values).toHaveLength(1 + 70001);
    expect(names.codes[49999]).toBe(50000);
    expect(names.codes[50000]).toBe(50001);
    expect(names.codes[70000]).toBe(70001);
    expect(names.values[names.codes[60001]]).toBe('Orang 0');
    expect(names.codes[60001]).not.toBe(names.codes[1]);
    // The number column: a blank cell is code 0 on both sides of the limit and takes no value.
    expect(numbers.codes[8]).toBe(0);
    expect(numbers.codes[60008]).toBe(0);
    expect(numbers.values).toHaveLength(1 + 70001 - 2);
    expect(numbers.codes[70000]).toBe(69999);
    expect(numbers.values[69999]).toBe(109999);
    expect(services.values).toEqual(['', 'Layanan', 'Klaim, JHT', 'Informasi']);
    expect(tableRows(table)).toEqual(readCsv(bytes.toString(), { numbers: true }).map((row) => row.map(shown)));
    // Read through a small window, the same cells.
    fs.writeFileSync(scratch, bytes);
    expect(tableRows(readCsvTableFile(scratch, { numbers: true }, 4096))).toEqual(tableRows(table));
  });

  test.each(fs.readdirSync(path.join(__dirname, '../fixtures/shapes')).filter((f) => f.endsWith('.csv')))(
    'fixture %s reads as readCsv reads it',
    (name) => {
      const bytes = fs.readFileSync(path.join(__dirname, '../fixtures/shapes', name));
      expectSameAsReadCsv(bytes, { numbers: true });
      expectSameAsReadCsv(bytes, {});
    },
  );

  test('the synthetic bench log (3000 rows) reads as readCsv reads it', () => {
    const bytes = Buffer.from(synthLogCsv(3000));
    expectSameAsReadCsv(bytes, { numbers: true });
    expectSameAsReadCsv(bytes, {});
  });
});
