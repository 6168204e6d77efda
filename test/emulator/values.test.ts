import { Emulator, zonedDate } from '../../tools/emulator';

function setup() {
  const emu = new Emulator();
  const ss = emu.createSpreadsheet('Values');
  const sheet = ss.getSheets()[0];
  return { emu, ss, sheet };
}

describe('cell values', () => {
  test('getValues returns a fresh 2-D array with typed values and "" for empty cells', () => {
    const { sheet } = setup();
    const when = zonedDate('Asia/Jakarta', 2024, 3, 15, 9, 30);
    sheet.getRange(1, 1, 1, 4).setValues([[when, 12.5, true, 'teks']]);
    const a = sheet.getRange(1, 1, 2, 5).getValues();
    expect(a).toEqual([
      [when, 12.5, true, 'teks', ''],
      ['', '', '', '', ''],
    ]);
    expect(a[0][0]).toBeInstanceOf(Date);
    expect((a[0][0] as Date).getTime()).toBe(when.getTime());
    // Mutating the result (including the Date) must not touch the sheet.
    (a[0][0] as Date).setFullYear(1999);
    a[0][1] = 'changed';
    const b = sheet.getRange(1, 1, 2, 5).getValues();
    expect(b).not.toBe(a);
    expect(b[0][1]).toBe(12.5);
    expect((b[0][0] as Date).getTime()).toBe(when.getTime());
  });

  test('getRange outside the grid throws like Apps Script', () => {
    const { sheet } = setup();
    const msg = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => sheet.getRange(1001, 1)).toThrow(msg);
    expect(() => sheet.getRange(1, 1, 1001, 1)).toThrow(msg);
    expect(() => sheet.getRange(1, 27)).toThrow(msg);
    expect(() => sheet.getRange('A1:AA2')).toThrow(msg);
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange(1005, 1).getValue()).toBe('');
  });

  test('setValues with the wrong shape throws the Apps Script messages and writes nothing', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 2, 2);
    expect(() => r.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('strings are interpreted as user-entered input', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 10).setValues([['42', '-3.5', ' 7 ', 'true', 'False', "'0812", "'=1+1", 'abc', '12a', '1e3']]);
    expect(sheet.getRange(1, 1, 1, 10).getValues()[0]).toEqual([42, -3.5, 7, true, false, '0812', '=1+1', 'abc', '12a', 1000]);
    expect(sheet.getRange(1, 7).getFormula()).toBe('');
  });

  test('plain-text format (@) keeps strings verbatim', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 3).setNumberFormat('@');
    sheet.getRange(1, 1, 1, 3).setValues([['0812', 'TRUE', "'x"]]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['0812', 'TRUE', "'x"]);
    sheet.getRange(1, 1).setValue('=A2');
    expect(sheet.getRange(1, 1).getValue()).toBe('=A2');
    expect(sheet.getRange(1, 1).getFormula()).toBe('');
  });

  test('Dates, numbers, booleans are stored as given; null/undefined/"" clear', () => {
    const { sheet } = setup();
    const d = new Date(Date.UTC(2023, 11, 31, 23, 59, 59));
    sheet.getRange(1, 1, 1, 3).setValues([[d, 0, false]]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()[0]).toEqual([d, 0, false]);
    sheet.getRange(1, 1, 1, 3).setValues([[null, undefined, '']]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['', '', '']);
    expect(sheet.getLastRow()).toBe(0);
  });

  test('formulas: "=" strings become formulas; getValues shows the computed or cached value; values replace formulas', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 2).setValues([[1, '=A1*2']]);
    expect(sheet.getRange(1, 1, 1, 2).getFormulas()).toEqual([['', '=A1*2']]);
    expect(sheet.getRange(1, 2).getValue()).toBe(2);
    expect(sheet.getLastColumn()).toBe(2);
    sheet.__setCell(1, 2, { formula: '=A1*2', value: 7 });
    expect(sheet.getRange(1, 2).getValue()).toBe(7);
    sheet.getRange(1, 2).setValues([['plain']]);
    expect(sheet.getRange(1, 2).getFormula()).toBe('');
    expect(sheet.getRange(1, 2).getValue()).toBe('plain');
    sheet.getRange(2, 1).setFormula('=SUM(A1:B1)');
    expect(sheet.getRange(2, 1).getFormulas()).toEqual([['=SUM(A1:B1)']]);
    sheet.getRange(2, 1).setValue(5);
    expect(sheet.getRange(2, 1).getFormula()).toBe('');
  });

  test('setValue fills every cell of a multi-cell range; getValue reads the top-left', () => {
    const { sheet } = setup();
    sheet.getRange('B2:C3').setValue('x');
    expect(sheet.getRange('B2:C3').getValues()).toEqual([['x', 'x'], ['x', 'x']]);
    expect(sheet.getRange('B2:C3').getValue()).toBe('x');
  });

  test('range geometry, A1 notation and offset', () => {
    const { sheet } = setup();
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([2, 3, 4, 5, 5, 7]);
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(sheet.getRange(1, 28 - 2).getA1Notation()).toBe('Z1');
    expect(r.offset(1, -1, 1, 1).getA1Notation()).toBe('B3');
    expect(r.getSheet()).toBe(sheet);
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
  });

  test('clearContent keeps formats; clear removes both; font weights and backgrounds are stored', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 1, 2);
    r.setValues([[1, 2]]).setNumberFormat('0.00').setFontWeight('bold').setBackground('#ff0000');
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getBackground()).toBe('#ff0000');
    r.clearContent();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getNumberFormats()).toEqual([['0.00', '0.00']]);
    r.clear();
    expect(r.getNumberFormats()).toEqual([['General', 'General']]);
    expect(r.getFontWeight()).toBe('normal');
  });

  test('200,000 x 10 setValues/getValues round-trip (speed is measured by npm run bench)', () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(1000, 199000);
    const rows: unknown[][] = [];
    const d = new Date();
    for (let i = 0; i < 200000; i++) rows.push([i, `nama ${i}`, '12', d, true, 'Jakarta', 3.25, '', 'x', i % 7]);
    sheet.getRange(1, 1, 200000, 10).setValues(rows);
    const back = sheet.getRange(1, 1, 200000, 10).getValues();
    expect(back[199999][0]).toBe(199999);
    expect(back[5][2]).toBe(12);
    expect(sheet.getLastRow()).toBe(200000);
    expect(back[7]).toEqual([7, 'nama 7', 12, d, true, 'Jakarta', 3.25, '', 'x', 0]);
  });
});
