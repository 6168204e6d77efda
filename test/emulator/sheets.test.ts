import { CELL_LIMIT, Emulator } from '../../tools/emulator';

function setup() {
  const emu = new Emulator();
  const ss = emu.createSpreadsheet('Book');
  return { emu, ss };
}

describe('spreadsheet and sheets', () => {
  test('spreadsheet identity, url, time zone and locale', () => {
    const emu = new Emulator();
    const ss = emu.createSpreadsheet('Kunjungan', { id: 'abc123', timeZone: 'Asia/Makassar' });
    expect(ss.getId()).toBe('abc123');
    expect(ss.getName()).toBe('Kunjungan');
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/abc123/edit');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Makassar');
    expect(ss.getSpreadsheetLocale()).toBe('id');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow();
    const app = emu.globals().SpreadsheetApp as { openById(id: string): unknown; getActive(): unknown };
    expect(app.openById('abc123')).toBe(ss);
    expect(app.getActive()).toBe(ss);
    expect(() => app.openById('missing')).toThrow(/openById/);
  });

  test('insertSheet: 1000 x 26, becomes active, index, duplicate names rejected', () => {
    const { ss } = setup();
    const a = ss.insertSheet('Ringkasan');
    expect([a.getMaxRows(), a.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.getActiveSheet()).toBe(a);
    expect(a.getIndex()).toBe(2);
    const b = ss.insertSheet('Awal', 0);
    expect(b.getIndex()).toBe(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Awal', 'Sheet1', 'Ringkasan']);
    expect(ss.getNumSheets()).toBe(3);
    expect(() => ss.insertSheet('Ringkasan')).toThrow('A sheet with the name "Ringkasan" already exists. Please enter another name.');
    expect(() => ss.insertSheet('ringkasan')).toThrow('already exists');
    expect(ss.insertSheet().getName()).toBe('Sheet4');
  });

  test('sheet ids: first is 0, unique, increasing, stable across rename; lookup by new name only', () => {
    const { ss } = setup();
    const first = ss.getSheets()[0];
    expect(first.getSheetId()).toBe(0);
    const ids = [first.getSheetId()];
    for (let i = 0; i < 5; i++) ids.push(ss.insertSheet(`S${i}`).getSheetId());
    expect(new Set(ids).size).toBe(6);
    for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]);
    expect(ids[5]).toBeLessThan(2 ** 31);
    const s2 = ss.getSheetByName('S2')!;
    const id = s2.getSheetId();
    s2.setName('Dua');
    expect(s2.getSheetId()).toBe(id);
    expect(ss.getSheetByName('S2')).toBeNull();
    expect(ss.getSheetByName('Dua')).toBe(s2);
    expect(ss.getSheetById(id)).toBe(s2);
    expect(() => s2.setName('S3')).toThrow('already exists');
    // Deleting and re-adding never reuses an id.
    ss.deleteSheet(s2);
    expect(ss.getSheetById(id)).toBeNull();
    expect(ss.insertSheet('Dua').getSheetId()).toBeGreaterThan(ids[5]);
  });

  test('hidden sheets; the last visible sheet cannot be hidden or deleted', () => {
    const { ss } = setup();
    const s1 = ss.getSheets()[0];
    const s2 = ss.insertSheet('Data');
    s2.hideSheet();
    expect(s2.isSheetHidden()).toBe(true);
    expect(() => s1.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    expect(() => ss.deleteSheet(s1)).toThrow("You can't remove all the visible sheets in a document.");
    s2.showSheet();
    ss.deleteSheet(s1);
    expect(ss.getSheets()).toEqual([s2]);
  });

  test('10,000,000-cell limit counts every sheet grid', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    expect(ss.cellCount()).toBe(26000);
    sheet.deleteColumns(26, 1);
    sheet.insertRowsAfter(1000, 398000); // 399,000 x 25 = 9,975,000
    const msg = `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`;
    expect(() => ss.insertSheet('Lagi')).toThrow(msg); // +26,000
    expect(() => sheet.insertColumnsAfter(25, 1)).toThrow(msg); // +399,000
    expect(() => sheet.insertRowsAfter(1, 1001)).toThrow(msg);
    expect(sheet.getMaxRows()).toBe(399000);
    sheet.insertRowsAfter(1, 1000); // exactly at the limit is allowed
    expect(ss.cellCount()).toBe(CELL_LIMIT);
    expect(() => sheet.insertRowsAfter(1, 1)).toThrow(msg);
    sheet.deleteRows(2, 1000);
    expect(ss.cellCount()).toBe(CELL_LIMIT - 25000);
  });

  test('row/column insertion and deletion shift data; last row/column track content', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange(1, 1, 3, 2).setValues([['a', 1], ['b', 2], ['c', 3]]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange(1, 1, 5, 1).getValues().map((r) => r[0])).toEqual(['a', '', '', 'b', 'c']);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange(1, 1, 3, 1).getValues().map((r) => r[0])).toEqual(['a', 'b', 'c']);
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['a', '', 1]);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
    expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow("You can't delete all the rows on the sheet.");
  });

  test('frozen rows/columns and column widths', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect(sheet.getColumnWidth(3)).toBe(100);
    sheet.setColumnWidth(3, 250);
    sheet.setColumnWidths(4, 2, 80);
    expect([sheet.getColumnWidth(3), sheet.getColumnWidth(4), sheet.getColumnWidth(5), sheet.getColumnWidth(6)]).toEqual([250, 80, 80, 100]);
    sheet.getRange(1, 1).setValue('a fairly long header text');
    sheet.autoResizeColumns(1, 1);
    expect(sheet.getColumnWidth(1)).toBeGreaterThan(100);
  });

  test('clear, clearContents and clearFormats on a sheet', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.getRange(1, 1).setValue(1).setNumberFormat('0.00');
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange(1, 1).getNumberFormat()).toBe('0.00');
    sheet.clearFormats();
    expect(sheet.getRange(1, 1).getNumberFormat()).toBe('General');
    sheet.getRange(2, 2).setValue('x');
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
  });

  test('spreadsheet getRange with a sheet name', () => {
    const { ss } = setup();
    const s = ss.insertSheet('My Data');
    s.getRange('B2').setValue(7);
    expect(ss.getRange("'My Data'!B2").getValue()).toBe(7);
    expect(ss.getRange("'My Data'!A1:C3").getNumRows()).toBe(3);
  });
});
