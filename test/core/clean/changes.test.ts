import { ChangeSet, CodedCells, changeFormat, changeValues, hasFormats } from '../../../src/core/clean/changes';

const formatsOf = (ch: Parameters<typeof changeFormat>[0]) => (hasFormats(ch) ? Array.from(ch.rows, (_, k) => changeFormat(ch, k)) : null);

describe('ChangeSet: changed cells per column', () => {
  test('lists each changed column once, rows ascending with their values; untouched columns are absent', () => {
    const set = new ChangeSet(10);
    set.set(3, 0, 'kelompok_usia');
    set.set(1, 2, 35);
    set.set(3, 2, '30-39');
    set.set(1, 5, 40);
    const list = set.list();
    expect(list.map((c) => c.col)).toEqual([1, 3]);
    expect(Array.from(list[0]!.rows)).toEqual([2, 5]);
    expect(changeValues(list[0]!)).toEqual([35, 40]);
    expect(formatsOf(list[0]!)).toBeNull();
    expect(Array.from(list[1]!.rows)).toEqual([0, 2]);
    expect(changeValues(list[1]!)).toEqual(['kelompok_usia', '30-39']);
  });

  test('formats appear once a cell has one, earlier cells of the column get ""', () => {
    const set = new ChangeSet(10);
    const day = new Date(Date.UTC(2024, 0, 2));
    set.set(0, 1, 'x');
    set.set(0, 2, day, 'yyyy-mm-dd');
    set.set(0, 3, 'y');
    const [ch] = set.list();
    expect(changeValues(ch!)).toEqual(['x', day, 'y']);
    expect(formatsOf(ch!)).toEqual(['', 'yyyy-mm-dd', '']);
  });

  test('holds more cells than the room it was sized for (rows past endRow)', () => {
    const set = new ChangeSet(2);
    for (let r = 1; r < 40; r++) set.set(0, r, r * 10);
    const [ch] = set.list();
    expect(ch!.rows.length).toBe(39);
    expect(Array.from(ch!.rows)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    expect(changeValues(ch!)).toEqual(Array.from({ length: 39 }, (_, i) => (i + 1) * 10));
    expect(changeValues(ch!).length).toBe(39);
  });

  test('a coded column is kept as given: its values read through the codes of the rows it lists', () => {
    const set = new ChangeSet(10);
    const codes = Int32Array.of(1, 0, 2, 1, 2);
    set.setCoded({ col: 2, rows: Int32Array.of(4, 6, 7), codes, offset: 3, dict: [undefined, 'satu', new Date(0)], dictFormats: ['', '', 'dd/mm/yyyy'] });
    const [ch] = set.list();
    expect(ch!.col).toBe(2);
    expect(Array.from(ch!.rows)).toEqual([4, 6, 7]);
    // rows 4, 6, 7 are codes[1], codes[3], codes[4]
    expect(changeValues(ch!)).toEqual([undefined, 'satu', new Date(0)]);
    expect(formatsOf(ch!)).toEqual(['', '', 'dd/mm/yyyy']);
  });

  test('a coded column that also gets single cells is listed, every cell kept in row order', () => {
    const set = new ChangeSet(10);
    set.setCoded({ col: 0, rows: Int32Array.of(1, 2), codes: Uint8Array.of(0, 1, 2), offset: 0, dict: ['', 'a', 'b'], dictFormats: null });
    set.set(0, 5, 'c');
    const [ch] = set.list();
    expect(Array.from(ch!.rows)).toEqual([1, 2, 5]);
    expect(changeValues(ch!)).toEqual(['a', 'b', 'c']);
    expect(formatsOf(ch!)).toBeNull();
  });

  test('a row set out of order (or twice) is refused loudly: the writer\'s cursor would skip it', () => {
    const set = new ChangeSet(10);
    set.set(0, 4, 'a');
    expect(() => set.set(0, 2, 'b')).toThrow('rows out of order (0:2)');
    expect(() => set.set(0, 4, 'again')).toThrow('rows out of order (0:4)');
    // A coded column that then gets an earlier single cell is refused too.
    set.setCoded({ col: 1, rows: Int32Array.of(3, 6), codes: Uint8Array.of(0, 0, 0, 1, 0, 0, 1), offset: 0, dict: ['', 'x'], dictFormats: null });
    expect(() => set.set(1, 5, 'y')).toThrow('rows out of order (1:5)');
    // The column set in order keeps its cell.
    expect(changeValues(set.list()[0]!)).toEqual(['a']);
  });
});

describe('CodedCells: a column of values as codes', () => {
  test('codes start as bytes and widen when the dictionary outgrows them, keeping every code', () => {
    const cells = new CodedCells(400);
    for (let i = 0; i < 400; i++) {
      const code = cells.codeOf(`v${i}`);
      cells.codes[i] = code;
    }
    expect(cells.codes).toBeInstanceOf(Uint16Array);
    expect(Array.from(cells.codes, (c) => cells.dict[c])).toEqual(Array.from({ length: 400 }, (_, i) => `v${i}`));
    // Past 65,536 values, four bytes a code.
    const many = new CodedCells(70000);
    for (let i = 0; i < 70000; i++) {
      // The code first: codeOf may replace `codes` with a wider array.
      const code = many.codeOf(i);
      many.codes[i] = code;
    }
    expect(many.codes).toBeInstanceOf(Uint32Array);
    expect(Array.from(many.codes, (c) => many.dict[c])).toEqual(Array.from({ length: 70000 }, (_, i) => i));
    expect(cells.find('v7')).toBe(8);
    expect(cells.find('')).toBe(0);
    expect(cells.find('nothing')).toBe(-1);
    // the number 5 and the text "5" are two values, as they are two different cells
    expect(cells.codeOf(5)).not.toBe(cells.codeOf('5'));
  });
});
