import { Emulator, formatDate, zonedDate, zonedParts } from '../../tools/emulator';

describe('time zones and Utilities.formatDate', () => {
  const instant = new Date(Date.UTC(2024, 0, 31, 20, 5, 9, 45)); // 2024-01-31T20:05:09.045Z

  test('zone ahead of UTC (Asia/Jakarta, +07:00) rolls over to the next day', () => {
    expect(formatDate(instant, 'Asia/Jakarta', 'yyyy-MM-dd HH:mm:ss.SSS Z XXX')).toBe('2024-02-01 03:05:09.045 +0700 +07:00');
    expect(formatDate(instant, 'Asia/Jakarta', "EEE, d MMM yy 'jam' h:mm a")).toBe('Thu, 1 Feb 24 jam 3:05 AM');
  });

  test('zone ahead with DST (Pacific/Auckland, +13:00 in January)', () => {
    expect(formatDate(instant, 'Pacific/Auckland', 'yyyy-MM-dd HH:mm XXX EEEE MMMM')).toBe('2024-02-01 09:05 +13:00 Thursday February');
    const winter = new Date(Date.UTC(2024, 6, 1, 0, 0));
    expect(formatDate(winter, 'Pacific/Auckland', 'HH:mm Z')).toBe('12:00 +1200');
  });

  test('zone behind UTC (America/Los_Angeles) stays on the previous wall date', () => {
    expect(formatDate(instant, 'America/Los_Angeles', 'yyyy-MM-dd HH:mm:ss Z')).toBe('2024-01-31 12:05:09 -0800');
    const summer = new Date(Date.UTC(2024, 6, 1, 3, 0));
    expect(formatDate(summer, 'America/Los_Angeles', 'M/d/yyyy hh:mm a XXX')).toBe('6/30/2024 08:00 PM -07:00');
  });

  test('UTC and fixed offsets, quoted literals and illegal letters', () => {
    expect(formatDate(instant, 'UTC', "yyyy-MM-dd'T'HH:mm:ssX")).toBe('2024-01-31T20:05:09Z');
    expect(formatDate(instant, 'GMT+7', 'HH:mm')).toBe('03:05');
    expect(formatDate(instant, 'GMT', "'It''s' H")).toBe("It's 20");
    expect(() => formatDate(instant, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });

  test('Utilities.formatDate is the same function, exposed as a counted service', () => {
    const emu = new Emulator();
    const Utilities = emu.globals().Utilities as GoogleAppsScript.Utilities.Utilities;
    expect(Utilities.formatDate(instant, 'Asia/Jakarta', 'dd/MM/yyyy')).toBe('01/02/2024');
    expect(emu.stats.calls['Utilities.formatDate']).toBe(1);
  });

  test('zonedDate is the inverse of zonedParts, including across DST', () => {
    const d = zonedDate('Asia/Jakarta', 2024, 2, 1, 3, 5, 9);
    expect(d.toISOString()).toBe('2024-01-31T20:05:09.000Z');
    expect(zonedDate('America/Los_Angeles', 2024, 7, 4, 12).toISOString()).toBe('2024-07-04T19:00:00.000Z');
    expect(zonedDate('Pacific/Auckland', 2024, 1, 1).toISOString()).toBe('2023-12-31T11:00:00.000Z');
    // 02:30 does not exist on 2024-03-10 in Los Angeles: shifted forward like Sheets.
    expect(zonedDate('America/Los_Angeles', 2024, 3, 10, 2, 30).toISOString()).toBe('2024-03-10T10:30:00.000Z');
    // 01:30 happens twice on 2024-11-03: the earlier instant wins.
    expect(zonedDate('America/Los_Angeles', 2024, 11, 3, 1, 30).toISOString()).toBe('2024-11-03T08:30:00.000Z');
    const p = zonedParts(d, 'Asia/Jakarta');
    expect(p).toMatchObject({ year: 2024, month: 2, day: 1, hour: 3, minute: 5, second: 9, weekday: 4, offsetMinutes: 420 });
  });
});

describe('getDisplayValues and number formats', () => {
  test('default format is General; formats are stored and reported', () => {
    const emu = new Emulator();
    const sheet = emu.createSpreadsheet('F').getSheets()[0];
    expect(sheet.getRange(1, 1).getNumberFormat()).toBe('General');
    sheet.getRange(1, 1, 1, 2).setNumberFormats([['0.0%', 'yyyy-mm-dd']]);
    expect(sheet.getRange(1, 1, 1, 2).getNumberFormats()).toEqual([['0.0%', 'yyyy-mm-dd']]);
  });

  test('dates render in the spreadsheet time zone with Sheets date formats', () => {
    const emu = new Emulator();
    const ss = emu.createSpreadsheet('D', { timeZone: 'America/Los_Angeles', locale: 'en_US' });
    const sheet = ss.getSheets()[0];
    const d = new Date(Date.UTC(2024, 0, 31, 20, 5, 9));
    sheet.getRange(1, 1, 1, 5).setValues([[d, d, d, d, d]]);
    sheet.getRange(1, 1, 1, 5).setNumberFormats([['yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss', 'dd/mm/yyyy', 'd mmm yyyy h:mm AM/PM', 'General']]);
    expect(sheet.getRange(1, 1, 1, 5).getDisplayValues()).toEqual([
      ['2024-01-31', '2024-01-31 12:05:09', '31/01/2024', '31 Jan 2024 12:05 PM', '2024-01-31 12:05:09'],
    ]);
    ss.setSpreadsheetTimeZone('Asia/Jakarta');
    expect(sheet.getRange(1, 1).getDisplayValue()).toBe('2024-02-01');
  });

  test('percent and integer formats, locale separators, booleans, text', () => {
    const emu = new Emulator();
    const en = emu.createSpreadsheet('EN', { locale: 'en_US' }).getSheets()[0];
    en.getRange(1, 1, 1, 7).setValues([[0.1234, 0.1234, 0.5, 1234567.891, 1234567.891, true, 'teks']]);
    en.getRange(1, 1, 1, 7).setNumberFormats([['0.0%', '0.00%', '0%', '0', '#,##0', 'General', 'General']]);
    expect(en.getRange(1, 1, 1, 7).getDisplayValues()[0]).toEqual(['12.3%', '12.34%', '50%', '1234568', '1,234,568', 'TRUE', 'teks']);
    const id = emu.createSpreadsheet('ID', { locale: 'id' }).getSheets()[0];
    id.getRange(1, 1, 1, 3).setValues([[1234567.891, 0.125, 2.5]]);
    id.getRange(1, 1, 1, 2).setNumberFormats([['#,##0.00', '0.0%']]);
    expect(id.getRange(1, 1, 1, 3).getDisplayValues()[0]).toEqual(['1.234.567,89', '12,5%', '2,5']);
  });
});
