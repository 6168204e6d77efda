import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, Emulator, METADATA_CHARS_PER_LOCATION } from '../../tools/emulator';

function setup() {
  const emu = new Emulator();
  const ss = emu.createSpreadsheet('Book');
  const app = emu.globals().SpreadsheetApp as {
    DeveloperMetadataVisibility: typeof DeveloperMetadataVisibility;
    DeveloperMetadataLocationType: typeof DeveloperMetadataLocationType;
  };
  return { emu, ss, app };
}

describe('developer metadata', () => {
  test('a sheet tag: key, value, visibility, id, location; addDeveloperMetadata chains on the sheet', () => {
    const { ss, app } = setup();
    const sheet = ss.insertSheet('ds_harian');
    expect(sheet.addDeveloperMetadata('pola-layanan', 'ds_harian', app.DeveloperMetadataVisibility.PROJECT)).toBe(sheet);
    const [md] = sheet.getDeveloperMetadata();
    expect(md.getKey()).toBe('pola-layanan');
    expect(md.getValue()).toBe('ds_harian');
    expect(md.getVisibility()).toBe(app.DeveloperMetadataVisibility.PROJECT);
    expect(String(md.getVisibility())).toBe('PROJECT');
    expect(Number.isInteger(md.getId()) && md.getId() > 0).toBe(true);
    expect(md.getLocation().getLocationType()).toBe(app.DeveloperMetadataLocationType.SHEET);
    expect(md.getLocation().getSheet()).toBe(sheet);
    expect(md.getLocation().getSpreadsheet()).toBeNull();
  });

  test('overloads: (key), (key, visibility), (key, value): a string "PROJECT" is a value, the enum is a visibility', () => {
    const { ss, app } = setup();
    const sheet = ss.getSheets()[0];
    sheet.addDeveloperMetadata('a');
    sheet.addDeveloperMetadata('b', app.DeveloperMetadataVisibility.PROJECT);
    sheet.addDeveloperMetadata('c', 'PROJECT');
    const got = sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())]);
    expect(got).toEqual([
      ['a', null, 'DOCUMENT'],
      ['b', null, 'PROJECT'],
      ['c', 'PROJECT', 'DOCUMENT'],
    ]);
    expect(() => sheet.addDeveloperMetadata('')).toThrow('Invalid argument: key');
    expect(() => sheet.addDeveloperMetadata('d', 'v', 'SECRET')).toThrow('Invalid argument: visibility');
  });

  test('a tag survives a rename and is found by the finder; it is deleted with its sheet', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('ds_harian');
    sheet.addDeveloperMetadata('pola-layanan', 'ds_harian');
    sheet.setName('Harian (lama)');
    const found = ss.createDeveloperMetadataFinder().withKey('pola-layanan').withValue('ds_harian').find();
    expect(found).toHaveLength(1);
    expect(found[0].getLocation().getSheet()!.getName()).toBe('Harian (lama)');
    ss.deleteSheet(sheet);
    expect(ss.createDeveloperMetadataFinder().withKey('pola-layanan').find()).toHaveLength(0);
  });

  test('spreadsheet-level metadata is apart from sheet metadata; finders filter by location type and scope', () => {
    const { ss, app } = setup();
    const a = ss.getSheets()[0];
    const b = ss.insertSheet('B');
    expect(ss.addDeveloperMetadata('version', '3')).toBe(ss);
    a.addDeveloperMetadata('tab', 'a');
    b.addDeveloperMetadata('tab', 'b');
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['version']);
    expect(ss.getDeveloperMetadata()[0].getLocation().getSpreadsheet()).toBe(ss);
    expect(ss.getDeveloperMetadata()[0].getLocation().getSheet()).toBeNull();
    expect(ss.createDeveloperMetadataFinder().find()).toHaveLength(3);
    expect(ss.createDeveloperMetadataFinder().withLocationType(app.DeveloperMetadataLocationType.SHEET).find()).toHaveLength(2);
    expect(ss.createDeveloperMetadataFinder().withLocationType(app.DeveloperMetadataLocationType.SPREADSHEET).find()).toHaveLength(1);
    expect(b.createDeveloperMetadataFinder().withKey('tab').find().map((m) => m.getValue())).toEqual(['b']);
    const id = a.getDeveloperMetadata()[0].getId();
    expect(ss.createDeveloperMetadataFinder().withId(id).find()[0].getValue()).toBe('a');
  });

  test('setKey, setValue, remove change the stored tag', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.addDeveloperMetadata('k', 'v');
    sheet.getDeveloperMetadata()[0].setKey('k2').setValue('v2');
    expect(sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['k2', 'v2']]);
    sheet.getDeveloperMetadata()[0].remove();
    expect(sheet.getDeveloperMetadata()).toHaveLength(0);
  });

  test('30,000 characters per location: the call that would pass it throws and stores nothing', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.addDeveloperMetadata('k', 'x'.repeat(METADATA_CHARS_PER_LOCATION - 1));
    expect(() => sheet.addDeveloperMetadata('k', 'y')).toThrow(/30000 characters/);
    expect(sheet.getDeveloperMetadata()).toHaveLength(1);
    expect(() => sheet.getDeveloperMetadata()[0].setValue('x'.repeat(METADATA_CHARS_PER_LOCATION))).toThrow(/30000/);
    // Another location has its own budget.
    ss.addDeveloperMetadata('k', 'x'.repeat(METADATA_CHARS_PER_LOCATION - 1));
    expect(ss.getDeveloperMetadata()).toHaveLength(1);
  });

  test('metadata calls are counted service calls; writes are mutating', () => {
    const { emu, ss } = setup();
    emu.resetStats();
    const sheet = ss.getSheets()[0];
    sheet.addDeveloperMetadata('k');
    ss.createDeveloperMetadataFinder().withKey('k').find();
    expect(emu.stats.calls['Sheet.addDeveloperMetadata']).toBe(1);
    expect(emu.stats.calls['DeveloperMetadataFinder.find']).toBe(1);
    emu.injectFault({ failWriteAt: 1 });
    expect(() => sheet.addDeveloperMetadata('k2')).toThrow('Service Spreadsheets failed');
    expect(sheet.getDeveloperMetadata()).toHaveLength(1);
  });

  test('metadata survives toState/fromState with the same ids', () => {
    const { emu, ss } = setup();
    ss.getSheets()[0].addDeveloperMetadata('k', 'v');
    ss.addDeveloperMetadata('version', '1');
    const before = ss.createDeveloperMetadataFinder().find().map((m) => [m.getId(), m.getKey(), m.getValue()]);
    const back = Emulator.fromState(JSON.parse(JSON.stringify(emu.toState())));
    const ss2 = back.spreadsheets[0];
    expect(ss2.createDeveloperMetadataFinder().find().map((m) => [m.getId(), m.getKey(), m.getValue()])).toEqual(before);
    ss2.getSheets()[0].addDeveloperMetadata('k3');
    const ids = ss2.createDeveloperMetadataFinder().find().map((m) => m.getId());
    expect(new Set(ids).size).toBe(3);
  });
});
