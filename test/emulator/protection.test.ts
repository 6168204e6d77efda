import { Emulator, PROTECTED_MESSAGE, ProtectionType } from '../../tools/emulator';

const OWNER = 'kepala@bpjs.example';
const STAFF = 'user@example.com';

/**
 * A spreadsheet owned by OWNER and shared with STAFF (the emulator's user, who runs the add-on).
 * `protectAs` runs a setup step as the owner, in its own execution, as a real owner would.
 */
function setup() {
  const emu = new Emulator({ userEmail: STAFF });
  const ss = emu.createSpreadsheet('Book', { owner: OWNER, editors: [STAFF] });
  const sheet = ss.getSheets()[0];
  sheet.getRange(1, 1, 3, 3).setValues([
    ['a', 'b', 'c'],
    ['d', 'e', 'f'],
    ['g', 'h', 'i'],
  ]);
  const asOwner = <T>(step: () => T): T => {
    emu.beginExecution('editor', OWNER);
    try {
      return step();
    } finally {
      emu.endExecution();
    }
  };
  return { emu, ss, sheet, asOwner };
}

describe('protected ranges and sheets', () => {
  test('a fresh protection mirrors the file editors, so it blocks nobody until its list changes', () => {
    const { sheet } = setup();
    const p = sheet.getRange('A1:B2').protect().setDescription('kunci');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF]);
    expect(p.canEdit()).toBe(true);
    sheet.getRange('A1').setValue('x');
    expect(sheet.getRange('A1').getValue()).toBe('x');
    expect(p.getDescription()).toBe('kunci');
    expect(p.getProtectionType()).toBe(ProtectionType.RANGE);
    expect(p.getRange().getA1Notation()).toBe('A1:B2');
  });

  test('a range protected by the owner for the owner only refuses every write by the staff user, every time', () => {
    const { sheet, asOwner } = setup();
    asOwner(() => {
      const p = sheet.getRange('A1:B2').protect();
      p.removeEditors(p.getEditors());
      expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]); // the owner cannot be removed
    });
    const [p] = sheet.getProtections(ProtectionType.RANGE);
    expect(p.canEdit()).toBe(false);
    const attempts: (() => unknown)[] = [
      () => sheet.getRange('B2').setValue('x'),
      () => sheet.getRange('A1:C1').setValues([['x', 'y', 'z']]),
      () => sheet.getRange('A2').setFormula('=1+1'),
      () => sheet.getRange('A1:B2').setFormulas([['=1', '=2'], ['=3', '=4']]),
      () => sheet.getRange('A1').setNumberFormat('0.00'),
      () => sheet.getRange('A1').setBackground('#ff0000'),
      () => sheet.getRange('A1').setFontWeight('bold'),
      () => sheet.getRange('B1:C3').clearContent(),
      () => sheet.getRange('A1').clear(),
      () => sheet.getRange('A1:B1').merge(),
      () => sheet.clear(),
      () => sheet.clearContents(),
      () => sheet.deleteRow(2),
      () => sheet.insertRowAfter(1),
      () => sheet.deleteColumns(1, 1),
      () => sheet.insertColumnAfter(1),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(PROTECTED_MESSAGE);
      expect(attempt).toThrow(PROTECTED_MESSAGE); // a retry is refused again
    }
    expect(sheet.getRange(1, 1, 3, 3).getValues()).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
    ]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('General');
    // Cells outside the protection, and edits that only move it, are allowed.
    sheet.getRange('C3').setValue('z');
    sheet.insertRowsBefore(1, 1);
    sheet.insertRowAfter(4);
    expect(p.getRange().getA1Notation()).toBe('A2:B3');
    expect(sheet.getRange('C4').getValue()).toBe('z');
  });

  test('the owner can always write through a protection; an explicit editor can too', () => {
    const { emu, sheet, asOwner } = setup();
    asOwner(() => {
      const p = sheet.getRange('A1:B2').protect();
      p.removeEditors(p.getEditors());
      sheet.getRange('A1').setValue('owner wrote');
    });
    expect(sheet.getRange('A1').getValue()).toBe('owner wrote');
    asOwner(() => sheet.getProtections(ProtectionType.RANGE)[0].addEditor(STAFF));
    sheet.getRange('A1').setValue('staff wrote');
    expect(sheet.getRange('A1').getValue()).toBe('staff wrote');
    expect(emu.currentExecution.user).toBe(STAFF);
  });

  test('warning-only protections let scripts write', () => {
    const { sheet, asOwner } = setup();
    asOwner(() => {
      const p = sheet.protect();
      p.removeEditors(p.getEditors());
      p.setWarningOnly(true);
    });
    sheet.getRange('A1').setValue('ok');
    expect(sheet.getRange('A1').getValue()).toBe('ok');
    expect(sheet.getProtections(ProtectionType.SHEET)[0].isWarningOnly()).toBe(true);
  });

  test('a protected sheet refuses writes outside its unprotected ranges, renames and deletion', () => {
    const { ss, sheet, asOwner } = setup();
    ss.insertSheet('Other');
    asOwner(() => {
      const p = sheet.protect().setDescription('log');
      p.removeEditors(p.getEditors());
      p.setUnprotectedRanges([sheet.getRange('C1:C3')]);
      // Sheet.protect() returns the existing protection.
      expect(sheet.protect().getDescription()).toBe('log');
    });
    sheet.getRange('C2').setValue('free');
    expect(sheet.getRange('C2').getValue()).toBe('free');
    expect(() => sheet.getRange('B2:C2').setValues([['x', 'y']])).toThrow(PROTECTED_MESSAGE);
    expect(() => sheet.setName('Renamed')).toThrow(PROTECTED_MESSAGE);
    expect(() => ss.deleteSheet(sheet)).toThrow(PROTECTED_MESSAGE);
    expect(ss.getSheetByName('Sheet1')).toBe(sheet);
    const p = ss.getProtections(ProtectionType.SHEET)[0];
    expect(p.getRange().getA1Notation()).toBe('A1:Z1000');
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['C1:C3']);
  });

  test('who cannot edit a protection cannot change or remove it; the owner can', () => {
    const { sheet, asOwner } = setup();
    asOwner(() => {
      const p = sheet.getRange('A1').protect();
      p.removeEditors(p.getEditors());
    });
    const p = sheet.getProtections(ProtectionType.RANGE)[0];
    expect(() => p.addEditor(STAFF)).toThrow(PROTECTED_MESSAGE);
    expect(() => p.setWarningOnly(true)).toThrow(PROTECTED_MESSAGE);
    expect(() => p.remove()).toThrow(PROTECTED_MESSAGE);
    asOwner(() => sheet.getProtections(ProtectionType.RANGE)[0].remove());
    expect(sheet.getProtections(ProtectionType.RANGE)).toHaveLength(0);
    sheet.getRange('A1').setValue('free again');
    expect(sheet.getRange('A1').getValue()).toBe('free again');
  });

  test('the effective user cannot remove themselves from a list they manage', () => {
    const { sheet } = setup();
    const p = sheet.getRange('A1').protect();
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF]);
    sheet.getRange('A1').setValue('still mine');
    expect(sheet.getRange('A1').getValue()).toBe('still mine');
  });

  test('getProtections by type, per sheet and per spreadsheet; protections survive toState/fromState', () => {
    const { emu, ss, sheet, asOwner } = setup();
    const other = ss.insertSheet('Other');
    asOwner(() => {
      const a = sheet.getRange('A1').protect();
      a.removeEditors(a.getEditors());
      other.getRange('B2:C3').protect();
      other.protect();
    });
    expect(ss.getProtections(ProtectionType.RANGE)).toHaveLength(2);
    expect(ss.getProtections(ProtectionType.SHEET)).toHaveLength(1);
    expect(other.getProtections(ProtectionType.RANGE).map((p) => p.getRange().getA1Notation())).toEqual(['B2:C3']);
    expect(() => ss.getProtections('CELL')).toThrow('Invalid argument: type');
    const back = Emulator.fromState(JSON.parse(JSON.stringify(emu.toState())), { userEmail: STAFF });
    const sheet2 = back.spreadsheets[0].getSheets()[0];
    expect(() => sheet2.getRange('A1').setValue('x')).toThrow(PROTECTED_MESSAGE);
    expect(back.spreadsheets[0].getProtections(ProtectionType.RANGE)).toHaveLength(2);
  });

  test('a protection whose cells are all deleted (by the owner) goes away', () => {
    const { sheet, asOwner } = setup();
    asOwner(() => {
      const p = sheet.getRange('A2:C2').protect();
      p.removeEditors(p.getEditors());
      sheet.deleteRow(2);
    });
    expect(sheet.getProtections(ProtectionType.RANGE)).toHaveLength(0);
  });
});
