import { Emulator } from '../../tools/emulator';

function setup() {
  const emu = new Emulator();
  const ss = emu.createSpreadsheet('Book');
  const sheet = ss.getSheets()[0];
  return { emu, ss, sheet };
}

/** Writes each formula into its own cell of column A and reads the computed values back. */
function computed(formulas: string[]) {
  const { sheet } = setup();
  sheet.getRange(1, 1, formulas.length, 1).setFormulas(formulas.map((f) => [f]));
  return {
    values: sheet.getRange(1, 1, formulas.length, 1).getValues().map((r) => r[0]),
    display: sheet.getRange(1, 1, formulas.length, 1).getDisplayValues().map((r) => r[0]),
    formulas: sheet.getRange(1, 1, formulas.length, 1).getFormulas().map((r) => r[0]),
  };
}

describe('formula cells report their computed value', () => {
  test('literals and arithmetic on literals', () => {
    const got = computed(['=1+2*3', '=(1+2)*3', '=2^10', '=-4/8', '="a"&"b"&1', '=TRUE', '=1<2', '="x"="X"']);
    expect(got.values).toEqual([7, 9, 1024, -0.5, 'ab1', true, true, true]);
    expect(got.formulas).toEqual(['=1+2*3', '=(1+2)*3', '=2^10', '=-4/8', '="a"&"b"&1', '=TRUE', '=1<2', '="x"="X"']);
  });

  test('error values: #N/A, #DIV/0!, #VALUE!, #NUM!, #NAME?; errors propagate; display values show them', () => {
    const got = computed(['=NA()', '=1/0', '="abc"*2', '=10^400', '=VLOOKUP(1,B:C,2,FALSE)', '=NA()+1', '=1+#REF!']);
    expect(got.values).toEqual(['#N/A', '#DIV/0!', '#VALUE!', '#NUM!', '#NAME?', '#N/A', '#REF!']);
    expect(got.display).toEqual(got.values);
  });

  test('references to one cell, on this sheet or another; off-sheet and missing sheets are #REF!; cycles are #REF!', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Data Lain');
    other.getRange('B2').setValue(40);
    sheet.getRange('A1:A2').setValues([[2], ['']]);
    sheet.getRange('B1:B7').setFormulas([
      ["='Data Lain'!B2+A1"],
      ['=A1*B1'],
      ['=A2'],
      ['=A2+1'],
      ['=Nowhere!A1'],
      ['=A2000'],
      ['=B7+1'],
    ]);
    expect(sheet.getRange('B1:B7').getValues().map((r) => r[0])).toEqual([42, 84, '', 1, '#REF!', '#REF!', '#REF!']);
    // Computed on read: a change to a referenced cell shows at once.
    other.getRange('B2').setValue(0);
    expect(sheet.getRange('B1').getValue()).toBe(2);
    sheet.getRange('A1').setValue('teks');
    expect(sheet.getRange('B2').getValue()).toBe('#VALUE!');
  });

  test('setFormulaResult gives any formula its value; a cached per-cell value wins; null forgets it', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1:A3').setFormulas([['=VLOOKUP(1,B:C,2,FALSE)'], ['=VLOOKUP(1,B:C,2,FALSE)'], ['=IMPORTRANGE("x","y")']]);
    emu.setFormulaResult('=VLOOKUP(1,B:C,2,FALSE)', '#N/A');
    emu.setFormulaResult('=IMPORTRANGE("x","y")', '#ERROR!');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['#N/A'], ['#N/A'], ['#ERROR!']]);
    sheet.__setCell(2, 1, { value: 5 });
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['#N/A'], [5]]);
    emu.setFormulaResult('=VLOOKUP(1,B:C,2,FALSE)', null);
    expect(sheet.getRange('A1').getValue()).toBe('#NAME?');
    emu.setFormulaResult('=SUM(1,2)', 3);
    sheet.getRange('A4').setFormula('=SUM(1,2)');
    expect(sheet.getRange('A4').getValue()).toBe(3);
    expect(sheet.getRange('A4').getDisplayValue()).toBe('3');
    emu.setFormulaResult('=ISERR(1)', '#NULL!');
    sheet.getRange('A5').setFormula('=ISERR(1)');
    expect(sheet.getRange('A5').getValue()).toBe('#NULL!');
  });

  test('a value written over a formula replaces it; a formula written over a value computes', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(3);
    sheet.getRange('A1').setValue('=1/0');
    expect(sheet.getRange('A1').getValue()).toBe('#DIV/0!');
    sheet.getRange('A1').setValue(4);
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A1').getValue()).toBe(4);
  });
});
