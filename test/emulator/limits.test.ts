import { CELL_TOO_LONG_MESSAGE, Emulator, MAX_CELL_CHARS } from '../../tools/emulator';

function setup() {
  const emu = new Emulator();
  const ss = emu.createSpreadsheet('Book');
  const sheet = ss.getSheets()[0];
  return { emu, ss, sheet };
}

describe('50,000 characters per cell', () => {
  const exact = 'x'.repeat(MAX_CELL_CHARS);
  const tooLong = 'x'.repeat(MAX_CELL_CHARS + 1);

  test('the message is the one Sheets gives', () => {
    expect(CELL_TOO_LONG_MESSAGE).toBe('Your input contains more than the maximum of 50000 characters in a single cell.');
  });

  test('exactly 50,000 characters is accepted', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1).setValue(exact);
    expect((sheet.getRange(1, 1).getValue() as string).length).toBe(MAX_CELL_CHARS);
  });

  test('setValues with one over-long cell throws and writes nothing of the call', () => {
    const { emu, sheet } = setup();
    sheet.getRange(1, 1, 1, 3).setValues([['keep', 'keep', 'keep']]);
    const before = emu.stats.cellsWritten;
    expect(() => sheet.getRange(1, 1, 1, 3).setValues([['new', 'new', tooLong]])).toThrow(CELL_TOO_LONG_MESSAGE);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([['keep', 'keep', 'keep']]);
    expect(emu.stats.cellsWritten).toBe(before);
  });

  test('setValue, setFormula and setFormulas are refused the same way', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 2, 2).setValues([['a', 'b'], ['c', 'd']]);
    expect(() => sheet.getRange(1, 1, 2, 2).setValue(tooLong)).toThrow(CELL_TOO_LONG_MESSAGE);
    const longFormula = '="' + 'y'.repeat(MAX_CELL_CHARS) + '"';
    expect(() => sheet.getRange(1, 1).setFormula(longFormula)).toThrow(CELL_TOO_LONG_MESSAGE);
    expect(() => sheet.getRange(1, 1, 1, 2).setFormulas([['=1', longFormula]])).toThrow(CELL_TOO_LONG_MESSAGE);
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([['a', 'b'], ['c', 'd']]);
    expect(sheet.getRange(1, 1, 2, 2).getFormulas()).toEqual([['', ''], ['', '']]);
  });
});
