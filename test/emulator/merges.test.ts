import { Emulator } from '../../tools/emulator';

function setup() {
  const emu = new Emulator();
  const ss = emu.createSpreadsheet('Book');
  const sheet = ss.getSheets()[0];
  sheet.getRange(1, 1, 3, 3).setValues([
    ['a', 'b', 'c'],
    ['d', 'e', 'f'],
    ['g', 'h', 'i'],
  ]);
  return { emu, ss, sheet };
}

describe('merged cells', () => {
  test('merge keeps only the top-left value; the other cells read as "" in values, display values and formulas', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 2, 2).merge();
    expect(sheet.getRange(1, 1, 3, 3).getValues()).toEqual([
      ['a', '', 'c'],
      ['', '', 'f'],
      ['g', 'h', 'i'],
    ]);
    expect(sheet.getRange(1, 1, 2, 2).getDisplayValues()).toEqual([['a', ''], ['', '']]);
    expect(sheet.getRange(2, 2).getValue()).toBe('');
    // Breaking the merge does not bring the discarded values back.
    sheet.getRange(1, 1, 2, 2).breakApart();
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([['a', ''], ['', '']]);
  });

  test('writes under a merge are dropped; the top-left cell takes the write', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 3).merge();
    sheet.getRange(1, 1, 1, 3).setValues([['x', 'y', '=1+1']]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([['x', '', '']]);
    expect(sheet.getRange(1, 1, 1, 3).getFormulas()).toEqual([['', '', '']]);
  });

  test('getMergedRanges lists merges inside or overlapping the range; isPartOfMerge', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').merge();
    sheet.getRange('C2:C3').merge();
    expect(sheet.getRange('A1:C3').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:B1', 'C2:C3']);
    expect(sheet.getRange('B1').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:B1']);
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('A2:B3').isPartOfMerge()).toBe(false);
    expect(sheet.getRange('A2:B3').getMergedRanges()).toEqual([]);
  });

  test('mergeVertically merges each column; mergeAcross each row', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').mergeVertically();
    expect(sheet.getRange('A1:C3').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:A2', 'B1:B2']);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([['a', 'b'], ['', '']]);
    sheet.getRange('A3:C3').mergeAcross();
    expect(sheet.getRange('A3').getMergedRanges()[0].getA1Notation()).toBe('A3:C3');
    expect(sheet.getRange('A3:C3').getValues()).toEqual([['g', '', '']]);
  });

  test('merging or breaking across part of an existing merge throws Sheets\' message', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').merge();
    const message = 'You must select all cells in a merged range to merge or unmerge them.';
    expect(() => sheet.getRange('B2:C3').merge()).toThrow(message);
    expect(() => sheet.getRange('A1:A2').breakApart()).toThrow(message);
    // A range containing the whole merge may re-merge it bigger.
    sheet.getRange('A1:C2').merge();
    expect(sheet.getRange('A1:C3').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:C2']);
  });

  test('merges move and grow with inserted rows and shrink with deleted ones; they survive toState/fromState', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A2:A3').merge();
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange('A1:A10').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A4:A5']);
    sheet.insertRowAfter(4);
    expect(sheet.getRange('A1:A10').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A4:A6']);
    sheet.deleteRows(5, 2);
    expect(sheet.getRange('A1:A10').getMergedRanges()).toEqual([]);
    sheet.getRange('B1:C1').merge();
    sheet.insertColumnBefore(1);
    const back = Emulator.fromState(JSON.parse(JSON.stringify(emu.toState())));
    expect(back.spreadsheets[0].getSheets()[0].getRange('A1:E1').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['C1:D1']);
  });
});
