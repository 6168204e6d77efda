/**
 * The emulator's TextFinder against the documented semantics ("Class TextFinder"): what a cell
 * is searched in (display value, or formula text with matchFormulaText), the match options, the
 * search order, and that only the matches are read.
 */
import { Emulator } from '../../tools/emulator';

function setup() {
  const emu = new Emulator({ timeZone: 'Asia/Jakarta' });
  const ss = emu.createSpreadsheet('Book');
  const sheet = ss.getSheets()[0];
  sheet.getRange(1, 1, 4, 3).setValues([
    ['Nama', 'Layanan', 'Usia'],
    ['Budi', 'Informasi', 35],
    ['Ani', "'=bukan rumus", '40 th'],
    ['Café', 'informasi klaim', ''],
  ]);
  // Formula cells: one showing a number, one showing text, one showing an error.
  sheet.getRange('C4').setFormula('=C2+5');
  sheet.getRange('D2').setFormula('="JHT"&"1"');
  sheet.getRange('D3').setFormula('=NA()');
  return { emu, sheet };
}

const a1 = (ranges: { getA1Notation(): string }[]): string[] => ranges.map((r) => r.getA1Notation());

describe('TextFinder', () => {
  test('matchFormulaText with ^= finds every formula cell in the range; a text cell showing "=…" is found too; only matches are read', () => {
    const { emu, sheet } = setup();
    const before = emu.stats.cellsRead;
    const hits = sheet.getRange(1, 1, 4, 4).createTextFinder('^=').useRegularExpression(true).matchFormulaText(true).findAll();
    expect(a1(hits)).toEqual(['D2', 'B3', 'D3', 'C4']);
    expect(emu.stats.cellsRead - before).toBe(4);
    expect(hits.map((r) => r.getFormula())).toEqual(['="JHT"&"1"', '', '=NA()', '=C2+5']);
  });

  test('without matchFormulaText a formula cell is searched in what it shows, not in its formula', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 4, 4);
    expect(a1(range.createTextFinder('&').findAll())).toEqual([]);
    expect(a1(range.createTextFinder('&').matchFormulaText(true).findAll())).toEqual(['D2']);
    expect(a1(range.createTextFinder('40').findAll())).toEqual(['C3', 'C4']);
    expect(a1(range.createTextFinder('#N/A').findAll())).toEqual(['D3']);
  });

  test('partial and case-insensitive by default; matchCase and matchEntireCell narrow it', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 4, 3);
    expect(a1(range.createTextFinder('informasi').findAll())).toEqual(['B2', 'B4']);
    expect(a1(range.createTextFinder('informasi').matchCase(true).findAll())).toEqual(['B4']);
    expect(a1(range.createTextFinder('informasi').matchEntireCell(true).findAll())).toEqual(['B2']);
  });

  test('the search text is literal unless useRegularExpression; ignoreDiacritics compares without accents', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 4, 3);
    expect(a1(range.createTextFinder('Inf.rmasi').findAll())).toEqual([]);
    expect(a1(range.createTextFinder('Inf.rmasi').useRegularExpression(true).findAll())).toEqual(['B2', 'B4']);
    expect(a1(range.createTextFinder('^\\d+ th$').useRegularExpression(true).findAll())).toEqual(['C3']);
    expect(a1(range.createTextFinder('cafe').findAll())).toEqual([]);
    expect(a1(range.createTextFinder('cafe').ignoreDiacritics(true).findAll())).toEqual(['A4']);
  });

  test('a range finder sees only its cells; a sheet finder the whole used area', () => {
    const { sheet } = setup();
    expect(a1(sheet.getRange('B1:B4').createTextFinder('a').findAll())).toEqual(['B1', 'B2', 'B3', 'B4']);
    expect(a1(sheet.getRange('A1:A4').createTextFinder('a').findAll())).toEqual(['A1', 'A3', 'A4']);
    expect(a1(sheet.createTextFinder('=').matchFormulaText(true).findAll())).toEqual(['D2', 'B3', 'D3', 'C4']);
  });

  test('findNext and findPrevious walk the matches row by row from the current one (or startFrom), then return null', () => {
    const { sheet } = setup();
    const finder = sheet.createTextFinder('i');
    const seen: string[] = [];
    for (let r = finder.findNext(); r; r = finder.findNext()) seen.push(r.getA1Notation());
    expect(seen).toEqual(['C1', 'A2', 'B2', 'A3', 'B4']);
    expect(finder.getCurrentMatch()?.getA1Notation()).toBe('B4');
    expect(finder.findPrevious()?.getA1Notation()).toBe('A3');
    const from = sheet.createTextFinder('i').startFrom(sheet.getRange('A3'));
    expect(from.findNext()?.getA1Notation()).toBe('B4');
    expect(sheet.createTextFinder('tidak ada').findNext()).toBeNull();
    expect(sheet.createTextFinder('i').getCurrentMatch()).toBeNull();
  });

  test('a cell hidden by a merge never matches; an empty search text is refused', () => {
    const { sheet } = setup();
    sheet.getRange('E1').setValue('sama');
    sheet.getRange('F1').setValue('sama');
    sheet.getRange('E1:F1').merge();
    expect(a1(sheet.getRange('E1:F1').createTextFinder('sama').findAll())).toEqual(['E1']);
    expect(() => sheet.createTextFinder('')).toThrow(/empty/);
  });
});
