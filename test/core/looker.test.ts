import { LOOKER_CREATE_URL, aliasOf, lookerStudioUrl } from '../../src/core/looker';

describe('lookerStudioUrl', () => {
  const url = lookerStudioUrl('1AbC-xyz_9', [
    { name: 'ds_harian', sheetId: 0 },
    { name: 'ds_minggu_bulan', sheetId: 123456789 },
  ]);
  const params = new URL(url).searchParams;

  test('points at the Linking API create endpoint', () => {
    expect(url.startsWith(LOOKER_CREATE_URL + '?')).toBe(true);
    expect(params.get('r.reportName')).toBe('Pola Layanan');
  });

  test('one Google Sheets data source per tab, bound by spreadsheet id and the tab\'s gid, with a header row', () => {
    expect([...params.entries()].slice(1)).toEqual([
      ['ds.harian.connector', 'googleSheets'],
      ['ds.harian.datasourceName', 'ds_harian'],
      ['ds.harian.spreadsheetId', '1AbC-xyz_9'],
      ['ds.harian.worksheetId', '0'],
      ['ds.harian.hasHeader', 'true'],
      ['ds.minggubulan.connector', 'googleSheets'],
      ['ds.minggubulan.datasourceName', 'ds_minggu_bulan'],
      ['ds.minggubulan.spreadsheetId', '1AbC-xyz_9'],
      ['ds.minggubulan.worksheetId', '123456789'],
      ['ds.minggubulan.hasHeader', 'true'],
    ]);
  });

  test('the report name is encoded, not spliced', () => {
    const named = new URL(lookerStudioUrl('id', [], 'Cabang Madiun & Ponorogo #1')).searchParams;
    expect([...named.entries()]).toEqual([['r.reportName', 'Cabang Madiun & Ponorogo #1']]);
  });
});

test('aliasOf drops the ds_ prefix and every character that is not a letter or digit', () => {
  expect(['ds_harian', 'ds_keluhan_jmo', 'info_ringkasan', 'ds_x-1'].map(aliasOf)).toEqual(['harian', 'keluhanjmo', 'inforingkasan', 'x1']);
});
